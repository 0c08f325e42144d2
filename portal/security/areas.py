"""Areas of the site declared where their views are, not listed by path in the settings.

A view (or every view of a URL include) says what it is with a decorator; the middleware, the
page cache, the quick exit and robots.txt read that declaration from the resolved view:

- `private_area`: not a public page (the admin, the account area, an expert's inbox, the quick
  exit). quick-exit.js leaves the browser's own history alone there, and robots.txt keeps
  crawlers out. `portal.accounts.decorators.mfa_required` implies it.
- `portal.accounts.decorators.mfa_required` / `require_mfa` / `staff_only`: the second factor.
- Django's `never_cache`: never stored, by us or anyone (portal/page_cache.py honours the header).
- `never_stored`: never_cache for every answer about the view, also one a middleware makes from
  an exception the view raised (allauth's 429 on too many sign-in attempts):
  portal.security.middleware.NeverStoredMiddleware reads it from the resolved view.
- Django's `csp_override(settings.ADMIN_CSP)`: the admins' own Content-Security-Policy.

`decorate_include` applies decorators to every view of an include, for URLconfs we do not own
(Wagtail's and Django's admins, allauth); an app decorates its own views, or its own urlpatterns
with wagtail.utils.urlpatterns.decorate_urlpatterns, in its own package.
"""

import re
from collections.abc import Callable, Iterable, Iterator
from functools import cache, wraps
from inspect import iscoroutinefunction

from django.conf import settings
from django.urls import Resolver404, URLPattern, URLResolver, get_resolver, get_urlconf, resolve
from django.urls.resolvers import LocalePrefixPattern, RegexPattern, RoutePattern
from django.utils import translation
from django.views.decorators.cache import never_cache
from wagtail.utils.urlpatterns import decorate_urlpatterns

View = Callable[..., object]

PRIVATE_AREA = "private_area"
NEVER_STORED = "never_stored"
# Where a regular expression stops being a plain piece of address.
_REGEX_SPECIAL = re.compile(r"[.^$*+?{}\[\]\\|()]")


def mark(view: View, **declarations: bool) -> View:
    """A wrapper of `view` that carries the declarations as attributes.

    A wrapper rather than setting attributes on `view` itself: the same function may be served
    elsewhere without them (allauth's views, Django's admin views). functools.wraps copies the
    attributes of `view`, so declarations add up however many decorators are stacked.
    """
    if iscoroutinefunction(view):

        @wraps(view)
        async def marked_async(*args, **kwargs):
            return await view(*args, **kwargs)

        marked: View = marked_async
    else:

        @wraps(view)
        def marked_sync(*args, **kwargs):
            return view(*args, **kwargs)

        marked = marked_sync
    for name, value in declarations.items():
        setattr(marked, name, value)
    return marked


def private_area(view: View) -> View:
    """Declare that `view` is not a public page of the site (see the module docstring)."""
    return mark(view, **{PRIVATE_AREA: True})


def is_private(view: object) -> bool:
    return bool(getattr(view, PRIVATE_AREA, False))


def never_stored(view: View) -> View:
    """Declare that no answer about `view` may be stored, by us, a proxy or the browser."""
    return mark(never_cache(view), **{NEVER_STORED: True})


def is_never_stored(view: object) -> bool:
    return bool(getattr(view, NEVER_STORED, False))


def decorate_include(included: tuple, *decorators: Callable[[View], View]) -> tuple:
    """Apply view decorators to every view of what include() returned (or of admin.site.urls).

    Listed outermost first, like stacked @decorators. Changes the included URLconf's patterns in
    place, as Wagtail does with its own admin URLs, so include each URLconf only once.
    """
    urlconf = included[0]
    patterns = getattr(urlconf, "urlpatterns", urlconf)
    for decorator in reversed(decorators):
        decorate_urlpatterns(patterns, decorator)
    return included


def language_from_path(path: str) -> str:
    """The language of a path under /<language>/, else the site's default language."""
    first = path.lstrip("/").split("/", 1)[0]
    codes = {code for code, _name in settings.LANGUAGES}
    return first if first in codes else settings.LANGUAGE_CODE


def view_for_path(path: str) -> View | None:
    """The view that serves `path` (resolved in the path's own language), or None."""
    with translation.override(language_from_path(path)):
        try:
            return resolve(path).func
        except Resolver404:
            return None


# --- Where the private areas start, for quick-exit.js and robots.txt ------------------------


def private_path_prefixes() -> tuple[str, ...]:
    """The start of every private area's address, in every language, from the URLconf.

    An include whose views are all private counts as one prefix ("/nl/account/"); a single
    private view counts with the fixed start of its address. Computed once per URLconf.
    """
    languages = tuple(code for code, _name in settings.LANGUAGES)
    return _private_prefixes(get_urlconf() or settings.ROOT_URLCONF, languages)


@cache
def _private_prefixes(urlconf: object, languages: tuple[str, ...]) -> tuple[str, ...]:
    found: dict[str, None] = {}
    for code in languages:
        with translation.override(code):
            for prefix in _walk(get_resolver(urlconf).url_patterns, "/"):
                found[prefix] = None
    return tuple(found)


def _walk(patterns: Iterable, prefix: str) -> Iterator[str]:
    for pattern in patterns:
        piece = _fixed_start(pattern.pattern)
        if isinstance(pattern, URLResolver):
            address = prefix + piece
            # A piece that is all fixed ("account/") names the include's own area.
            whole = piece == _pattern_text(pattern.pattern)
            if whole and piece and _all_private(pattern):
                yield address
            elif whole:
                yield from _walk(pattern.url_patterns, address)
        elif isinstance(pattern, URLPattern) and piece and is_private(pattern.callback):
            # A view whose address starts with a variable part has no prefix of its own.
            yield prefix + piece


def _all_private(resolver: URLResolver) -> bool:
    leaves = list(_leaves(resolver.url_patterns))
    return bool(leaves) and all(is_private(leaf.callback) for leaf in leaves)


def _leaves(patterns: Iterable) -> Iterator[URLPattern]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _leaves(pattern.url_patterns)
        else:
            yield pattern


def _pattern_text(pattern: object) -> str:
    if isinstance(pattern, LocalePrefixPattern):
        return pattern.language_prefix
    if isinstance(pattern, RegexPattern):
        return str(pattern).removeprefix("^").removesuffix("$")
    return str(pattern)


def _fixed_start(pattern: object) -> str:
    """The part of a pattern's address that is the same for every URL it matches."""
    text = _pattern_text(pattern)
    if isinstance(pattern, RoutePattern):
        return text.split("<", 1)[0]
    if isinstance(pattern, RegexPattern):
        special = _REGEX_SPECIAL.search(text)
        return text[: special.start()] if special else text
    return text
