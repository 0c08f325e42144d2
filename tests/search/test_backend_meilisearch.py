"""The behaviour suite against Meilisearch, whenever MEILISEARCH_URL points at a server.

No Meilisearch server can be installed on our own machines (DESIGN.md), and it is never faked:
without MEILISEARCH_URL these tests are skipped with that reason printed (pytest -ra). The
backend's pure parts are tested without a server in test_meilisearch_*.py.
"""

import os

import pytest

from tests.search.behaviour import SearchBackendBehaviour

MEILISEARCH_URL = os.environ.get("MEILISEARCH_URL", "")

pytestmark = pytest.mark.skipif(
    not MEILISEARCH_URL,
    reason="MEILISEARCH_URL is not set: no Meilisearch server to run the behaviour suite on",
)


class TestMeilisearchBackend(SearchBackendBehaviour):
    backend_name = "meilisearch"

    @pytest.fixture(autouse=True)
    def _meilisearch(self, settings):
        settings.WAGTAILSEARCH_BACKENDS = {
            **settings.WAGTAILSEARCH_BACKENDS,
            "meilisearch": {
                "BACKEND": "search.backends.meilisearch",
                "URL": MEILISEARCH_URL,
                "API_KEY": os.environ.get("MEILISEARCH_API_KEY", ""),
                "TIMEOUT": 5,
                "INDEX_PREFIX": f"steiger_test_{os.getpid()}",
                "AUTO_UPDATE": False,
            },
        }
        from modelsearch.backends import get_search_backend

        backend = get_search_backend("meilisearch")
        # The index outlives each test's rollback, and database ids are reused.
        backend.reset_indexes()
        yield
        backend.reset_indexes()
