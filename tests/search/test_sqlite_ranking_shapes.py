"""The SQLite ranking's three query shapes (search/backends/sqlite_ranking.py) answer exactly
what the plain join answers: the same objects, in the same order, with the same scores, for
every slice, whichever shape the sizes of the index choose. A shape that lost a row would
hide an article from everyone searching for it, without any error."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from modelsearch.backends import get_search_backend
from modelsearch.query import PlainText
from wagtail.documents import get_document_model
from wagtail.models import Page
from wagtail.search.models import IndexEntry
from wagtail_factories import DocumentFactory

from knowledge.factories import ArticlePageFactory
from knowledge.models import ArticlePage
from tests.search.conftest import index_objects

pytestmark = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="the query shapes are SQLite FTS5's only"
)

# Which shape `ranked_ids` takes, by the two thresholds it compares the index's sizes with
# (and, ranked in FTS5 first, whether the narrow index of the entries' objects is there).
OBJECTS_INDEX = "search_indexentry_objects"  # made by search/migrations/0003
FTS5_FIRST = {"FEW_ENTRIES": -1, "OTHER_ENTRIES_TO_RANK_PAST": 10**9}
SHAPES = {
    "plain join": {"FEW_ENTRIES": -1, "OTHER_ENTRIES_TO_RANK_PAST": -1},
    "ranked in FTS5 first": {**FTS5_FIRST, "OBJECTS_INDEX": OBJECTS_INDEX},
    "ranked in FTS5 first, no narrow index": {**FTS5_FIRST, "OBJECTS_INDEX": "no_such_index"},
    "within the entries' rowids": {"FEW_ENTRIES": 10**9, "OTHER_ENTRIES_TO_RANK_PAST": -1},
}
SLICES = [(0, None), (0, 1), (0, 3), (0, 7), (2, 5), (4, 30), (30, 40)]
WORDS = ["geweld", "meldcode", "geweld meldcode", "zwembad"]


@pytest.fixture
def corpus(index):
    """Pages and documents in one index, scored apart by how often they hold the words, with
    index entries for pages that are no longer live: they rank first, and outnumber the
    entries of other models, so a quick answer that leaves them out falls short."""
    pages = []
    for number in range(14):
        pages.append(
            ArticlePageFactory(
                parent=index,
                title=f"Geweld {'geweld ' * (number % 4)}artikel {number}",
                intro=f"Over huiselijk geweld{' en de meldcode' * (number % 3)}, deel {number}.",
            )
        )
    unpublished = [
        ArticlePageFactory(
            parent=index, title=f"{word} {word} {word} {word}", intro=f"{word} {word}."
        )
        for word in ["Geweld"] * 6 + ["Meldcode"] * 6
    ]
    documents = [DocumentFactory(title=f"Factsheet geweld {number}") for number in range(3)]
    documents.append(DocumentFactory(title="Meldcode geweld in het kort"))
    # Only pages and documents: the seeded taxonomy's entries would leave room for all.
    IndexEntry.objects.all().delete()
    index_objects(*pages, *unpublished, *documents)
    # Unpublished without the upkeep's removal: their entries stay behind in the index.
    Page.objects.filter(pk__in=[page.pk for page in unpublished]).update(live=False)
    return pages


def ranked(queryset, words: str, start: int, stop: int | None) -> list[tuple[int, float]]:
    results = get_search_backend().search(PlainText(words, operator="and"), queryset)
    results = results.annotate_score("_score")[start:stop]
    return results.ranked_ids()


@pytest.mark.parametrize("words", WORDS)
@pytest.mark.parametrize("start, stop", SLICES)
@pytest.mark.parametrize("source", ["pages", "documents"])
def test_every_shape_ranks_as_the_plain_join(corpus, monkeypatch, words, start, stop, source):
    from search.backends import sqlite_ranking

    queryset = Page.objects.live() if source == "pages" else get_document_model().objects.all()
    answers = {}
    for shape, thresholds in SHAPES.items():
        for name, value in thresholds.items():
            monkeypatch.setattr(sqlite_ranking, name, value)
        answers[shape] = ranked(queryset, words, start, stop)
    for shape, answer in answers.items():
        assert answer == answers["plain join"], shape


def test_the_unpublished_never_come_back_and_the_best_stay_first(corpus):
    """The sizes choose FTS5 first for pages here; six unpublished pages rank above all live
    ones, so the quick answer falls short and the plain join answers instead."""
    found = ranked(Page.objects.live(), "geweld", 0, 3)
    live = set(Page.objects.live().values_list("pk", flat=True))
    assert len(found) == 3 and {pk for pk, _score in found} <= live
    scores = [score for _pk, score in found]
    assert scores == sorted(scores)  # bm25: lower is better


def test_each_shape_is_one_query_after_the_count(corpus):
    for queryset in (Page.objects.live(), get_document_model().objects.all()):
        results = get_search_backend().search(PlainText("meldcode"), queryset)
        with CaptureQueriesContext(connection) as counted:
            results.annotate_score("_score")[:10].ranked_ids()
        # Whether the index changed, its layout (read again only when it did: the sizes, the
        # narrow index), the search.
        assert [query["sql"].count("MATCH") for query in counted][-1:] == [1]
        assert sum(query["sql"].count("MATCH") for query in counted) == 1
        assert len(counted) <= 4


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_index_sizes_are_kept_until_the_index_changes(corpus):
    """A search reads the sizes once for its three sources, and not again after the search
    page's own write of its weekly count; a document indexed a moment later is counted by the
    next search (the sizes choose the shape, and the rowid stretch it reads)."""
    from search.backends.sqlite_ranking import entries_of
    from search.query_log import record_query

    documents = [ContentType.objects.get_for_model(get_document_model()).pk]
    before = entries_of(connection, documents)
    record_query("geweld", 3, "nl")  # what every search page does after searching
    with CaptureQueriesContext(connection) as unchanged:
        assert entries_of(connection, documents) == before
    [check] = [query["sql"] for query in unchanged]
    assert "pragma_data_version" in check and "GROUP BY" not in check

    index_objects(DocumentFactory(title="Nieuwe factsheet over geweld"))
    after = entries_of(connection, documents)
    assert after.own == before.own + 1
    assert after.last > before.last


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_sizes_read_in_a_transaction_that_rolls_back_are_not_kept(corpus, index):
    """A rollback takes back the entries and their ids; the next entry takes such an id
    again. Sizes kept from inside the transaction would then count that entry as the model
    whose entry was taken back."""
    from search.backends.sqlite_ranking import entries_of

    documents = [ContentType.objects.get_for_model(get_document_model()).pk]
    articles = [ContentType.objects.get_for_model(ArticlePage).pk]
    before = entries_of(connection, documents)
    with transaction.atomic():
        index_objects(DocumentFactory(title="Teruggedraaide factsheet"))
        assert entries_of(connection, documents).own == before.own + 1
        transaction.set_rollback(True)
    index_objects(ArticlePageFactory(parent=index, title="Een nieuw artikel"))

    after = entries_of(connection, documents)
    assert (after.own, after.first, after.last) == (before.own, before.first, before.last)
    assert (
        entries_of(connection, articles).own
        == IndexEntry.objects.filter(content_type_id__in=articles).count()
    )


@pytest.mark.parametrize("shape", SHAPES)
def test_an_entry_removed_after_the_sizes_were_read_leaves_the_answers_right(
    corpus, monkeypatch, shape
):
    """Removing an entry on this connection keeps the sizes read before (an upper bound):
    each shape still answers what the plain join answers, without the removed page."""
    from search.backends import sqlite_ranking

    for name, value in SHAPES[shape].items():
        monkeypatch.setattr(sqlite_ranking, name, value)
    first = ranked(Page.objects.live(), "geweld", 0, None)
    gone_pk = first[0][0]
    IndexEntry.objects.filter(
        content_type__in=ContentType.objects.filter(model="articlepage"), object_id=str(gone_pk)
    ).delete()
    after = ranked(Page.objects.live(), "geweld", 0, None)
    for name, value in SHAPES["plain join"].items():
        monkeypatch.setattr(sqlite_ranking, name, value)
    assert after == ranked(Page.objects.live(), "geweld", 0, None)
    assert [pk for pk, _score in after] == [pk for pk, _score in first if pk != gone_pk]


def test_the_best_matches_find_their_objects_through_the_narrow_index(corpus, monkeypatch):
    """The migration made the index, and ranking FTS5 first reads through it."""
    from search.backends import sqlite_ranking

    for name, value in SHAPES["ranked in FTS5 first"].items():
        monkeypatch.setattr(sqlite_ranking, name, value)
    with CaptureQueriesContext(connection) as counted:
        assert ranked(Page.objects.live(), "artikel", 0, 5)  # none of the unpublished has it
    [search] = [query["sql"] for query in counted if "MATCH" in query["sql"]]
    assert f'INDEXED BY "{OBJECTS_INDEX}"' in search
