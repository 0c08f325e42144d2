"""A full-page cache for anonymous visitors, emptied whenever content changes.

Most visitors are anonymous and read the same pages. Serving those from the cache skips the
session, the page tree lookup and the template rendering. Public pages carry no nonce and no
CSRF token (the CSP allows our own scripts by host, see settings.PUBLIC_CSP), so a stored page
stays valid for everyone.

What is stored: a 200 text/html answer to an anonymous GET or HEAD without a session or messages
cookie, that sets no cookie, whose Cache-Control allows it, and whose query parameters the
answer itself declared. Nothing else; in particular:
- a request carrying a query parameter the answer did not declare (CachePolicy.query), or a
  value outside the declared pattern, or a parameter twice, is served as usual but never
  stored: `?utm_x=<random>` cannot fill the cache with copies, and what someone typed into a
  search box never lands on the server's disk;
- an answer that says private, no-store, no-cache or max-age=0 (Django's never_cache: the
  account area, forms, search results, the quick exit; the admins send it themselves) or that
  sets a cookie (a form with a CSRF token), or that comes from a signed-in user.
There is no list of excluded paths: each view or page type declares what it needs.

Declarations, for an app's page type (a class attribute) or view (a decorator):
    cache_policy = CachePolicy(query={"pagina": r"[1-9][0-9]{0,2}"})  # a paged listing
    cache_policy = CachePolicy(max_age=0)   # live numbers (free seats): never stored
    cache_policy = CachePolicy(max_age=5)   # numbers that may be 5 seconds old
    @CachePolicy(max_age=0)                 # the same for a view
Live numbers: max_age=0 is the way for a number a visitor acts on (free seats, the status of a
request); a short max_age for a busy page where seconds do not matter. Either way the answer
says so in Cache-Control, so a browser or a proxy in front keeps it no longer than we do.

Pages live in their own cache (settings.PAGE_CACHE_ALIAS, "pages"), with its own size limit, so
culling pages never evicts the rate-limit counters in the default cache.

Invalidation: every cache key carries the content version, which goes up whenever any page of
any app is published, unpublished, moved or deleted, any draft-state snippet is published or
unpublished (Wagtail's `published` and `unpublished` signals), or a model that declared
`cache_invalidates = True` (or was passed to `invalidate_cache_on_change`) is saved or deleted.
The version lives in the default cache, which every process (and with Redis every machine)
shares, so a change takes effect at once everywhere; entries also expire after
settings.PAGE_CACHE_SECONDS, or sooner when the answer declared a shorter max-age.
"""

import hashlib
import re
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import wraps
from types import MappingProxyType
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches
from django.db.models import Model
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control
from wagtail.models import Page
from wagtail.signals import post_page_move, published, unpublished

CONTENT_VERSION_KEY = "portal:content-version"
CACHE_HEADER = "X-Page-Cache"
_UNCACHEABLE_DIRECTIVES = ("private", "no-store", "no-cache")
# The response attribute where a CachePolicy leaves the query parameters it declared.
QUERY_ATTRIBUTE = "page_cache_query"
_STORED_AT_ATTRIBUTE = "page_cache_stored_at"


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


# --- Which changes make cached pages stale ----------------------------------------------------

_registered_models: set[type[Model]] = set()


def invalidate_cache_on_change(*models: type[Model]) -> None:
    """Saving or deleting any of `models` (or a subclass) empties the page cache.

    For models an app shows on public pages but does not own (call it from the app's
    AppConfig.ready); on its own models an app declares `cache_invalidates = True` instead.
    """
    _registered_models.update(models)


def invalidates_cache(model: type[Model]) -> bool:
    return bool(getattr(model, "cache_invalidates", False)) or issubclass(
        model, tuple(_registered_models)
    )


def _model_changed(sender: type[Model], **kwargs) -> None:
    if invalidates_cache(sender):
        bump_content_version()


def connect_invalidation() -> None:
    """Connect the receivers that bump the content version; called once, from PortalConfig."""
    # `published` and `unpublished` are sent for pages of every type and for snippets with
    # draft state alike.
    for signal in (published, unpublished, post_page_move):
        signal.connect(bump_content_version, dispatch_uid=f"page-cache-{id(signal)}")
    post_delete.connect(bump_content_version, sender=Page, dispatch_uid="page-cache-page-delete")
    # Any model: the declaration is read from the sender, so models of apps installed later
    # (and test-only models) need nothing but the declaration.
    for signal in (post_save, post_delete):
        signal.connect(_model_changed, dispatch_uid=f"page-cache-model-{id(signal)}")


# --- What a page or view declares -------------------------------------------------------------


@dataclass(frozen=True)
class CachePolicy:
    """How the anonymous page cache may keep a page type's or a view's answers.

    max_age: at most this many seconds; 0 never stores the answer (live numbers); None keeps it
        until content changes (or settings.PAGE_CACHE_SECONDS).
    query: the query parameters the answer varies on, each with the pattern its one value must
        match in full. Keep the patterns bounded ("[1-9][0-9]{0,2}", not ".*"), so a page has
        few entries.
    """

    max_age: int | None = None
    query: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    def __post_init__(self) -> None:
        # A mistake in a pattern shows when the app starts, not on the first visitor.
        for pattern in self.query.values():
            re.compile(pattern)

    def apply(self, response: HttpResponse) -> HttpResponse:
        if self.max_age == 0:
            patch_cache_control(response, no_cache=True, max_age=0)
        elif self.max_age is not None:
            patch_cache_control(response, max_age=self.max_age)
        if self.query:
            setattr(response, QUERY_ATTRIBUTE, dict(self.query))
        return response

    def __call__(self, view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        """Use the policy as a view decorator."""

        @wraps(view)
        def with_policy(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            return self.apply(view(request, *args, **kwargs))

        return with_policy


def apply_page_cache_policy(serve: Callable) -> Callable:
    """Wagtail's on_serve_page hook: a page type's `cache_policy` applies to its answers."""

    def serve_with_policy(page, request, args, kwargs):
        response = serve(page, request, args, kwargs)
        policy = getattr(page, "cache_policy", None)
        return policy.apply(response) if policy is not None else response

    return serve_with_policy


# --- The middleware -------------------------------------------------------------------------


def _query_key(request: HttpRequest) -> str:
    """The query string in a canonical order: the same key whatever order the parameters came in."""
    return urlencode(sorted(request.GET.lists()), doseq=True)


def _may_use_cache(request: HttpRequest) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    personal_cookies = (settings.SESSION_COOKIE_NAME, CookieStorage.cookie_name)
    return not any(name in request.COOKIES for name in personal_cookies)


def _declared_query(request: HttpRequest, response: HttpResponse) -> bool:
    """Whether every query parameter is one the answer declared, once, with an allowed value."""
    declared: Mapping[str, str] = getattr(response, QUERY_ATTRIBUTE, {})
    for name, values in request.GET.lists():
        pattern = declared.get(name)
        if pattern is None or len(values) != 1 or not re.fullmatch(pattern, values[0]):
            return False
    return True


def _cache_control(response: HttpResponse) -> dict[str, str | None]:
    directives: dict[str, str | None] = {}
    for part in response.get("Cache-Control", "").lower().split(","):
        name, _sep, value = part.strip().partition("=")
        if name:
            directives[name] = value.strip('"') if value else None
    return directives


def _seconds_to_keep(request: HttpRequest, response: HttpResponse) -> int | None:
    """How long to store this answer, or None when it must not be stored."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return None
    if not response.get("Content-Type", "").startswith("text/html"):
        return None
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return None
    if not _declared_query(request, response):
        return None
    directives = _cache_control(response)
    if any(directive in directives for directive in _UNCACHEABLE_DIRECTIVES):
        return None
    # Ours is a shared cache: s-maxage first, as for any proxy.
    declared = directives.get("s-maxage") or directives.get("max-age")
    seconds = settings.PAGE_CACHE_SECONDS
    if declared is not None:
        try:
            seconds = min(seconds, int(declared))
        except ValueError:
            return None
    return seconds if seconds > 0 else None


def _key(request: HttpRequest) -> str:
    # The language is part of every public path (/nl/, /en/), so host, path and the query
    # suffice.
    address = f"{request.get_host()}{request.path}?{_query_key(request)}"
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
            stored_at = getattr(cached, _STORED_AT_ATTRIBUTE, None)
            if stored_at is not None:
                # How old the copy is, so a browser or proxy keeps it no longer than its max-age.
                cached["Age"] = str(max(0, int(time.time() - stored_at)))
            return cached
        response = self.get_response(request)
        seconds = _seconds_to_keep(request, response)
        if seconds is not None:
            response[CACHE_HEADER] = "miss"
            setattr(response, _STORED_AT_ATTRIBUTE, time.time())
            _cache().set(key, response, seconds)
        return response
