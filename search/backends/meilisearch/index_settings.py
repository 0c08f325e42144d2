"""The Meilisearch index settings, as code: applied whenever the index is (re)built.

Which attributes are searchable (in order of weight), filterable and sortable follows from the
indexed models' search_fields (documents.py names the columns) plus the attributes we add
(schema.py); synonyms and stop words come from search/vocabulary.py, the one place to edit them.
"""

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from django.db import models

from search import vocabulary

from . import documents, schema

# "sort" first: when a search asks for an order (order_by_relevance=False) it is strict, as
# Wagtail's other backends give it; without a sort parameter the rule does nothing and
# relevance decides.
RANKING_RULES = ["sort", "words", "typo", "proximity", "attribute", "exactness"]
# Meilisearch counts and pages through at most this many hits of one search (its default is
# 1,000; the benchmarks index 10,000 items).
MAX_TOTAL_HITS = 10_000
# Dutch words are long: one typo from 5 letters ("gewld"), two from 8 ("kindermishandleing").
TYPO_TOLERANCE = {"enabled": True, "minWordSizeForTypos": {"oneTypo": 5, "twoTypos": 8}}
FACETING = {"maxValuesPerFacet": 200, "sortFacetValuesBy": {"*": "count"}}
# Attributes filterable and sortable on every document, whatever the models declare.
FILTERABLE = (
    schema.CONTENT_TYPE,
    schema.SPECIFIC_TYPE,
    schema.LOCALE,
    schema.PK,
    schema.DATE,
    *schema.FACETS,
)
SORTABLE = (schema.DATE, schema.PK)


def synonyms(
    groups: Iterable[Sequence[str]], one_way: Mapping[str, Sequence[str]]
) -> dict[str, list[str]]:
    """Meilisearch's synonyms: every word of a group finds all the others of its group; a
    one-way key finds its words. Lower case, no duplicates, in the order written."""
    found: dict[str, dict[str, None]] = {}
    for group in groups:
        words = [word.lower() for word in group]
        for word in words:
            found.setdefault(word, {}).update(dict.fromkeys(w for w in words if w != word))
    for key, words in one_way.items():
        found.setdefault(key.lower(), {}).update(dict.fromkeys(w.lower() for w in words))
    return {word: list(others) for word, others in found.items()}


def searchable_attributes(indexed_models: Iterable[type[models.Model]]) -> list[str]:
    """Heaviest first: schema.SEARCHABLE_HEAD, then the models' other searchable columns by
    boost (then name), then the compound parts."""
    boosts: dict[str, float] = {}
    for model in indexed_models:
        for column, boost in documents.searchable_columns(model):
            boosts[column] = max(boost, boosts.get(column, boost))
    rest = sorted(
        (column for column in boosts if column not in schema.SEARCHABLE_HEAD),
        key=lambda column: (-boosts[column], column),
    )
    return [*schema.SEARCHABLE_HEAD, *rest, schema.COMPOUND_PARTS]


def filterable_attributes(indexed_models: Iterable[type[models.Model]]) -> list[str]:
    columns = {column for model in indexed_models for column in documents.filter_columns(model)}
    return [*FILTERABLE, *sorted(columns - set(FILTERABLE))]


def sortable_attributes(indexed_models: Iterable[type[models.Model]]) -> list[str]:
    # Wagtail sorts search results only on FilterFields, so those are what may be sorted on
    # (a tree path's list of ancestors is only for filtering).
    columns = {
        column
        for model in indexed_models
        for column in documents.filter_columns(model)
        if not column.endswith(schema.PATH_PREFIXES_SUFFIX)
    }
    return [*SORTABLE, *sorted(columns - set(SORTABLE))]


def index_settings(indexed_models: Iterable[type[models.Model]]) -> dict[str, Any]:
    """The complete settings for the index that holds `indexed_models`."""
    indexed_models = list(indexed_models)
    return {
        "searchableAttributes": searchable_attributes(indexed_models),
        "filterableAttributes": filterable_attributes(indexed_models),
        "sortableAttributes": sortable_attributes(indexed_models),
        "rankingRules": RANKING_RULES,
        "stopWords": list(vocabulary.STOP_WORDS),
        "synonyms": synonyms(vocabulary.SYNONYM_GROUPS, vocabulary.ONE_WAY_SYNONYMS),
        "typoTolerance": TYPO_TOLERANCE,
        "faceting": FACETING,
        "pagination": {"maxTotalHits": MAX_TOTAL_HITS},
    }
