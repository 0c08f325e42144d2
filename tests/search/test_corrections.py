"""Typo correction on the database backends, from the index's own words."""

import pytest
from django.core.cache import cache

from knowledge.factories import ArticlePageFactory
from search.corrections import REFRESHING_KEY, allowed_typos, closest_word, distance, vocabulary
from tests.search.conftest import index_objects


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("meldcode", "meldcode", 0),
        ("meldcdoe", "meldcode", 1),  # two letters swapped: one typo
        ("meldcod", "meldcode", 1),
        ("kindermishandleing", "kindermishandeling", 1),
        ("kindrmishandleing", "kindermishandeling", 2),
    ],
)
def test_distance_counts_typos_as_people_make_them(a, b, expected):
    assert distance(a, b, limit=3) == expected


def test_distance_stops_early_beyond_its_limit():
    assert distance("geweld", "kindermishandeling", limit=2) == 3


def test_short_words_are_never_corrected():
    assert allowed_typos("hg") == 0
    assert allowed_typos("geweld") == 1
    assert allowed_typos("kindermishandeling") == 2


def test_the_closest_known_word_wins_and_frequency_breaks_a_tie():
    known = {"kindermishandeling": 40, "ouderenmishandeling": 5, "geweld": 90, "gewelf": 1}
    assert closest_word("kindermishandleing", known) == "kindermishandeling"
    assert closest_word("geweek", known) is None  # two typos in a six-letter word: too many
    assert closest_word("gewekd", known) == "geweld"
    assert closest_word("zwembad", known) is None


def test_a_changed_index_answers_from_the_stored_words_while_a_task_refreshes_them(articles, index):
    assert "loverboys" not in vocabulary()  # built on the spot: the first correction
    index_objects(ArticlePageFactory(parent=index, title="Loverboys", intro="Uitbuiting."))

    stale = vocabulary()

    # No visitor waits for the index to be read again: the stored words answer, and the
    # refresh task (run at once by the tests' task backend) stores the new ones.
    assert "loverboys" not in stale
    assert "loverboys" in vocabulary()


def test_one_refresh_at_a_time(articles, index):
    vocabulary()
    index_objects(ArticlePageFactory(parent=index, title="Loverboys", intro="Uitbuiting."))
    cache.add(REFRESHING_KEY, True)  # a refresh is under way in another process

    assert "loverboys" not in vocabulary()
    assert "loverboys" not in vocabulary()  # no second refresh was started

    cache.delete(REFRESHING_KEY)
    vocabulary()
    assert "loverboys" in vocabulary()
