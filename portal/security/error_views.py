"""Failure pages in the site's look, in the visitor's language, with the quick exit.

- CSRF failure (the page was open too long, the session expired, or the quick exit cleared the
  cookies): a live public Wagtail page whose type has a method
  `serve_after_csrf_failure(self, request)` shows its form again with what was typed and a
  fresh token (the form-page base class provides it); anything else gets 403_csrf.html.
- 400 and 500: rendered without the database and without context processors (the request may
  carry a bad Host header, the database may be what failed), on the standalone layout
  templates/portal/standalone_base.html. The language comes from the path's /nl/ or /en/.
- 403, 404 and 429 use Django's and allauth's own handlers with the site layout (base.html).
"""

import logging
from collections.abc import Callable

from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseForbidden,
    HttpResponseServerError,
)
from django.shortcuts import render
from django.template import loader
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from portal.security.areas import language_from_path

logger = logging.getLogger(__name__)

# The URL name of Wagtail's page-serving view (wagtail.urls).
WAGTAIL_SERVE = "wagtail_serve"

SESSION_EXPIRED_MESSAGE = _(
    "Your session had expired, so this was not sent yet. Check what you filled in and send it "
    "again."
)


def _standalone(template_name: str, request: HttpRequest) -> str:
    language = language_from_path(request.path)
    with translation.override(language):
        # No request: no context processors, no database, no Host header.
        return loader.render_to_string(template_name, {"LANGUAGE_CODE": language})


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return HttpResponseBadRequest(_standalone("400.html", request))


def server_error(request: HttpRequest) -> HttpResponse:
    return HttpResponseServerError(_standalone("500.html", request))


def _refused_form_page(request: HttpRequest) -> Callable[[HttpRequest], HttpResponse] | None:
    """The `serve_after_csrf_failure` of the public page this POST went to, if it has one."""
    if request.method != "POST":
        return None
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return None
    if match.url_name != WAGTAIL_SERVE:
        return None
    page = Page.find_for_request(request, match.args[0] if match.args else "")
    if page is None or not page.live or page.get_view_restrictions().exists():
        return None
    serve = getattr(page.specific, "serve_after_csrf_failure", None)
    return serve if callable(serve) else None


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """settings.CSRF_FAILURE_VIEW: explain, and keep what was typed where the form allows it."""
    # Django already logged the failure and its reason (logger django.security.csrf).
    serve = None
    try:
        serve = _refused_form_page(request)
    except Exception as error:  # A failure page must not fail: fall back to the plain one.
        logger.warning("No form page after a CSRF failure: %s", type(error).__name__)
    if serve is not None:
        response = serve(request)
        if hasattr(response, "render"):
            response.render()
    else:
        # Back to the same address with GET; one leading slash, so "//host" stays on our site.
        retry_url = "/" + request.get_full_path().lstrip("/")
        response = render(request, "403_csrf.html", {"retry_url": retry_url})
    response.status_code = HttpResponseForbidden.status_code
    add_never_cache_headers(response)
    return response
