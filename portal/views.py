"""Views of the base layer. Thin: parse, call a service, render."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_http_methods
from wagtail import views as wagtail_views
from wagtail.models import Site

from portal.models.site_settings import DEFAULT_QUICK_EXIT_URL, SafetySettings
from portal.routing import remember_route


@require_http_methods(["GET", "POST"])
def quick_exit(request: HttpRequest) -> HttpResponse:
    """Forget this visit and leave for a neutral site.

    The session (and with it any sign-in or progress tied to it) is flushed, and the answer is
    never stored, so the back button cannot bring the page back from a cache. Every cookie the
    browser sent is deleted here as well (an app's cookie, such as the online courses' resume
    code, included): Clear-Site-Data does the same, but not every browser honours it.
    """
    request.session.flush()
    site = Site.find_for_request(request)
    target = SafetySettings.for_site(site).quick_exit_url if site else DEFAULT_QUICK_EXIT_URL
    response = HttpResponseRedirect(target)
    add_never_cache_headers(response)
    response["Clear-Site-Data"] = '"cache", "cookies", "storage"'
    for name in request.COOKIES:
        if name != settings.SESSION_COOKIE_NAME:  # the session middleware deletes its own
            response.delete_cookie(name, samesite="Lax")
    return response


def serve_page(request: HttpRequest, path: str) -> HttpResponse:
    """Wagtail's page view, with the page found in one query for the whole address
    (portal/routing.py) instead of two per level."""
    remember_route(request, path)
    return wagtail_views.serve(request, path)
