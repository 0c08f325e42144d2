"""A Meilisearch backend for Wagtail's search (django-modelsearch's backend interface).

    WAGTAILSEARCH_BACKENDS = {"default": {
        "BACKEND": "search.backends.meilisearch",
        "URL": "http://127.0.0.1:7700", "API_KEY": "...",
        "TIMEOUT": 1.5,            # seconds per request; then SearchBackendUnavailable
        "REBUILD_TIMEOUT": 30,     # seconds per request while rebuilding
        "INDEX_PREFIX": "steiger", # the live index's name; a rebuild uses <prefix>_new_<time>
    }}

One index holds every indexed model (documents.py maps an object to its document); a search on
a model is filtered to that model's content type, so Page finds every page type. The queryset's
filters become a Meilisearch filter (filters.py), its order a sort, and the hits are loaded from
the database in Meilisearch's order through the queryset, so what the database would not return
is never shown. Each result carries `search_highlight` (attribute -> highlighted HTML) and
`search_snippet` (the best piece of its text around a match).

Beyond modelsearch's interface, for the search page: `results.filter_facets({"theme": [...]})`
narrows to the given facet values (within a facet any value, across facets all), and
`results.facet_counts(["theme", "audience"])` counts each facet's values with the other facets'
choices applied, in one request.
"""

import re
from collections import OrderedDict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from django.conf import settings as django_settings
from django.core.exceptions import ImproperlyConfigured
from django.db import DEFAULT_DB_ALIAS, models
from django.db.models import Subquery
from django.db.models.sql import Query
from django.db.models.sql.constants import MULTI, SINGLE
from meilisearch.errors import MeilisearchApiError
from modelsearch.backends.base import (
    BaseIndex,
    BaseSearchBackend,
    BaseSearchQueryCompiler,
    BaseSearchResults,
    FilterFieldError,
)
from modelsearch.index import FilterField, class_is_indexed, get_indexed_models
from modelsearch.query import MatchAll, PlainText

from . import client as connection
from . import documents, filters, highlights, index_settings, rebuild, schema
from .query import MATCH_NOTHING, CompiledQuery, compile_query

DEFAULT_INDEX_PREFIX = "steiger"
DEFAULT_REBUILD_TIMEOUT = 30.0
# Attributes whose matches are marked; the text ones are also cropped around the match.
SNIPPET_ATTRIBUTES = ("search_description", "intro", "body")
HIGHLIGHTED_ATTRIBUTES = ("title", *SNIPPET_ATTRIBUTES)
# Attributes a search can be narrowed on and counted by, besides a model's FilterFields.
FACETABLE = (schema.CONTENT_TYPE, schema.SPECIFIC_TYPE, schema.LOCALE, *schema.FACETS)
# (server URL, index uid) of the indexes this process has seen exist.
_EXISTING_INDEXES: set[tuple[str, str]] = set()
_INTEGER_TYPES = {
    "AutoField",
    "BigAutoField",
    "SmallAutoField",
    "IntegerField",
    "BigIntegerField",
    "SmallIntegerField",
    "PositiveIntegerField",
    "PositiveBigIntegerField",
    "PositiveSmallIntegerField",
}


class MeilisearchIndex(BaseIndex):
    """The one index (`uid`) all indexed models share."""

    def __init__(self, backend: "MeilisearchSearchBackend", uid: str, client: Any = None) -> None:
        super().__init__(backend)
        self.uid = uid
        self.client = client or backend.client

    def get_key(self) -> str:
        return self.uid

    def __str__(self) -> str:
        return self.uid

    def add_model(self, model: type[models.Model]) -> None:
        # Nothing per model: the settings cover every indexed model and are applied when the
        # index is created (rebuild or reset).
        pass

    def refresh(self) -> None:
        """Wait until Meilisearch has processed every write sent so far (they are queued)."""
        with connection.unavailable_on_failure(f"finish the writes to {self.uid}"):
            connection.wait_until_idle(self.client, self.uid)

    def reset(self) -> None:
        client = self.backend.rebuild_client
        with connection.unavailable_on_failure(f"reset {self.uid}"):
            exists = self.uid in rebuild.index_uids(client)
            rebuild.run(client, rebuild.reset_plan(self.uid, exists), self.backend.index_settings())

    def add_items(self, model: type[models.Model], items: Iterable[models.Model]) -> None:
        if not class_is_indexed(model):
            return
        docs = [documents.build_document(item) for item in items]
        if not docs:
            return
        with connection.unavailable_on_failure(f"index {len(docs)} {model._meta.label}"):
            self._ensure_exists()
            # The primary key named on every write: Meilisearch would otherwise have to guess
            # it from "doc_id", "id" and "pk".
            self.client.index(self.uid).add_documents(docs, primary_key=schema.DOC_ID)

    def _ensure_exists(self) -> None:
        """Create the index with its settings if it is not there yet (a first write before any
        rebuild): Meilisearch would create a bare one, on which our filters fail. Known indexes
        are remembered for the process; the tasks queue in order, so no waiting is needed."""
        key = (self.backend.url, self.uid)
        if key in _EXISTING_INDEXES:
            return
        try:
            self.client.get_raw_index(self.uid)
        except MeilisearchApiError as error:
            if not connection.is_index_not_found(error):
                raise
            self.client.create_index(self.uid, {"primaryKey": schema.DOC_ID})
            self.client.index(self.uid).update_settings(self.backend.index_settings())
        _EXISTING_INDEXES.add(key)

    def delete_item(self, item: models.Model) -> None:
        if not class_is_indexed(type(item)):
            return
        doc_id = documents.document_id(type(item), item.pk)
        with connection.unavailable_on_failure(f"remove {doc_id}"):
            self.client.index(self.uid).delete_document(doc_id)


class MeilisearchQueryCompiler(BaseSearchQueryCompiler):
    DEFAULT_OPERATOR = "or"

    def _process_lookup(self, field_path: Sequence[Any], lookup: str, value: Any) -> Any:
        column, model, field = self._column(field_path)
        steplen = model.steplen if documents.is_tree_path(model, field) else None
        try:
            value = self._evaluated(value, lookup)
            return filters.lookup_filter(column, lookup, value, steplen=steplen)
        except filters.UnsupportedLookup:
            return None  # modelsearch then raises FilterError naming the lookup

    def _column(self, field_path: Sequence[Any]) -> tuple[str, type[models.Model], FilterField]:
        """The dotted column of a path of RelatedFields ending in a FilterField."""
        model = self.queryset.model
        names = []
        for related in field_path[:-1]:
            names.append(related.field_name)
            model = related.get_field(model).related_model
        field = field_path[-1]
        return ".".join([*names, documents.filter_column(model, field)]), model, field

    def _evaluated(self, value: Any, lookup: str) -> Any:
        """A subquery's value(s) (`filter(pk__in=other_queryset)`): Meilisearch needs them."""
        if not isinstance(value, (Query, Subquery)):
            return value
        query = value.query if isinstance(value, Subquery) else value
        compiler = query.get_compiler(self.queryset._db or DEFAULT_DB_ALIAS)
        if lookup == "exact":
            row = compiler.execute_sql(result_type=SINGLE)
            return row[0] if row else None
        return [row[0] for chunk in compiler.execute_sql(result_type=MULTI) for row in chunk]

    def _process_match_none(self) -> filters.MatchNothing:
        return filters.NOTHING

    def _connect_filters(
        self, filters_: Sequence[filters.Filter], connector: str, negated: bool
    ) -> filters.Filter:
        return filters.connect(filters_, connector, negated)

    def get_filter(self) -> filters.Filter:
        """This model's documents (its subclasses' too) that pass the queryset's filters."""
        own_type = filters.equals(
            schema.CONTENT_TYPE, documents.content_type_label(self.queryset.model)
        )
        return filters.all_of([own_type, self._get_filters_from_queryset()])

    def get_sort(self) -> list[str]:
        if self.order_by_relevance:
            return []
        if not self.queryset.ordered:
            return [f"{schema.PK}:desc"]  # a stable order, as Wagtail's Elasticsearch gives
        model = self.queryset.model
        return [
            f"{documents.filter_column(model, field)}:{'desc' if reverse else 'asc'}"
            for reverse, field in self._get_order_by()
        ]

    def get_query(self) -> CompiledQuery:
        return compile_query(self.query)

    def searched_attributes(self) -> list[str] | None:
        """The attributes to search in, when the search names fields; None for all."""
        return list(self.fields) if self.fields else None


class MeilisearchAutocompleteQueryCompiler(MeilisearchQueryCompiler):
    """Meilisearch matches the last word as a prefix anyway; autocomplete searches only the
    model's AutocompleteFields (or the fields named)."""

    def get_query(self) -> CompiledQuery:
        if not isinstance(self.query, (PlainText, MatchAll)):
            raise NotImplementedError(
                f"`{type(self.query).__name__}` is not supported for autocomplete queries."
            )
        if not self.searched_attributes():
            return MATCH_NOTHING
        return super().get_query()

    def searched_attributes(self) -> list[str] | None:
        if self.fields:
            return list(self.fields)
        return [field.field_name for field in self.queryset.model.get_autocomplete_search_fields()]


class MeilisearchSearchResults(BaseSearchResults):
    supports_facet = True

    def __init__(
        self,
        backend: "MeilisearchSearchBackend",
        query_compiler: MeilisearchQueryCompiler,
        prefetch_related: Sequence[str] | None = None,
        facet_filters: Mapping[str, Sequence[str]] | None = None,
    ) -> None:
        super().__init__(backend, query_compiler, prefetch_related=prefetch_related)
        self.facet_filters = {name: list(values) for name, values in (facet_filters or {}).items()}

    def _clone(self) -> "MeilisearchSearchResults":
        new = super()._clone()
        new.facet_filters = dict(self.facet_filters)
        return new

    # --- Facets (for the search page) ----------------------------------------------------------

    def filter_facets(self, chosen: Mapping[str, Iterable[str]]) -> "MeilisearchSearchResults":
        """Only hits with, for each facet given, one of its values; an empty list is no choice."""
        new = self._clone()
        for name, values in chosen.items():
            if name not in FACETABLE:
                raise ValueError(f"Not a facet: {name!r} (one of {', '.join(FACETABLE)})")
            new.facet_filters[name] = list(values)
        return new

    def facet(self, field_name: str) -> OrderedDict:
        """modelsearch's facet(): value -> number of hits, most first. A FilterField counts by
        its column ("content_type" by content type id), or else one of FACETABLE by its values."""
        column, integer = self._facet_column(field_name)
        params = self.count_params()
        if params is None:
            return OrderedDict()
        params["facets"] = [column]
        response = self._search(params)
        return _facet_counts(response.get("facetDistribution", {}).get(column, {}), integer)

    def facet_counts(self, names: Sequence[str]) -> dict[str, OrderedDict]:
        """Each of FACETABLE `names`: its values' counts with the *other* facets' choices
        applied (so choosing one more value shows what it would give). One request."""
        queries = self.facet_queries(names)
        counts = {name: OrderedDict() for name in names}
        asked = [(name, query) for name, query in zip(names, queries, strict=True) if query]
        if not asked:
            return counts
        with connection.unavailable_on_failure("count facets"):
            response = self.backend.client.multi_search([query for _name, query in asked])
        for (name, _query), result in zip(asked, response["results"], strict=True):
            counts[name] = _facet_counts(result.get("facetDistribution", {}).get(name, {}))
        return counts

    def facet_queries(self, names: Sequence[str]) -> list[dict[str, Any] | None]:
        """The multi-search query for each facet of `names`, None where nothing can match."""
        queries: list[dict[str, Any] | None] = []
        for name in names:
            if name not in FACETABLE:
                raise ValueError(f"Not a facet: {name!r} (one of {', '.join(FACETABLE)})")
            params = self.count_params(skip_facet=name)
            if params is not None:
                params.update(facets=[name], indexUid=self._index().uid)
            queries.append(params)
        return queries

    def _facet_column(self, field_name: str) -> tuple[str, bool]:
        model = self.query_compiler.queryset.model
        field = self.query_compiler._get_filterable_field(field_name)
        if field is not None:
            return documents.filter_column(model, field), field.get_type(model) in _INTEGER_TYPES
        if field_name in FACETABLE:
            return field_name, False
        raise FilterFieldError(
            f'Cannot facet search results with field "{field_name}". Please add '
            f'index.FilterField("{field_name}") to {model.__name__}.search_fields.',
            field_name=field_name,
        )

    # --- The requests --------------------------------------------------------------------------

    def _filter(self, skip_facet: str | None = None) -> filters.Filter:
        chosen = [
            filters.one_of(name, values)
            for name, values in self.facet_filters.items()
            if values and name != skip_facet
        ]
        return filters.all_of([self.query_compiler.get_filter(), *chosen])

    def _common_params(self, skip_facet: str | None = None) -> dict[str, Any] | None:
        """What every request of this search sends; None when nothing can match."""
        query = self.query_compiler.get_query()
        condition = self._filter(skip_facet)
        if query.matches_nothing or isinstance(condition, filters.MatchNothing):
            return None
        params: dict[str, Any] = {
            "q": query.q,
            "matchingStrategy": query.matching_strategy,
            "attributesToRetrieve": [schema.PK],
        }
        if condition:
            params["filter"] = condition
        if attributes := self.query_compiler.searched_attributes():
            params["attributesToSearchOn"] = attributes
        return params

    def search_params(self) -> dict[str, Any] | None:
        """The request for this slice of hits; None when nothing can match."""
        params = self._common_params()
        limit = (
            self.stop - self.start
            if self.stop is not None
            else index_settings.MAX_TOTAL_HITS - self.start
        )
        if params is None or limit <= 0:
            return None
        params.update(
            offset=self.start,
            limit=limit,
            attributesToHighlight=list(HIGHLIGHTED_ATTRIBUTES),
            attributesToCrop=list(SNIPPET_ATTRIBUTES),
            cropLength=highlights.CROP_LENGTH,
            cropMarker=highlights.CROP_MARKER,
            highlightPreTag=highlights.PRE_TAG,
            highlightPostTag=highlights.POST_TAG,
        )
        if sort := self.query_compiler.get_sort():
            params["sort"] = sort
        if self._score_field:
            params["showRankingScore"] = True
        return params

    def count_params(self, skip_facet: str | None = None) -> dict[str, Any] | None:
        """A request for the exact number of hits and no hits: Meilisearch counts exhaustively
        when asked for page 0."""
        params = self._common_params(skip_facet)
        if params is not None:
            params.update(page=0, hitsPerPage=1)
        return params

    def _index(self) -> MeilisearchIndex:
        return self.backend.get_index_for_model(self.query_compiler.queryset.model)

    def _search(self, params: dict[str, Any]) -> dict[str, Any]:
        index = self._index()
        query = {key: value for key, value in params.items() if key != "q"}
        with connection.unavailable_on_failure("search"):
            return index.client.index(index.uid).search(params["q"], query)

    def _do_search(self) -> list[models.Model]:
        params = self.search_params()
        if params is None:
            return []
        return self._objects(self._search(params)["hits"])

    def _do_count(self) -> int:
        params = self.count_params()
        if params is None:
            return 0
        total = self._search(params).get("totalHits", 0) - self.start
        if self.stop is not None:
            total = min(total, self.stop - self.start)
        return max(total, 0)

    def _objects(self, hits: list[dict[str, Any]]) -> list[models.Model]:
        """The hits' objects, loaded through the queryset, in Meilisearch's order. A hit the
        queryset no longer returns (deleted, or filtered out since it was indexed) is left out."""
        queryset = self.query_compiler.queryset
        if self.prefetch_related:
            queryset = queryset.prefetch_related(*self.prefetch_related)
        pks = [hit[schema.PK] for hit in hits]
        found = {str(obj.pk): obj for obj in queryset.filter(pk__in=pks)}
        results = []
        for hit in hits:
            obj = found.get(str(hit[schema.PK]))
            if obj is None:
                continue
            if self._score_field:
                setattr(obj, self._score_field, hit.get("_rankingScore"))
            obj.search_highlight = highlights.highlights(
                hit.get("_formatted") or {}, HIGHLIGHTED_ATTRIBUTES
            )
            obj.search_snippet = highlights.best_snippet(obj.search_highlight, SNIPPET_ATTRIBUTES)
            results.append(obj)
        return results


def _facet_counts(distribution: Mapping[str, int], integer: bool = False) -> OrderedDict:
    ordered = sorted(distribution.items(), key=lambda item: (-item[1], item[0]))
    return OrderedDict((int(value) if integer else value, count) for value, count in ordered)


_INDEX_UID = re.compile(r"[A-Za-z0-9_-]+")


def index_uid(prefix: str) -> str:
    if not _INDEX_UID.fullmatch(prefix or ""):
        raise ImproperlyConfigured(
            f"INDEX_PREFIX {prefix!r}: a Meilisearch index name takes a-z, A-Z, 0-9, - and _."
        )
    return prefix


class MeilisearchSearchBackend(BaseSearchBackend):
    query_compiler_class = MeilisearchQueryCompiler
    autocomplete_query_compiler_class = MeilisearchAutocompleteQueryCompiler
    results_class = MeilisearchSearchResults
    index_class = MeilisearchIndex
    rebuilder_class = rebuild.IndexRebuilder
    # Wagtail's own indexing on save logs an outage instead of failing the publish; the index
    # upkeep calls add() and delete() itself and gets SearchBackendUnavailable to queue.
    catch_indexing_errors = True

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.url = params.get("URL") or getattr(django_settings, "MEILISEARCH_URL", "")
        if not self.url:
            raise ImproperlyConfigured("The Meilisearch search backend needs a URL.")
        api_key = params.get("API_KEY") or getattr(django_settings, "MEILISEARCH_API_KEY", None)
        self.timeout = float(params.get("TIMEOUT", connection.DEFAULT_TIMEOUT))
        rebuild_timeout = float(params.get("REBUILD_TIMEOUT", DEFAULT_REBUILD_TIMEOUT))
        self.index_uid = index_uid(params.get("INDEX_PREFIX", DEFAULT_INDEX_PREFIX))
        self.client = connection.make_client(self.url, api_key, self.timeout)
        self.rebuild_client = connection.make_client(self.url, api_key, rebuild_timeout)

    def get_index_for_model(self, model: type[models.Model]) -> MeilisearchIndex:
        return self.index_class(self, self.index_uid)

    def index_settings(self) -> dict[str, Any]:
        return index_settings.index_settings(get_indexed_models())


SearchBackend = MeilisearchSearchBackend
