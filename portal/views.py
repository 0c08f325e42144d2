"""Views of the base layer. Thin: parse, call a service, render."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_http_methods
from wagtail.models import Locale, Page, Site

from portal.models.site_settings import DEFAULT_QUICK_EXIT_URL, SafetySettings


@require_http_methods(["GET", "POST"])
def quick_exit(request: HttpRequest) -> HttpResponse:
    """Forget this visit and leave for a neutral site.

    The session (and with it any sign-in or progress tied to it) is flushed, and the answer is
    never stored, so the back button cannot bring the page back from a cache.
    """
    request.session.flush()
    site = Site.find_for_request(request)
    target = SafetySettings.for_site(site).quick_exit_url if site else DEFAULT_QUICK_EXIT_URL
    response = HttpResponseRedirect(target)
    add_never_cache_headers(response)
    response["Clear-Site-Data"] = '"cache", "cookies", "storage"'
    return response


def search(request: HttpRequest) -> HttpResponse:
    """Search the live pages of the current language (the search app will take this over)."""
    query = request.GET.get("q", "").strip()[:200]
    results = Page.objects.none()
    if query:
        results = (
            Page.objects.live().public().filter(locale=Locale.get_active()).specific().search(query)
        )
    page = Paginator(results, 10).get_page(request.GET.get("pagina"))
    return render(request, "portal/search.html", {"query": query, "results": page})
