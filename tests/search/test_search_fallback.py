"""While Meilisearch is unavailable the search page answers from the database backend, with a
quiet notice; suggestions go quiet; nothing answers 500. A closed port stands in for the
server that is down (a real refused connection, nothing faked)."""

import time

import pytest
from django.urls import reverse

from tests.search.conftest import index_objects

pytestmark = pytest.mark.django_db

CLOSED_PORT = "http://127.0.0.1:9"


@pytest.fixture
def meilisearch_down(settings):
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.meilisearch",
            "URL": CLOSED_PORT,
            "API_KEY": "",
            "TIMEOUT": 1.5,
            "INDEX_PREFIX": "steiger-test",
            "AUTO_UPDATE": False,
        },
        "fallback": {"BACKEND": "search.backends.database", "AUTO_UPDATE": False},
    }


def test_the_search_page_answers_from_the_fallback(client, articles, meilisearch_down):
    index_objects(*articles.values(), backend_name="fallback")

    started = time.monotonic()
    response = client.get(reverse("search"), {"q": "partnergeweld"})
    elapsed = time.monotonic() - started

    assert response.status_code == 200
    assert [result.title for result in response.context["results"]] == [
        "Partnergeweld: wat kunt u doen?"
    ]
    assert response.context["outcome"].fallback
    assert "steiger-search-notice" in response.content.decode()
    assert elapsed < 2 * 1.5 + 1  # a refused connection fails fast; never a hanging page


def test_without_a_fallback_the_page_says_search_is_not_working(client, articles, settings):
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "search.backends.meilisearch", "URL": CLOSED_PORT, "TIMEOUT": 1.5}
    }
    response = client.get(reverse("search"), {"q": "partnergeweld"})
    assert response.status_code == 200
    assert response.context["outcome"].failed


def test_suggestions_go_quiet(client, articles, meilisearch_down):
    response = client.get(reverse("search_suggestions"), {"q": "partner"})
    assert response.status_code == 200
    assert response.json()["suggestions"] == []
