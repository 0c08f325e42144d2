"""`manage.py load_demo_content`: a realistic bilingual site, safely repeatable."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import override_settings
from wagtail.models import Page, Revision, Site

from portal import roles
from portal.models import AudiencePage, HomePage, StandardPage


def _load(*args: str) -> str:
    out = StringIO()
    call_command("load_demo_content", "--force", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_refuses_to_run_with_debug_off_without_force():
    # Tests run with DEBUG off, like production: without --force nothing may happen.
    with pytest.raises(CommandError, match="DEBUG is off"):
        call_command("load_demo_content", stdout=StringIO())
    assert not HomePage.objects.exists()
    assert not get_user_model().objects.exists()


@pytest.mark.django_db
def test_loading_twice_changes_nothing_the_second_time(client):
    first = _load()
    pages = Page.objects.count()
    revisions = Revision.objects.count()
    users = get_user_model().objects.count()
    passwords = dict(get_user_model().objects.values_list("email", "password"))

    second = _load()

    assert "Created" in first
    assert "nothing changed" in second
    assert Page.objects.count() == pages
    assert Revision.objects.count() == revisions
    assert get_user_model().objects.count() == users
    assert dict(get_user_model().objects.values_list("email", "password")) == passwords
    for path in ("/nl/", "/en/"):
        assert client.get(path).status_code == 200


@pytest.mark.django_db
def test_demo_site_is_bilingual_with_four_entrances_and_footer_pages(client):
    _load()
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("localhost", 80)
    home = site.root_page.specific
    assert isinstance(home, HomePage)
    assert home.locale.language_code == "nl"

    for language, entrances, footer in (
        (
            "nl",
            ["Inwoners", "Vrijwilligers en sportclubs", "Professionals", "Scholen"],
            ["Privacyverklaring", "Toegankelijkheidsverklaring", "Veilig browsen"],
        ),
        (
            "en",
            ["Residents", "Volunteers and sports clubs", "Professionals", "Schools"],
            ["Privacy statement", "Accessibility statement", "Browse safely"],
        ),
    ):
        audience_pages = AudiencePage.objects.live().filter(locale__language_code=language)
        assert sorted(p.title for p in audience_pages) == sorted(entrances)
        assert all(p.audience.locale.language_code == language for p in audience_pages)
        footer_pages = StandardPage.objects.live().filter(
            locale__language_code=language, show_in_footer=True
        )
        assert sorted(p.title for p in footer_pages) == sorted(footer)

        response = client.get(f"/{language}/")
        assert response.status_code == 200
        for title in entrances + footer:
            assert title.replace("'", "&#x27;") in response.text


@pytest.mark.django_db
def test_content_is_tagged_and_found_on_the_audience_page(client):
    _load()
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
    response = client.get(residents.url)
    assert "Signalen van kindermishandeling herkennen" in response.text
    residents_en = AudiencePage.objects.get(locale__language_code="en", slug="residents")
    assert "Recognising signs of child abuse" in client.get(residents_en.url).text


@pytest.mark.django_db
def test_one_local_account_per_role_with_a_printed_password(client):
    output = _load()
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
def test_reset_passwords_gives_new_ones():
    _load()
    editor = get_user_model().objects.get(email="redacteur@steiger.localhost")
    output = _load("--reset-passwords")
    line = next(line for line in output.splitlines() if "redacteur@steiger.localhost" in line)
    editor.refresh_from_db()
    assert editor.check_password(line.split()[-1])


@pytest.mark.django_db
@override_settings(DEBUG=True)
def test_runs_without_force_when_debug_is_on():
    call_command("load_demo_content", stdout=StringIO())
    assert HomePage.objects.filter(locale__language_code="nl").live().count() == 1


@pytest.mark.django_db
def test_every_demo_page_renders_in_both_languages(client):
    _load()
    pages = Page.objects.live().filter(depth__gte=2).specific()
    assert pages.count() >= 2 * 13
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert page.title.replace("'", "&#x27;") in response.text


@pytest.mark.django_db
def test_tab_titles_of_sensitive_pages_do_not_name_the_subject(client):
    import re

    _load()
    for slug, revealing in (
        ("signalen-van-kindermishandeling-herkennen", "kindermishandeling"),
        ("recognising-signs-of-child-abuse", "abuse"),
    ):
        page = StandardPage.objects.get(slug=slug)
        response = client.get(page.url)
        tab_title = re.search(r"<title>(.*?)</title>", response.text, re.S).group(1)
        # The heading on the page still says what it is about; the tab does not.
        assert revealing in response.text.lower()
        assert revealing not in tab_title.lower(), tab_title
