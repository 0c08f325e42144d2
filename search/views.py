"""The search page and the suggestions behind its box. Thin: read the address, ask the
service, render. What someone searched for stays out of every cache (ours, a proxy's, the
browser's) and out of the logs; only weekly counts are kept (search/query_log.py)."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from portal.page_lookups import active_locale
from portal.ratelimit import allow_request, mark_rate_limited
from search import forms, query_log, suggestions
from search.presentation import facet_links
from search.query_text import clean_query
from search.services.site_search import search_site

# Searches (with words) per IP: more than people type, school networks included; fewer than
# a scraper sends. The suggestions come one per pause in typing.
SEARCH_ACTION = "search"
SUGGESTIONS_ACTION = "search_suggestions"


@never_cache
def search_page(request: HttpRequest) -> HttpResponse:
    search = forms.search_request(request.GET)
    if clean_query(search.raw_query) and not allow_request(
        request, SEARCH_ACTION, settings.SEARCH_RATE_LIMIT
    ):
        context = {"query": clean_query(search.raw_query), "rate_limited": True}
        return mark_rate_limited(render(request, "search/search_page.html", context))
    locale = active_locale(request)  # once per request: the menus ask it too
    outcome = search_site(search, locale, request)
    if outcome.query and not outcome.failed and search.page_number in (None, "", "1"):
        query_log.record_query(outcome.query, outcome.count, locale.language_code)
    context = {
        "query": outcome.query,
        "outcome": outcome,
        "results": outcome.results,
        "facets": facet_links(outcome, search.chosen),
        "chosen": search.chosen,
        "exact_address": forms.address(outcome.query, search.chosen, **{forms.EXACT: "1"}),
        "page_address": forms.address(outcome.searched, search.chosen),
    }
    return render(request, "search/search_page.html", context)


@never_cache
def suggestions_json(request: HttpRequest) -> JsonResponse:
    query = clean_query(request.GET.get(forms.QUERY, ""))
    if query and not allow_request(request, SUGGESTIONS_ACTION, settings.SUGGESTIONS_RATE_LIMIT):
        # The box keeps working without suggestions (search-suggest.js).
        return mark_rate_limited(JsonResponse({"query": query, "suggestions": []}))
    found = suggestions.suggest(query, active_locale(request), request)
    return JsonResponse({"query": query, "suggestions": found})
