"""The search page and the suggestions behind its box. Thin: read the address, ask the
service, render. What someone searched for stays out of every cache (ours, a proxy's, the
browser's) and out of the logs; only weekly counts are kept (search/query_log.py)."""

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from wagtail.models import Locale

from search import forms, query_log, suggestions
from search.presentation import facet_links
from search.query_text import clean_query
from search.services.site_search import search_site


@never_cache
def search_page(request: HttpRequest) -> HttpResponse:
    search = forms.search_request(request.GET)
    locale = Locale.get_active()
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
    found = suggestions.suggest(query, Locale.get_active(), request)
    return JsonResponse({"query": query, "suggestions": found})
