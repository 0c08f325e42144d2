"""Seeded themes, audiences and municipalities, their editing, and listing tagged pages."""

import uuid

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Locale
from wagtail.snippets.models import get_snippet_models

from portal import roles
from portal.demo.taxonomy import term_key
from portal.models import Audience, AudiencePage, Municipality, StandardPage, Theme
from portal.models.tagging import tagged_pages


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("model", "count", "dutch", "english"),
    [
        (Theme, 11, "Kindermishandeling", "Child abuse"),
        (Audience, 4, "Vrijwilligers en sportclubs", "Volunteers and sports clubs"),
        (Municipality, 9, "Hilvarenbeek", "Hilvarenbeek"),
    ],
)
def test_terms_are_seeded_in_dutch_and_english(model, count, dutch, english):
    nl = Locale.objects.get(language_code="nl")
    en = Locale.objects.get(language_code="en")
    assert model.objects.filter(locale=nl).count() == count
    assert model.objects.filter(locale=en).count() == count

    dutch_term = model.objects.get(locale=nl, name=dutch)
    english_term = dutch_term.get_translation(en)
    assert english_term.name == english


@pytest.mark.django_db
def test_translation_keys_are_fixed_so_other_code_can_refer_to_terms():
    meldcode = Theme.objects.get(locale__language_code="nl", slug="meldcode")
    assert meldcode.translation_key == term_key("theme", "meldcode")
    assert meldcode.translation_key == uuid.uuid5(
        uuid.UUID("6f1c5a52-3c1e-5d0c-9f43-7e2b7a1d5e10"), "theme/meldcode"
    )


@pytest.mark.django_db
def test_editors_may_edit_terms_in_the_admin():
    editor = get_user_model().objects.create_user(email="r@example.org", password="x" * 12)
    editor.groups.add(Group.objects.get(name=roles.EDITOR))
    editor = get_user_model().objects.get(pk=editor.pk)
    assert editor.has_perm("portal.change_theme")
    assert editor.has_perm("portal.change_audience")
    assert editor.has_perm("portal.change_municipality")


def test_terms_are_snippets_under_labels_in_the_admin():
    assert {Theme, Audience, Municipality} <= set(get_snippet_models())
    assert reverse("wagtailsnippets_portal_theme:list") == "/admin/labels/themes/"
    assert reverse("wagtailsnippets_portal_municipality:list") == "/admin/labels/municipalities/"


def test_tagged_page_is_listed_on_the_audience_page_in_both_languages(client, home, locales):
    residents_nl = Audience.objects.get(locale=locales["nl"], slug="inwoners")
    residents_en = residents_nl.get_translation(locales["en"])
    landing = home.add_child(
        instance=AudiencePage(title="Inwoners", slug="inwoners", audience=residents_nl)
    )
    page = home.add_child(instance=StandardPage(title="Signalen herkennen", slug="signalen"))
    page.audiences.add(residents_nl)
    page.themes.add(Theme.objects.get(locale=locales["nl"], slug="signalen-herkennen"))
    page.save_revision().publish()
    other = home.add_child(instance=StandardPage(title="Voor scholen", slug="scholen"))
    other.audiences.add(Audience.objects.get(locale=locales["nl"], slug="scholen"))
    other.save_revision().publish()

    # The English translation is tagged with the English term (as a translator would leave it).
    english = page.copy_for_translation(locales["en"])
    english.title = "Recognising signs"
    english.save()
    english.audiences.set([residents_en])
    english.save_revision().publish()

    assert tagged_pages(audience=residents_nl, locale=locales["nl"]) == [page]
    assert [p.pk for p in tagged_pages(audience=residents_en, locale=locales["en"])] == [english.pk]
    # A page tagged with the Dutch term is found from the English term too (same key).
    assert tagged_pages(audience=residents_en, locale=locales["nl"]) == [page]

    response = client.get(landing.url)
    assert response.status_code == 200
    assert "Signalen herkennen" in response.text
    assert "Voor scholen" not in response.text


def _signed_in_with_mfa(client, user):
    """A session as allauth leaves it after a password + TOTP login (the admin demands MFA)."""
    import time

    from allauth.account.internal.flows.login import (
        _AUTHENTICATION_METHODS_USER_SESSION_KEY,
        AUTHENTICATION_METHODS_SESSION_KEY,
    )

    from portal.accounts.factories import enable_totp

    enable_totp(user)
    client.force_login(user)
    session = client.session
    session[_AUTHENTICATION_METHODS_USER_SESSION_KEY] = str(user.pk)
    session[AUTHENTICATION_METHODS_SESSION_KEY] = [
        {"method": "password", "at": time.time()},
        {"method": "mfa", "at": time.time(), "type": "totp"},
    ]
    session.save()


@pytest.mark.django_db
def test_an_editor_edits_a_theme_in_the_admin(client):
    editor = get_user_model().objects.create_user(email="r@example.org", password="x" * 12)
    editor.groups.add(Group.objects.get(name=roles.EDITOR))
    _signed_in_with_mfa(client, editor)
    theme = Theme.objects.get(locale__language_code="nl", slug="meldcode")

    listing = client.get("/admin/labels/themes/")
    assert listing.status_code == 200
    assert "Huiselijk geweld" in listing.text

    edit_url = reverse("wagtailsnippets_portal_theme:edit", args=[theme.pk])
    response = client.post(
        edit_url,
        {"name": "Meldcode", "slug": "meldcode", "description": "De vijf stappen."},
    )
    assert response.status_code == 302, response.text[:2000]
    theme.refresh_from_db()
    assert theme.description == "De vijf stappen."


def _editor_in_admin(client):
    editor = get_user_model().objects.create_user(email="r@example.org", password="x" * 12)
    editor.groups.add(Group.objects.get(name=roles.EDITOR))
    _signed_in_with_mfa(client, editor)
    return editor


def _checkbox_labels(html: str, field: str) -> list[str]:
    """The labels of the checkboxes or radio buttons of `field` in an admin form."""
    import re

    return re.findall(
        rf'<input type="(?:checkbox|radio)" name="{field}" value="\d+"[^>]*>\s*([^<]+?)\s*</label>',
        html,
    )


@pytest.mark.django_db
def test_the_pickers_of_a_new_page_offer_the_labels_of_its_language(client, home, locales):
    _editor_in_admin(client)
    english_home = home.get_translation(locales["en"])

    dutch = client.get(reverse("wagtailadmin_pages:add", args=["portal", "standardpage", home.pk]))
    english = client.get(
        reverse("wagtailadmin_pages:add", args=["portal", "standardpage", english_home.pk])
    )

    assert dutch.status_code == english.status_code == 200
    dutch_themes = _checkbox_labels(dutch.text, "themes")
    assert "Kindermishandeling" in dutch_themes and "Child abuse" not in dutch_themes
    assert len(dutch_themes) == 11
    english_themes = _checkbox_labels(english.text, "themes")
    assert "Child abuse" in english_themes and "Kindermishandeling" not in english_themes
    # Every municipality once, not once per language.
    assert _checkbox_labels(dutch.text, "municipalities").count("Tilburg") == 1
    assert _checkbox_labels(english.text, "audiences") == [
        "Professionals",
        "Residents",
        "Schools",
        "Volunteers and sports clubs",
    ]


@pytest.mark.django_db
def test_the_audience_page_offers_the_audiences_of_its_language(client, home, locales):
    _editor_in_admin(client)

    response = client.get(
        reverse("wagtailadmin_pages:add", args=["portal", "audiencepage", home.pk])
    )

    assert response.status_code == 200
    assert _checkbox_labels(response.text, "audience") == [
        "Inwoners",
        "Professionals",
        "Scholen",
        "Vrijwilligers en sportclubs",
    ]


@pytest.mark.django_db
def test_a_label_of_another_language_cannot_be_chosen(client, home, locales):
    editor = _editor_in_admin(client)
    # Editors edit the pages they own.
    page = home.add_child(instance=StandardPage(title="Tekst", slug="tekst", owner=editor))
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    form = {"title": "Tekst", "slug": "tekst", "body-count": "0"}
    meldcode = Theme.objects.get(locale=locales["nl"], slug="meldcode")
    child_abuse = Theme.objects.get(locale=locales["en"], slug="child-abuse")

    assert client.post(url, {**form, "themes": [meldcode.pk]}).status_code == 302
    response = client.post(url, {**form, "themes": [child_abuse.pk]})

    assert response.status_code == 200  # the form again, with an error at the themes
    assert "themes" in response.context["form"].errors
    saved = StandardPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert list(saved.themes.all()) == [meldcode]


@pytest.mark.django_db
def test_tags_stored_in_another_language_show_as_the_same_labels_in_this_one(home, locales):
    """A translation copied before tags were translated keeps them when it is edited."""
    page = home.add_child(instance=StandardPage(title="Tekst", slug="tekst"))
    english = page.copy_for_translation(locales["en"])
    english = StandardPage.objects.get(pk=english.pk)
    english.themes.set([Theme.objects.get(locale=locales["nl"], slug="meldcode")])

    form_class = StandardPage.get_edit_handler().get_form_class()
    form = form_class(instance=english, for_user=None)

    reporting_code = Theme.objects.get(locale=locales["en"], slug="reporting-code")
    assert form.initial["themes"] == [reporting_code.pk]
    assert list(form.fields["themes"].queryset) == list(Theme.objects.filter(locale=locales["en"]))


@pytest.mark.django_db
def test_the_labels_listing_says_which_language_each_term_is_in(client):
    import re

    _editor_in_admin(client)

    listing = client.get("/admin/labels/themes/?q=abuse")

    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", listing.text, re.S)
    child_abuse = next(row for row in rows if "Child abuse" in row)
    assert "Engels" in child_abuse and "Nederlands" not in child_abuse
