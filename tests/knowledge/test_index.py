"""The knowledge index: filters and pages that work without JavaScript, made-up values that
never break it, and a page cache that keeps only the listings a link or the form leads to."""

from datetime import timedelta

import pytest
from django.core.cache import caches
from django.utils import timezone
from wagtail.models import Locale, PageViewRestriction

from knowledge.factories import (
    ArticlePageFactory,
    DownloadsPageFactory,
    KnowledgeIndexPageFactory,
    MeldcodePageFactory,
)
from knowledge.models import ArticlePage
from portal.factories import StandardPageFactory

CACHE_HEADER = "X-Page-Cache"


def page_cache_size() -> int:
    return len(caches["pages"]._cache)


def titles(response) -> list[str]:
    return [article.title for article in response.context["listing"].articles]


def make_articles(index, count: int, **tags) -> list[ArticlePage]:
    """`count` articles, the first published longest ago."""
    articles = []
    start = timezone.now() - timedelta(days=count)
    for number in range(count):
        article = ArticlePageFactory(parent=index, title=f"Artikel {number:02d}", **tags)
        ArticlePage.objects.filter(pk=article.pk).update(
            first_published_at=start + timedelta(days=number)
        )
        articles.append(article)
    return articles


def test_newest_first_twelve_to_a_page(client, index):
    make_articles(index, 14)

    first = client.get("/nl/kennisbank/")
    second = client.get("/nl/kennisbank/?pagina=2")

    assert titles(first) == [f"Artikel {number:02d}" for number in range(13, 1, -1)]
    assert titles(second) == ["Artikel 01", "Artikel 00"]
    assert 'href="/nl/kennisbank/?pagina=2" rel="next"' in first.text
    assert "Pagina 1 van 2" in first.text
    assert 'rel="prev"' in second.text


def test_lists_only_live_public_articles_of_its_own_language(client, index, article):
    draft = ArticlePageFactory(parent=index, title="Concept")
    draft.unpublish()
    private = ArticlePageFactory(parent=index, title="Besloten")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    english = article.copy_for_translation(Locale.objects.get(language_code="en"))
    english.title = "Signs in children"
    english.save_revision().publish()

    assert titles(client.get("/nl/kennisbank/")) == ["Signalen bij kinderen"]
    assert titles(client.get("/en/kennisbank/")) == ["Signs in children"]


def test_filter_form_is_a_plain_get_form_with_a_submit_button(client, index, article):
    html = client.get("/nl/kennisbank/").text

    assert '<form class="steiger-filters" method="get" action="/nl/kennisbank/"' in html
    assert (
        '<select class="utrecht-select utrecht-select--html-select" id="filter-theme" name="thema">'
        in html
    )
    assert '<option value="kindermishandeling">Kindermishandeling</option>' in html
    assert 'name="doelgroep"' in html
    assert '<button class="utrecht-button utrecht-button--primary-action" type="submit">' in html


def test_filters_by_theme_and_audience_and_shows_them_removable(client, index, themes, audiences):
    ArticlePageFactory(
        parent=index,
        title="Meldcode voor scholen",
        themes=[themes["meldcode"]],
        audiences=[audiences["scholen"]],
    )
    ArticlePageFactory(parent=index, title="Meldcode algemeen", themes=[themes["meldcode"]])
    ArticlePageFactory(parent=index, title="Ouderen", themes=[themes["ouderenmishandeling"]])

    by_theme = client.get("/nl/kennisbank/?thema=meldcode")
    both = client.get("/nl/kennisbank/?thema=meldcode&doelgroep=scholen")

    assert sorted(titles(by_theme)) == ["Meldcode algemeen", "Meldcode voor scholen"]
    assert titles(both) == ["Meldcode voor scholen"]
    assert '<option value="meldcode" selected>Meldcode</option>' in both.text
    # Each current filter has a link that drops it and keeps the other.
    assert 'href="/nl/kennisbank/?doelgroep=scholen">Filter „Meldcode” weghalen</a>' in both.text
    assert 'href="/nl/kennisbank/?thema=meldcode">Filter „Scholen” weghalen</a>' in both.text


def test_the_forms_all_choice_filters_nothing(client, index, article):
    response = client.get("/nl/kennisbank/?thema=&doelgroep=")

    assert titles(response) == ["Signalen bij kinderen"]


def test_paging_keeps_the_filters(client, index, themes):
    make_articles(index, 13, themes=[themes["meldcode"]])

    html = client.get("/nl/kennisbank/?thema=meldcode").text

    assert 'href="/nl/kennisbank/?thema=meldcode&amp;pagina=2" rel="next"' in html


@pytest.mark.parametrize(
    "query",
    [
        "?thema=bestaat-niet",
        "?doelgroep=bestaat-niet",
        "?thema=%3Cscript%3E",
        "?thema=" + "x" * 500,
    ],
)
def test_an_unknown_filter_value_gives_an_empty_list_and_a_clear_message(
    client, index, article, query
):
    response = client.get("/nl/kennisbank/" + query)

    assert response.status_code == 200
    assert titles(response) == []
    assert "Dit thema of deze doelgroep kennen wij niet" in response.text
    assert "<script>" not in response.text.split("<main", 1)[1]


@pytest.mark.parametrize("number", ["9", "9" * 5000])  # int() refuses over 4,300 digits
def test_a_page_past_the_end_shows_the_last_page(client, index, number):
    make_articles(index, 13)

    response = client.get(f"/nl/kennisbank/?pagina={number}")

    assert response.status_code == 200
    assert response.context["listing"].articles.number == 2
    assert response.context["listing"].out_of_range
    assert titles(response) == ["Artikel 00"]


@pytest.mark.parametrize("value", ["nul", "0", "-1"])
def test_a_page_number_that_is_no_page_shows_the_first(client, index, article, value):
    response = client.get(f"/nl/kennisbank/?pagina={value}")

    assert response.status_code == 200
    assert titles(response) == ["Signalen bij kinderen"]


def test_an_index_without_articles_says_so(client, home):
    KnowledgeIndexPageFactory(parent=home)

    assert "Er zijn nog geen artikelen." in client.get("/nl/kennisbank/").text


# --- The page cache ----------------------------------------------------------------------------


def test_a_declared_filter_and_page_are_cached(client, index, article):
    for url in (
        "/nl/kennisbank/?thema=kindermishandeling",
        "/nl/kennisbank/?doelgroep=inwoners&pagina=1",
    ):
        assert client.get(url)[CACHE_HEADER] == "miss"
        assert client.get(url)[CACHE_HEADER] == "hit"


@pytest.mark.parametrize(
    "query",
    [
        "?utm_source=nieuwsbrief",  # not declared
        "?thema=bestaat-niet",  # declared, but names no label
        "?pagina=999",  # declared, but past the end
        "?thema=meldcode&thema=scholen",  # a parameter twice
    ],
)
def test_an_undeclared_or_made_up_query_is_served_but_not_stored(client, index, article, query):
    response = client.get("/nl/kennisbank/" + query)

    assert response.status_code == 200
    assert CACHE_HEADER not in response
    assert page_cache_size() == 0


def test_links_and_canonical_address_carry_only_known_filters(client, index, themes):
    make_articles(index, 13, themes=[themes["meldcode"]])

    html = client.get("/nl/kennisbank/?thema=meldcode&utm_source=nieuwsbrief&pagina=2").text

    assert (
        '<link rel="canonical" href="http://localhost/nl/kennisbank/?thema=meldcode&amp;pagina=2">'
        in html
    )
    assert 'href="/nl/kennisbank/?thema=meldcode" rel="prev"' in html
    assert 'href="/nl/kennisbank/">Filter „Meldcode” weghalen</a>' in html
    assert "utm_source" not in html


def test_index_head_links_its_translation(client, index):
    html = client.get("/en/kennisbank/").text

    assert '<link rel="canonical" href="http://localhost/en/kennisbank/">' in html
    assert '<link rel="alternate" hreflang="nl" href="http://localhost/nl/kennisbank/">' in html
    assert '<meta property="og:locale" content="en">' in html


def test_the_index_routes_to_live_articles_and_to_its_other_children(client, index, article):
    # KnowledgeIndexPage.route looks articles up itself; Wagtail's rules must still hold.
    draft = ArticlePageFactory(parent=index, title="Nog niet af", slug="nog-niet-af", live=False)
    other_child = StandardPageFactory(parent=index, title="Over de kennisbank", slug="over")

    assert client.get(article.url).status_code == 200
    assert client.get(article.url + "verder/").status_code == 404
    assert client.get(index.url + draft.slug + "/").status_code == 404
    assert client.get(index.url + "bestaat-niet/").status_code == 404
    response = client.get(other_child.url)
    assert response.status_code == 200
    assert "Over de kennisbank" in response.text


def test_the_index_links_its_other_guides_but_not_drafts_or_private_ones(client, index, article):
    meldcode = MeldcodePageFactory(parent=index, title="De meldcode in vijf stappen")
    DownloadsPageFactory(parent=index, title="Downloads", live=False)
    private = MeldcodePageFactory(parent=index, title="Intern stappenplan", slug="intern")
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    html = client.get(index.url).text

    guides = html.split('id="other-guides-title"')[1].split("</nav>")[0]
    assert f'href="{meldcode.url}"' in guides
    assert "Downloads" not in guides
    assert "Intern stappenplan" not in guides
    assert article.title not in guides
    assert "Ook in de kennisbank" in html
