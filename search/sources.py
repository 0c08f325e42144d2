"""What one search looks through: live public pages, public documents, and the objects of any
model that opens the door `search_visible()` (sessions, consented expert profiles).

Each source is searched on its own through the configured backend; the hits are merged on a
score made comparable across sources (each source's best hit scores 1). What may be found is
decided again here at query time (search/visibility.py), not only when indexing: an object
that turned private a moment ago is never shown while its index entry is still being removed.
"""

from collections.abc import Iterator
from dataclasses import dataclass

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Model, QuerySet
from modelsearch.index import class_is_indexed
from modelsearch.query import PlainText
from wagtail.documents import get_document_model
from wagtail.models import Page

from search.snippets import query_terms
from search.visibility import publicly_visible

# Hits kept per source and query: enough to count facets on and page through, bounded so a
# one-letter query on a large site costs no more than this.
MAX_HITS_PER_SOURCE = 1000
# Added to a hit's score (at most 1) when its title holds the words searched for.
TITLE_BONUS = 1.0


@dataclass(frozen=True)
class Hit:
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
    the hits afterwards (`_visible`): the backends filter only on declared FilterFields, and
    "under no view restriction" is not one."""
    yield Page.objects.live().only("id", "content_type_id", "locale_id", "translation_key", "title")
    yield get_document_model().objects.only("id", "title")
    for model in door_models():
        yield model.objects.all()


def find_hits(query: str, backend: str = "default") -> list[Hit]:
    """Every source's hits for `query` that the public may see, best first."""
    hits: list[Hit] = []
    for queryset in source_querysets():
        hits.extend(_hits(queryset, query, backend))
    hits.sort(key=lambda hit: hit.score, reverse=True)
    return hits


def _visible(model: type[Model], pks: list[int]) -> set[int]:
    """Of `pks`, those the public may see now: one query."""
    visible = publicly_visible(model._default_manager.filter(pk__in=pks))
    return set(visible.values_list("pk", flat=True))


def title_bonus(title: str, terms: list[str]) -> float:
    """More for a title that holds every word searched for (inside a compound counts), a little
    for one that holds some. A word found in the title says more than the text's statistics:
    SQLite's bm25 scores a word that most pages contain as zero."""
    lowered = title.lower()
    present = sum(1 for term in terms if term in lowered)
    if not terms or not present:
        return 0.0
    return TITLE_BONUS if present == len(terms) else TITLE_BONUS / 2


def _hits(queryset: QuerySet, query: str, backend: str) -> list[Hit]:
    results = queryset.search(PlainText(query, operator="and"), backend=backend)
    found = list(results.annotate_score("_score")[:MAX_HITS_PER_SOURCE])
    if not found:
        return []
    visible = _visible(queryset.model, [obj.pk for obj in found])
    best = found[0]._score or 1.0
    model_type = ContentType.objects.get_for_model(queryset.model)
    terms = query_terms(query)
    hits = []
    for rank, obj in enumerate(found):
        if obj.pk not in visible:
            continue
        # SQLite's bm25 is negative (lower is better), PostgreSQL's ts_rank positive: divided
        # by the best of its own source, every score falls in (0, 1]. Without a usable score,
        # rank order stands in.
        score = (obj._score / best) if obj._score and best else 1 / (rank + 1)
        score += title_bonus(str(getattr(obj, "title", obj)), terms)
        hits.append(
            Hit(
                content_type_id=getattr(obj, "content_type_id", None) or model_type.pk,
                pk=obj.pk,
                score=score,
                locale_id=getattr(obj, "locale_id", None),
                translation_key=str(obj.translation_key)
                if getattr(obj, "translation_key", None)
                else None,
            )
        )
    return hits
