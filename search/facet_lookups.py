"""The facet values of a search's hits, read in two SQL statements whatever the number of
content types: which hits carry which terms (every tag relation of every model with hits, in
one UNION ALL), and those terms' slugs and names in the visitor's language (every term model in
another).

Why SQL of our own: through the ORM these were one query per tag relation and model (fifteen
for a search that finds articles, courses, offers and general pages) and one per term model.
SQLite answered each in a fraction of a millisecond; building and compiling them took the ORM
about 0.25 ms apiece, a tenth of a search on 10,000 items (issue 8's latency target).

Tables and columns come from the models' metadata and are quoted by the connection; every
value (ids, the locale) travels as a parameter, the lists of ids as one value each
(search/id_lists.py). It runs on SQLite and PostgreSQL alike, and
tests/search/test_facet_lookups.py holds both answers to the ORM queries they replace.
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.core.exceptions import FieldDoesNotExist
from django.db import connections, router
from django.db.models import ManyToManyField, Model

from search.id_lists import integers_in_sql

Key = tuple[int, int]  # a hit's (content type id, pk)
# The fields of a term model read here (TranslatableMixin's translation_key and locale).
TERM_COLUMNS = ("id", "translation_key", "locale", "slug", "name")


@dataclass(frozen=True)
class TagRelation:
    """One model's tag field of one facet, with the pks of that model's hits."""

    facet: str
    content_type_id: int
    field: ManyToManyField
    pks: Sequence[int]


def tag_relation(model: type[Model], field_name: str) -> ManyToManyField | None:
    """The many-to-many field `field_name` of `model`, if it has one by that name."""
    try:
        field = model._meta.get_field(field_name)
    except FieldDoesNotExist:
        return None
    return field if isinstance(field, ManyToManyField) else None


def term_memberships(relations: Sequence[TagRelation]) -> dict[str, dict[int, set[Key]]]:
    """facet -> term id -> the keys of the hits that carry the term: one statement."""
    result: dict[str, dict[int, set[Key]]] = defaultdict(lambda: defaultdict(set))
    relations = [relation for relation in relations if relation.pks]
    if not relations:
        return result
    connection = _connection(relations[0].field.model)
    qn = connection.ops.quote_name
    parts: list[str] = []
    params: list = []
    for number, relation in enumerate(relations):
        source = f"r.{qn(relation.field.m2m_column_name())}"
        condition, condition_params = integers_in_sql(source, relation.pks, connection)
        parts.append(
            # Quoted names and the position of the relation in this list; values are parameters.
            f"SELECT {number}, {source}, r.{qn(relation.field.m2m_reverse_name())}"  # noqa: S608
            f" FROM {qn(relation.field.m2m_db_table())} r WHERE {condition}"
        )
        params.extend(condition_params)
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), params)
        rows = cursor.fetchall()
    for number, pk, term_id in rows:
        relation = relations[number]
        result[relation.facet][term_id].add((relation.content_type_id, pk))
    return result


def term_values(
    term_ids: dict[str, Iterable[int]], term_models: dict[str, type[Model]], locale_id: int
) -> dict[str, dict[int, tuple[str, str]]]:
    """facet -> term id -> (slug, name) of the same term in the locale `locale_id` (a term
    and its translations share a translation key), or of the term itself where it has no
    translation in that locale: one statement for every facet."""
    wanted = {facet: sorted(ids) for facet, ids in term_ids.items() if ids}
    result: dict[str, dict[int, tuple[str, str]]] = {facet: {} for facet in term_ids}
    if not wanted:
        return result
    facets = list(wanted)
    connection = _connection(term_models[facets[0]])
    qn = connection.ops.quote_name
    parts: list[str] = []
    params: list = []
    for number, facet in enumerate(facets):
        term_model = term_models[facet]
        table = qn(term_model._meta.db_table)
        pk, key, locale, slug, name = (
            qn(term_model._meta.get_field(field).column) for field in TERM_COLUMNS
        )
        condition, condition_params = integers_in_sql(f"t.{pk}", wanted[facet], connection)
        parts.append(
            # Quoted names and the facet's position in this list; values are parameters.
            f"SELECT {number}, t.{pk},"  # noqa: S608
            f" CASE WHEN own.{pk} IS NULL THEN t.{slug} ELSE own.{slug} END,"
            f" CASE WHEN own.{pk} IS NULL THEN t.{name} ELSE own.{name} END"
            f" FROM {table} t LEFT JOIN {table} own"
            f" ON own.{key} = t.{key} AND own.{locale} = %s"
            f" WHERE {condition}"
        )
        params.extend([locale_id, *condition_params])
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), params)
        rows = cursor.fetchall()
    for number, term_id, slug, name in rows:
        result[facets[number]][term_id] = (slug, name)
    return result


def _connection(model: type[Model]):
    return connections[router.db_for_read(model)]
