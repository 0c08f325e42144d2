"""The demo site as a visitor and an editor meet it: bilingual, tagged, every link working, in
the formal Dutch "u", with the Centre's statements.

Every test here reads the demo content, loaded once for the module (the `demo_site` fixture in
tests/conftest.py); loading and reloading it are tested in test_demo_content.py.
"""

import re
from html.parser import HTMLParser
from urllib.parse import urljoin

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page, Site

from portal import roles
from portal.demo import centre as demo_centre
from portal.demo import content as demo_content
from portal.demo.loader import page_key
from portal.models import (
    AccessibilityStatementPage,
    AudiencePage,
    ContactPage,
    HomePage,
    StandardPage,
)

SHY = "\u00ad"  # soft hyphen


@pytest.mark.django_db
def test_demo_site_is_bilingual_with_four_entrances_and_the_centre_in_the_footer(demo_site, client):
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("localhost", 80)
    home = site.root_page.specific
    assert isinstance(home, HomePage)
    assert home.locale.language_code == "nl"

    for language, entrances, footer, centre in (
        (
            "nl",
            ["Inwoners", "Vrijwilligers en sportclubs", "Professionals", "Scholen"],
            {
                "/nl/contact/": "Contact",
                "/nl/privacyverklaring/": "Privacyverklaring",
                "/nl/toegankelijkheidsverklaring/": "Toegankelijkheidsverklaring",
                "/nl/veilig-browsen/": "Veilig browsen",
                "/nl/nieuwsbrief-aanmelden/": "Nieuwsbrief",
                "/nl/account/login/": "Inloggen voor professionals en medewerkers",
            },
            "Centrum huiselijk geweld en kindermishandeling Hart van Brabant",
        ),
        (
            "en",
            ["Residents", "Volunteers and sports clubs", "Professionals", "Schools"],
            {
                "/en/contact/": "Contact",
                "/en/privacy-statement/": "Privacy statement",
                "/en/accessibility-statement/": "Accessibility statement",
                "/en/browse-safely/": "Browse safely",
                "/en/newsletter-sign-up/": "Newsletter",
                "/en/account/login/": "Sign in for professionals and staff",
            },
            "Centre against domestic violence and child abuse Hart van Brabant",
        ),
    ):
        audience_pages = AudiencePage.objects.live().filter(locale__language_code=language)
        assert sorted(p.title for p in audience_pages) == sorted(entrances)
        assert all(p.audience.locale.language_code == language for p in audience_pages)

        response = client.get(f"/{language}/")
        assert response.status_code == 200
        for title in entrances:
            assert title in response.text
        footer_html = response.text[response.text.index('<footer class="steiger-footer">') :]
        for url, label in footer.items():
            assert f'href="{url}">{label}</a>' in footer_html, (language, url)
            assert client.get(url).status_code == 200, url
        # Who runs the site, where it is and how to reach it, on every page.
        assert centre in footer_html
        assert "Stationsstraat 21" in footer_html
        assert '<a class="utrecht-link" href="tel:0131234567">013 123 45 67</a>' in footer_html
        assert 'href="mailto:contact@steiger.example"' in footer_html
        assert 'href="tel:08002000">0800-2000</a>' in footer_html


@pytest.mark.django_db
def test_content_is_tagged_and_found_on_the_audience_page(demo_site, client):
    page = StandardPage.objects.get(
        locale__language_code="nl", title="Signalen van kindermishandeling herkennen"
    )
    assert {t.slug for t in page.themes.all()} == {"kindermishandeling", "signalen-herkennen"}
    assert {m.name for m in page.municipalities.all()} == {"Hilvarenbeek", "Goirle"}
    body_types = {block.block_type for block in page.body}
    assert {"text", "accordion", "call_to_action"} <= body_types

    english = page.get_translation(page.locale.__class__.objects.get(language_code="en"))
    assert english.title == "Recognising signs of child abuse"
    assert {t.slug for t in english.specific.themes.all()} == {
        "child-abuse",
        "recognising-signs",
    }

    residents = AudiencePage.objects.get(locale__language_code="nl", slug="inwoners")
    # Card titles carry soft hyphens, so long Dutch words break properly on a phone.
    response = client.get(residents.url)
    assert "Signalen van kindermishandeling herkennen" in response.text.replace(SHY, "")
    residents_en = AudiencePage.objects.get(locale__language_code="en", slug="residents")
    english = client.get(residents_en.url).text.replace(SHY, "")
    assert "Recognising signs of child abuse" in english


@pytest.mark.django_db
def test_one_local_account_per_role_with_a_printed_password(demo_site, client):
    output = demo_site
    User = get_user_model()
    for role in roles.ROLE_NAMES:
        assert User.objects.filter(groups__name=role).count() == 1
    admin = User.objects.get(email="beheerder@steiger.localhost")
    assert admin.is_superuser

    line = next(line for line in output.splitlines() if "redacteur@steiger.localhost" in line)
    password = line.split()[-1]
    editor = User.objects.get(email="redacteur@steiger.localhost")
    assert editor.check_password(password)
    # Stored hashed, never as typed.
    assert password not in editor.password


@pytest.mark.django_db
def test_every_demo_page_renders_in_both_languages(demo_site, client):
    pages = Page.objects.live().filter(depth__gte=2).specific()
    assert pages.count() >= 2 * 13
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert page.title.replace("'", "&#x27;") in response.text


@pytest.mark.django_db
def test_tab_titles_of_sensitive_pages_do_not_name_the_subject(demo_site, client):
    import re

    for slug, revealing in (
        ("signalen-van-kindermishandeling-herkennen", "kindermishandeling"),
        ("recognising-signs-of-child-abuse", "abuse"),
        ("wat-doet-veilig-thuis", "veilig thuis"),
        ("what-does-veilig-thuis-do", "veilig thuis"),
    ):
        page = StandardPage.objects.get(slug=slug)
        response = client.get(page.url)
        tab_title = re.search(r"<title>(.*?)</title>", response.text, re.S).group(1)
        # The heading on the page still says what it is about; the tab does not.
        assert revealing in response.text.lower()
        assert revealing not in tab_title.lower(), tab_title


class _Links(HTMLParser):
    """Every href in a document, and the text of its <main>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []
        self.main_text: list[str] = []
        self._in_main = 0

    def handle_starttag(self, tag, attrs):
        if tag == "a" and (href := dict(attrs).get("href")):
            self.hrefs.append(href)
        if tag == "main":
            self._in_main += 1

    def handle_endtag(self, tag):
        if tag == "main":
            self._in_main -= 1

    def handle_data(self, data):
        if self._in_main:
            self.main_text.append(data)

    @classmethod
    def of(cls, html: str) -> "_Links":
        parser = cls()
        parser.feed(html)
        return parser


# Links to other sites in the demo content: the quick exit's neutral site and the authorities a
# statement must name. Anything else would be a link nobody checked.
KNOWN_EXTERNAL_SITES = (
    "https://www.buienradar.nl/",
    "https://www.nationaleombudsman.nl/",
    "https://www.autoriteitpersoonsgegevens.nl/",
)


@pytest.mark.django_db
def test_every_link_on_every_demo_page_works_in_both_languages(demo_site, client):
    pages = Page.objects.live().filter(depth__gte=2)
    internal: dict[str, str] = {}
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        for href in _Links.of(response.text).hrefs:
            if href.startswith(("tel:", "mailto:", "#")):
                continue
            if href.startswith("http"):
                assert href.startswith(KNOWN_EXTERNAL_SITES), (page.url, href)
                continue
            # Relative links (a listing's "?pagina=2") count from the page they are on.
            internal.setdefault(urljoin(page.url, href).split("#")[0], page.url)

    assert len(internal) > 30
    for href, found_on in internal.items():
        response = client.get(href)
        # The quick exit answers with a redirect to the neutral site; every other link is a page.
        expected = (302,) if href.startswith("/snel-weg/") else (200,)
        assert response.status_code in expected, f"{href} (linked from {found_on})"


def _calls_to_action(page):
    return [
        block.value for block in getattr(page, "body", []) if block.block_type == "call_to_action"
    ]


TRAINING_WORDS = re.compile(r"training|sessie|cursus|course|session", re.IGNORECASE)


@pytest.mark.django_db
def test_calls_to_action_promise_only_what_can_be_clicked(demo_site):
    checked = 0
    for page in Page.objects.live().filter(depth__gte=2).specific():
        for value in _calls_to_action(page):
            target = value["page"].specific if value["page"] else None
            assert target is not None and target.live, (page.url, value["title"])
            assert target.locale_id == page.locale_id, (page.url, value["title"])
            assert target.pk != page.pk, (page.url, value["title"])
            # No course catalogue or request form exists yet: an offer of a training or a
            # session leads to the people who arrange it, never to a page that only lists
            # articles (the old "Training meldcode" button looped back to an audience page).
            words = " ".join((value["title"], value["text"], value["label"]))
            if TRAINING_WORDS.search(words):
                assert isinstance(target, ContactPage), (page.url, value["title"], target.url)
            checked += 1
    assert checked >= 20


@pytest.mark.django_db
def test_the_residents_entrance_offers_to_ask_a_question(demo_site, client):
    for slug, label in (("inwoners", "Stel een vraag"), ("residents", "Ask a question")):
        page = AudiencePage.objects.get(slug=slug)
        advice = Page.objects.get(translation_key=page_key("advies"), locale=page.locale).specific
        html = client.get(page.url).text
        main = html[html.index("<main") : html.index("</main>")]
        assert f'href="{advice.url}">{label}</a>' in main
        assert client.get(advice.url).status_code == 200


INFORMAL_DUTCH = re.compile(r"\b(je|jij|jou|jouw|jezelf|jullie)\b", re.IGNORECASE)


@pytest.mark.django_db
def test_dutch_demo_pages_say_u_not_je(demo_site, client):
    for page in Page.objects.live().filter(depth__gte=2, locale__language_code="nl"):
        text = " ".join(_Links.of(client.get(page.url).text).main_text)
        assert not INFORMAL_DUTCH.findall(text), (page.url, INFORMAL_DUTCH.findall(text))


def _demo_texts():
    """Every text of the demo pages, as (where, kind, text); kind is "html" or "plain"."""
    specs = [
        demo_content.HOME,
        *demo_content.AUDIENCE_PAGES,
        *demo_content.STANDARD_PAGES,
        *demo_centre.CENTRE_PAGES,
    ]
    for spec in specs:
        for language in ("nl", "en"):
            translation = getattr(spec, language)
            where = f"{spec.key}/{language}"
            yield where, "plain", translation.intro
            for block in translation.body:
                if block["type"] == "text":
                    yield where, "html", block["value"]
                elif block["type"] == "accordion":
                    for item in block["value"]["items"]:
                        yield where, "html", item["answer"]
                elif block["type"] == "call_to_action":
                    yield where, "plain", block["value"]["text"]


PHONE_NUMBER = re.compile(r"0800-2000|\b112\b")


def test_every_phone_number_in_the_demo_texts_is_a_tel_link():
    numbers = 0
    for where, kind, text in _demo_texts():
        if kind == "plain":
            # Plain text cannot hold a link: the number belongs in the body instead.
            assert not PHONE_NUMBER.search(text), (where, text)
            continue
        linked = re.sub(r'<a href="tel:(08002000|112)">(0800-2000|112)</a>', "", text)
        assert not PHONE_NUMBER.search(linked), (where, text)
        numbers += len(PHONE_NUMBER.findall(text))
    assert numbers >= 10


@pytest.mark.django_db
def test_browse_safely_says_what_no_website_can_erase_and_how_to_use_a_private_window(
    demo_site, client
):
    for slug, words in (
        (
            "veilig-browsen",
            ["geschiedenis", "automatisch aanvullen", "downloads", "cookies", "privévenster"],
        ),
        (
            "browse-safely",
            ["history", "autocomplete", "downloads", "cookies", "private window"],
        ),
    ):
        page = StandardPage.objects.get(slug=slug)
        text = " ".join(_Links.of(client.get(page.url).text).main_text).lower()
        for word in words:
            assert word in text, (slug, word)
        assert "ctrl + shift + n" in text and "ctrl + shift + p" in text


@pytest.mark.django_db
def test_the_accessibility_statement_follows_the_government_model(demo_site, client):
    for language, expected in (
        (
            "nl",
            [
                "C: eerste maatregelen genomen",
                "Datum van deze verklaring: 27 november 2026",
                "WCAG 2.1, niveau AA",
                "Nederlandse woorden op Engelse pagina's zijn niet als Nederlands gemarkeerd",
                "Opgelost uiterlijk op: 31 maart 2027",
                "Volgend volledig onderzoek gepland in: mei 2027",
                "Wij antwoorden binnen 5 werkdagen",
                "Dan kunt u terecht bij de Nationale ombudsman.",
            ],
        ),
        (
            "en",
            [
                "C: first measures taken",
                "Date of this statement: 27 November 2026",
                "WCAG 2.1, level AA",
                "Dutch words on English pages are not marked as Dutch",
                "Planned to be fixed by: 31 March 2027",
                "Next full evaluation planned for: May 2027",
                "We answer within 5 working days",
                "Then you can turn to the Nationale ombudsman.",
            ],
        ),
    ):
        page = AccessibilityStatementPage.objects.get(locale__language_code=language)
        html = client.get(page.url).text
        text = " ".join(" ".join(_Links.of(html).main_text).split())
        for phrase in expected:
            assert phrase in text, (language, phrase)
        assert 'href="mailto:contact@steiger.example"' in html
        assert 'href="https://www.nationaleombudsman.nl/"' in html
