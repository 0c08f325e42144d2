"""Main menu, footer links and the home page's sections, cached until content changes.

Every public page shows the menus, and the home page is the most visited page, so they are
built once and kept in the cache; their keys include the content version
(portal.page_cache), which any content change increases. This is what keeps the home page within its
budget of 10 SQL queries (tests/portal/test_pages.py).
"""

from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Q
from wagtail.models import Locale, Page, Site

from portal.models.pages import StandardPage
from portal.page_cache import content_version

CACHE_SECONDS = 60 * 60


@dataclass(frozen=True)
class NavigationLink:
    title: str
    url: str


@dataclass(frozen=True)
class HomeSections:
    """The pages the home page links to: audience entrances and featured pages (live, public)."""

    entrances: tuple[Page, ...]
    featured: tuple[Page, ...]


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


def _private_q() -> Q:
    """Pages under a view restriction, looked up once per build (each .public() costs a query)."""
    return Page.objects.all().private_q()


def build_navigation(site: Site, locale: Locale) -> SiteNavigation:
    home = _localized_home(site, locale)
    private = _private_q()
    main = tuple(
        NavigationLink(page.title, page.get_url())
        for page in home.get_children().live().exclude(private).in_menu().specific(defer=True)
    )
    footer_pages = (
        StandardPage.objects.descendant_of(home)
        .live()
        .exclude(private)
        .filter(show_in_footer=True)
        .order_by("path")
    )
    footer = tuple(NavigationLink(page.title, page.get_url()) for page in footer_pages)
    return SiteNavigation(home_url=home.get_url(), main=main, footer=footer)


def site_navigation(site: Site | None, locale: Locale) -> SiteNavigation | None:
    if site is None:
        return None
    key = f"portal:navigation:{content_version()}:{site.pk}:{locale.language_code}"
    navigation = cache.get(key)
    if navigation is None:
        navigation = build_navigation(site, locale)
        cache.set(key, navigation, CACHE_SECONDS)
    return navigation


def build_home_sections(home: Page) -> HomeSections:
    from portal.models.pages import AudiencePage

    private = _private_q()
    entrances = tuple(
        AudiencePage.objects.child_of(home)
        .live()
        .exclude(private)
        .defer_streamfields()
        .order_by("path")
    )
    featured_ids = [block["value"] for block in home.featured.raw_data if block["type"] == "page"]
    found = Page.objects.live().exclude(private).in_bulk(featured_ids) if featured_ids else {}
    featured = tuple(found[pk] for pk in featured_ids if pk in found)
    return HomeSections(entrances=entrances, featured=featured)


def home_sections(home: Page) -> HomeSections:
    key = f"portal:home:{content_version()}:{home.pk}"
    sections = cache.get(key)
    if sections is None:
        sections = build_home_sections(home)
        cache.set(key, sections, CACHE_SECONDS)
    return sections
