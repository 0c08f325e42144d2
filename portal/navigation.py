"""Main menu and footer links, cached until content changes.

Every public page shows the menus, so they are built once and kept in the cache; their keys
include the content version (portal.page_cache), which any content change increases. This is
what keeps the home page within its budget of 10 SQL queries (tests/portal/test_pages.py),
together with its own sections (portal.models.pages.home_sections).
"""

from dataclasses import dataclass

from django.core.cache import cache
from django.db import connections, router
from django.http import HttpRequest
from wagtail.models import Locale, Page, Site

from portal import plain_select
from portal.models.pages import StandardPage
from portal.page_cache import content_version
from portal.page_sql import no_view_restriction

CACHE_SECONDS = 60 * 60
HOME_DEPTH = 2  # the tree's root is depth 1; each language's home page sits below it


@dataclass(frozen=True)
class NavigationLink:
    title: str
    url: str


@dataclass(frozen=True)
class SiteNavigation:
    home_url: str
    main: tuple[NavigationLink, ...]
    footer: tuple[NavigationLink, ...]


def _localized_home(site: Site, locale: Locale) -> Page:
    root = site.root_page
    if root.locale_id == locale.pk:
        return root
    return Page.objects.filter(translation_key=root.translation_key, locale=locale).first() or root


# What a menu link shows and needs for its address (Page.get_url reads url_path only).
_LINK_COLUMNS = plain_select.Columns(
    Page,
    [
        field
        for field in Page._meta.concrete_fields
        if field.attname in {"id", "path", "title", "url_path"}
    ],
)
MAIN, FOOTER = 0, 1


def menu_pages(home: Page) -> tuple[list[Page], list[Page]]:
    """The live, public children of `home` shown in menus, and the live, public standard pages
    below it marked for the footer, each list by tree path, in one query; every other column
    is left deferred.

    Every page shows the menus. Through the ORM these were two queries plus the one for which
    pages are under a view restriction, and building them took more than a millisecond of
    every uncached render (issue 7); tests/portal/test_navigation.py holds them to the ORM's."""
    connection = connections[router.db_for_read(Page)]
    quote = connection.ops.quote_name
    page = quote(Page._meta.db_table)
    standard = quote(StandardPage._meta.db_table)
    standard_key = quote(StandardPage._meta.pk.column)
    columns = _LINK_COLUMNS.select_list(connection, "p")
    public = no_view_restriction(connection)
    sql = (
        f"SELECT {MAIN} AS part, {columns} FROM {page} p"  # noqa: S608 (quoted names; values are parameters)
        f" WHERE p.path LIKE %s AND p.depth = %s AND p.live = %s AND p.show_in_menus = %s"
        f" AND {public}"
        f" UNION ALL SELECT {FOOTER} AS part, {columns} FROM {page} p"
        f" INNER JOIN {standard} s ON s.{standard_key} = p.id"
        f" WHERE p.path LIKE %s AND p.depth > %s AND p.live = %s"
        f" AND s.{quote('show_in_footer')} = %s AND {public}"
        " ORDER BY part, path"
    )
    below = f"{home.path}%"
    params = [below, home.depth + 1, True, True, below, home.depth, True, True]
    pages: tuple[list[Page], list[Page]] = ([], [])
    for part, values in _LINK_COLUMNS.tagged_rows(sql, params):
        pages[part].append(Page.from_db(connection.alias, _LINK_COLUMNS.names, values))
    return pages


def build_navigation(
    site: Site, locale: Locale, request: HttpRequest | None = None
) -> SiteNavigation:
    # With the request, Wagtail works out the sites' root paths once for every link instead of
    # once per link (a query each time its own cache has no copy).
    home = _localized_home(site, locale)
    main_pages, footer_pages = menu_pages(home)
    return SiteNavigation(
        home_url=home.get_url(request),
        main=tuple(NavigationLink(page.title, page.get_url(request)) for page in main_pages),
        footer=tuple(NavigationLink(page.title, page.get_url(request)) for page in footer_pages),
    )


def site_navigation(
    site: Site | None, locale: Locale, request: HttpRequest | None = None
) -> SiteNavigation | None:
    if site is None:
        return None
    key = f"portal:navigation:{content_version()}:{site.pk}:{locale.language_code}"
    navigation = cache.get(key)
    if navigation is None:
        navigation = build_navigation(site, locale, request)
        cache.set(key, navigation, CACHE_SECONDS)
    return navigation


def breadcrumb_trail(page: Page) -> list[Page]:
    """The pages between the site's home (included) and `page` (excluded), top first.

    Routing leaves each page's parent on it (treebeard's `_cached_parent_obj`, set by
    Wagtail's `Page.route` and portal.models.routing), so a routed page's trail costs no query;
    a page reached otherwise (a preview, an error page) costs one query for the whole trail."""
    trail: list[Page] = []
    current = page
    while current.depth > HOME_DEPTH:
        parent = current.__dict__.get("_cached_parent_obj")
        if parent is None:
            return list(page.get_ancestors()[HOME_DEPTH - 1 :])
        trail.append(parent)
        current = parent
    return trail[::-1]
