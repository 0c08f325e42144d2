"""The behaviour suite against the embedded default: Wagtail's database backend with compound
parts (SQLite FTS5 here, PostgreSQL full text in CI's second run)."""

from tests.search.behaviour import SearchBackendBehaviour


class TestDatabaseBackend(SearchBackendBehaviour):
    backend_name = "default"
