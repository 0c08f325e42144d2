"""No template syntax ever reaches a visitor's screen.

A Django comment (`{# … #}`) may not span lines: a two-line one is printed as text. That
happened at the top of every public page (base.html), so this renders every public page of the
demo site in both languages, plus the views that are not pages, and reads the text a person
sees: the text content of the document (the tab title included), not attributes or scripts.
"""

from html.parser import HTMLParser
from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page

from portal.accounts.factories import UserFactory

TEMPLATE_SYNTAX = ("{#", "#}", "{%", "%}", "{{", "}}")
LANGUAGES = ("nl", "en")


class VisibleText(HTMLParser):
    """The text content of a document: what is on screen or in the tab, never attributes,
    scripts, styles or HTML comments."""

    INVISIBLE = {"script", "style", "template"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._invisible_depth = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.INVISIBLE:
            self._invisible_depth += 1

    def handle_endtag(self, tag):
        if tag in self.INVISIBLE and self._invisible_depth:
            self._invisible_depth -= 1

    def handle_data(self, data):
        if not self._invisible_depth:
            self.parts.append(data)

    @classmethod
    def of(cls, html: str) -> str:
        parser = cls()
        parser.feed(html)
        parser.close()
        return " ".join(" ".join(parser.parts).split())


def syntax_in(text: str) -> list[str]:
    """The template syntax found in `text`, each with a little context."""
    found = []
    for token in TEMPLATE_SYNTAX:
        at = text.find(token)
        if at != -1:
            found.append(f"{token!r} in …{text[max(0, at - 40) : at + 60]}…")
    return found


def test_the_reader_finds_syntax_in_text_but_not_in_attributes_or_scripts():
    html = (
        "<html><head><title>{{ t }}</title><script>if (a {% b) {}</script></head>"
        '<body><a href="/{% x %}" title="{{ y }}">ok</a>{# comment\n spans #}</body></html>'
    )
    text = VisibleText.of(html)
    assert [found.split(" ")[0] for found in syntax_in(text)] == ["'{#'", "'#}'", "'{{'", "'}}'"]
    assert "{%" not in text


def _public_urls() -> list[str]:
    urls = [
        page.url for page in Page.objects.live().public().filter(depth__gt=1).specific() if page.url
    ]
    for language in LANGUAGES:
        with translation.override(language):
            urls += [
                reverse("search") + "?q=meldcode",
                reverse("search") + "?q=bestaat-zeker-niet",
                f"/{language}/deze-pagina-bestaat-niet/",
                reverse("account_login"),
                reverse("account_signup"),
                reverse("account_reset_password"),
                reverse("account_reset_password_done"),
                reverse("account_email_verification_sent"),
                reverse("newsletter:confirm", args=["ongeldig"]),
                reverse("newsletter:unsubscribe", args=["ongeldig"]),
            ]
    return urls


def _signed_in_urls() -> list[str]:
    urls = []
    for language in LANGUAGES:
        with translation.override(language):
            urls += [
                reverse("accounts:overview"),
                reverse("accounts:delete"),
                reverse("account_email"),
                reverse("account_change_password"),
                reverse("mfa_index"),
            ]
    return urls


def _problems(client: Client, url: str, *, method: str = "get", data=None) -> list[str]:
    response = getattr(client, method)(url, data or {}, follow=True)
    if response.status_code >= 500:
        return [f"{url}: answered {response.status_code}"]
    if "text/html" not in response.get("Content-Type", ""):
        return []
    return [f"{url}: {found}" for found in syntax_in(VisibleText.of(response.content.decode()))]


@pytest.mark.django_db
def test_no_public_page_shows_template_syntax():
    call_command("load_demo_content", "--force", stdout=StringIO())
    anonymous = Client()
    problems = []

    urls = _public_urls()
    assert len([url for url in urls if url.startswith("/en/")]) > 10, urls
    for url in urls:
        problems += _problems(anonymous, url)

    # Forms sent back with errors, as a visitor who made a mistake sees them.
    forms = Page.objects.live().filter(
        content_type__model__in=("advicequestionpage", "newslettersignuppage")
    )
    assert forms.count() >= 4, "the demo site has the advice and newsletter pages"
    for form_page in forms:
        problems += _problems(anonymous, form_page.url, method="post", data={"email": "geen-adres"})

    resident = Client()
    resident.force_login(UserFactory())
    for url in _signed_in_urls():
        problems += _problems(resident, url)

    assert not problems, "Template syntax is visible:\n  " + "\n  ".join(problems)


def test_no_template_has_a_comment_spanning_lines():
    """The cheap sibling check: a `{#` without its `#}` on the same line prints as text wherever
    the template is used, also in templates no other test renders (emails, rare states)."""
    from django.conf import settings

    roots = [Path(d) for engine in settings.TEMPLATES for d in engine.get("DIRS", [])]
    roots += [Path(app.path) / "templates" for app in apps.get_app_configs()]
    project = Path(settings.BASE_DIR)
    offenders = []
    for root in roots:
        if not root.is_dir() or not root.resolve().is_relative_to(project):
            continue
        if ".venv" in root.resolve().relative_to(project).parts:
            continue
        for path in root.rglob("*"):
            if path.suffix not in (".html", ".txt", ".xml") or not path.is_file():
                continue
            for number, line in enumerate(path.read_text().splitlines(), start=1):
                for start in [i for i in range(len(line)) if line.startswith("{#", i)]:
                    if "#}" not in line[start:]:
                        offenders.append(f"{path.relative_to(project)}:{number}: {line.strip()}")
    assert not offenders, "Django comments are single-line; use {% comment %}:\n" + "\n".join(
        offenders
    )
