"""The Centre's identity: set once in the site settings, shown in the footer, on the contact page
and in the privacy and accessibility statements, in the visitor's language."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db.models import Exists, F, OuterRef, Subquery
from django.db.models.functions import Coalesce, Substr
from wagtail.contrib.settings.views import get_setting_edit_handler
from wagtail.models import Locale, Page, PageViewRestriction, Site

from portal import centre as centre_module
from portal.centre import phone_href
from portal.models import (
    AccessibilityStatementPage,
    CentreSettings,
    CentreText,
    ContactPage,
    PrivacyStatementPage,
)

NAME_NL = "Centrum huiselijk geweld en kindermishandeling Hart van Brabant"
NAME_EN = "Centre against domestic violence and child abuse Hart van Brabant"


@pytest.fixture
def centre(home) -> CentreSettings:
    settings = CentreSettings.for_site(Site.objects.get(is_default_site=True))
    settings.visiting_street = "Stationsstraat 21"
    settings.visiting_postcode = "5038 EC"
    settings.visiting_city = "Tilburg"
    settings.postal_address = "Postbus 4321\n5000 AB Tilburg"
    settings.phone = "013 123 45 67"
    settings.email = "contact@steiger.example"
    settings.texts = [
        CentreText(language_code="nl", name=NAME_NL, opening_hours="Ma-vr 9.00-17.00 uur"),
        CentreText(language_code="en", name=NAME_EN, opening_hours="Mon-Fri 9 am-5 pm"),
    ]
    settings.save()
    return settings


def _footer(html: str) -> str:
    return html[html.index('<footer class="steiger-footer">') :]


def test_the_footer_shows_the_centre_in_the_visitors_language(client, centre):
    dutch = _footer(client.get("/nl/").text)
    english = _footer(client.get("/en/").text)

    assert NAME_NL in dutch and NAME_EN not in dutch
    assert NAME_EN in english and NAME_NL not in english
    for footer in (dutch, english):
        assert "Stationsstraat 21<br>5038 EC Tilburg" in footer
        assert '<a class="utrecht-link" href="tel:0131234567">013 123 45 67</a>' in footer
        assert '<a class="utrecht-link" href="mailto:contact@steiger.example">' in footer
    assert "Ma-vr 9.00-17.00 uur" in dutch
    assert "Mon-Fri 9 am-5 pm" in english


def test_a_change_in_the_settings_shows_at_once_even_on_a_cached_page(client, centre):
    assert "013 123 45 67" in client.get("/nl/").text  # now in the page cache and menu cache

    centre.phone = "013 765 43 21"
    centre.save()

    footer = _footer(client.get("/nl/").text)
    assert '<a class="utrecht-link" href="tel:0137654321">013 765 43 21</a>' in footer
    assert "013 123 45 67" not in footer


def test_a_language_without_its_own_texts_falls_back_to_dutch(client, centre):
    centre.texts.filter(language_code="en").delete()
    centre.save()

    assert NAME_NL in _footer(client.get("/en/").text)


def test_without_details_the_footer_still_shows_the_help_numbers(client, home):
    footer = _footer(client.get("/nl/").text)

    assert 'href="tel:112">112</a>' in footer
    assert 'href="tel:08002000">0800-2000</a>' in footer
    assert "Stationsstraat" not in footer


def test_the_footer_links_the_fixed_pages_of_the_visitors_language(client, centre, home):
    contact = home.add_child(instance=ContactPage(title="Contact", slug="contact"))
    contact.save_revision().publish()
    english = contact.copy_for_translation(Locale.objects.get(language_code="en"))
    english.save_revision().publish()

    assert 'href="/nl/contact/">Contact</a>' in _footer(client.get("/nl/").text)
    assert 'href="/en/contact/">Contact</a>' in _footer(client.get("/en/").text)
    # Sign-in is there for professionals and staff, worded so residents know they need none.
    assert 'href="/nl/account/login/">Inloggen voor professionals en medewerkers</a>' in (
        _footer(client.get("/nl/").text)
    )
    assert "U hebt geen account nodig" in _footer(client.get("/nl/").text)


def test_the_contact_page_shows_every_way_to_reach_the_centre(client, centre, home):
    page = home.add_child(
        instance=ContactPage(title="Contact", slug="contact", intro="Bel of mail ons.")
    )
    page.save_revision().publish()

    html = client.get(page.url).text
    main = html[html.index("<main") : html.index("</main>")]

    assert NAME_NL in main
    for text in (
        "Stationsstraat 21<br>5038 EC Tilburg",
        "Postbus 4321<br>5000 AB Tilburg",
        'href="tel:0131234567">013 123 45 67</a>',
        'href="mailto:contact@steiger.example"',
        "Ma-vr 9.00-17.00 uur",
        'href="tel:112">112</a>',
    ):
        assert text in main


def test_the_privacy_statement_names_the_controller_from_the_settings(client, centre, home):
    page = home.add_child(
        instance=PrivacyStatementPage(title="Privacyverklaring", slug="privacyverklaring")
    )
    page.save_revision().publish()

    html = client.get(page.url).text
    assert (
        f"{NAME_NL} is verantwoordelijk voor de persoonsgegevens die deze website verwerkt "
        "(de verwerkingsverantwoordelijke volgens de AVG)."
    ) in html
    assert 'href="mailto:contact@steiger.example"' in html

    # A municipality as controller, and a data protection officer: changed in one place.
    text = centre.texts.get(language_code="nl")
    text.controller = "Gemeente Tilburg"
    text.save()
    centre.privacy_officer_email = "fg@steiger.example"
    centre.save()

    html = client.get(page.url).text
    assert "Gemeente Tilburg is verantwoordelijk voor de persoonsgegevens" in html
    assert 'href="mailto:fg@steiger.example"' in html


def test_the_centre_is_edited_on_one_settings_form_with_texts_per_language(centre):
    form_class = get_setting_edit_handler(CentreSettings).get_form_class()
    data = {
        "visiting_street": "Spoorlaan 1",
        "visiting_postcode": "5038 CB",
        "visiting_city": "Tilburg",
        "postal_address": "",
        "phone": "013 000 11 22",
        "email": "info@steiger.example",
        "privacy_officer_email": "",
        "texts-TOTAL_FORMS": "2",
        "texts-INITIAL_FORMS": "0",
        "texts-MIN_NUM_FORMS": "1",
        "texts-MAX_NUM_FORMS": "1000",
        "texts-0-language_code": "nl",
        "texts-0-name": "Het Centrum",
        "texts-0-controller": "",
        "texts-0-opening_hours": "",
        "texts-0-visiting_note": "",
        "texts-0-ORDER": "1",
        "texts-0-DELETE": "",
        "texts-1-language_code": "en",
        "texts-1-name": "The Centre",
        "texts-1-controller": "",
        "texts-1-opening_hours": "",
        "texts-1-visiting_note": "",
        "texts-1-ORDER": "2",
        "texts-1-DELETE": "",
    }
    site = centre.site
    centre.delete()
    form = form_class(data, instance=CentreSettings(site=site))
    assert form.is_valid(), form.errors
    form.save()

    saved = CentreSettings.objects.get(site=site)
    assert saved.visiting_street == "Spoorlaan 1"
    assert saved.text_for("en").name == "The Centre"

    data["phone"] = "bel me maar"
    form = form_class(data, instance=saved)
    assert not form.is_valid()
    assert "phone" in form.errors


@pytest.mark.parametrize(
    ("written", "href"),
    [
        ("013 123 45 67", "tel:0131234567"),
        ("0800-2000", "tel:08002000"),
        ("+31 (0)13 123 45 67", "tel:+310131234567"),
        ("", ""),
    ],
)
def test_phone_numbers_become_tel_links(written, href):
    assert phone_href(written) == href


def _statement(home, **fields) -> AccessibilityStatementPage:
    defaults = {
        "title": "Toegankelijkheidsverklaring",
        "slug": "toegankelijkheidsverklaring",
        "statement_date": datetime.date(2026, 11, 27),
        "next_evaluation": datetime.date(2027, 5, 1),
    }
    return AccessibilityStatementPage(**{**defaults, **fields})


def _evaluation(method: str) -> dict:
    return {
        "type": "evaluation",
        "value": {"date": "2026-11-20", "evaluator": "Bureau", "method": method, "scope": ""},
    }


def _issue(reason: str) -> dict:
    return {
        "type": "issue",
        "value": {"problem": "Contrast", "reason": reason, "fix": "Donkerder maken."},
    }


def test_the_accessibility_statement_status_must_match_its_evidence(home):
    with pytest.raises(ValidationError) as error:
        home.add_child(instance=_statement(home, status="B"))
    assert "WCAG-EM" in str(error.value)

    with pytest.raises(ValidationError) as error:
        home.add_child(
            instance=_statement(
                home,
                status="A",
                evaluations=[_evaluation("wcag-em")],
                known_issues=[_issue("not-fixed-yet")],
            )
        )
    assert "status B" in str(error.value)

    with pytest.raises(ValidationError) as error:
        home.add_child(instance=_statement(home, status="C", next_evaluation=None))
    assert "next_evaluation" in error.value.message_dict

    page = home.add_child(
        instance=_statement(
            home,
            status="B",
            evaluations=[_evaluation("wcag-em")],
            known_issues=[_issue("not-fixed-yet")],
        )
    )
    assert page.get_status_display() == "B: voldoet gedeeltelijk"


def test_the_accessibility_statement_shows_status_date_issues_and_where_to_complain(
    client, centre, home
):
    page = home.add_child(
        instance=_statement(
            home,
            status="B",
            evaluations=[_evaluation("wcag-em")],
            known_issues=[_issue("not-fixed-yet")],
        )
    )
    page.save_revision().publish()

    html = client.get(page.url).text

    for text in (
        "B: voldoet gedeeltelijk",
        "Datum van deze verklaring:",
        '<time datetime="2026-11-27">27 november 2026</time>',
        "volledig onderzoek volgens WCAG-EM, door Bureau",
        '<h3 class="utrecht-heading-3">Contrast</h3>',
        "Reden: nog niet opgelost",
        "Wat wij eraan doen: Donkerder maken.",
        'href="mailto:contact@steiger.example"',
        "Dan kunt u terecht bij de Nationale ombudsman.",
        'href="https://www.nationaleombudsman.nl/"',
    ):
        assert text in html, text


def test_a_fixed_page_behind_a_view_restriction_is_not_linked(client, centre, home):
    contact = home.add_child(instance=ContactPage(title="Contact", slug="contact"))
    contact.save_revision().publish()
    privacy = home.add_child(instance=PrivacyStatementPage(title="Privacy", slug="privacy"))
    privacy.save_revision().publish()
    PageViewRestriction.objects.create(page=contact, restriction_type="login")

    footer = _footer(client.get("/nl/").text)

    assert 'href="/nl/privacy/"' in footer
    assert 'href="/nl/contact/"' not in footer


def orm_linked_pages(site: Site, language_code: str, models: list) -> list[Page]:
    """The ORM query portal.centre's own SQL replaced, as it was."""
    root = Page.objects.filter(pk=site.root_page_id)
    localized_home = Page.objects.filter(
        translation_key=Subquery(root.values("translation_key")[:1]),
        locale__language_code=language_code,
    )
    restriction_above = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, F("page__depth") * Page.steplen)
    )
    return list(
        Page.objects.live()
        .type(*models)
        .annotate(
            home_path=Coalesce(
                Subquery(localized_home.values("path")[:1]), Subquery(root.values("path")[:1])
            )
        )
        .filter(path__startswith=F("home_path"))
        .exclude(Exists(restriction_above))
        .order_by("path")
    )


def test_the_fixed_pages_are_what_the_orm_query_answered(home, django_assert_num_queries):
    """Each language's own pages under its own home; a language without a home of its own
    falls back to the site's home; drafts, pages behind a restriction (on them or above them)
    and pages of other types are left out."""
    english_home = home.get_translation(Locale.objects.get(language_code="en"))
    contact = home.add_child(instance=ContactPage(title="Contact", slug="contact"))
    contact.save_revision().publish()
    contact.copy_for_translation(Locale.objects.get(language_code="en")).save_revision().publish()
    privacy = home.add_child(instance=PrivacyStatementPage(title="Privacy", slug="privacy"))
    privacy.save_revision().publish()
    draft = home.add_child(instance=ContactPage(title="Concept", slug="concept", live=False))
    draft.save_revision()
    shielded = home.add_child(instance=ContactPage(title="Afgeschermd", slug="afgeschermd"))
    shielded.save_revision().publish()
    below = shielded.add_child(instance=PrivacyStatementPage(title="Eronder", slug="eronder"))
    below.save_revision().publish()
    PageViewRestriction.objects.create(page=shielded, restriction_type="login")
    under_english = english_home.add_child(
        instance=PrivacyStatementPage(
            title="Privacy (en)", slug="privacy-en", locale_id=english_home.locale_id
        )
    )
    under_english.save_revision().publish()
    site = Site.objects.get(is_default_site=True)
    models = [ContactPage, PrivacyStatementPage, AccessibilityStatementPage]

    for language_code in ("nl", "en", "fr"):
        with django_assert_num_queries(1):
            found = centre_module._linked_pages(site, language_code, models)
        expected = orm_linked_pages(site, language_code, models)
        assert [(page.pk, page.url_path, page.specific_class) for page in found] == [
            (page.pk, page.url_path, page.specific_class) for page in expected
        ], language_code

    assert [page.pk for page in centre_module._linked_pages(site, "nl", models)] == [
        contact.pk,
        privacy.pk,
    ]
    assert privacy.pk not in [page.pk for page in centre_module._linked_pages(site, "en", models)]
    assert [page.pk for page in centre_module._linked_pages(site, "fr", models)] == [
        contact.pk,
        privacy.pk,
    ]
