"""Long words in titles carry soft hyphens where Dutch (or English) allows a break."""

from portal.hyphenation import SOFT_HYPHEN, hyphenate, hyphenate_html


def test_long_dutch_words_get_soft_hyphens_at_dutch_breaks():
    assert hyphenate("Ouderenmishandeling: waar let u op?", "nl") == (
        "Oude\xadren\xadmis\xadhan\xadde\xadling: waar let u op?"
    )
    assert hyphenate("Kindermishandeling", "nl").replace(SOFT_HYPHEN, "-") == (
        "Kin-der-mis-han-de-ling"
    )


def test_short_words_and_unknown_languages_stay_whole():
    assert hyphenate("Wat doet Veilig Thuis?", "nl") == "Wat doet Veilig Thuis?"
    assert hyphenate("Ouderenmishandeling", "xx") == "Ouderenmishandeling"


def test_the_words_stay_the_same():
    title = "Toegankelijkheidsverklaring en bewustwordingssessies"
    assert hyphenate(title, "nl").replace(SOFT_HYPHEN, "") == title


def test_html_is_escaped():
    assert hyphenate_html("<b>", "nl") == "&lt;b&gt;"
