"""Failure pages in the site's look, in the visitor's language, with the quick exit.

- CSRF failure (the page was open too long, the session expired, or the quick exit cleared the
  cookies): a form page that declared itself in settings.CSRF_FAILURE_FORM_VIEWS shows its form
  again with what was typed and a fresh token; anything else gets 403_csrf.html.
- 400 and 500: rendered without the database and without context processors (the request may
  carry a bad Host header, the database may be what failed), on the standalone layout
  templates/portal/standalone_base.html. The language comes from the path's /nl/ or /en/.
- 403, 404 and 429 use Django's and allauth's own handlers with the site layout (base.html).
"""

import logging
from collections.abc import Callable

from django.conf import settings
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
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

logger = logging.getLogger(__name__)

# The URL name of Wagtail's page-serving view (wagtail.urls).
WAGTAIL_SERVE = "wagtail_serve"

SESSION_EXPIRED_MESSAGE = _(
    "Your session had expired, so this was not sent yet. Check what you filled in and send it "
    "again."
)


def language_from_path(path: str) -> str:
    """The language of a path under /<language>/, else the site's default language."""
    first = path.lstrip("/").split("/", 1)[0]
    codes = {code for code, _name in settings.LANGUAGES}
    return first if first in codes else settings.LANGUAGE_CODE


def _standalone(template_name: str, request: HttpRequest) -> str:
    language = language_from_path(request.path)
    with translation.override(language):
        # No request: no context processors, no database, no Host header.
        return loader.render_to_string(template_name, {"LANGUAGE_CODE": language})


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return HttpResponseBadRequest(_standalone("400.html", request))


def server_error(request: HttpRequest) -> HttpResponse:
    return HttpResponseServerError(_standalone("500.html", request))


def _form_page_view(request: HttpRequest) -> tuple[object, Callable] | None:
    """The public form page this POST went to, and its view for a refused POST, if it has one."""
    views = settings.CSRF_FAILURE_FORM_VIEWS
    if request.method != "POST" or not views:
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
    page = page.specific
    view_path = views.get(page._meta.label_lower)
    return (page, import_string(view_path)) if view_path else None


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """settings.CSRF_FAILURE_VIEW: explain, and keep what was typed where the form allows it."""
    # Django already logged the failure and its reason (logger django.security.csrf).
    found = None
    try:
        found = _form_page_view(request)
    except Exception as error:  # A failure page must not fail: fall back to the plain one.
        logger.warning("No form page after a CSRF failure: %s", type(error).__name__)
    if found is not None:
        page, view = found
        response = view(page, request)
        if hasattr(response, "render"):
            response.render()
    else:
        # Back to the same address with GET; one leading slash, so "//host" stays on our site.
        retry_url = "/" + request.get_full_path().lstrip("/")
        response = render(request, "403_csrf.html", {"retry_url": retry_url})
    response.status_code = HttpResponseForbidden.status_code
    add_never_cache_headers(response)
    return response
