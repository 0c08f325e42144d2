"""Facts about pages that several parts of one response need, asked once per request.

The menus, the language switcher, a page's own related lists and its hreflang links each
need "which pages are under a view restriction" or "this page's live translations". Each
answer is one query; without this module the same query ran up to three times in one render.
The answers are kept on the request object, so they live exactly as long as the response they
serve and never leak into the next visitor's.
"""

from collections.abc import Callable

from django.conf import settings
from django.db import connections, router
from django.db.models import Q
from django.http import HttpRequest
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page

from portal import plain_select

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
    works out its address beyond Page's own fields. Every page with a language switcher asks
    this, so it is a plain SELECT (portal.plain_select): through the ORM, with the locale
    joined, it took 0.4 ms of every uncached render."""

    def compute() -> list[Page]:
        connection = connections[router.db_for_read(Page)]
        quote = connection.ops.quote_name
        key = Page._meta.get_field("translation_key").get_db_prep_value(
            page.translation_key, connection
        )
        columns = plain_select.every_column(Page)
        sql = (
            f"SELECT l.{quote('language_code')}, {columns.select_list(connection, 'p')}"  # noqa: S608 (quoted names; values are parameters)
            f" FROM {quote(Page._meta.db_table)} p"
            f" INNER JOIN {quote(Locale._meta.db_table)} l ON l.id = p.{quote('locale_id')}"
            f" WHERE p.{quote('translation_key')} = %s AND p.{quote('live')} = %s"
            f" ORDER BY l.{quote('language_code')}"
        )
        translations = []
        for language_code, values in columns.tagged_rows(sql, [key, True]):
            translation = Page.from_db(connection.alias, columns.names, values)
            # As select_related("locale") leaves it: the locale comes with the page.
            translation.locale = Locale(id=translation.locale_id, language_code=language_code)
            translations.append(translation)
        return translations

    return _once_per_request(request, ("translations", page.pk), compute)


def active_locale(request: HttpRequest | None = None) -> Locale:
    """Wagtail's `Locale.get_active()`: the locale of the active language (its content
    language). Routing asks it for the home page in the visitor's language and the menus ask it
    again: one plain SELECT per request and language instead of an ORM query each time. Raises
    what Wagtail's raises (LookupError, Locale.DoesNotExist)."""
    language = translation.get_language()

    def compute() -> Locale:
        code = get_supported_content_language_variant(language)
        connection = connections[router.db_for_read(Locale)]
        quote = connection.ops.quote_name
        columns = plain_select.every_column(Locale)
        found = columns.instances(
            f"SELECT {columns.select_list(connection)} FROM {quote(Locale._meta.db_table)}"  # noqa: S608 (quoted names; the code is a parameter)
            f" WHERE {quote('language_code')} = %s",
            [code],
        )
        if not found:
            raise Locale.DoesNotExist(f"No locale for the language {code!r}")
        return found[0]

    return _once_per_request(request, ("locale", language), compute)


def localized(page: Page, request: HttpRequest | None = None) -> Page:
    """Wagtail's `page.localized` through `active_locale`: the page's live translation in the
    active language when it has one, else the page (a draft translation is not offered)."""
    if not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return page
    try:
        locale = active_locale(request)
    except (LookupError, Locale.DoesNotExist):
        return page
    if locale.pk == page.locale_id:
        return page
    found = page.get_translation_or_none(locale)
    return found if found is not None and found.live else page
