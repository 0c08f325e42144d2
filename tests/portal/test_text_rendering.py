"""Text on the public pages as a visitor gets it: phone numbers to tap, titles that break well.

The rules themselves are tested in test_phone_links.py and test_hyphenation.py; these render
real pages, so they prove the rules are applied where editors' text is shown.
"""

import pytest

from portal.models import AudiencePage, StandardPage
from portal.models.taxonomy import Audience


@pytest.mark.django_db
def test_a_standard_page_links_the_numbers_in_its_text_blocks_and_intro(client, home):
    page = home.add_child(
        instance=StandardPage(
            title="Hulp",
            slug="hulp",
            intro="Direct gevaar? Bel 112.",
            body=[
                ("text", "<p>Maakt u zich zorgen? Bel Veilig Thuis: 0800-2000.</p>"),
                (
                    "accordion",
                    {
                        "title": "Vragen",
                        "items": [
                            {
                                "question": "Kost het geld?",
                                "answer": "<p>Nee, 0800-2000 is gratis.</p>",
                            }
                        ],
                    },
                ),
                ("quote", {"quote": "Ik belde 0800-2000 en kreeg hulp.", "attribution": ""}),
            ],
            locale=home.locale,
        )
    )
    html = client.get(page.url).content.decode()
    assert 'Bel <a href="tel:112">112</a>.' in html
    assert 'Bel Veilig Thuis: <a href="tel:08002000">0800-2000</a>.' in html
    assert 'Nee, <a href="tel:08002000">0800-2000</a> is gratis.' in html
    assert 'Ik belde <a href="tel:08002000">0800-2000</a> en' in html


@pytest.mark.django_db
def test_titles_on_the_page_and_its_cards_are_hyphenated(client, home):
    audience = Audience.objects.filter(locale=home.locale).first()
    landing = home.add_child(
        instance=AudiencePage(
            title="Ervaringsdeskundigen",
            slug="ervaringsdeskundigen",
            audience=audience,
            locale=home.locale,
        )
    )
    article = home.add_child(
        instance=StandardPage(
            title="Ouderenmishandeling herkennen", slug="ouderen", locale=home.locale
        )
    )
    article.audiences.add(audience)
    article.save_revision().publish()

    html = client.get(landing.url).content.decode()
    assert '<h1 class="utrecht-heading-1">Erva\xadrings\xaddes\xadkun\xaddi\xadgen</h1>' in html
    assert "Oude\xadren\xadmis\xadhan\xadde\xadling herkennen</a>" in html
    # The tab title is never hyphenated.
    assert "<title>Ervaringsdeskundigen | Steiger</title>" in html
