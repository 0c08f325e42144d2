"""A full-page cache for anonymous visitors, emptied whenever content changes.

Most visitors are anonymous and read the same pages. Serving those from the cache skips the
session, the page tree lookup and the template rendering. Public pages carry no nonce and no
CSRF token (the CSP allows our own scripts by host, see settings.PUBLIC_CSP), so a stored page
stays valid for everyone.

What is never stored or served from here:
- requests with a session or messages cookie (signed-in users, flash messages);
- requests with a query parameter that is not in settings.PAGE_CACHE_QUERY_PARAMETERS, or whose
  value does not match the pattern given there: they are served as usual but never stored, so
  `?utm_x=<random>` cannot fill the cache with copies, and what someone typed into the search
  box (`?q=`) never lands on the server's disk;
- anything but a plain 200 to GET/HEAD, responses that set a cookie (a form with a CSRF token)
  or that say private/no-store/no-cache (account pages, forms, search results, the quick exit);
- the admin, accounts and other paths listed in settings.PAGE_CACHE_EXCLUDED_PREFIXES.

Pages live in their own cache (settings.PAGE_CACHE_ALIAS, "pages"), with its own size limit, so
culling pages never evicts the rate-limit counters in the default cache.

Invalidation: every cache key carries the content version, which publishing, unpublishing,
moving or deleting a page, or saving a snippet or site setting, increases. The version lives in
the default cache, which every process (and with Redis every machine) shares, so a change takes
effect at once everywhere; entries also expire after settings.PAGE_CACHE_SECONDS.
"""

import hashlib
import re
import time
from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse

CONTENT_VERSION_KEY = "portal:content-version"
CACHE_HEADER = "X-Page-Cache"
_UNCACHEABLE_DIRECTIVES = ("private", "no-store", "no-cache", "max-age=0")


def _cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def _version_cache():
    # Shared by every process and machine, unlike a per-machine page cache.
    return caches["default"]


def _fresh_version() -> int:
    # Not 1: should the version be evicted or lost, a restart from 1 could meet page entries
    # stored under an old 1. Nanoseconds since the epoch never repeat an earlier version.
    return time.time_ns()


def content_version() -> int:
    """The current content version; part of every page and navigation cache key."""
    return _version_cache().get_or_set(CONTENT_VERSION_KEY, _fresh_version, None)


def bump_content_version(**_signal_kwargs) -> None:
    """Signal receiver: content changed, so every cached page and menu is stale."""
    try:
        _version_cache().incr(CONTENT_VERSION_KEY)
    except ValueError:  # Not set yet (or evicted): any new value differs from the old keys.
        _version_cache().set(CONTENT_VERSION_KEY, _fresh_version(), None)


def _known_query(request: HttpRequest) -> str | None:
    """The query string in a canonical order, or None when it holds anything not allowed.

    Each allowed parameter appears at most once, with a value matching its pattern in
    settings.PAGE_CACHE_QUERY_PARAMETERS, so the number of entries per page stays bounded.
    """
    allowed = settings.PAGE_CACHE_QUERY_PARAMETERS
    pairs = []
    for name, values in request.GET.lists():
        pattern = allowed.get(name)
        if pattern is None or len(values) != 1 or not re.fullmatch(pattern, values[0]):
            return None
        pairs.append((name, values[0]))
    return urlencode(sorted(pairs))


def _may_use_cache(request: HttpRequest) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    if request.path.startswith(settings.PAGE_CACHE_EXCLUDED_PREFIXES):
        return False
    if _known_query(request) is None:
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
    # The language is part of every public path (/nl/, /en/), so host, path and the allowed
    # parameters suffice.
    address = f"{request.get_host()}{request.path}?{_known_query(request)}"
    digest = hashlib.sha256(address.encode("utf-8", "surrogatepass")).hexdigest()
    return f"portal:page:{content_version()}:{digest}"


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
