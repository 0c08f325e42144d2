"""Searching the live pages of one language, safe for anything typed into the search box.

Temporary: the search app (issue 8) replaces this; until then it must simply never fail.

The query always reaches the backend as modelsearch's PlainText, never as query syntax, and is
cleaned first of what the backends cannot take:
- control, format and surrogate characters: a NUL byte ends an SQLite FTS5 string early
  ("unterminated string") and PostgreSQL refuses it in any string; bidi overrides and
  zero-width characters would also garble the query we show back;
- the double quote: modelsearch's SQLite backend wraps each term in double quotes without
  doubling quotes inside it, so `"meldcode` became FTS5 syntax. A quote means nothing in a
  plain-text search, so it becomes a space. (Its PostgreSQL backend quotes and escapes each
  term itself.)
Should a backend still refuse a query, the visitor sees a short notice instead of an error
page, and the log names the error class only: what people search for is personal.
"""

import logging
import unicodedata
from dataclasses import dataclass

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db import DatabaseError
from modelsearch.query import PlainText
from wagtail.models import Locale, Page

logger = logging.getLogger(__name__)

QUERY_MAX_LENGTH = 200
RESULTS_PER_PAGE = 10
# Cc control (NUL, escape, ...), Cf format (bidi overrides, zero-width), Cs lone surrogates.
_UNSAFE_CATEGORIES = frozenset({"Cc", "Cf", "Cs"})
_SYNTAX_CHARACTERS = frozenset('"')


@dataclass(frozen=True)
class SearchOutcome:
    query: str
    results: PaginatorPage
    failed: bool = False


def clean_query(raw: str) -> str:
    """`raw` as plain words: unsafe characters become spaces, whitespace collapses, max 200."""
    characters = (
        " "
        if character in _SYNTAX_CHARACTERS or unicodedata.category(character) in _UNSAFE_CATEGORIES
        else character
        for character in raw[: QUERY_MAX_LENGTH * 4]
    )
    return " ".join("".join(characters).split())[:QUERY_MAX_LENGTH].strip()


def search_live_pages(raw_query: str, page_number: str | None, locale: Locale) -> SearchOutcome:
    """One page of live, public pages in `locale` that match `raw_query`."""
    query = clean_query(raw_query)
    if not query:
        return SearchOutcome(query, Paginator(Page.objects.none(), RESULTS_PER_PAGE).get_page(1))
    results = Page.objects.live().public().filter(locale=locale).specific().search(PlainText(query))
    try:
        page = Paginator(results, RESULTS_PER_PAGE).get_page(page_number)
        # Evaluate here, inside the safety net, not later while the template renders.
        page.object_list = list(page.object_list)
    except DatabaseError as error:
        logger.warning("Search failed: %s", type(error).__name__)
        empty = Paginator(Page.objects.none(), RESULTS_PER_PAGE).get_page(1)
        return SearchOutcome(query, empty, failed=True)
    return SearchOutcome(query, page)
