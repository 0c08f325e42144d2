"""Main menu and footer links per site and language, cached until content changes.

Every public page shows them, so they are built once and kept in the cache; any publish,
unpublish, move or delete of a page bumps a version number that all cache keys include.
"""

from dataclasses import dataclass

from django.core.cache import cache
from wagtail.models import Locale, Page, Site

from portal.models.pages import StandardPage

CACHE_VERSION_KEY = "portal:navigation:version"
CACHE_SECONDS = 60 * 60


@dataclass(frozen=True)
class NavigationLink:
    title: str
    url: str


@dataclass(frozen=True)
class SiteNavigation:
    home_url: str
    main: tuple[NavigationLink, ...]
    footer: tuple[NavigationLink, ...]


def invalidate_navigation(**_kwargs) -> None:
    """Signal receiver: content changed, so every cached menu is stale."""
    try:
        cache.incr(CACHE_VERSION_KEY)
    except ValueError:
        cache.set(CACHE_VERSION_KEY, 2, None)


def _version() -> int:
    return cache.get_or_set(CACHE_VERSION_KEY, 1, None)


def _localized_home(site: Site, locale: Locale) -> Page:
    root = site.root_page
    if root.locale_id == locale.pk:
        return root
    return Page.objects.filter(translation_key=root.translation_key, locale=locale).first() or root


def build_navigation(site: Site, locale: Locale) -> SiteNavigation:
    home = _localized_home(site, locale)
    main = tuple(
        NavigationLink(page.title, page.get_url())
        for page in home.get_children().live().public().in_menu().specific(defer=True)
    )
    footer_pages = (
        StandardPage.objects.descendant_of(home)
        .live()
        .public()
        .filter(show_in_footer=True)
        .order_by("path")
    )
    footer = tuple(NavigationLink(page.title, page.get_url()) for page in footer_pages)
    return SiteNavigation(home_url=home.get_url(), main=main, footer=footer)


def site_navigation(site: Site | None, locale: Locale) -> SiteNavigation | None:
    if site is None:
        return None
    key = f"portal:navigation:{_version()}:{site.pk}:{locale.language_code}"
    navigation = cache.get(key)
    if navigation is None:
        navigation = build_navigation(site, locale)
        cache.set(key, navigation, CACHE_SECONDS)
    return navigation
