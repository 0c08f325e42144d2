"""A result's snippet read in parts (search/snippets.py): the parts after those it needs are
never read, and what it shows is what the whole text would have shown."""

from hypothesis import given
from hypothesis import strategies as st

from search.snippets import snippet

WORDS = ["geweld", "kindermishandeling", "meldcode", "veilig", "thuis", "en", "de", "<b>"]
part = st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join)


@given(parts=st.lists(part, max_size=6), query=st.sampled_from(["geweld", "meldcode thuis", "x"]))
def test_in_parts_the_same_as_whole(parts, query):
    assert snippet(iter(parts), query) == snippet(" ".join(parts), query)


def test_the_parts_after_the_window_are_never_read():
    read = []

    def parts():
        for text in ["Huiselijk geweld " + "woord " * 40, "BODY", "MEER"]:
            read.append(text)
            yield text

    shown = snippet(parts(), "geweld")
    assert "<mark>geweld</mark>" in shown and shown.endswith(" …")
    assert read == [read[0]]  # the StreamField body behind it is left alone


def test_a_term_only_in_a_later_part_is_found_there():
    shown = snippet(iter(["Inleiding zonder het woord.", "Hier staat de meldcode."]), "meldcode")
    assert "<mark>meldcode.</mark>" in shown
