"""The search page: results across content, highlighted, faceted, corrected, paged, private."""

import pytest
from django.db import connection
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Locale, PageViewRestriction

from knowledge.factories import ArticlePageFactory
from tests.search.conftest import index_objects

pytestmark = pytest.mark.django_db

# The queries of a search page with facets and ten results: the locale; per source (pages,
# documents, and each door model: sessions, expert profiles) the search, and for the pages the
# visibility check (plus their view restrictions); facet memberships (every tag relation in
# one statement) and their terms (every term model in another); the results as their own
# types (one query per model: one here); the sites for their addresses; the weekly query
# count (its update, in a transaction: three on SQLite). On SQLite each
# source first asks whether the index changed (its data_version and highest id:
# microseconds); the index's layout (its entries per type, which choose the search's shape)
# was read by the search before and is kept; a source without entries (all but the pages
# here) is then not searched at all (PostgreSQL searches each source).
# Pinned: more means a query per result crept in.
SEARCH_PAGE_QUERIES = 14 if connection.vendor == "sqlite" else 13


def search(client, **params):
    return client.get(reverse("search"), params)


def result_titles(response) -> list[str]:
    return [result.title for result in response.context["results"]]


def test_a_part_of_a_compound_finds_both_articles_with_the_word_marked(client, articles):
    response = search(client, q="mishandeling")

    assert response.status_code == 200
    found = result_titles(response)
    assert {"Signalen van kindermishandeling", "Ouderenmishandeling herkennen"} <= set(found)
    assert "Een veilige sportclub" not in found
    html = response.content.decode()
    assert "<mark>kindermishandeling" in html.lower()
    assert "Artikel" in html  # the type of each result


@pytest.mark.parametrize("params", [{"q": "geweld"}, {}, {"q": "geweld", "thema": "meldcode"}])
def test_the_search_page_is_never_stored(client, articles, params):
    for _ in range(2):
        response = search(client, **params)
        # Not in our page cache (which marks what it stores and serves), nor a proxy's or
        # the browser's.
        assert "X-Page-Cache" not in response
        assert "no-store" in response["Cache-Control"]
        assert "max-age=0" in response["Cache-Control"]


def test_facets_count_and_narrow_and_combine(client, articles):
    response = search(client, q="geweld")
    groups = {group.parameter: group for group in response.context["facets"]}
    themes = {link.label: link.count for link in groups["thema"].links}
    assert themes["Huiselijk geweld"] == 2

    narrowed = search(client, q="geweld", thema="huiselijk-geweld", doelgroep="professionals")
    assert result_titles(narrowed) == ["Wat is huiselijk geweld?"]
    # The audience facet still offers the other audience, counted with the theme chosen.
    audiences = {
        link.label: (link.count, link.chosen)
        for link in {g.parameter: g for g in narrowed.context["facets"]}["doelgroep"].links
    }
    assert audiences["Professionals"] == (1, True)
    assert audiences["Inwoners"] == (2, False)


def test_two_values_of_one_facet_widen(client, articles):
    response = search(client, q="mishandeling", thema=["kindermishandeling", "ouderenmishandeling"])
    assert len(result_titles(response)) == 2
    only_one = search(client, q="mishandeling", thema="kindermishandeling")
    assert result_titles(only_one) == ["Signalen van kindermishandeling"]


def test_an_unknown_facet_value_finds_nothing_but_answers(client, articles):
    response = search(client, q="geweld", thema="bestaat-niet")
    assert response.status_code == 200
    assert result_titles(response) == []
    # ... and offers the way back: the same search without filters.
    assert 'href="?q=geweld"' in response.content.decode()


def test_a_typo_shows_the_results_for_the_correction_and_offers_the_original(client, articles):
    response = search(client, q="kindermishandleing")

    assert response.context["outcome"].searched == "kindermishandeling"
    assert "Signalen van kindermishandeling" in result_titles(response)
    html = response.content.decode()
    assert "precies=1" in html  # "search instead for kindermishandleing"

    exact = search(client, q="kindermishandleing", precies="1")
    assert result_titles(exact) == []
    assert "0800-2000" in exact.content.decode()


def test_nothing_found_shows_advice_and_veilig_thuis(client, articles):
    response = search(client, q="zwembadrooster")
    html = response.content.decode()
    assert response.status_code == 200
    assert "0800-2000" in html
    assert response.context["outcome"].count == 0


def test_the_visitors_language_comes_first_and_a_translation_is_not_listed_twice(
    client, articles, index
):
    english = Locale.objects.get(language_code="en")
    dutch_article = articles["sport"]
    translation = dutch_article.copy_for_translation(english)
    translation.title = "A safe sports club"
    translation.intro = "What a coach can do about worries over a young member: sportclub."
    translation.save_revision().publish()
    index_objects(translation)

    response = search(client, q="sportclub")
    # Both language versions match; the Dutch one stands for both on the Dutch site.
    assert result_titles(response) == ["Een veilige sportclub"]

    only_english = search(client, q="coach")
    assert result_titles(only_english) == ["A safe sports club"]
    assert 'lang="en"' in only_english.content.decode()


def test_private_and_unpublished_pages_are_never_found(client, articles, index):
    draft = ArticlePageFactory(parent=index, title="Concept over kleedkamers", live=False)
    private = ArticlePageFactory(parent=index, title="Alleen voor leden: kleedkamers")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    index_objects(draft, private)  # even if the index held them, the page must not show them

    assert result_titles(search(client, q="kleedkamers")) == []


def test_a_public_download_is_found_and_a_restricted_one_is_not(client, articles):
    Document = get_document_model()
    public = Document.objects.create(title="Factsheet partnergeweld", file="documents/a.pdf")
    hidden_collection = Collection.get_first_root_node().add_child(name="Intern")
    CollectionViewRestriction.objects.create(
        collection=hidden_collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    hidden = Document.objects.create(
        title="Factsheet partnergeweld intern", file="documents/b.pdf", collection=hidden_collection
    )
    index_objects(public, hidden)

    response = search(client, q="factsheet")
    assert result_titles(response) == ["Factsheet partnergeweld"]
    assert "Download" in response.content.decode()


def test_results_come_ten_to_a_page(client, articles, index):
    extra = [
        ArticlePageFactory(parent=index, title=f"Signalen {number}", intro="Signalen herkennen.")
        for number in range(12)
    ]
    index_objects(*extra)

    first = search(client, q="signalen")
    second = search(client, q="signalen", pagina="2")
    beyond = search(client, q="signalen", pagina="99")
    nonsense = search(client, q="signalen", pagina="twee")

    assert len(result_titles(first)) == 10
    assert len(result_titles(second)) == 3
    assert not set(result_titles(first)) & set(result_titles(second))
    assert result_titles(beyond) == result_titles(second)  # the last page
    assert result_titles(nonsense) == result_titles(first)
    assert "pagina=2" in first.content.decode()


# Committed, as in production: the index's layout is kept only when read outside a
# transaction (search/backends/sqlite_ranking.py).
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_search_page_costs_a_fixed_number_of_queries(
    client, articles, index, django_assert_num_queries
):
    index_objects(
        *[
            ArticlePageFactory(parent=index, title=f"Geweld {number}", intro="Over geweld.")
            for number in range(12)
        ]
    )
    search(client, q="geweld")  # the site root and content types are cached per process
    with django_assert_num_queries(SEARCH_PAGE_QUERIES):
        response = search(client, q="geweld")
    assert len(result_titles(response)) == 10


def test_suggestions_complete_titles_in_the_visitors_language(client, articles):
    response = client.get(reverse("search_suggestions"), {"q": "ouderenmis"})

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    suggestions = response.json()["suggestions"]
    assert [item["title"] for item in suggestions] == ["Ouderenmishandeling herkennen"]
    assert suggestions[0]["url"] == articles["ouderen"].url
    assert client.get(reverse("search_suggestions"), {"q": "o"}).json()["suggestions"] == []


def test_a_phone_number_in_a_snippet_can_be_tapped(client, articles):
    article = articles["partner"]
    article.intro = "Partnergeweld? Bel Veilig Thuis: 0800-2000, gratis en anoniem."
    article.save()
    index_objects(article)

    html = search(client, q="partnergeweld").content.decode()
    snippet = html[html.index("steiger-results__snippet") :]
    assert '<a href="tel:08002000">0800-2000</a>' in snippet[:2000]


def test_too_many_searches_from_one_address_wait_a_minute_with_the_words_kept(
    client, articles, settings
):
    settings.SEARCH_RATE_LIMIT = "2/m/ip"
    search(client)  # the empty page searches nothing and is not counted
    for _ in range(2):
        assert search(client, q="geweld").status_code == 200

    refused = search(client, q="huiselijk geweld")

    assert refused.status_code == 429
    assert refused["Retry-After"] == "60"
    html = refused.content.decode()
    assert "Wacht een minuut" in html
    assert 'value="huiselijk geweld"' in html  # what was typed stays in the box
    assert "resultaten voor" not in html.lower()  # nothing was searched


def test_too_many_suggestion_requests_answer_429_with_none(client, articles, settings):
    settings.SUGGESTIONS_RATE_LIMIT = "1/m/ip"
    address = reverse("search_suggestions")
    assert client.get(address, {"q": "ouderenmis"}).json()["suggestions"]

    refused = client.get(address, {"q": "ouderenmis"})

    assert refused.status_code == 429
    assert refused.json() == {"query": "ouderenmis", "suggestions": []}


def test_more_matches_than_a_search_returns_says_at_least(client, articles, monkeypatch):
    complete = search(client, q="mishandeling").content.decode()
    assert "Ten minste" not in complete
    monkeypatch.setattr("search.sources.MAX_HITS_PER_SOURCE", 1)

    capped = search(client, q="mishandeling")

    assert len(result_titles(capped)) == 1
    assert "Ten minste 1 resultaat voor “mishandeling”; de beste staan bovenaan." in (
        capped.content.decode()
    )
