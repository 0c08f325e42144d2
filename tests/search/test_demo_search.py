"""The search page on the demo content (`make run`): Dutch compounds and typos find the
articles a visitor means, and a search finds a download."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _demo(demo_site):
    return demo_site


def titles(client, query: str, **params) -> list[str]:
    response = client.get(reverse("search"), {"q": query, **params})
    assert response.status_code == 200
    return [result.title for result in response.context["results"].paginator.object_list]


def all_titles(client, query: str) -> list[str]:
    response = client.get(reverse("search"), {"q": query})
    outcome = response.context["outcome"]
    found = []
    for number in outcome.results.paginator.page_range:
        page = client.get(reverse("search"), {"q": query, "pagina": number})
        found.extend(result.title for result in page.context["results"])
    return found


def test_mishandeling_finds_kindermishandeling_and_ouderenmishandeling(client):
    found = all_titles(client, "mishandeling")
    assert "Ouderenmishandeling: signalen en wat u kunt doen" in found
    assert "Signalen van kindermishandeling herkennen" in found


def test_geweld_finds_partnergeweld_and_huiselijk_geweld(client):
    found = all_titles(client, "geweld")
    assert "Wat is huiselijk geweld?" in found
    assert "Eergerelateerd geweld herkennen" in found
    assert "Signalen van huiselijk geweld bij volwassenen" in found


def test_a_title_that_holds_the_word_comes_first(client):
    found = all_titles(client, "ouderenmishandeling")
    assert found[0].startswith("Ouderenmishandeling")
    assert "Ouderenmishandeling: signalen en wat u kunt doen" in found[:3]


def test_a_typo_finds_the_article_meant(client):
    response = client.get(reverse("search"), {"q": "ouderenmishandleing"})
    assert response.context["outcome"].searched == "ouderenmishandeling"
    assert "Ouderenmishandeling: signalen en wat u kunt doen" in [
        result.title for result in response.context["results"]
    ]


def test_a_download_is_found_next_to_the_articles(client):
    found = all_titles(client, "factsheet")
    assert "Factsheet kindermishandeling" in found
    assert "Factsheet huiselijk geweld" in found


def test_the_english_site_lists_english_pages_first(client):
    response = client.get("/en/zoeken/", {"q": "reporting code"})
    results = list(response.context["results"])
    assert results
    assert results[0].language is None  # an English page, on the English site
