"""What search engines and link previews read about a knowledge page: its canonical address,
its translations (hreflang), Open Graph and schema.org Article data. Nothing here names a
third-party host: a link preview shows no image rather than one from elsewhere."""

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.html import strip_tags
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from wagtail.models import Page

from portal.page_lookups import live_translations

if TYPE_CHECKING:
    from .models import ArticlePage

DESCRIPTION_WORDS = 40
SITE_NAME = "Steiger"
# As Django's json_script: nothing in the data can end the script element or start markup.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@dataclass(frozen=True)
class Alternate:
    language: str
    url: str


def description(page: Page) -> str:
    """The page's search description, or the start of its introduction."""
    text = page.search_description or strip_tags(getattr(page, "intro", "") or "")
    return Truncator(" ".join(text.split())).words(DESCRIPTION_WORDS)


def alternates(page: Page, request: HttpRequest, own_url: str = "") -> list[Alternate]:
    """The page and its live translations in the site's languages, for hreflang links; empty
    when there is no translation (a lone page needs no alternates). `own_url`, the page's full
    address when the caller has it already, is not worked out again (Wagtail's get_url is not
    free: the same page at the same address gets the same answer)."""
    site_languages = {code for code, _name in settings.LANGUAGES}
    found = [
        Alternate(
            translation.locale.language_code,
            own_url
            if own_url and translation.pk == page.pk and translation.url_path == page.url_path
            else translation.get_full_url(request),
        )
        for translation in live_translations(page, request)
        if translation.locale.language_code in site_languages
    ]
    return found if len(found) > 1 else []


def language_code(page: Page, request: HttpRequest) -> str:
    """The page's language (og:locale, inLanguage), read from its live translations, which are
    asked for anyway with their locales (language switcher, hreflang): no query of its own. A
    draft in preview is not among them and asks its locale."""
    for translation in live_translations(page, request):
        if translation.pk == page.pk:
            return translation.locale.language_code
    return page.locale.language_code


def page_metadata(page: Page, request: HttpRequest, query: str = "") -> dict:
    """What knowledge/includes/metadata.html needs for the page's <head>; `query` is the
    listing's own query string ("?thema=meldcode"), part of its canonical address."""
    own_url = page.get_full_url(request)
    return {
        "canonical_url": own_url + query,
        "alternates": alternates(page, request, own_url),
        "language_code": language_code(page, request),
        "description": description(page),
        "default_language": settings.LANGUAGE_CODE,
    }


def article_structured_data(
    article: "ArticlePage", url: str, language: str, themes: list
) -> SafeString:
    """A schema.org Article at `url` (its canonical address) as a JSON-LD data block. Browsers
    never execute a data block, so the strict script-src of the CSP does not apply to it
    (tests/e2e/test_knowledge_pages.py)."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": article.title,
        "description": description(article),
        "inLanguage": language,
        "url": url,
        "mainEntityOfPage": url,
        "dateModified": (article.last_published_at or article.latest_revision_created_at),
        "datePublished": article.first_published_at,
        "about": [theme.name for theme in themes],
        "publisher": {"@type": "Organization", "name": SITE_NAME},
    }
    if article.author_organisation:
        data["author"] = {"@type": "Organization", "name": article.author_organisation}
    cleaned = {
        key: value.isoformat() if hasattr(value, "isoformat") else value
        for key, value in data.items()
        if value not in (None, "", [])
    }
    text = json.dumps(cleaned, ensure_ascii=False).translate(_JSON_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')
