"""What the knowledge pages show: the filtered, paged article list and an article's reading time
(its tags and related content: knowledge/article_lookups.py). Typed functions the page models
call; no request handling here."""

import math
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urlencode

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from wagtail.models import Page
from wagtail.query import PageQuerySet

from portal.models import Audience, Theme

if TYPE_CHECKING:
    from .models import KnowledgeIndexPage

WORDS_PER_MINUTE = 200
PER_PAGE = 12
PAGE_PARAMETER = "pagina"
# More digits than any listing has pages: such a number is past the end without counting.
MAX_PAGE_DIGITS = 9
THEME_PARAMETER = "thema"
AUDIENCE_PARAMETER = "doelgroep"


def reading_minutes(words: int) -> int:
    """Minutes to read `words` words at an ordinary pace; never less than one."""
    return max(1, math.ceil(words / WORDS_PER_MINUTE))


def count_words(*texts: str) -> int:
    return sum(len(text.split()) for text in texts)


# Keys of a StreamField's stored JSON that hold no reader's text.
_NOT_TEXT_KEYS = frozenset({"id", "type"})
# A tag becomes a space: "<p>One.</p><p>Two</p>" is two words.
_TAG = re.compile(r"<[^>]*>")


def stream_text(raw: object) -> Iterator[str]:
    """The text in a StreamField's stored JSON, tags taken out. Read from the raw data, without
    turning blocks into Python values: that conversion was a tenth of an article's cold render."""
    if isinstance(raw, str):
        yield _TAG.sub(" ", raw)
    elif isinstance(raw, dict):
        for key, value in raw.items():
            if key not in _NOT_TEXT_KEYS:
                yield from stream_text(value)
    elif isinstance(raw, (list, tuple)):
        for item in raw:
            yield from stream_text(item)


@dataclass(frozen=True)
class ArticleListing:
    """One page of an index's articles under the filters a visitor chose."""

    articles: PaginatorPage
    themes: list[Theme]
    audiences: list[Audience]
    theme: Theme | None = None
    audience: Audience | None = None
    # Filter values that name no label of this language, as typed (shown, never a 500).
    unknown: list[str] = field(default_factory=list)
    # The page number asked for was past the end; the last page is shown instead.
    out_of_range: bool = False

    @property
    def storable(self) -> bool:
        """Whether the page cache may keep this answer: only the listings a link or the form
        leads to, so made-up values cannot fill the cache."""
        return not self.unknown and not self.out_of_range

    # Query strings of the links on the page ("" is the plain index).
    @property
    def own_query(self) -> str:
        return listing_query(self.theme, self.audience, self.articles.number)

    @property
    def without_theme_query(self) -> str:
        return listing_query(audience=self.audience)

    @property
    def without_audience_query(self) -> str:
        return listing_query(theme=self.theme)

    @property
    def previous_query(self) -> str:
        return listing_query(self.theme, self.audience, self.articles.number - 1)

    @property
    def next_query(self) -> str:
        return listing_query(self.theme, self.audience, self.articles.number + 1)

    @property
    def filtered(self) -> bool:
        return self.theme is not None or self.audience is not None or bool(self.unknown)


def _chosen(terms: list, slug: str) -> tuple[object | None, bool]:
    """The term with `slug` among `terms`; (None, True) when a slug was given but unknown."""
    if not slug:
        return None, False
    for term in terms:
        if term.slug == slug:
            return term, False
    return None, True


def article_listing(
    index: "KnowledgeIndexPage", children: PageQuerySet, query: Mapping[str, str]
) -> ArticleListing:
    """The index's live, public articles (`children`, its ArticlePage children) in its
    language, newest first, filtered by theme and audience (slugs of the index's own
    language) and paged, in a fixed number of queries."""
    themes = list(Theme.objects.filter(locale_id=index.locale_id))
    audiences = list(Audience.objects.filter(locale_id=index.locale_id))
    theme_slug = query.get(THEME_PARAMETER, "").strip()
    audience_slug = query.get(AUDIENCE_PARAMETER, "").strip()
    theme, theme_unknown = _chosen(themes, theme_slug)
    audience, audience_unknown = _chosen(audiences, audience_slug)
    unknown = [
        slug
        for slug, bad in ((theme_slug, theme_unknown), (audience_slug, audience_unknown))
        if bad
    ]

    articles = (
        children.live()
        .public()
        .filter(locale_id=index.locale_id)
        .defer_streamfields()
        .order_by("-first_published_at", "-pk")
    )
    if unknown:
        articles = articles.none()
    if theme is not None:
        # By translation key: a page still carrying a term of another language is found too.
        articles = articles.filter(themes__translation_key=theme.translation_key)
    if audience is not None:
        articles = articles.filter(audiences__translation_key=audience.translation_key)
    articles = articles.distinct().prefetch_related("themes")

    paginator = Paginator(articles, PER_PAGE)
    asked = query.get(PAGE_PARAMETER, "")
    # int() refuses a number of over 4,300 digits; one that long is past the end anyway.
    too_long = asked.isdigit() and len(asked) > MAX_PAGE_DIGITS
    out_of_range = asked.isdigit() and (too_long or int(asked) > paginator.num_pages)
    return ArticleListing(
        articles=paginator.get_page(paginator.num_pages if too_long else asked),
        themes=themes,
        audiences=audiences,
        theme=theme,
        audience=audience,
        unknown=unknown,
        out_of_range=out_of_range,
    )


def listing_query(
    theme: Theme | None = None, audience: Audience | None = None, number: int = 1
) -> str:
    """The query string for a listing: known filters and the page number (past the first), in
    a fixed order, "?" included; "" for the plain index. Made-up parameters never carry over."""
    parts = []
    if theme is not None:
        parts.append((THEME_PARAMETER, theme.slug))
    if audience is not None:
        parts.append((AUDIENCE_PARAMETER, audience.slug))
    if number > 1:
        parts.append((PAGE_PARAMETER, str(number)))
    return f"?{urlencode(parts)}" if parts else ""


def other_guides(index: "KnowledgeIndexPage", article_model: type[Page]) -> list[Page]:
    """The index's live, public children that are not articles (the meldcode walk-through,
    downloads), in the editors' order, as plain pages: two queries, whatever their number."""
    return list(
        Page.objects.child_of(index)
        .live()
        .public()
        .not_type(article_model)
        .filter(locale_id=index.locale_id)
        .order_by("path")
    )
