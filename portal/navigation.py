"""Main menu and footer links, cached until content changes.

Every public page shows the menus, so they are built once and kept in the cache; their keys
include the content version (portal.page_cache), which any content change increases. This is
what keeps the home page within its budget of 10 SQL queries (tests/portal/test_pages.py),
together with its own sections (portal.models.pages.home_sections).
"""

from dataclasses import dataclass

from django.core.cache import cache
from django.http import HttpRequest
from wagtail.models import Locale, Page, Site

from portal.models.pages import StandardPage
from portal.page_cache import content_version
from portal.page_lookups import private_pages_q

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


def build_navigation(
    site: Site, locale: Locale, request: HttpRequest | None = None
) -> SiteNavigation:
    # With the request, Wagtail works out the sites' root paths once for every link instead of
    # once per link (a query each time its own cache has no copy).
    home = _localized_home(site, locale)
    private = private_pages_q(request)  # each .public() would cost a query
    main = tuple(
        NavigationLink(page.title, page.get_url(request))
        for page in home.get_children().live().exclude(private).in_menu().specific(defer=True)
    )
    footer_pages = (
        StandardPage.objects.descendant_of(home)
        .live()
        .exclude(private)
        .filter(show_in_footer=True)
        .order_by("path")
    )
    footer = tuple(NavigationLink(page.title, page.get_url(request)) for page in footer_pages)
    return SiteNavigation(home_url=home.get_url(request), main=main, footer=footer)


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
