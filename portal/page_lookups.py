"""Facts about pages that several parts of one response need, asked once per request.

The menus, the language switcher, a page's own related lists and its hreflang links each
need "which pages are under a view restriction" or "this page's live translations". Each
answer is one query; without this module the same query ran up to three times in one render.
The answers are kept on the request object, so they live exactly as long as the response they
serve and never leak into the next visitor's.
"""

from collections.abc import Callable

from django.db.models import Q
from django.http import HttpRequest
from wagtail.models import Page

_STORE = "_steiger_page_lookups"


def _once_per_request[T](request: HttpRequest | None, key: tuple, compute: Callable[[], T]) -> T:
    if request is None:
        return compute()
    store = request.__dict__.setdefault(_STORE, {})
    if key not in store:
        store[key] = compute()
    return store[key]


def private_pages_q(request: HttpRequest | None = None) -> Q:
    """A filter matching every page under a view restriction (password, login, group), to
    exclude from public lists. One query per request; one per call without a request."""
    return _once_per_request(request, ("private",), lambda: Page.objects.all().private_q())


def live_translations(page: Page, request: HttpRequest | None = None) -> list[Page]:
    """The page and its live translations, each with its locale, ordered by language code.
    One query per page and request. They are for links (address, language), so they are read
    as plain pages, not as their own type: an article's own table and its body, joined and
    parsed for nothing, took a millisecond of its uncached render (issue 7). No page type here
    works out its address beyond Page's own fields."""

    def compute() -> list[Page]:
        return list(
            Page.objects.filter(translation_key=page.translation_key)
            .live()
            .select_related("locale")
            .order_by("locale__language_code")
        )

    return _once_per_request(request, ("translations", page.pk), compute)
