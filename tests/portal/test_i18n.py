"""Dutch first, English second: interface text, language URLs and a complete Dutch catalogue."""

from pathlib import Path

import polib
from django.conf import settings

PO_FILE = Path(settings.BASE_DIR) / "locale" / "nl" / "LC_MESSAGES" / "django.po"


def test_dutch_home_speaks_dutch(client, home):
    html = client.get("/nl/").text
    assert 'lang="nl"' in html
    assert "Zoeken" in html
    assert "Snel weg" in html
    assert "Exit this page" not in html


def test_english_home_speaks_english(client, home):
    html = client.get("/en/").text
    assert 'lang="en"' in html
    assert "Search" in html
    assert "Exit this page" in html
    assert "Snel weg" not in html


def test_root_redirects_by_browser_language(client, home):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")["Location"] == "/en/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="nl-NL,nl;q=0.9")["Location"] == "/nl/"
    # Any other language gets the default: Dutch.
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="fr")["Location"] == "/nl/"


def test_content_translation_is_set_up_for_pages_and_snippets():
    assert settings.LANGUAGE_CODE == "nl"
    assert [code for code, _name in settings.LANGUAGES] == ["nl", "en"]
    assert settings.WAGTAIL_I18N_ENABLED
    assert {"wagtail_localize", "wagtail_localize.locales"} <= set(settings.INSTALLED_APPS)


def test_every_interface_string_has_a_dutch_translation():
    catalogue = polib.pofile(str(PO_FILE))
    missing = [
        entry.msgid
        for entry in catalogue
        if not entry.obsolete
        and (
            "fuzzy" in entry.flags
            or (
                not all(entry.msgstr_plural.values()) or not entry.msgstr_plural
                if entry.msgid_plural
                else not entry.msgstr
            )
        )
    ]
    assert missing == [], (
        f"{len(missing)} msgid(s) lack a Dutch msgstr (or are fuzzy) in {PO_FILE}: run "
        "makemessages -l nl, add pairs to locale/pairs/, then manage.py fill_translations"
    )
