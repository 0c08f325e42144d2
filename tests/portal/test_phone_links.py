"""Phone numbers in what editors write become tel: links; nothing else with digits does."""

import pytest
from django.utils.safestring import mark_safe
from hypothesis import given
from hypothesis import strategies as st

from portal.phone_links import link_phone_numbers, tel_href


@pytest.mark.parametrize(
    ("written", "href"),
    [
        ("112", "tel:112"),
        ("0800-2000", "tel:08002000"),
        ("0800 2000", "tel:08002000"),
        ("0900-1234567", "tel:09001234567"),
        ("013 123 45 67", "tel:0131234567"),
        ("013-1234567", "tel:0131234567"),
        ("(013) 123 45 67", "tel:0131234567"),
        ("06-12345678", "tel:0612345678"),
        ("+31 13 123 4567", "tel:+31131234567"),
        ("+31 (0)13 123 45 67", "tel:+31131234567"),
    ],
)
def test_numbers_as_people_write_them_are_recognised(written, href):
    assert tel_href(written) == href
    assert link_phone_numbers(f"Bel {written}.") == f'Bel <a href="{href}">{written}</a>.'


@pytest.mark.parametrize(
    "not_a_phone_number",
    [
        "2112",
        "1.112",
        "€112",
        "112%",
        "112a",
        "01-02-2024",
        "5038 AB",
        "2024-2025",
        "0800-20",
        "013 123 45",
        "NL91ABNA0417164300",
        "06-123456789",
    ],
)
def test_other_digits_stay_text(not_a_phone_number):
    text = f"Zie {not_a_phone_number} hier"
    assert link_phone_numbers(text) == text
    assert tel_href(not_a_phone_number) is None


def test_html_keeps_its_links_attributes_and_escaping():
    html = mark_safe(
        '<p title="Bel 0800-2000">Bel <a href="tel:112">112</a> of <b>0800-2000</b>'
        " &amp; niet <script>var x = 112;</script></p>"
    )
    assert link_phone_numbers(html) == (
        '<p title="Bel 0800-2000">Bel <a href="tel:112">112</a> of '
        '<b><a href="tel:08002000">0800-2000</a></b>'
        " &amp; niet <script>var x = 112;</script></p>"
    )


def test_plain_text_is_escaped_first():
    assert (
        link_phone_numbers("<b>Bel 112</b>") == '&lt;b&gt;Bel <a href="tel:112">112</a>&lt;/b&gt;'
    )


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_any_text_comes_back_with_the_same_words(text):
    """Linking adds markup, never changes or loses what was written."""
    from html import unescape
    from re import sub

    linked = link_phone_numbers(text)
    assert unescape(sub(r"<a href=\"tel:[+0-9]+\">|</a>", "", linked)) == text
