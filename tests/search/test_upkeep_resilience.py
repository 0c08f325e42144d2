"""When Meilisearch is down or slow, publishing still succeeds quickly; the missed update is
kept (failed) and reaches done once the index is reachable again and reconcile runs.

Meilisearch is never faked: the backend talks to a closed port (refused at once) or to a socket
that accepts and never answers (a hung server, given up after the client's timeout). The
update then replays on the database backend: no Meilisearch server runs in the test suite.
"""

import socket
import time
from collections.abc import Iterator

import pytest
from wagtail.models import Page

from search.models import IndexUpdate
from search.upkeep.reconcile import reconcile
from tests.search import test_upkeep as upkeep_tests
from tests.search.test_upkeep import draft_page, found_pages, new_canary, publish

# The fixtures of the upkeep tests: the index kept as on the site, commits that run the tasks.
upkeep = upkeep_tests.upkeep
committed = upkeep_tests.committed
site_without_queue = upkeep_tests.site_without_queue

MEILISEARCH = "search.backends.meilisearch"
# Publishing waits at most this long for the index, of which the client timeout is most.
PUBLISH_SECONDS = 2.0


@pytest.fixture
def silent_server() -> Iterator[str]:
    """A server that takes connections and never answers (a hung Meilisearch)."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        listener.close()


def _meilisearch_at(settings, url: str) -> str:
    """Point the default backend at Meilisearch on `url`; returns the backend it replaced."""
    before = settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"]
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": MEILISEARCH, "URL": url, "API_KEY": "", "AUTO_UPDATE": False}
    }
    return before


def _back_to(settings, backend: str) -> None:
    settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": backend, "AUTO_UPDATE": False}}


@pytest.mark.parametrize("down", ["refused", "silent"])
def test_publishing_succeeds_quickly_while_meilisearch_is_down_and_reconcile_catches_up(
    site_without_queue, committed, settings, silent_server, down
):
    home = site_without_queue
    url = "http://127.0.0.1:9" if down == "refused" else silent_server
    database_backend = _meilisearch_at(settings, url)
    word = new_canary()
    page = draft_page(home, title="Storing", slug="storing", intro=word)

    started = time.monotonic()
    with committed():
        publish(page)
    elapsed = time.monotonic() - started

    assert elapsed < PUBLISH_SECONDS
    assert Page.objects.get(pk=page.pk).live
    update = IndexUpdate.objects.get(object_id=str(page.pk))
    assert (update.state, update.last_error) == ("failed", "SearchBackendUnavailable")

    _back_to(settings, database_backend)
    upkeep_tests.age([update])
    report = reconcile()

    assert (report.done, report.failed) == (1, 0)
    update.refresh_from_db()
    assert update.state == "done"
    assert found_pages(word) == {page.pk}


def test_unpublishing_while_meilisearch_is_down_is_replayed_too(
    site_without_queue, committed, settings
):
    home = site_without_queue
    word = new_canary()
    with committed():
        page = publish(draft_page(home, title="Weg", slug="weg", intro=word))
    assert found_pages(word) == {page.pk}

    database_backend = _meilisearch_at(settings, "http://127.0.0.1:9")
    with committed():
        page.unpublish()
    update = IndexUpdate.objects.get(object_id=str(page.pk), action="remove")
    assert update.state == "failed"

    _back_to(settings, database_backend)
    upkeep_tests.age([update])
    reconcile()

    assert not found_pages(word)
    assert set(IndexUpdate.objects.values_list("state", flat=True)) == {"done"}
