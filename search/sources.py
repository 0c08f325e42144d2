"""What one search looks through: live public pages, public documents, and the objects of any
model that opens the door `search_visible()` (sessions, consented expert profiles).

Each source is searched on its own through the configured backend; the hits are merged on a
score made comparable across sources (each source's best hit scores 1). What may be found is
decided again here at query time (search/visibility.py), not only when indexing: an object
that turned private a moment ago is never shown while its index entry is still being removed.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, NamedTuple

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, F, Field, IntegerField, Model, QuerySet, Value
from django.db.models.expressions import Expression
from django.db.models.functions import Cast
from modelsearch.index import class_is_indexed
from modelsearch.query import PlainText
from wagtail.documents import get_document_model
from wagtail.models import Page

from search.id_lists import pk_in
from search.snippets import query_terms
from search.visibility import publicly_visible

# Hits kept per source and query: enough to count facets on and page through, bounded so a
# one-letter query on a large site costs no more than this.
MAX_HITS_PER_SOURCE = 1000
# Added to a hit's score (at most 1) when its title holds the words searched for.
TITLE_BONUS = 1.0


class Hit(NamedTuple):
    """One object a search found. A named tuple, not a dataclass: a search builds up to a
    thousand per source, and a tuple is built several times faster."""

    content_type_id: int
    pk: int
    score: float
    locale_id: int | None = None
    translation_key: str | None = None

    @property
    def key(self) -> tuple[int, int]:
        return (self.content_type_id, self.pk)


def door_models() -> list[type[Model]]:
    """Indexed models (not pages, not documents) that say which of their objects are public."""
    document_model = get_document_model()
    return [
        model
        for model in apps.get_models()
        if class_is_indexed(model)
        and callable(getattr(model, "search_visible", None))
        and not issubclass(model, (Page, document_model))
    ]


def source_querysets() -> Iterator[QuerySet]:
    """What each source searches, with only the columns a hit needs. Visibility is checked on
    the hits afterwards (`_visible_rows`): the backends filter only on declared FilterFields, and
    "under no view restriction" is not one."""
    yield Page.objects.live()
    yield get_document_model().objects.all()
    for model in door_models():
        yield model.objects.all()


@dataclass(frozen=True)
class Found:
    hits: list[Hit]
    # True when a source had more matches than MAX_HITS_PER_SOURCE: `hits` holds its best.
    capped: bool = False


def find_hits(query: str, backend: str = "default") -> Found:
    """Every source's hits for `query` that the public may see, best first."""
    hits: list[Hit] = []
    capped = False
    for queryset in source_querysets():
        found, source_capped = _hits(queryset, query, backend)
        hits.extend(found)
        capped = capped or source_capped
    hits.sort(key=lambda hit: hit.score, reverse=True)
    return Found(hits, capped)


def title_bonus(title: str, terms: list[str]) -> float:
    """More for a title that holds every word searched for (inside a compound counts), a little
    for one that holds some. A word found in the title says more than the text's statistics:
    SQLite's bm25 scores a word that most pages contain as zero."""
    lowered = title.lower()
    present = sum(1 for term in terms if term in lowered)
    if not terms or not present:
        return 0.0
    return TITLE_BONUS if present == len(terms) else TITLE_BONUS / 2


def ranked(queryset: QuerySet, query: str, backend: str) -> list[tuple[Any, float | None]]:
    """(pk, score) of the objects of `queryset` matching `query`, best first. A backend whose
    results offer `ranked_ids()` answers without loading objects (the SQLite one); for
    the others the objects are loaded and read."""
    results = queryset.search(PlainText(query, operator="and"), backend=backend)
    results = results.annotate_score("_score")[:MAX_HITS_PER_SOURCE]
    ranked_ids = getattr(results, "ranked_ids", None)
    if callable(ranked_ids):
        return ranked_ids()
    return [(obj.pk, obj._score) for obj in results]


class _Row(NamedTuple):
    """What a hit carries beyond its score; None where the model has no such field."""

    title: str
    content_type_id: int | None
    locale_id: int | None
    # Read as text: it only has to compare equal to other hits' keys, and a UUID built for
    # each of up to a thousand rows costs more than the text.
    translation_key: str | None


# The columns of a _Row after the title, with their type when the model lacks them (NULL).
ROW_COLUMNS = {
    "content_type_id": IntegerField(),
    "locale_id": IntegerField(),
    "translation_key": CharField(),
}


def _visible_rows(model: type[Model], pks: list[Any]) -> dict[Any, _Row]:
    """pk -> a hit's fields, for those of `pks` the public may see now: one query, no model
    objects (but for a model without a title field, whose title is its str())."""
    visible = publicly_visible(model._default_manager.filter(pk_in(model, pks)))
    names = {field.attname for field in model._meta.concrete_fields}
    if "title" not in names:
        return {obj.pk: _row_of(obj, names) for obj in visible}
    columns = [_column(name, output_field, names) for name, output_field in ROW_COLUMNS.items()]
    # Unordered: read into a dict (a page's default order by path sorts a thousand rows).
    rows = visible.order_by().values_list("pk", "title", *columns)
    return {pk: _Row(*row) for pk, *row in rows}


def _column(name: str, output_field: Field, names: set[str]) -> Expression:
    if name not in names:
        return Value(None, output_field=output_field)
    return Cast(name, output_field) if name == "translation_key" else F(name)


def _row_of(obj: Model, names: set[str]) -> _Row:
    """What `_visible_rows` reads in SQL, read from an object: its title is its str()."""
    values = {name: getattr(obj, name) if name in names else None for name in ROW_COLUMNS}
    key = values["translation_key"]
    return _Row(
        str(obj), values["content_type_id"], values["locale_id"], None if key is None else str(key)
    )


def _hits(queryset: QuerySet, query: str, backend: str) -> tuple[list[Hit], bool]:
    """The source's visible hits, and whether it had more matches than it returned."""
    found = ranked(queryset, query, backend)
    if not found:
        return [], False
    model = queryset.model
    rows = _visible_rows(model, [pk for pk, _score in found])
    best = found[0][1] or 1.0
    model_type_id = ContentType.objects.get_for_model(model).pk
    terms = query_terms(query)
    hits = []
    for rank, (pk, raw_score) in enumerate(found):
        row = rows.get(pk)
        if row is None:
            continue
        # SQLite's bm25 is negative (lower is better), PostgreSQL's ts_rank positive: divided
        # by the best of its own source, every score falls in (0, 1]. Without a usable score,
        # rank order stands in.
        score = (raw_score / best) if raw_score and best else 1 / (rank + 1)
        score += title_bonus(str(row.title), terms)
        hits.append(
            Hit(
                content_type_id=row.content_type_id or model_type_id,
                pk=pk,
                score=score,
                locale_id=row.locale_id,
                translation_key=row.translation_key or None,
            )
        )
    return hits, len(found) >= MAX_HITS_PER_SOURCE
