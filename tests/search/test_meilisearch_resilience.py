"""When Meilisearch is not there: a real refused connection (a closed port), never a fake
server. Indexing and searching raise our SearchBackendUnavailable, quickly."""

import time

import pytest
from django.core.exceptions import ImproperlyConfigured
from modelsearch.backends import get_search_backend
from wagtail.models import Page

from knowledge.models import ArticlePage
from search.backends.errors import SearchBackendUnavailable
from search.backends.meilisearch import MeilisearchSearchBackend
from tests.knowledge.conftest import article, audiences, index, themes  # noqa: F401 (fixtures)
from tests.production_env import load_production_settings

CLOSED_PORT = "http://127.0.0.1:9"  # the discard port: nothing listens on it here


@pytest.fixture
def backend() -> MeilisearchSearchBackend:
    return get_search_backend("search.backends.meilisearch", URL=CLOSED_PORT, TIMEOUT=1.5)


def test_the_client_gets_the_short_timeout(backend):
    assert backend.client.config.timeout == 1.5
    assert backend.rebuild_client.config.timeout > backend.client.config.timeout


def test_indexing_an_object_raises_unavailable_within_two_seconds(backend, article):  # noqa: F811
    started = time.monotonic()
    with pytest.raises(SearchBackendUnavailable, match=r"index 1 knowledge\.ArticlePage"):
        backend.add(ArticlePage.objects.get(pk=article.pk))

    assert time.monotonic() - started < 2


def test_removing_and_bulk_indexing_raise_unavailable(backend, article):  # noqa: F811
    with pytest.raises(SearchBackendUnavailable):
        backend.delete(article)
    with pytest.raises(SearchBackendUnavailable):
        backend.add_bulk(ArticlePage, [article])


def test_searching_and_counting_raise_unavailable_so_the_page_can_fall_back(backend, db):
    results = backend.search("geweld", Page.objects.live())

    started = time.monotonic()
    with pytest.raises(SearchBackendUnavailable, match="search"):
        list(results)
    with pytest.raises(SearchBackendUnavailable):
        results.count()
    with pytest.raises(SearchBackendUnavailable):
        results.facet_counts(["theme"])
    assert time.monotonic() - started < 2


def test_a_rebuild_raises_unavailable_before_touching_anything(backend):
    rebuilder = backend.rebuilder_class(backend.get_index_for_model(Page))

    assert rebuilder.new.uid.startswith("steiger_new_")
    with pytest.raises(SearchBackendUnavailable, match="prepare a new index"):
        rebuilder.start()


def test_the_backend_needs_a_url_and_a_valid_index_name(settings):
    settings.MEILISEARCH_URL = ""
    with pytest.raises(ImproperlyConfigured):
        get_search_backend("search.backends.meilisearch")
    with pytest.raises(ImproperlyConfigured):
        get_search_backend("search.backends.meilisearch", URL=CLOSED_PORT, INDEX_PREFIX="a b")


# --- Which backend production uses -------------------------------------------------------------


def test_production_uses_meilisearch_when_meilisearch_url_is_set(monkeypatch):
    monkeypatch.delenv("MEILISEARCH_INDEX_PREFIX", raising=False)
    production = load_production_settings(
        monkeypatch, MEILISEARCH_URL="http://search.invalid:7700", MEILISEARCH_API_KEY="key"
    )

    default = production.WAGTAILSEARCH_BACKENDS["default"]
    assert default == {
        "BACKEND": "search.backends.meilisearch",
        "URL": "http://search.invalid:7700",
        "API_KEY": "key",
        "TIMEOUT": 1.5,
        "INDEX_PREFIX": "steiger",
        "AUTO_UPDATE": False,
    }
    assert production.WAGTAILSEARCH_BACKENDS["fallback"] == {
        "BACKEND": "search.backends.database",
        "AUTO_UPDATE": False,
    }


def test_production_keeps_the_database_backend_without_meilisearch_url(monkeypatch):
    from portal.settings import base

    monkeypatch.delenv("MEILISEARCH_URL", raising=False)  # CI may point it at a real server
    production = load_production_settings(monkeypatch)

    assert production.WAGTAILSEARCH_BACKENDS == base.WAGTAILSEARCH_BACKENDS
    assert "meilisearch" not in str(production.WAGTAILSEARCH_BACKENDS)
