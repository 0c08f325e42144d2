"""SQLite's full-text index is merged back into one segment after a rebuild and, a bounded
step at a time, by the regular upkeep (search/backends/sqlite_segments.py): searches then read
each word's list in one piece, and find exactly what they found before."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from modelsearch.backends import get_search_backend
from modelsearch.query import PlainText
from wagtail.models import Page
from wagtail.search.models import IndexEntry

from knowledge.factories import ArticlePageFactory
from search.backends.sqlite_segments import merge_segments
from search.upkeep.rebuild import rebuild
from tests.search.conftest import index_objects

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "sqlite", reason="segments are SQLite FTS5's; PostgreSQL's GIN differs"
    ),
]


def index_rows() -> int:
    """Rows of FTS5's own storage: every segment adds its pages and its part of the structure."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM wagtailsearch_indexentry_fts_data")
        return cursor.fetchone()[0]


def ranked(words: str) -> list[tuple[int, float]]:
    results = get_search_backend().search(PlainText(words, operator="and"), Page.objects.live())
    return results.annotate_score("_score")[:50].ranked_ids()


@pytest.fixture
def grown_page_by_page(index):
    """An index that grew one article at a time, as it does while editors publish: each
    write leaves a segment of its own."""
    IndexEntry.objects.all().delete()
    for number in range(40):
        page = ArticlePageFactory(
            parent=index,
            title=f"Huiselijk geweld, deel {number}",
            intro=f"Over de meldcode{' en huiselijk geweld' * (number % 5)}, stap {number % 5}.",
        )
        index_objects(page)


def test_merging_leaves_one_piece_that_finds_the_same(grown_page_by_page):
    before_rows = index_rows()
    before = {words: ranked(words) for words in ["geweld", "meldcode", "huiselijk geweld"]}

    assert merge_segments(get_search_backend())

    assert index_rows() < before_rows
    assert {words: ranked(words) for words in before} == before
    # One piece already: merging again has nothing left to do.
    merged_rows = index_rows()
    merge_segments(get_search_backend())
    assert index_rows() == merged_rows


def test_the_upkeep_merges_a_bounded_step_at_a_time(grown_page_by_page):
    before_rows = index_rows()
    before = ranked("huiselijk geweld")

    output = StringIO()
    call_command("reconcile_search_index", stdout=output)

    assert "merged a step of the full-text index" in output.getvalue()
    assert index_rows() < before_rows
    assert ranked("huiselijk geweld") == before


def test_a_rebuild_leaves_the_index_in_one_piece(grown_page_by_page):
    rebuild("default", chunk_size=7)
    rebuilt_rows = index_rows()

    merge_segments(get_search_backend())

    assert index_rows() == rebuilt_rows  # nothing was left to merge
    assert ranked("meldcode")
