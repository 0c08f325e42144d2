"""What a downloads page shows: its rows a visitor may open, filtered by theme and language,
with each file's type and size. Typed functions the page calls; no request handling beyond
reading who is asking."""

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urlencode

from django.db.models import QuerySet
from django.http import HttpRequest
from wagtail.models import BaseViewRestriction, Collection, CollectionViewRestriction

from portal.models import Theme

from .download_choices import RIGHT_TO_LEFT, DocumentLanguage

if TYPE_CHECKING:
    from .downloads import Download, DownloadsPage

THEME_PARAMETER = "thema"
LANGUAGE_PARAMETER = "taal"


@dataclass(frozen=True)
class Item:
    """One download as the page shows it."""

    title: str
    url: str
    kind: str
    language: str  # ISO code, for the lang attribute
    language_name: str
    extension: str  # "PDF"
    size: int | None  # bytes; None when the file's size is unknown
    description: str
    themes: list[Theme]
    # In a collection with a view restriction this visitor passes: marked, never hidden from
    # them, and never shown to anyone who does not pass it.
    restricted: bool
    # The document's language differs from the page's: its title gets a lang attribute.
    foreign: bool
    right_to_left: bool


@dataclass(frozen=True)
class DownloadListing:
    items: list[Item]
    themes: list[Theme]  # the page's language's themes that some visible download carries
    languages: list[tuple[str, str]]  # (code, name) of the visible downloads' languages
    theme: Theme | None = None
    language: str = ""
    language_name: str = ""
    # Filter values that match nothing offered, as typed (shown, never a 500).
    unknown: list[str] = field(default_factory=list)
    total: int = 0  # visible downloads before filtering

    @property
    def storable(self) -> bool:
        return not self.unknown

    @property
    def filtered(self) -> bool:
        return self.theme is not None or bool(self.language) or bool(self.unknown)

    @property
    def own_query(self) -> str:
        return listing_query(self.theme, self.language)

    @property
    def without_theme_query(self) -> str:
        return listing_query(language=self.language)

    @property
    def without_language_query(self) -> str:
        return listing_query(theme=self.theme)


def listing_query(theme: Theme | None = None, language: str = "") -> str:
    """The query string for a filtered listing, "?" included; "" for the plain page."""
    parts = []
    if theme is not None:
        parts.append((THEME_PARAMETER, theme.slug))
    if language:
        parts.append((LANGUAGE_PARAMETER, language))
    return f"?{urlencode(parts)}" if parts else ""


def file_extension(document) -> str:
    return os.path.splitext(document.file.name)[1].lstrip(".").upper()


# --- Who may see a document -------------------------------------------------------------------


def _group_ids(request: HttpRequest, restrictions: list[CollectionViewRestriction]) -> set[int]:
    """The visitor's group ids, asked for only when a group restriction needs them."""
    user = request.user
    needed = any(r.restriction_type == BaseViewRestriction.GROUPS for r in restrictions)
    if not needed or not user.is_authenticated or user.is_superuser:
        return set()
    return set(user.groups.values_list("pk", flat=True))


def _passes(
    restriction: CollectionViewRestriction, request: HttpRequest, group_ids: set[int]
) -> bool:
    """Wagtail's own test (BaseViewRestriction.accept_request) without a query per restriction:
    the serve view applies that one, this only decides what the list shows."""
    if restriction.restriction_type == BaseViewRestriction.PASSWORD:
        passed = request.session.get(restriction.passed_view_restrictions_session_key, [])
        return restriction.pk in passed
    if restriction.restriction_type == BaseViewRestriction.LOGIN:
        return request.user.is_authenticated
    if restriction.restriction_type == BaseViewRestriction.GROUPS:
        if request.user.is_superuser:
            return True
        return any(group.pk in group_ids for group in restriction.groups.all())
    return True


def _restrictions_on(
    collection: Collection, restrictions: list[CollectionViewRestriction]
) -> list[CollectionViewRestriction]:
    """The restrictions on `collection` and on the collections above it."""
    return [r for r in restrictions if collection.path.startswith(r.collection.path)]


# --- The listing ------------------------------------------------------------------------------


def _rows(page: "DownloadsPage") -> list["Download"]:
    rows = page.downloads.all()
    if not isinstance(rows, QuerySet):
        # A preview: the rows of a revision, in memory and in the form's order (some not saved
        # yet, so nothing to prefetch by).
        return list(rows)
    return list(
        rows.select_related("document__collection")
        .prefetch_related("themes")
        .order_by("sort_order")
    )


def _item(row: "Download", restricted: bool, page_language: str, themes: list[Theme]) -> Item:
    document = row.document
    return Item(
        title=document.title,
        url=document.url,
        kind=row.get_kind_display(),
        language=row.language,
        language_name=row.get_language_display(),
        extension=file_extension(document),
        # The stored size (Wagtail's upload sets it): reading the file's size here would cost
        # a storage call per download.
        size=document.file_size,
        description=row.description,
        themes=themes,
        restricted=restricted,
        foreign=row.language != page_language,
        right_to_left=row.language in RIGHT_TO_LEFT,
    )


def _in_own_language(terms: Iterable[Theme], own: Mapping) -> list[Theme]:
    """`terms` as the page's language's themes (a translated page still carries the source's
    labels until an editor saves it), in the page language's order."""
    keys = {term.translation_key for term in terms}
    return [theme for key, theme in own.items() if key in keys]


def download_listing(page: "DownloadsPage", request: HttpRequest) -> DownloadListing:
    """The page's downloads this visitor may open, in the editor's order, filtered by the
    theme (a slug of the page's language) and the document language in `request.GET`; in a
    fixed number of queries, however many downloads, themes and restrictions there are."""
    page_language = page.locale.language_code
    own_themes = {
        theme.translation_key: theme for theme in Theme.objects.filter(locale_id=page.locale_id)
    }
    restrictions = list(
        CollectionViewRestriction.objects.select_related("collection").prefetch_related("groups")
    )
    group_ids = _group_ids(request, restrictions)

    visible: list[tuple[Download, Item]] = []
    for row in _rows(page):
        on_collection = _restrictions_on(row.document.collection, restrictions)
        if not all(_passes(r, request, group_ids) for r in on_collection):
            continue  # nobody learns that a document they may not open exists
        themes = _in_own_language(row.themes.all(), own_themes)
        visible.append((row, _item(row, bool(on_collection), page_language, themes)))

    used_theme_keys = {theme.translation_key for _row, item in visible for theme in item.themes}
    offered_themes = [theme for key, theme in own_themes.items() if key in used_theme_keys]
    used_languages = {row.language for row, _item in visible}
    offered_languages = [
        (code, str(name)) for code, name in DocumentLanguage.choices if code in used_languages
    ]

    query = request.GET
    theme_slug = query.get(THEME_PARAMETER, "").strip()
    language = query.get(LANGUAGE_PARAMETER, "").strip()
    theme = next((t for t in offered_themes if t.slug == theme_slug), None)
    known_language = language in dict(offered_languages)
    unknown = [
        value
        for value, bad in (
            (theme_slug, bool(theme_slug) and theme is None),
            (language, bool(language) and not known_language),
        )
        if bad
    ]

    items = [item for _row, item in visible]
    if unknown:
        items = []
    if theme is not None:
        items = [item for item in items if theme in item.themes]
    if language and known_language:
        items = [item for item in items if item.language == language]
    return DownloadListing(
        items=items,
        themes=offered_themes,
        languages=offered_languages,
        theme=theme,
        language=language if known_language else "",
        language_name=dict(offered_languages).get(language, ""),
        unknown=unknown,
        total=len(visible),
    )
