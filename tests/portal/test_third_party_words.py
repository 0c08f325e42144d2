"""The words of django-allauth's pages, messages and emails, as our visitors read them.

allauth's Dutch says "je" (and "zijn of haar account"), its English writes "Sign In", "Sign Up"
and "Signup" side by side, and "Aanmelden" means signing in there while on Steiger it is what
you do for the newsletter. locale_overrides/ corrects that; these tests walk the account flows
in both languages and read what a person sees. The last test keeps the overrides honest: an
override whose msgid the third-party app no longer has would silently stop working after an
upgrade.
"""

import functools
import re
from html.parser import HTMLParser
from pathlib import Path

import polib
import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.core import mail

from portal.accounts.factories import DEFAULT_PASSWORD, UserFactory, enable_totp

INFORMAL_DUTCH = re.compile(r"\b(je|jij|jou|jouw|jezelf|jullie)\b|zijn of haar", re.IGNORECASE)
TITLE_CASE_ENGLISH = re.compile(r"\bSign (In|Up|Out)\b|\bSignup\b")
NEW_PASSWORD = "Een-nieuw-wachtwoord-2026!"


class _Text(HTMLParser):
    """The text a person sees (tab title included), without scripts and styles."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        # Button labels given as a value attribute are read too.
        value = dict(attrs).get("value")
        if tag == "input" and dict(attrs).get("type") in ("submit", "button") and value:
            self.parts.append(value)

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def _walk_account_flows(client, language: str) -> tuple[dict[str, str], list]:
    """Visit every allauth page our flows show, in `language`; returns (texts by step, mails)."""
    prefix = f"/{language}/account"
    seen: dict[str, str] = {}

    def see(step: str, response) -> None:
        assert response.status_code == 200, (step, response.status_code)
        seen[step] = visible_text(response.content.decode())

    mail.outbox.clear()
    known = UserFactory(email=f"bekend-{language}@example.org")

    see("login", client.get(f"{prefix}/login/"))
    see("login error", client.post(f"{prefix}/login/", {"login": known.email, "password": "x"}))
    see("signup", client.get(f"{prefix}/signup/"))
    see(
        "signup errors",
        client.post(
            f"{prefix}/signup/",
            {"email": "nieuw@example", "password1": "kort", "password2": "anders"},
        ),
    )
    see(
        "verification sent",
        client.post(
            f"{prefix}/signup/",
            {
                "email": f"nieuw-{language}@example.org",
                "password1": NEW_PASSWORD,
                "password2": NEW_PASSWORD,
            },
            follow=True,
        ),
    )
    # Confirming the new address signs in: "confirmed" and "signed in" must speak alike.
    confirmation = next(m for m in mail.outbox if m.to == [f"nieuw-{language}@example.org"])
    confirm_path = re.search(r"https?://[^/]+(/\S+/confirm-email/\S+/)", confirmation.body)[1]
    see("confirm", client.get(confirm_path))
    see("confirmed", client.post(confirm_path, follow=True))
    client.post(f"{prefix}/logout/")

    # Signing up with a taken address: the owner gets the "account already exists" email.
    client.post(
        f"{prefix}/signup/",
        {"email": known.email, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    see("reset", client.get(f"{prefix}/password/reset/"))
    see(
        "reset done",
        client.post(f"{prefix}/password/reset/", {"email": known.email}, follow=True),
    )
    client.post(f"{prefix}/password/reset/", {"email": f"onbekend-{language}@example.org"})
    see("reset bad link", client.get(f"{prefix}/password/reset/key/1-ongeldig/"))
    see("confirm bad link", client.get(f"{prefix}/confirm-email/ongeldig/"))

    see(
        "signed in",
        client.post(
            f"{prefix}/login/", {"login": known.email, "password": DEFAULT_PASSWORD}, follow=True
        ),
    )
    see("email", client.get(f"{prefix}/email/"))
    see("password change", client.get(f"{prefix}/password/change/"))
    see(
        "password changed",
        client.post(
            f"{prefix}/password/change/",
            {"oldpassword": DEFAULT_PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
            follow=True,
        ),
    )
    see("reauthenticate", client.get(f"{prefix}/reauthenticate/"))
    see("mfa", client.get(f"{prefix}/2fa/"))
    see("totp activate", client.get(f"{prefix}/2fa/totp/activate/", follow=True))
    see("logout", client.get(f"{prefix}/logout/"))
    see("signed out", client.post(f"{prefix}/logout/", follow=True))

    # Someone with two-factor authentication: the code prompt and the MFA pages.
    protected = UserFactory(email=f"tweestaps-{language}@example.org")
    enable_totp(protected)
    see(
        "mfa authenticate",
        client.post(
            f"{prefix}/login/",
            {"login": protected.email, "password": DEFAULT_PASSWORD},
            follow=True,
        ),
    )
    client.cookies.clear()
    client.force_login(protected, backend="allauth.account.auth_backends.AuthenticationBackend")
    see("mfa index", client.get(f"{prefix}/2fa/"))
    see("recovery codes", client.get(f"{prefix}/2fa/recovery-codes/", follow=True))
    see(
        "recovery codes generate", client.get(f"{prefix}/2fa/recovery-codes/generate/", follow=True)
    )
    see("totp deactivate", client.get(f"{prefix}/2fa/totp/deactivate/", follow=True))
    client.logout()
    return seen, list(mail.outbox)


def _mail_text(message) -> str:
    return f"{message.subject}\n{message.body}"


@pytest.mark.django_db
def test_account_pages_messages_and_emails_say_u_in_dutch(client, home, mailoutbox):
    pages, mails = _walk_account_flows(client, "nl")

    for step, text in pages.items():
        assert not INFORMAL_DUTCH.search(text), (step, INFORMAL_DUTCH.findall(text), text)
    subjects = [m.subject for m in mails]
    assert len(mails) >= 5, subjects
    for message in mails:
        text = _mail_text(message)
        assert not INFORMAL_DUTCH.search(text), (message.subject, text)

    # The mixture of the issue, now one voice: confirming and signing in say "U bent ingelogd".
    assert "U bent ingelogd als" in pages["confirmed"]
    assert "U bent ingelogd als" in pages["signed in"]
    assert "U bent uitgelogd" in pages["signed out"]
    # "Aanmelden" is for the newsletter; signing in is "Inloggen".
    assert "Inloggen" in pages["login"]
    assert not re.search(r"\bAanmelden\b|\bAfmelden\b", pages["login"] + pages["signed out"])
    assert any("Bevestig uw e-mailadres" in subject for subject in subjects), subjects
    # "Please contact us" now says where.
    assert "onderaan elke pagina" in pages["reset"]
    assert "onderaan elke pagina" in pages["verification sent"]


@pytest.mark.django_db
def test_account_pages_and_emails_use_sentence_case_in_english(client, home, mailoutbox):
    pages, mails = _walk_account_flows(client, "en")

    for step, text in pages.items():
        assert not TITLE_CASE_ENGLISH.search(text), (step, TITLE_CASE_ENGLISH.findall(text))
    for message in mails:
        text = _mail_text(message)
        assert not TITLE_CASE_ENGLISH.search(text), (message.subject, text)
        # "to signup" in prose (the path /account/signup/ in a link is fine).
        assert not re.search(r"(?<!/)\bsignup\b", text), message.subject
    assert "Sign in" in pages["login"]
    assert "You are signed in as" in pages["signed in"]


@pytest.mark.django_db
def test_the_walk_sees_the_emails_and_pages_it_claims_to_check(client, home, mailoutbox):
    # The two tests above are only as good as the walk: prove it reaches each kind of email
    # and the second-factor prompt, so a broken step cannot pass as "no bad words".
    pages, mails = _walk_account_flows(client, "nl")
    bodies = "\n".join(_mail_text(m) for m in mails)

    assert "confirm-email" in bodies  # verification
    assert "password/reset/key" in bodies  # reset link
    assert "Er bestaat al een account" in bodies  # account already exists
    assert "Wij hebben geen account met dit e-mailadres" in bodies  # unknown account
    assert "Uw wachtwoord is gewijzigd" in bodies  # change notification
    assert "authenticator-app" in pages["mfa authenticate"].lower()
    assert EmailAddress.objects.filter(email="nieuw-nl@example.org", verified=True).exists()


# --- Overrides must not rot ------------------------------------------------------------------

OVERRIDES = Path(settings.BASE_DIR) / "locale_overrides"
THIRD_PARTY_PACKAGES = ("allauth", "wagtail", "wagtail_localize", "django")
SOURCE_SUFFIXES = (".py", ".html", ".txt", ".js")


def _package_dirs() -> list[Path]:
    import importlib

    return [Path(importlib.import_module(name).__file__).parent for name in THIRD_PARTY_PACKAGES]


def _catalogue_msgids(language: str) -> set[str]:
    ids: set[str] = set()
    for package in _package_dirs():
        for po_path in package.glob(f"**/locale/{language}/LC_MESSAGES/*.po"):
            for entry in polib.pofile(str(po_path)):
                ids.add(entry.msgid)
                if entry.msgid_plural:
                    ids.add(entry.msgid_plural)
    return ids


@functools.cache
def _sources() -> tuple[str, ...]:
    return tuple(
        " ".join(path.read_text(encoding="utf-8", errors="ignore").split())
        for package in _package_dirs()
        for path in package.rglob("*")
        if path.suffix in SOURCE_SUFFIXES and path.is_file()
    )


def _in_source(msgid: str) -> bool:
    """For strings the apps' catalogues miss: the literal text in their source."""
    needle = " ".join(msgid.split())
    return any(needle in text for text in _sources())


def _override_files() -> list[Path]:
    return sorted(OVERRIDES.glob("*/LC_MESSAGES/*.po"))


def test_there_are_overrides_for_both_languages():
    assert {path.parts[-3] for path in _override_files()} >= {"nl", "en"}


@pytest.mark.parametrize(
    "po_path", _override_files(), ids=lambda path: f"{path.parts[-3]}/{path.name}"
)
def test_every_override_still_matches_a_third_party_msgid(po_path):
    known = _catalogue_msgids("en") | _catalogue_msgids("nl")
    stale = [
        entry.msgid
        for entry in polib.pofile(str(po_path))
        if entry.msgid and entry.msgid not in known and not _in_source(entry.msgid)
    ]
    assert not stale, (
        f"{po_path}: these msgids no longer exist in {', '.join(THIRD_PARTY_PACKAGES)}; "
        f"the upgrade changed them, so update or remove the overrides: {stale}"
    )


def test_the_rot_check_notices_a_msgid_that_does_not_exist(tmp_path):
    po = polib.POFile()
    po.append(polib.POEntry(msgid="Sign In", msgstr="Inloggen"))
    po.append(polib.POEntry(msgid="Sign In To Steiger Now", msgstr="Nu inloggen"))
    known = _catalogue_msgids("en")

    stale = [e.msgid for e in po if e.msgid not in known and not _in_source(e.msgid)]

    assert stale == ["Sign In To Steiger Now"]
