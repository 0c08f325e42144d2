"""How the database backend ranks on SQLite (FTS5): bm25 with a weight per column, computed
once per search.

modelsearch's SQLite compiler has two costs we do not take:
- it ranks bm25 x (title_norm + 1), where title_norm grows as a title gets shorter, wherever
  the words matched: "Contact" and "Kennisbank" came first for any word;
- it attaches the score to each object through a correlated subquery that runs the FTS MATCH
  again for every row: a search on 10,000 items took over ten seconds.

Here the FTS table is asked once for (object id, score) of the matches that are also in the
searched queryset, ordered and sliced in SQL, and the objects of that slice are fetched by id.

That one query takes one of three shapes (`ranked_ids`), by where the searched model's index
entries sit, because joining every match to its index entry is what costs most once the index
is large (at 10,000 entries and a word most of them hold: 22 ms of a 25 ms query):
- a model with a handful of entries (documents, expert profiles): FTS5 reads only the stretch
  of rowids those entries span (1 ms where the whole list of a common word takes 4-6; entries
  of other models inside the stretch are left out by the join, as always);
- any other model: FTS5 ranks its matches by itself first and only the best few are joined
  (11 ms), when the entries of other models are few enough to leave room for the slice; the
  join reads each entry's object from a narrow index of the entries (OBJECTS_INDEX, made by
  search/migrations/0003) rather than from the entry's row, which carries its whole text;
- otherwise, and whenever the quick shape could have missed a row: the plain join.
Each shape answers exactly what the plain join answers (tests/search/test_sqlite_ranking_shapes.py).
"""

from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import F, FloatField, Func, Model, QuerySet
from django.db.models.expressions import RawSQL
from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
from modelsearch.query import MatchAll, Not, Phrase, PlainText
from modelsearch.utils import get_descendants_content_types_pks

from search.backends.mixing import mixed

# The FTS5 table's columns in the order modelsearch's migration creates them, with the weight
# of a match in each: the autocomplete column is for the editors' choosers, not for ranking.
FTS_COLUMN_WEIGHTS = {"autocomplete": 0.0, "body": 1.0, "title": 4.0}
# At most this many index entries: FTS5 reads only the stretch of rowids they span.
FEW_ENTRIES = 32
# At most this many index entries of other models: ranked inside FTS5 before the join.
OTHER_ENTRIES_TO_RANK_PAST = 5000
# Where `_index_layout` keeps its last answer, on Django's connection wrapper.
ENTRY_GROUPS_ATTRIBUTE = "_search_index_entry_groups"
# The entries' (id, content type, object id), made by search/migrations/0003: the ranked
# matches are joined to their objects through it, not through the entries' wide rows.
OBJECTS_INDEX = "search_indexentry_objects"


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
        """(pk, score) of the matches from `start` to `stop`, best first: one query, in the
        shape that is quickest for the searched model (module doc)."""
        content_types = get_descendants_content_types_pks(self.queryset.model)
        entries = entries_of(connections[self.queryset.db], content_types)
        rows = None
        if entries.own <= FEW_ENTRIES:
            rows = self._ranked(self._among_entries(config, entries), start, stop)
        elif stop is not None and entries.other <= OTHER_ENTRIES_TO_RANK_PAST:
            rows = self._ranked_in_fts_first(config, content_types, start, stop, entries)
        if rows is None:
            rows = self._ranked(self.matches(config), start, stop)
        to_pk = self.queryset.model._meta.pk.to_python
        return [(to_pk(object_id), score) for object_id, score in rows]

    @staticmethod
    def _ranked(matches: QuerySet, start: int, stop: int | None) -> list[tuple[str, float]]:
        ordered = matches.order_by("score", "-index_entry_id")
        return list(ordered.values_list("index_entry__object_id", "score")[start:stop])

    def _among_entries(self, config: Any, entries: "Entries") -> QuerySet:
        """`matches`, within the rowids of the searched entries: FTS5 reads only that stretch
        of each word's list (0.8 ms, where the whole list of a common word takes 4-6)."""
        if entries.first is None:
            return self.matches(config).none()
        return self.matches(config).filter(
            index_entry_id__gte=entries.first, index_entry_id__lte=entries.last
        )

    def _ranked_in_fts_first(
        self, config: Any, content_types: list[int], start: int, stop: int, entries: "Entries"
    ) -> list[tuple[str, float]] | None:
        """The slice, from the best `stop + other` matches as FTS5 ranks them alone: at most
        `other` (entries of other models) of those belong to other models. None when rows of
        the searched model were left out by the queryset's own filter and the slice may be
        short of what exists."""
        fts_entry = apps.get_model("wagtailsearch", "SQLiteFTSIndexEntry")
        index_entry = apps.get_model("wagtailsearch", "IndexEntry")
        search_query = self.build_search_query(normalize(self.query), config=config)
        match = MatchExpression(self.fields or self.FTS_TABLE_FIELDS, search_query)
        rank = self._build_rank_expression(self.get_search_vectors(), config)
        best = stop + entries.other
        ranked_alone = (
            fts_entry.objects.filter(match)
            .annotate(score=rank, entry_id=F("index_entry_id"))
            .order_by("score", "-index_entry_id")
            .values_list("entry_id", "score")[:best]
        )
        ranked_sql, ranked_params = ranked_alone.query.sql_with_params()
        # Correlated to the entry: a lookup per ranked row, where `IN (queryset)` would list
        # every row of the queryset (every live page) on each search.
        this_entry = RawSQL("e.object_id", (), output_field=self.queryset.model._meta.pk)
        searched_sql, searched_params = (
            self.queryset.order_by().filter(pk=this_entry).values("pk").query.sql_with_params()
        )
        connection = connections[self.queryset.db]
        quote = connection.ops.quote_name
        types = ", ".join(["%s"] * len(content_types))
        # Through the narrow index when it exists; "+" keeps SQLite from probing it once per
        # content type instead.
        through, of_type = (
            (f"INDEXED BY {quote(OBJECTS_INDEX)}", "+e.content_type_id")
            if entries.objects_index
            else ("", "e.content_type_id")
        )
        sql = (
            # Formatted in: SQL the ORM compiled, quoted names and placeholders; every value is
            # a parameter.
            f"SELECT e.object_id, r.score FROM ({ranked_sql}) r"  # noqa: S608 (see above)
            f" JOIN {quote(index_entry._meta.db_table)} e {through} ON e.id = r.entry_id"
            f" WHERE {of_type} IN ({types}) AND EXISTS ({searched_sql})"
            " ORDER BY r.score ASC, r.entry_id DESC LIMIT %s OFFSET %s"
        )
        params = [*ranked_params, *content_types, *searched_params, stop - start, start]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        if len(rows) < stop - start and ranked_alone.count() >= best:
            return None  # the best `best` were not all of the matches: the plain join decides
        return rows

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


@dataclass(frozen=True)
class Entries:
    """The index entries of the searched content types: how many, their lowest and highest
    rowid; how many entries the index holds of other types; and whether OBJECTS_INDEX exists."""

    own: int
    first: int | None
    last: int | None
    other: int
    objects_index: bool = False


def entries_of(connection: BaseDatabaseWrapper, content_types: list[int]) -> Entries:
    """The entries of `content_types`, and how many of other types, from `_index_layout`."""
    groups, objects_index = _index_layout(connection)
    wanted = set(content_types)
    own = [group for group in groups if group[0] in wanted]
    return Entries(
        own=sum(group[1] for group in own),
        first=min((group[2] for group in own), default=None),
        last=max((group[3] for group in own), default=None),
        other=sum(group[1] for group in groups if group[0] not in wanted),
        objects_index=objects_index,
    )


def _index_layout(
    connection: BaseDatabaseWrapper,
) -> tuple[list[tuple[int, int, int, int]], bool]:
    """(content type, entries, lowest rowid, highest rowid) of the index, in one grouped count
    over the content type index (written out: the ORM would cost more than the count); and
    whether OBJECTS_INDEX exists.

    A search asks once per source (three times), and the next search most likely finds the
    index as it was, so the answer is kept on the connection while SQLite's data_version (it
    moves when another connection commits) and the entries' highest id stay the same. Not the
    connection's count of changes: the search page writes its weekly query count on every
    search, and the sizes were read again for each one (1 ms at 10,000 entries).
    - An entry added here moves the highest id: ids are AUTOINCREMENT, never reused once
      committed. Only an answer read outside a transaction is kept, so it never describes
      entries that a rollback takes back (and whose ids a later entry may take).
    - An entry removed here leaves the kept sizes an upper bound and the rowid stretch wider
      than needed, which every shape of `ranked_ids` answers correctly (it only reads more).
    """
    connection.ensure_connection()
    raw = connection.connection
    table = connection.ops.quote_name(apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            # A quoted name; one statement for both.
            f"SELECT data_version, (SELECT MAX(id) FROM {table}) FROM pragma_data_version"  # noqa: S608
        )
        version = (raw, *cursor.fetchone(), OBJECTS_INDEX)
        kept = getattr(connection, ENTRY_GROUPS_ATTRIBUTE, None)
        if kept is not None and kept[0] == version:
            return kept[1]
        cursor.execute(
            "SELECT content_type_id, COUNT(*), MIN(id), MAX(id)"  # noqa: S608 (a quoted name)
            f" FROM {table} GROUP BY content_type_id"
        )
        groups = cursor.fetchall()
        cursor.execute(
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = %s",
            [OBJECTS_INDEX],
        )
        layout = (groups, bool(cursor.fetchone()[0]))
    if not connection.in_atomic_block:
        setattr(connection, ENTRY_GROUPS_ATTRIBUTE, (version, layout))
    return layout


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
    backend.query_compiler_class = mixed(
        "Ranked", backend.query_compiler_class, WeightedColumns, RankedInOneQuery
    )
    # Autocomplete ranks on its own column with modelsearch's plain bm25.
    backend.autocomplete_query_compiler_class = mixed(
        "Ranked", backend.autocomplete_query_compiler_class, RankedInOneQuery
    )
    backend.results_class = mixed("Ranked", backend.results_class, RankedResults)
