"""The behaviour suite against the embedded default: Wagtail's database backend with compound
parts (SQLite FTS5 here, PostgreSQL full text in CI's second run)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from modelsearch.backends import get_search_backend
from modelsearch.query import PlainText
from wagtail.models import Page

from knowledge.factories import ArticlePageFactory
from tests.search.behaviour import SearchBackendBehaviour
from tests.search.conftest import index_objects


class TestDatabaseBackend(SearchBackendBehaviour):
    backend_name = "default"


# What only the database backend needs: its own ranking (search/backends/sqlite_ranking.py on
# SQLite, modelsearch's weighted ts_rank on PostgreSQL) and scale.


def test_a_word_in_the_title_outranks_the_same_word_in_the_text(index):
    in_title = ArticlePageFactory(
        parent=index,
        title="Loverboys",
        intro="Jongens die meisjes inpalmen en daarna uitbuiten: zo herkent u het patroon op "
        "school, op de sportclub en online, en zo praat u erover met uw kind.",
    )
    in_text = ArticlePageFactory(
        parent=index,
        title="Uitbuiting",
        intro="Uitbuiting heeft vele vormen: arbeidsuitbuiting, criminele uitbuiting en "
        "seksuele uitbuiting, soms door loverboys. Wat u kunt doen als u het vermoedt.",
    )
    index_objects(in_title, in_text)
    found = get_search_backend().search(PlainText("loverboys"), Page.objects.live())
    assert [page.title for page in found] == ["Loverboys", "Uitbuiting"]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="FTS5 column order: SQLite only")
def test_the_column_weights_follow_the_full_text_tables_columns(db):
    """bm25's weights are positional: a reordered FTS5 table would weigh text as title."""
    # Imported here: the module needs SQLite's FTS model.
    from search.backends.sqlite_ranking import FTS_COLUMN_WEIGHTS

    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM wagtailsearch_indexentry_fts LIMIT 0")
        columns = [column[0] for column in cursor.description]
    assert columns == list(FTS_COLUMN_WEIGHTS)


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite FTS5 ranking only")
# Committed, as in production: the index's sizes are kept only when read outside a transaction.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_search_over_many_matches_costs_the_same_queries_as_over_one(index):
    """Scores come with the ranked ids in one query, not one subquery per object."""
    for number in range(30):
        ArticlePageFactory(parent=index, title=f"Meldcode stap {number}")
    index_objects(*Page.objects.live().specific())
    results = get_search_backend().search(PlainText("meldcode"), Page.objects.live())
    list(results[:1])  # reads the content types and the index's sizes, kept from then on
    with CaptureQueriesContext(connection) as counted:
        found = list(results[:20])
    assert len(found) == 20
    # Whether the index changed since its sizes were read, the ranked ids, then the objects.
    assert len(counted) == 3
    # modelsearch's own way matched again in a subquery per object, for its score.
    assert [query["sql"].count("MATCH") for query in counted] == [0, 1, 0]
