"""A full-page cache for anonymous visitors, emptied whenever content changes.

Most visitors are anonymous and read the same pages. Serving those from the cache skips the
session, the page tree lookup and the template rendering. Public pages carry no nonce and no
CSRF token (the CSP allows our own scripts by host, see settings.PUBLIC_CSP), so a stored page
stays valid for everyone.

What is never stored or served from here:
- requests with a session or messages cookie (signed-in users, flash messages);
- anything but a plain 200 to GET/HEAD, responses that set a cookie (a form with a CSRF token)
  or that say private/no-store/no-cache (account pages, forms, the quick exit);
- the admin, accounts and other paths listed in settings.PAGE_CACHE_EXCLUDED_PREFIXES.

Invalidation: every cache key carries the content version, which publishing, unpublishing,
moving or deleting a page, or saving a snippet or site setting, increases. With a cache shared
by all processes (Redis, or the file cache production uses by default) that takes effect at
once everywhere; entries also expire after settings.PAGE_CACHE_SECONDS.
"""

import hashlib
from collections.abc import Callable

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse

CONTENT_VERSION_KEY = "portal:content-version"
CACHE_HEADER = "X-Page-Cache"
_UNCACHEABLE_DIRECTIVES = ("private", "no-store", "no-cache", "max-age=0")


def _cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def content_version() -> int:
    """The current content version; part of every page and navigation cache key."""
    return _cache().get_or_set(CONTENT_VERSION_KEY, 1, None)


def bump_content_version(**_signal_kwargs) -> None:
    """Signal receiver: content changed, so every cached page and menu is stale."""
    try:
        _cache().incr(CONTENT_VERSION_KEY)
    except ValueError:  # Not set yet (or evicted): any new value differs from the old keys.
        _cache().set(CONTENT_VERSION_KEY, 2, None)


def _may_use_cache(request: HttpRequest) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    if request.path.startswith(settings.PAGE_CACHE_EXCLUDED_PREFIXES):
        return False
    personal_cookies = (settings.SESSION_COOKIE_NAME, CookieStorage.cookie_name)
    return not any(name in request.COOKIES for name in personal_cookies)


def _may_store(request: HttpRequest, response: HttpResponse) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if not response.get("Content-Type", "").startswith("text/html"):
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(directive in cache_control for directive in _UNCACHEABLE_DIRECTIVES):
        return False
    user = getattr(request, "user", None)
    return user is None or not user.is_authenticated


def _key(request: HttpRequest) -> str:
    # The language is part of every public path (/nl/, /en/), so host + full path suffice.
    address = hashlib.sha256(f"{request.get_host()}{request.get_full_path()}".encode()).hexdigest()
    return f"portal:page:{content_version()}:{address}"


class AnonymousPageCacheMiddleware:
    """Serve and store anonymous page views. Sits right after WhiteNoise in MIDDLEWARE, so a hit
    skips every middleware below it; the stored response already carries their headers (CSP,
    Vary, Content-Language)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not _may_use_cache(request):
            return self.get_response(request)
        key = _key(request)
        cached = _cache().get(key)
        if cached is not None:
            cached[CACHE_HEADER] = "hit"
            return cached
        response = self.get_response(request)
        if _may_store(request, response):
            response[CACHE_HEADER] = "miss"
            _cache().set(key, response, settings.PAGE_CACHE_SECONDS)
        return response
