"""How the database backend ranks on SQLite (FTS5): bm25 with a weight per column, computed
once per search.

modelsearch's SQLite compiler has two costs we do not take:
- it ranks bm25 x (title_norm + 1), where title_norm grows as a title gets shorter, wherever
  the words matched: "Contact" and "Kennisbank" came first for any word;
- it attaches the score to each object through a correlated subquery that runs the FTS MATCH
  again for every row: a search on 10,000 items took over ten seconds.

Here the FTS table is asked once for (object id, score) of the matches that are also in the
searched queryset, ordered and sliced in SQL, and the objects of that slice are fetched by id.
"""

from typing import Any

from django.apps import apps
from django.db.models import F, FloatField, Func, Model, QuerySet
from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
from modelsearch.query import MatchAll, Not, Phrase, PlainText
from modelsearch.utils import get_descendants_content_types_pks

# The FTS5 table's columns in the order modelsearch's migration creates them, with the weight
# of a match in each: the autocomplete column is for the editors' choosers, not for ranking.
FTS_COLUMN_WEIGHTS = {"autocomplete": 0.0, "body": 1.0, "title": 4.0}


class WeightedBM25(Func):
    """FTS5's bm25 with a weight per column (autocomplete, title, body): modelsearch's plain
    bm25() weighs a word in the title like a word in the text."""

    output_field = FloatField()

    def as_sql(self, compiler, connection, **extra_context):
        table = apps.get_model("wagtailsearch", "SQLiteFTSIndexEntry")._meta.db_table
        weights = ", ".join(str(weight) for weight in FTS_COLUMN_WEIGHTS.values())
        return f"bm25({table}, {weights})", []


class WeightedColumns:
    """For modelsearch's SQLite search compiler: rank with WeightedBM25 (module doc)."""

    def get_search_vectors(self):
        # One vector: WeightedBM25 already weighs title against body.
        return [(F("index_entry__body"), 1.0)]

    def build_tsrank(self, vector, query, config=None, boost=1.0):
        if isinstance(query, (Phrase, PlainText, Not)):
            return WeightedBM25() * boost if boost != 1.0 else WeightedBM25()
        return super().build_tsrank(vector, query, config=config, boost=boost)


class RankedInOneQuery:
    """For modelsearch's SQLite compilers (search and autocomplete): scores in one query."""

    def ranks_in_one_query(self) -> bool:
        """True for a plain relevance-ordered search, which `ranked_ids` answers; a negated or
        match-all query, or one ordered by a field, goes the modelsearch way."""
        query = normalize(self.query)
        return self.order_by_relevance and not isinstance(query, (MatchAll, Not))

    def matches(self, config: Any) -> QuerySet:
        """FTS entries matching the query, for the searched model and the objects of the
        searched queryset, each with its score (lower is better: bm25)."""
        # As modelsearch's search() builds it, up to the scoring.
        search_query = self.build_search_query(normalize(self.query), config=config)
        match = MatchExpression(self.fields or self.FTS_TABLE_FIELDS, search_query)
        rank = self._build_rank_expression(self.get_search_vectors(), config)
        fts_entry = apps.get_model("wagtailsearch", "SQLiteFTSIndexEntry")
        return (
            fts_entry.objects.filter(match)
            .filter(
                index_entry__content_type__in=get_descendants_content_types_pks(
                    self.queryset.model
                ),
                # Uncorrelated: SQLite evaluates the queryset once, as a set.
                index_entry__object_id__in=self.queryset.values("pk"),
            )
            .annotate(score=rank)
        )

    def ranked_ids(self, config: Any, start: int, stop: int | None) -> list[tuple[Any, float]]:
        """(pk, score) of the matches from `start` to `stop`, best first: one query."""
        ranked = (
            self.matches(config)
            .order_by("score", "-index_entry_id")
            .values_list("index_entry__object_id", "score")[start:stop]
        )
        to_pk = self.queryset.model._meta.pk.to_python
        return [(to_pk(object_id), score) for object_id, score in ranked]

    def ranked_matches(
        self, config: Any, start: int, stop: int | None, score_field: str | None
    ) -> list[Model]:
        """The objects from `start` to `stop` in order of relevance, with their score in
        `score_field` when asked: two queries, whatever the number of matches."""
        ranked = self.ranked_ids(config, start, stop)
        objects = self.queryset.order_by().in_bulk([pk for pk, _score in ranked])
        results = []
        for pk, score in ranked:
            obj = objects.get(pk)
            if obj is None:
                continue  # deleted since the match
            if score_field:
                setattr(obj, score_field, score)
            results.append(obj)
        return results


class RankedResults:
    """For modelsearch's SQLite results: load them through RankedInOneQuery."""

    def _do_search(self):
        compiler = self.query_compiler
        if not compiler.ranks_in_one_query():
            return super()._do_search()
        config = compiler.get_config(self.backend)
        return compiler.ranked_matches(config, self.start, self.stop, self._score_field)

    def ranked_ids(self) -> list[tuple[Any, float | None]]:
        """(pk, score) of these results, best first, without loading the objects."""
        compiler = self.query_compiler
        if not compiler.ranks_in_one_query():
            return [(obj.pk, getattr(obj, "_score", None)) for obj in self]
        return compiler.ranked_ids(compiler.get_config(self.backend), self.start, self.stop)

    def _do_count(self):
        compiler = self.query_compiler
        if not compiler.ranks_in_one_query():
            return super()._do_count()
        return compiler.matches(compiler.get_config(self.backend)).count()


def rank_in_one_query(backend: Any) -> None:
    """Give modelsearch's SQLite backend (an instance) the ranking of this module."""

    def mixed(base: type, *mixins: type) -> type:
        return type(f"Ranked{base.__name__}", (*mixins, base), {})

    backend.query_compiler_class = mixed(
        backend.query_compiler_class, WeightedColumns, RankedInOneQuery
    )
    # Autocomplete ranks on its own column with modelsearch's plain bm25.
    backend.autocomplete_query_compiler_class = mixed(
        backend.autocomplete_query_compiler_class, RankedInOneQuery
    )
    backend.results_class = mixed(backend.results_class, RankedResults)
