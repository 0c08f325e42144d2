"""Meilisearch filter expressions: quoting, lookups, and/or/not, and what real querysets become.

No server: the expressions are checked as text, and quoting against Meilisearch's documented
unescaping (a backslash-quote inside double quotes is a quote, then a double backslash is one
backslash).
"""

import datetime

import pytest
from modelsearch.backends import get_search_backend
from modelsearch.backends.base import FilterError
from wagtail.models import Page

from knowledge.models import ArticlePage
from search.backends.meilisearch import filters
from search.backends.meilisearch.filters import NOTHING

CLOSED_PORT = "http://127.0.0.1:9"


def meilisearch_unquote(literal: str) -> str:
    """Meilisearch's reading of a double-quoted filter value (filter-parser's value.rs)."""
    assert literal.startswith('"') and literal.endswith('"')
    inner = literal[1:-1]
    # The value ends at the first quote not preceded by a backslash.
    index = 0
    while index < len(inner):
        if inner[index] == "\\":
            index += 2
            continue
        assert inner[index] != '"', f"the value would end early in {literal!r}"
        index += 1
    inner = inner.replace('\\"', '"')
    return inner.encode().decode("unicode_escape") if "\\" in inner else inner


@pytest.mark.parametrize(
    "value",
    [
        "kindermishandeling",
        'Zeg "nee"',
        "C:\\map\\bestand",
        'eindigt op \\"',
        "\\",
        '" OR live = false OR "',
        '") AND (id > 0',
    ],
)
def test_a_quoted_value_reads_back_as_itself(value):
    literal = filters.quote(value)

    assert meilisearch_unquote(literal) == value


def test_quotes_and_backslashes_are_escaped():
    assert filters.quote('a"b') == '"a\\"b"'
    assert filters.quote("a\\b") == '"a\\\\b"'
    assert filters.quote('a\\"b') == '"a\\\\\\"b"'


def test_literals_by_type():
    assert filters.literal(True) == "true"
    assert filters.literal(False) == "false"
    assert filters.literal(12) == "12"
    assert filters.literal(2.5) == "2.5"
    assert filters.literal("nl") == '"nl"'
    assert filters.literal(datetime.date(1970, 1, 2)) == "86400"
    assert filters.literal(datetime.datetime(1970, 1, 1, 0, 1, tzinfo=datetime.UTC)) == "60"


@pytest.mark.parametrize(
    ("lookup", "value", "expected"),
    [
        ("exact", "nl", 'locale = "nl"'),
        ("exact", None, "(locale IS NULL OR locale NOT EXISTS)"),
        ("in", ["nl", 'e"n'], 'locale IN ["nl", "e\\"n"]'),
        ("lt", 3, "locale < 3"),
        ("lte", 3, "locale <= 3"),
        ("gt", 3, "locale > 3"),
        ("gte", 3, "locale >= 3"),
        ("range", (1, 9), "locale 1 TO 9"),
        ("isnull", True, "(locale IS NULL OR locale NOT EXISTS)"),
        ("isnull", False, "(locale EXISTS AND locale IS NOT NULL)"),
        ("startswith", "n", 'locale STARTS WITH "n"'),
    ],
)
def test_lookups(lookup, value, expected):
    assert filters.lookup_filter("locale", lookup, value) == expected


def test_an_empty_in_matches_nothing():
    assert filters.lookup_filter("id", "in", []) is NOTHING


def test_a_tree_path_prefix_is_an_equality_on_the_ancestors():
    assert filters.lookup_filter("path", "startswith", "00010002", steplen=4) == (
        'path_prefixes = "00010002"'
    )
    # Not a whole step: only Meilisearch's STARTS WITH can answer.
    assert filters.lookup_filter("path", "startswith", "000100", steplen=4) == (
        'path STARTS WITH "000100"'
    )


def test_an_unknown_lookup_is_refused():
    with pytest.raises(filters.UnsupportedLookup):
        filters.lookup_filter("title", "icontains", "x")


def test_attribute_names_cannot_carry_syntax():
    assert filters.equals("themes.slug", "a") == 'themes.slug = "a"'
    with pytest.raises(ValueError):
        filters.equals("live = true OR id", 1)


def test_and_or_not_nest_with_parentheses():
    live = filters.equals("live", True)
    dutch = filters.equals("locale", "nl")
    english = filters.equals("locale", "en")

    either = filters.connect([dutch, english], "OR", negated=False)
    combined = filters.connect([live, either], "AND", negated=True)

    assert either == '(locale = "nl") OR (locale = "en")'
    assert combined == 'NOT ((live = true) AND ((locale = "nl") OR (locale = "en")))'


def test_nothing_and_everything_combine_as_false_and_true():
    live = filters.equals("live", True)

    assert filters.all_of([live, None]) == live
    assert filters.all_of([live, NOTHING]) is NOTHING
    assert filters.all_of([]) is None
    assert filters.any_of([live, NOTHING]) == live
    assert filters.any_of([live, None]) is None
    assert filters.any_of([NOTHING]) is NOTHING
    assert filters.negate(NOTHING) is None
    assert filters.negate(None) is NOTHING
    assert filters.connect([NOTHING], "AND", negated=True) is None
    assert filters.connect([], "AND", negated=True) is None


# --- What querysets become (the backend built, never connected: nothing is sent) -----------


@pytest.fixture
def backend():
    return get_search_backend("search.backends.meilisearch", URL=CLOSED_PORT)


def test_a_search_on_page_is_filtered_to_pages_and_the_querysets_filters(backend, locales):
    queryset = Page.objects.live().filter(locale=locales["nl"])

    params = backend.search("geweld", queryset).search_params()

    assert params["q"] == "geweld"
    dutch = locales["nl"].pk
    assert params["filter"] == (
        f'(content_type = "wagtailcore.page") AND ((live = true) AND (locale_id = {dutch}))'
    )
    assert "sort" not in params  # by relevance
    assert params["attributesToRetrieve"] == ["pk"]


def test_a_search_on_a_page_type_is_filtered_to_that_type(backend, db):
    params = backend.search("geweld", ArticlePage.objects.all()).search_params()

    assert params["filter"] == 'content_type = "knowledge.articlepage"'


def test_descendant_of_becomes_an_ancestor_path_filter(backend, home):
    params = backend.search("geweld", Page.objects.descendant_of(home)).search_params()

    assert params["filter"] == (
        '(content_type = "wagtailcore.page") AND '
        f'((path_prefixes = "{home.path}") AND (depth >= {home.depth}) AND (NOT (id = {home.pk})))'
    )


def test_exclude_and_in_and_dates(backend, db):
    pages = Page.objects.exclude(id__in=[3, 4])
    articles = ArticlePage.objects.filter(last_reviewed__gte=datetime.date(1970, 1, 2))

    assert "NOT (id IN [3, 4])" in backend.search("x", pages).search_params()["filter"]
    assert "last_reviewed >= 86400" in backend.search("x", articles).search_params()["filter"]


def test_a_condition_modelsearch_ignores_is_no_condition_even_negated(backend, db):
    # On a page type, id is the "page_ptr" join, which modelsearch leaves out.
    params = backend.search("x", ArticlePage.objects.exclude(id__in=[3])).search_params()

    assert params["filter"] == 'content_type = "knowledge.articlepage"'


def test_a_queryset_that_matches_nothing_asks_nothing(backend, db):
    assert backend.search("geweld", Page.objects.filter(id__in=[])).search_params() is None
    assert backend.search("geweld", Page.objects.none()).search_params() is None
    assert list(backend.search("geweld", Page.objects.none())) == []  # and no request


def test_an_order_becomes_a_sort(backend, db):
    queryset = Page.objects.order_by("-first_published_at", "title")

    params = backend.search("geweld", queryset, order_by_relevance=False).search_params()

    assert params["sort"] == ["first_published_at:desc", "title:asc"]


def test_slices_become_offset_and_limit(backend, db):
    params = backend.search("geweld", Page.objects.all())[20:30].search_params()

    assert (params["offset"], params["limit"]) == (20, 10)


def test_an_unsupported_lookup_is_a_filter_error(backend, db):
    with pytest.raises(FilterError):
        backend.search("geweld", Page.objects.filter(title__icontains="x")).search_params()


def test_chosen_facet_values_narrow_within_or_and_across_and(backend, db):
    results = backend.search("geweld", Page.objects.all()).filter_facets(
        {"theme": ["kindermishandeling", "huiselijk-geweld"], "audience": ["inwoners"], "cost": []}
    )

    assert results.search_params()["filter"] == (
        '(content_type = "wagtailcore.page") AND '
        '(theme IN ["kindermishandeling", "huiselijk-geweld"]) AND '
        '(audience IN ["inwoners"])'
    )


def test_each_facet_is_counted_with_the_other_facets_choices(backend, db):
    results = backend.search("geweld", Page.objects.all()).filter_facets(
        {"theme": ["kindermishandeling"], "audience": ["inwoners"]}
    )

    theme_query, audience_query = results.facet_queries(["theme", "audience"])

    assert theme_query["facets"] == ["theme"]
    assert "audience IN" in theme_query["filter"] and "theme IN" not in theme_query["filter"]
    assert "theme IN" in audience_query["filter"] and "audience IN" not in audience_query["filter"]
    assert theme_query["indexUid"] == "steiger"
    assert (theme_query["page"], theme_query["hitsPerPage"]) == (0, 1)  # exhaustive counts


def test_only_known_facets_can_be_chosen(backend, db):
    with pytest.raises(ValueError):
        backend.search("geweld", Page.objects.all()).filter_facets({"title": ["x"]})
