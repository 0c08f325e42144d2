"""Dutch compounds split into known words, so a search for a part finds the whole."""

import pytest

from search.compounds import compound_parts, compound_parts_text, split_compound


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("kindermishandeling", ("kinder", "mishandeling")),
        ("ouderenmishandeling", ("ouderen", "mishandeling")),
        ("partnergeweld", ("partner", "geweld")),
        ("eergerelateerd", ("eer", "gerelateerd")),
        ("sportvereniging", ("sport", "vereniging")),
        # A linking "s" between two parts is no part of either.
        ("aandachtsfunctionaris", ("aandacht", "functionaris")),
        ("ervaringsdeskundigheid", ("ervaring", "deskundigheid")),
        # The site's own words count as parts where a general word list barely knows them.
        ("loverboyproblematiek", ("loverboy", "problematiek")),
        ("KINDERMISHANDELING", ("kinder", "mishandeling")),
    ],
)
def test_a_compound_splits_into_the_words_it_is_made_of(word, parts):
    assert split_compound(word) == parts


@pytest.mark.parametrize(
    "word",
    [
        "mishandeling",  # common enough to be a word of its own: not "mis" + "handeling"
        "huiselijk",  # "-lijk" is a suffix, not a part
        "kinderen",
        "geweld",  # too short to be a compound
        "xyzqwvbnm",  # nothing known in it
    ],
)
def test_a_word_that_is_no_compound_stays_whole(word):
    assert split_compound(word) == ()


def test_the_parts_of_a_text_come_once_each_in_the_order_first_met():
    text = "Partnergeweld en kindermishandeling. Ook ouderenmishandeling en partnergeweld."
    assert compound_parts(text) == ["partner", "geweld", "kinder", "mishandeling", "ouderen"]
    assert compound_parts_text(text) == "partner geweld kinder mishandeling ouderen"


def test_english_text_is_not_split_as_if_it_were_dutch():
    assert compound_parts("understanding partnergeweld", language="en") == []
