"""The Meilisearch backend's pure parts: index settings, vocabulary, queries, highlighting and
the zero-downtime rebuild plan. No server is needed or faked."""

import datetime

import pytest
from modelsearch.index import SearchField, get_indexed_models
from modelsearch.query import MATCH_ALL, MATCH_NONE, Boost, Fuzzy, Phrase, PlainText

from knowledge.models import ArticlePage, MeldcodePage
from search import vocabulary
from search.backends.meilisearch import highlights, index_settings, schema
from search.backends.meilisearch.query import MATCH_NOTHING, compile_query, plain_words
from search.backends.meilisearch.rebuild import (
    Step,
    finish_plan,
    new_index_uid,
    reset_plan,
    start_plan,
)

# --- Index settings ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def settings_for_all_models():
    return index_settings.index_settings(get_indexed_models())


def test_searchable_attributes_are_in_order_of_weight(settings_for_all_models):
    searchable = settings_for_all_models["searchableAttributes"]

    assert searchable[:4] == ["title", "search_description", "intro", "body"]
    assert searchable[-1] == "compound_parts"  # a part of a compound is the weakest match
    # Every model's own searchable fields are there, related ones dotted.
    for column in ("author_organisation", "steps", "assessment", "themes.name"):
        assert column in searchable
    assert len(searchable) == len(set(searchable))


def test_fields_without_a_place_of_their_own_follow_by_boost():
    class Heavy:
        @staticmethod
        def get_search_fields():
            return [SearchField("summary", boost=5), SearchField("aside"), SearchField("body")]

    searchable = index_settings.searchable_attributes([Heavy])

    assert searchable == [*schema.SEARCHABLE_HEAD, "summary", "aside", "compound_parts"]


def test_filterable_attributes_hold_the_facets_and_wagtails_filters(settings_for_all_models):
    filterable = settings_for_all_models["filterableAttributes"]

    for attribute in (
        "content_type",
        "audience",
        "theme",
        "municipality",
        "locale",
        "course_format",
        "cost",
        "live",
        "id",
        "locale_id",
        "path_prefixes",
        "last_reviewed",
    ):
        assert attribute in filterable
    assert len(filterable) == len(set(filterable))


def test_sortable_attributes_hold_the_date(settings_for_all_models):
    sortable = settings_for_all_models["sortableAttributes"]

    assert sortable[0] == "date"
    assert "first_published_at" in sortable
    assert "path_prefixes" not in sortable


def test_the_settings_for_one_model_name_its_own_fields():
    settings = index_settings.index_settings([ArticlePage, MeldcodePage])

    assert "author_organisation" in settings["searchableAttributes"]
    assert "last_reviewed" in settings["filterableAttributes"]


def test_stop_words_synonyms_and_typos_are_set(settings_for_all_models):
    settings = settings_for_all_models

    for word in ("de", "het", "een", "the", "and", "of"):
        assert word in settings["stopWords"]
    assert settings["typoTolerance"]["enabled"] is True
    sizes = settings["typoTolerance"]["minWordSizeForTypos"]
    assert 1 <= sizes["oneTypo"] <= sizes["twoTypos"]
    assert settings["rankingRules"][0] == "sort"  # an asked-for order is strict
    assert settings["pagination"]["maxTotalHits"] >= 10_000
    assert settings["faceting"]["sortFacetValuesBy"] == {"*": "count"}


@pytest.mark.parametrize(
    ("word", "finds"),
    [
        ("hg", "huiselijk geweld"),
        ("huiselijk geweld", "hg"),
        ("km", "kindermishandeling"),
        ("kindermishandeling", "km"),
        ("vt", "veilig thuis"),
        ("veilig thuis", "vt"),
        ("ervaringsdeskundige", "ervaringsdeskundigheid"),
        ("ervaringsdeskundigheid", "ervaringsdeskundige"),
        ("meldplicht", "meldcode"),
    ],
)
def test_the_domain_synonyms(settings_for_all_models, word, finds):
    assert finds in settings_for_all_models["synonyms"][word]


def test_a_one_way_synonym_does_not_find_back(settings_for_all_models):
    assert "meldplicht" not in settings_for_all_models["synonyms"].get("meldcode", [])


def test_synonyms_are_made_two_way_within_a_group_and_lower_case():
    assert index_settings.synonyms([("A", "b", "c")], {"X": ["Y"]}) == {
        "a": ["b", "c"],
        "b": ["a", "c"],
        "c": ["a", "b"],
        "x": ["y"],
    }


def test_the_vocabulary_is_lower_case_and_stop_words_are_no_domain_words():
    words = {
        word for group in vocabulary.SYNONYM_GROUPS for phrase in group for word in phrase.split()
    }
    words |= {word for phrase in vocabulary.ONE_WAY_SYNONYMS for word in phrase.split()}

    assert all(word == word.lower() for word in words | set(vocabulary.STOP_WORDS))
    assert words.isdisjoint(vocabulary.STOP_WORDS)
    assert len(vocabulary.STOP_WORDS) == len(set(vocabulary.STOP_WORDS))
    assert {"de", "het", "een"} <= set(vocabulary.STOP_WORDS_NL)
    assert {"the", "a", "of"} <= set(vocabulary.STOP_WORDS_EN)


# --- Queries -----------------------------------------------------------------------------------


def test_plain_text_or_lets_meilisearch_drop_words_and_and_asks_for_all():
    assert compile_query(PlainText("huiselijk geweld", operator="or")).matching_strategy == "last"
    compiled = compile_query(PlainText("huiselijk geweld", operator="and"))
    assert (compiled.q, compiled.matching_strategy) == ("huiselijk geweld", "all")


def test_a_phrase_is_quoted_and_plain_text_loses_query_syntax():
    assert compile_query(Phrase('veilig "thuis"')).q == '"veilig thuis"'
    assert compile_query(PlainText('-geweld "meldcode')).q == "geweld meldcode"
    assert plain_words("0800-2000 bellen") == "0800-2000 bellen"  # a hyphen inside stays


def test_fuzzy_boost_match_all_and_match_none():
    assert compile_query(Fuzzy("kindermishandleing")).q == "kindermishandleing"
    assert compile_query(Boost(PlainText("geweld"), 2)).q == "geweld"
    assert compile_query(MATCH_ALL).q == ""
    assert compile_query(MATCH_NONE) is MATCH_NOTHING
    assert compile_query(PlainText('" -')) is MATCH_NOTHING  # only syntax: not "everything"


def test_boolean_combinations_are_refused():
    with pytest.raises(NotImplementedError):
        compile_query(PlainText("a") & PlainText("b"))


# --- Highlighting ------------------------------------------------------------------------------

PRE, POST = highlights.PRE_TAG, highlights.POST_TAG


def test_highlighted_text_is_escaped_and_marked():
    html = highlights.safe_highlight(f"<script>x</script> {PRE}geweld{POST} & meer")

    assert html == "&lt;script&gt;x&lt;/script&gt; <mark>geweld</mark> &amp; meer"


def test_the_snippet_is_the_first_text_with_a_match():
    formatted = {
        "title": "Huiselijk geweld",
        "intro": "Een inleiding.",
        "body": ["Eerste blok.", f"Tweede blok over {PRE}geweld{POST}."],
    }

    found = highlights.highlights(formatted, ("title", "intro", "body"))

    assert found["body"] == "Tweede blok over <mark>geweld</mark>."
    assert highlights.best_snippet(found, ("intro", "body")) == found["body"]
    assert highlights.best_snippet({"intro": found["intro"]}, ("intro", "body")) == (
        "Een inleiding."
    )


# --- The zero-downtime rebuild plan ------------------------------------------------------------


def test_a_new_index_is_named_after_the_live_one_and_the_time():
    when = datetime.datetime(2026, 3, 14, 9, 5, 7, tzinfo=datetime.UTC)

    assert new_index_uid("steiger", when) == "steiger_new_20260314090507"


def test_start_deletes_leftovers_of_failed_rebuilds_then_creates_and_configures():
    plan = start_plan(
        "steiger",
        "steiger_new_2",
        ["steiger", "steiger_new_1", "steiger_staging", "other_new_1"],
    )

    assert plan == [
        Step("delete", ("steiger_new_1",)),
        Step("create", ("steiger_new_2",)),
        Step("configure", ("steiger_new_2",)),
    ]


def test_finish_waits_checks_swaps_then_deletes_the_old_documents():
    assert finish_plan("steiger", "steiger_new_2", live_exists=True) == [
        Step("wait", ("steiger_new_2",)),
        Step("check", ("steiger_new_2",)),
        Step("swap", ("steiger", "steiger_new_2")),
        Step("delete", ("steiger_new_2",)),
    ]


def test_a_first_rebuild_swaps_with_an_empty_live_index():
    plan = finish_plan("steiger", "steiger_new_2", live_exists=False)

    assert plan.index(Step("create", ("steiger",))) < plan.index(
        Step("swap", ("steiger", "steiger_new_2"))
    )
    assert plan[-1] == Step("delete", ("steiger_new_2",))
    assert not any(step.action == "delete" and step.uids == ("steiger",) for step in plan)


def test_a_reset_recreates_the_index_with_its_settings():
    assert reset_plan("steiger", exists=True) == [
        Step("delete", ("steiger",)),
        Step("create", ("steiger",)),
        Step("configure", ("steiger",)),
    ]
    assert reset_plan("steiger", exists=False)[0] == Step("create", ("steiger",))
