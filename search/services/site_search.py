"""The site search: one query across every source, in the visitor's language first, narrowed
by facets, corrected when it finds nothing, one page of results at a time."""

import logging
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db import DatabaseError
from django.db.models import Model
from django.http import HttpRequest
from django.utils.safestring import SafeString
from wagtail.documents import get_document_model
from wagtail.models import Locale, Page

from search import corrections, snippets, sources
from search import facets as faceting
from search.backends.errors import SearchBackendUnavailable
from search.query_text import clean_query

logger = logging.getLogger(__name__)

RESULTS_PER_PAGE = 10
# The backend that answers while the main one (Meilisearch) is unavailable, when configured.
FALLBACK_BACKEND = "fallback"


@dataclass(frozen=True)
class SearchRequest:
    raw_query: str
    page_number: str | int | None = None
    chosen: Mapping[str, set[str]] = field(default_factory=dict)
    # True: search for exactly what was typed, never a correction ("search instead for").
    exact: bool = False


@dataclass(frozen=True)
class Result:
    title: str
    url: str
    type_label: str
    snippet: SafeString
    # Set when the result is in another language than the page: for its lang attribute.
    language: str | None = None
    details: list[str] = field(default_factory=list)


@dataclass
class SearchResponse:
    query: str
    # What the results are for: the query, or its correction when the query found nothing.
    searched: str
    results: PaginatorPage
    facets: list[faceting.Facet] = field(default_factory=list)
    failed: bool = False
    # True when the main backend (Meilisearch) did not answer and the database backend did.
    fallback: bool = False
    # True when there were more matches than a search returns (sources.MAX_HITS_PER_SOURCE):
    # the count is then a lower bound, and the best are shown.
    capped: bool = False

    @property
    def corrected(self) -> bool:
        return self.searched != self.query

    @property
    def count(self) -> int:
        return self.results.paginator.count


def _empty_page() -> PaginatorPage:
    return Paginator([], RESULTS_PER_PAGE).get_page(1)


def search_site(
    request: SearchRequest, locale: Locale, http_request: HttpRequest
) -> SearchResponse:
    """One page of what `request` finds, for a visitor reading in `locale`."""
    query = clean_query(request.raw_query)
    if not query:
        return SearchResponse(query, query, _empty_page())
    try:
        searched, found_hits, fallback = _find(query, exact=request.exact)
        hits = in_language_first(found_hits.hits, locale)
        found = faceting.memberships(hits, locale)
        narrowed = faceting.narrow(hits, found, request.chosen)
        page = Paginator(narrowed, RESULTS_PER_PAGE).get_page(request.page_number)
        page.object_list = results_for(
            list(page.object_list), found, searched, locale, http_request
        )
    except DatabaseError as error:
        # What people search for is personal: the log names the error class only.
        logger.warning("Search failed: %s", type(error).__name__)
        return SearchResponse(query, query, _empty_page(), failed=True)
    return SearchResponse(
        query,
        searched,
        page,
        faceting.facets(hits, found, request.chosen),
        fallback=fallback,
        capped=found_hits.capped,
    )


def _find(query: str, *, exact: bool) -> tuple[str, sources.Found, bool]:
    """What was searched, its hits, and whether the fallback backend answered them."""
    try:
        return (*_hits_or_correction(query, exact=exact), False)
    except SearchBackendUnavailable as error:
        if FALLBACK_BACKEND not in settings.WAGTAILSEARCH_BACKENDS:
            raise DatabaseError(type(error).__name__) from error
        # Meilisearch is down or slow: the database backend answers, with a quiet notice.
        logger.warning("Search backend unavailable, using the fallback")
        return (*_hits_or_correction(query, exact=exact, backend=FALLBACK_BACKEND), True)


def _hits_or_correction(
    query: str, *, exact: bool, backend: str = "default"
) -> tuple[str, sources.Found]:
    found = sources.find_hits(query, backend)
    if found.hits or exact:
        return query, found
    correction = corrections.correct(query)
    if correction:
        corrected = sources.find_hits(correction, backend)
        if corrected.hits:
            return correction, corrected
    return query, found


def in_language_first(hits: list[sources.Hit], locale: Locale) -> list[sources.Hit]:
    """Hits in `locale` (and those without a language) first; a hit in another language only
    when its translation in `locale` is not itself a hit."""
    # Read once: `locale.pk` is a property, and a search sorts up to a thousand hits per source.
    own_locales = (None, locale.pk)
    own = [hit for hit in hits if hit.locale_id in own_locales]
    own_keys = {hit.translation_key for hit in own if hit.translation_key}
    other = [
        hit
        for hit in hits
        if hit.locale_id not in own_locales and hit.translation_key not in own_keys
    ]
    return own + other


def results_for(
    hits: list[sources.Hit],
    found: faceting.Memberships,
    searched: str,
    locale: Locale,
    request: HttpRequest,
) -> list[Result]:
    objects = _objects(hits)
    other_locales = {
        obj.locale_id
        for obj in objects.values()
        if getattr(obj, "locale_id", locale.pk) != locale.pk
    }
    languages = (
        dict(Locale.objects.filter(pk__in=other_locales).values_list("pk", "language_code"))
        if other_locales
        else {}
    )
    results = []
    for hit in hits:
        obj = objects.get(hit.key)
        if obj is None:
            continue  # removed between the search and now
        type_value = found.type_of(hit.content_type_id)
        results.append(
            Result(
                title=str(getattr(obj, "title", obj)),
                url=_url(obj, request),
                type_label=found.labels.get(faceting.TYPE, {}).get(type_value, ""),
                snippet=snippets.snippet(snippets.searchable_texts(obj), searched),
                language=languages.get(getattr(obj, "locale_id", None)),
                details=list(_details(obj)),
            )
        )
    return results


def _objects(hits: list[sources.Hit]) -> dict[tuple[int, int], Model]:
    """The hits' objects, as their own types: one query per model. A page's hit carries the
    page's own content type (read from the page), so its specific model is asked directly,
    without the generic page query that `.specific()` starts from."""
    by_type: dict[int, list[int]] = defaultdict(list)
    for hit in hits:
        by_type[hit.content_type_id].append(hit.pk)
    objects: dict[tuple[int, int], Model] = {}
    for content_type_id, pks in by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:
            continue
        for obj in model._default_manager.filter(pk__in=pks):
            objects[(content_type_id, obj.pk)] = obj
    return objects


def _url(obj: Model, request: HttpRequest) -> str:
    if isinstance(obj, Page):
        return obj.get_url(request) or ""
    if isinstance(obj, get_document_model()):
        return obj.url
    get_absolute_url = getattr(obj, "get_absolute_url", None)
    return get_absolute_url() if callable(get_absolute_url) else ""


def _details(obj: Model) -> list[str]:
    """What a result shows under its title beyond the snippet: a door for content (a session's
    date, place and free seats), `search_result_details() -> list[str]` on its model."""
    method = getattr(obj, "search_result_details", None)
    return list(method()) if callable(method) else []
