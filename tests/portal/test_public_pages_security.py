"""Public pages: a strict CSP, no inline script and nothing loaded from another host.

A visitor's browser must never contact a third party from a public page (a tracker, CDN or
web font would tell others who reads about domestic violence), and a cached page must stay
valid under the CSP, so scripts come from our own host only, without 'unsafe-inline'.
"""

from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from wagtail.models import Locale

from portal.models import AudiencePage, StandardPage
from portal.models.taxonomy import Audience

# Attributes through which a page makes the browser fetch (or send) something by itself.
REQUESTING_ATTRIBUTES = {
    "script": ("src",),
    "link": ("href",),
    "img": ("src", "srcset"),
    "iframe": ("src",),
    "frame": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "form": ("action",),
    "input": ("src", "formaction"),
    "button": ("formaction",),
}


class PageAudit(HTMLParser):
    """Collects inline scripts, inline styles and every URL the page would request."""

    def __init__(self) -> None:
        super().__init__()
        self.inline_scripts = 0
        self.inline_styles: list[str] = []
        self.requested: list[tuple[str, str]] = []
        self.script_srcs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "script":
            if values.get("src"):
                self.script_srcs.append(values["src"])
            else:
                self.inline_scripts += 1
        if "style" in values:
            self.inline_styles.append(tag)
        for name in REQUESTING_ATTRIBUTES.get(tag, ()):
            if values.get(name):
                for url in values[name].split(","):
                    self.requested.append((tag, url.strip().split(" ")[0]))


def audit(html: str) -> PageAudit:
    parser = PageAudit()
    parser.feed(html)
    return parser


def parse_csp(header: str) -> dict[str, list[str]]:
    directives = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            directives[words[0].lower()] = words[1:]
    return directives


def is_external(url: str) -> bool:
    """True when the browser would contact another host for this URL."""
    parts = urlsplit(url)
    if url.startswith("//"):
        return True
    if parts.scheme in ("", "data"):
        return False
    return parts.netloc not in ("", "testserver")


@pytest.fixture
def public_pages(home) -> dict[str, str]:
    """One URL per public page type, with real content on it."""
    nl = Locale.objects.get(language_code="nl")
    audience = Audience.objects.filter(locale=nl).first()
    audience_page = home.add_child(
        instance=AudiencePage(
            title="Voor inwoners", slug="inwoners", audience=audience, intro="Hulp", locale=nl
        )
    )
    standard = home.add_child(
        instance=StandardPage(
            title="Veilig browsen",
            slug="veilig-browsen",
            intro="Zo wis je je sporen.",
            body=[("text", "<p>Gebruik een privévenster.</p>")],
            locale=nl,
        )
    )
    return {
        "home": "/nl/",
        "audience page": audience_page.get_url(),
        "standard page": standard.get_url(),
        "search page": "/nl/zoeken/?q=signalen",
        "login page": "/nl/account/login/",
        "not found page": "/nl/bestaat-niet/",
    }


@pytest.mark.django_db
def test_every_public_page_has_a_strict_script_policy(client, public_pages):
    for name, url in public_pages.items():
        response = client.get(url)
        expected = 404 if name == "not found page" else 200
        assert response.status_code == expected, f"{name}: {response.status_code}"
        assert "Content-Security-Policy" in response, f"{name} has no CSP header"
        csp = parse_csp(response["Content-Security-Policy"])
        script_src = csp.get("script-src", csp.get("default-src"))
        assert script_src == ["'self'"], f"{name}: script-src is {script_src}"
        assert "'unsafe-inline'" not in csp.get("script-src", [])
        assert "'unsafe-eval'" not in csp.get("script-src", [])
        assert csp.get("frame-ancestors") == ["'none'"], f"{name} can be framed"
        assert csp.get("object-src") == ["'none'"]


@pytest.mark.django_db
def test_public_pages_request_nothing_from_another_host(client, public_pages):
    for name, url in public_pages.items():
        html = client.get(url).content.decode()
        found = audit(html)
        assert found.inline_scripts == 0, f"{name} has an inline <script>"
        assert found.inline_styles == [], f"{name} has style= on {found.inline_styles}"
        external = [(tag, u) for tag, u in found.requested if is_external(u)]
        assert external == [], f"{name} makes the browser contact {external}"
        # The quick exit script is on every public page, from our own host.
        assert "/static/js/quick-exit.js" in found.script_srcs, f"{name} lacks the quick exit"


@pytest.mark.django_db
def test_pages_with_a_link_to_elsewhere_still_make_no_request(client, home):
    """A link a visitor may click is not a request; an image from elsewhere would be."""
    nl = Locale.objects.get(language_code="nl")
    page = home.add_child(
        instance=StandardPage(
            title="Hulp",
            slug="hulp",
            body=[("text", '<p><a href="https://www.veiligthuis.nl/">Veilig Thuis</a></p>')],
            locale=nl,
        )
    )
    found = audit(client.get(page.get_url()).content.decode())
    assert not [u for _tag, u in found.requested if is_external(u)]
    # ...and the audit does notice an external request when there is one.
    assert audit('<img src="https://tracker.example/p.gif">').requested == [
        ("img", "https://tracker.example/p.gif")
    ]


@pytest.mark.django_db
def test_admin_gets_its_own_documented_policy(client, home):
    public = parse_csp(client.get("/nl/")["Content-Security-Policy"])
    admin = parse_csp(client.get("/admin/", follow=False)["Content-Security-Policy"])
    assert admin != public
    # The Wagtail admin needs inline scripts; the public site never gets them.
    assert "'unsafe-inline'" in admin["script-src"]
    assert "'unsafe-inline'" not in public["script-src"]


def test_error_page_needs_no_database_and_still_offers_the_quick_exit(rf):
    """The 500 page shows when things are broken, the database included.

    No django_db mark: pytest-django makes any database query in this test raise.
    """
    from django.views.defaults import server_error

    response = server_error(rf.get("/nl/"))
    html = response.content.decode()
    assert response.status_code == 500
    found = audit(html)
    assert found.inline_scripts == 0
    assert not [u for _tag, u in found.requested if is_external(u)]
    assert 'href="/snel-weg/"' in html
    assert "/static/js/quick-exit.js" in found.script_srcs
