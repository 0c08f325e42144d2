"""portal.routing finds the page an address asks for in one query for the whole address, and
finds what Wagtail's own routing finds: the same page, the same 404s, and a page type with its
own route() still answers the addresses below it."""

import re

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Locale, Page

from knowledge.factories import ArticlePageFactory, KnowledgeIndexPageFactory
from knowledge.models import ArticlePage
from portal import routing
from portal.factories import AudiencePageFactory, StandardPageFactory
from portal.models import Audience, StandardPage
from portal.navigation import breadcrumb_trail
from tests.portal.routing_helpers import both_routes
from tests.workshops.models import WorkshopYearsPage


@pytest.fixture
def article(home):
    """An article three levels below the home page: audience page, knowledge base, article."""
    professionals = Audience.objects.get(locale=home.locale, slug="professionals")  # seeded
    audience = AudiencePageFactory(parent=home, audience=professionals)
    index = KnowledgeIndexPageFactory(parent=audience)
    return ArticlePageFactory(parent=index, slug="de-meldcode", title="De meldcode")


def test_an_address_finds_the_page_wagtail_finds(article):
    ours, wagtails = both_routes("professionals/kennisbank/de-meldcode/")

    assert ours == wagtails
    assert ours[0] == article.pk
    assert ours[1] is type(article)


@pytest.mark.parametrize(
    "path",
    [
        "",
        "professionals/",
        "professionals/kennisbank/",
        "onbekend/",
        "professionals/onbekend/",
        "professionals/kennisbank/onbekend/",
        "professionals/kennisbank/de-meldcode/dieper/",
        "kennisbank/de-meldcode/",  # a real slug, at the wrong level
    ],
)
def test_every_level_and_every_miss_answers_as_wagtails_routing(article, path):
    ours, wagtails = both_routes(path)

    assert ours == wagtails


def test_an_unpublished_page_is_not_found_but_its_live_children_still_are(article):
    index = article.get_parent()
    index.unpublish()

    assert both_routes("professionals/kennisbank/") == (None, None)
    ours, wagtails = both_routes("professionals/kennisbank/de-meldcode/")
    assert ours == wagtails
    assert ours[0] == article.pk


def test_a_page_that_routes_itself_gets_the_rest_of_the_address(home):
    archive = home.add_child(instance=WorkshopYearsPage(title="Archief", slug="archief"))
    year_page = archive.add_child(instance=WorkshopYearsPage(title="Oud", slug="oud"))

    for path in ("archief/2026/", "archief/oud/", "archief/oud/2019/", "archief/geen-jaar/"):
        ours, wagtails = both_routes(path)
        assert ours == wagtails, path
    assert both_routes("archief/2026/")[0] == (archive.pk, WorkshopYearsPage, (), {"year": 2026})
    assert both_routes("archief/oud/2019/")[0][0] == year_page.pk


def test_the_english_address_finds_the_english_page(home):
    page = StandardPageFactory(parent=home, slug="over-ons", title="Over ons", translations=["en"])
    english = page.get_translation(Locale.objects.get(language_code="en"))

    ours, wagtails = both_routes("over-ons/", language="en")

    assert ours == wagtails
    assert ours[0] == english.pk


def test_the_page_that_answers_is_the_object_wagtail_loads(article):
    """Its row of Page's table and its type's own row make the object `.specific` makes."""
    with translation.override("nl"):
        result = routing.route_for_request(
            RequestFactory().get("/"), "professionals/kennisbank/de-meldcode/"
        )

    page, expected = result.page, ArticlePage.objects.get(pk=article.pk)
    assert type(page) is ArticlePage
    for field in ArticlePage._meta.concrete_fields:
        value, stored = getattr(page, field.attname), getattr(expected, field.attname)
        assert (type(value), value) == (type(stored), stored), field.attname
    assert list(page.body.raw_data) == list(expected.body.raw_data)
    assert not page._state.adding
    assert page._state.db == expected._state.db


def test_a_page_of_wagtails_own_type_is_found_as_wagtail_finds_it(home):
    plain = home.add_child(instance=Page(title="Zonder type", slug="zonder-type"))

    ours, wagtails = both_routes("zonder-type/")
    root = Page.objects.get(pk=home.pk)
    with CaptureQueriesContext(connection) as queries:
        result = routing.route(root, RequestFactory().get("/"), ["zonder-type"])

    assert ours == wagtails
    assert ours[:2] == (plain.pk, Page)
    assert result.page.pk == plain.pk
    assert len(queries.captured_queries) == 1  # its row of Page's table is the whole page


def test_a_page_without_its_types_row_fails_as_in_wagtail(home):
    """A page whose own table lost its row (a broken database): Wagtail's error, not a 404."""
    lost = StandardPageFactory(parent=home, slug="kwijt", title="Kwijt")
    table = connection.ops.quote_name(StandardPage._meta.db_table)
    key = connection.ops.quote_name(StandardPage._meta.pk.column)
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table} WHERE {key} = %s", [lost.pk])

    with pytest.raises(StandardPage.DoesNotExist):
        both_routes("kwijt/")  # Wagtail's own routing, after ours
    with translation.override("nl"), pytest.raises(StandardPage.DoesNotExist):
        Page.route_for_request(RequestFactory().get("/"), "kwijt/")


def test_the_addresses_are_looked_up_through_an_index(article):
    """portal's migration indexes url_path: routing reads the rows it asks for, not the table."""
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, Page._meta.db_table)
        indexed = [
            name for name, details in constraints.items() if details["columns"] == ["url_path"]
        ]
        assert indexed == ["portal_page_url_path"]
        if connection.vendor == "sqlite":
            cursor.execute(
                f"EXPLAIN QUERY PLAN {routing._levels_select('default', 2)}",
                ["/steiger/professionals/", "/steiger/professionals/kennisbank/", "0001%"],
            )
            plan = " ".join(str(row) for row in cursor.fetchall())
            assert "USING INDEX portal_page_url_path" in plan


def test_an_article_three_levels_down_is_found_in_two_queries(article):
    """One for every level of the address, one for the article as its own type; Wagtail's own
    routing takes two per level."""
    root = Page.objects.get(pk=article.get_parent().get_parent().get_parent().pk)
    request = RequestFactory().get("/")

    with CaptureQueriesContext(connection) as queries:
        result = routing.route(root, request, ["professionals", "kennisbank", "de-meldcode"])

    assert result.page.pk == article.pk
    assert len(queries.captured_queries) == 2


def test_a_routed_page_knows_its_ancestors_without_asking_again(article):
    with translation.override("nl"):
        result = routing.route_for_request(
            RequestFactory().get("/"), "professionals/kennisbank/de-meldcode/"
        )

    with CaptureQueriesContext(connection) as queries:
        trail = breadcrumb_trail(result.page)

    assert [page.title for page in trail] == ["Steiger", "Professionals", "Kennisbank"]
    assert queries.captured_queries == []


def test_a_page_not_reached_by_routing_finds_its_trail_in_one_query(article):
    fresh = Page.objects.get(pk=article.pk)

    with CaptureQueriesContext(connection) as queries:
        trail = breadcrumb_trail(fresh)

    assert [page.title for page in trail] == ["Steiger", "Professionals", "Kennisbank"]
    assert len(queries.captured_queries) == 1


def test_the_served_article_shows_its_breadcrumbs(client, article):
    response = client.get(article.url)

    assert response.status_code == 200
    crumbs = response.text.split('class="utrecht-breadcrumb-nav__list"')[1].split("</ol>")[0]
    labels = re.findall(r'utrecht-link"[^>]*>([^<]+)</a>', crumbs)
    assert labels == ["Steiger", "Professionals", "Kennisbank", "De meldcode"]
