"""Dutch first, English second: interface text, language URLs and a complete Dutch catalogue."""

import json
from io import StringIO
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

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


def _catalogue(tmp_path, entries: list[tuple[str, str]]) -> Path:
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    for msgid, msgstr in entries:
        po.append(polib.POEntry(msgid=msgid, msgstr=msgstr))
    path = tmp_path / "nl" / "LC_MESSAGES" / "django.po"
    path.parent.mkdir(parents=True)
    po.save(str(path))
    return path


def test_fill_translations_fills_only_what_is_empty_and_reports_the_rest(tmp_path):
    po_path = _catalogue(
        tmp_path,
        [("Search", ""), ("Language", "Taal"), ("For %(audience)s", ""), ("Sign up", "")],
    )
    pairs = tmp_path / "pairs"
    pairs.mkdir()
    (pairs / "a.json").write_text(
        json.dumps(
            {"Search": "Zoeken", "Language": "Spraak", "For %(audience)s": "Voor %(doelgroep)s"}
        )
    )
    out = StringIO()
    call_command("fill_translations", po=str(po_path), pairs=str(pairs), stdout=out)

    result = {entry.msgid: entry.msgstr for entry in polib.pofile(str(po_path))}
    assert result["Search"] == "Zoeken"
    assert result["Language"] == "Taal"  # an existing translation is kept
    assert result["For %(audience)s"] == ""  # a broken placeholder is refused
    assert "Placeholders differ" in out.getvalue()
    assert "Untranslated: 2" in out.getvalue()
    with pytest.raises(CommandError, match="2 msgid"):
        call_command(
            "fill_translations", po=str(po_path), pairs=str(pairs), check=True, stdout=StringIO()
        )


def test_language_switch_on_an_account_page_keeps_the_page(client, home):
    response = client.get("/nl/account/login/")
    assert 'href="/en/account/login/"' in response.text
