"""Browser test harness: Playwright driving Debian's chromium against pytest-django's live server.

Fixtures for every browser test:
- ``browser_page``: a fresh browser context (Dutch, like our visitors) and page, with the
  site's Content-Security-Policy enforced as in any visitor's browser. Every request that is
  not for the live server is blocked and recorded, and so is every CSP violation; the test
  fails if a page attempted either (public pages never contact a third party, and nothing
  of ours may depend on what the policy blocks).
- ``new_page(**context_options)``: the same, in a context of your choosing (``PHONE``).
- ``axe_check(page)``: runs axe-core (from npm) with the WCAG 2.1 A and AA rules, and the
  best-practice rules when asked, and fails with a readable list of violations. axe is
  evaluated through the DevTools protocol, which the page's CSP does not govern, so the tests
  need no ``bypass_csp``.
- ``site_pages``: a Dutch home page with an audience page per audience and a standard page.
- ``sign_in_with_mfa(page, user, secret)``: signs a member of staff in on ``page`` with
  password and TOTP, the way they reach the admin; ``staff_browser(role, email)`` opens a
  browser context of their own for a new member of staff in that role, signed in that way.
- ``submit(page, button)`` (a function): click and wait for the server's answer.

Nothing is downloaded: no ``playwright install``; chromium and axe-core must be on the machine
(apt package ``chromium``, ``npm ci``). When they are missing the tests fail and say so.
"""

import functools
import os
import re
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import Group

from portal.accounts.factories import DEFAULT_PASSWORD, UserFactory, enable_totp, totp_code

# Stripe stubbed at its HTTP API, for the classroom journeys (fixtures).
from tests.courses.stripe_stub import stripe_settings, stripe_stub  # noqa: F401

# Playwright's sync API runs an event loop in this thread; Django's ORM calls made by the tests
# themselves (creating content, reading the session) would otherwise refuse to run.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BEST_PRACTICE = "best-practice"
# Runs before any page script, in every document of the context. The binding is called over
# the DevTools protocol, so recording works under the strictest policy. Each call's promise is
# kept in __steigerCspReports: it settles once the test's list holds the violation, so a test
# can wait for exactly that (see test_csp_enforced.py).
RECORD_CSP_VIOLATIONS = """
window.__steigerCspReports = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__steigerCspReports.push(window.__steigerCspViolation(
    `${event.violatedDirective} blocked ${event.blockedURI || '(inline)'} ` +
    `on ${document.location.href} (${event.sourceFile || '?'}:${event.lineNumber})`
  ));
});
"""
AUDIENCES = [
    ("inwoners", "Inwoners"),
    ("vrijwilligers-en-sportclubs", "Vrijwilligers en sportclubs"),
    ("professionals", "Professionals"),
    ("scholen", "Scholen"),
]


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Mark browser tests e2e and run them last.

    They are transactional: each ends with a flush of the test database. Running them after
    the rest (pytest-django has already sorted by database use) keeps that flush away from
    other suites' transactional tests, and the slow tests come at the end.
    """
    here = Path(__file__).parent
    browser_tests = [item for item in items if Path(str(item.fspath)).is_relative_to(here)]
    for item in browser_tests:
        item.add_marker(pytest.mark.e2e)
    chosen = set(browser_tests)
    others = [item for item in items if item not in chosen]
    items[:] = others + browser_tests


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium).")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("The playwright Python package is missing: install the locked requirements.")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class ThirdPartyRequests(list):
    """URLs the page tried to fetch from a host other than the live server."""


class CspViolations(list):
    """What the browser blocked because of the page's Content-Security-Policy."""


@pytest.fixture
def third_party_requests() -> ThirdPartyRequests:
    return ThirdPartyRequests()


@pytest.fixture
def csp_violations() -> CspViolations:
    return CspViolations()


@pytest.fixture
def other_allowed_hosts() -> set[str]:
    """Hosts besides the live server that a test lets the browser reach (its own stand-ins)."""
    return set()


class _NeutralPage(BaseHTTPRequestHandler):
    def do_GET(self):
        body = b"<!doctype html><html lang='nl'><title>Weer</title><p>Zonnig.</p></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def neutral_site_url(other_allowed_hosts) -> Iterator[str]:
    """A neutral website (the weather, say) on a local server of its own: the quick exit's
    destination in tests, on another origin than ours and without the internet."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _NeutralPage)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    host = f"127.0.0.1:{server.server_address[1]}"
    other_allowed_hosts.add(host)
    yield f"http://{host}/weer/"
    server.shutdown()
    server.server_close()


PHONE = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 1,
    "is_mobile": True,
    "has_touch": True,
}


@pytest.fixture
def new_page(
    browser, live_server, third_party_requests, csp_violations, other_allowed_hosts
) -> Iterator[Callable]:
    """Open a page in a fresh context (Dutch, CSP enforced, third parties blocked); keyword
    arguments go to the context, e.g. ``new_page(**PHONE)``."""
    own_host = urlsplit(live_server.url).netloc
    contexts = []

    def guard(route):
        url = route.request.url
        parts = urlsplit(url)
        allowed = parts.netloc == own_host or parts.netloc in other_allowed_hosts
        if parts.scheme in ("data", "blob", "about") or allowed:
            route.continue_()
        else:
            third_party_requests.append(url)
            route.abort()

    def open_page(**context_options):
        # The CSP is enforced as in any visitor's browser: no bypass_csp.
        context = browser.new_context(locale="nl-NL", **context_options)
        contexts.append(context)
        context.set_default_timeout(10_000)
        context.expose_binding(
            "__steigerCspViolation", lambda _source, violation: csp_violations.append(violation)
        )
        context.add_init_script(RECORD_CSP_VIOLATIONS)
        context.route("**/*", guard)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()
    assert not third_party_requests, (
        "Pages tried to contact other hosts (no third-party requests allowed):\n  "
        + "\n  ".join(third_party_requests)
    )
    assert not csp_violations, (
        "The Content-Security-Policy blocked something (it must never need to):\n  "
        + "\n  ".join(csp_violations)
    )


@pytest.fixture
def browser_page(new_page):
    return new_page()


def format_violations(url: str, violations: list[dict]) -> str:
    lines = [f"axe found {len(violations)} violation(s) on {url}:"]
    for violation in violations:
        lines.append(f"- [{violation['impact']}] {violation['id']}: {violation['help']}")
        lines.append(f"  {violation['helpUrl']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    at {', '.join(map(str, node['target']))}")
            lines.append(f"       {node['html'][:160]}")
            if node.get("failureSummary"):
                summary = node["failureSummary"].replace("\n", " ")
                lines.append(f"       {summary[:300]}")
    return "\n".join(lines)


def axe_violations(page, *, best_practice: bool = False) -> list[dict]:
    """axe-core's violations on the page as it is now (WCAG 2.1 A/AA, plus best practice)."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # Evaluated over the DevTools protocol: a script tag would be blocked by the CSP.
        page.evaluate(axe_source())
    tags = WCAG_21_AA + ([BEST_PRACTICE] if best_practice else [])
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", tags
    )
    return result["violations"]


@functools.cache
def axe_source() -> str:
    return AXE_JS.read_text()


@pytest.fixture
def axe_check() -> Callable:
    if not AXE_JS.exists():
        pytest.fail(f"{AXE_JS} is missing: run `npm ci` (axe-core is a devDependency).")

    def check(page, *, best_practice: bool = False) -> None:
        violations = axe_violations(page, best_practice=best_practice)
        assert not violations, format_violations(page.url, violations)

    return check


@pytest.fixture
def site_pages(home, locales) -> dict:
    """A small Dutch site: the home page, one audience page per audience, a standard page."""
    from portal.factories import AudiencePageFactory, StandardPageFactory
    from portal.models.taxonomy import Audience

    nl = locales["nl"]
    # Seeded by the taxonomy migration (restored after each flush by serialized rollback).
    audiences = [
        AudiencePageFactory(
            parent=home, audience=Audience.objects.get(slug=slug, locale=nl), show_in_menus=True
        )
        for slug, _name in AUDIENCES
    ]
    standard = StandardPageFactory(
        parent=home,
        title="Veilig internetten",
        slug="veilig-internetten",
        intro="Hoe je zorgt dat niemand ziet wat je hier leest.",
        body=[
            ("text", "<p>Gebruik een privévenster en wis daarna je geschiedenis.</p>"),
            (
                "accordion",
                {
                    "title": "Veelgestelde vragen",
                    "items": [
                        {
                            "question": "Ziet iemand dat ik hier was?",
                            "answer": "<p>Niet als je de snelle uitgang gebruikt.</p>",
                        }
                    ],
                },
            ),
            ("quote", {"quote": "Eén telefoontje kan genoeg zijn.", "attribution": ""}),
        ],
        show_in_menus=True,
    )
    return {"home": home, "audiences": audiences, "standard": standard}


def submit(page, button) -> None:
    """Click a submit button and wait for the server's answer, so what follows reads the new
    page and not the one that was just left (the URL often stays the same on errors)."""
    with page.expect_navigation():
        button.click()


@pytest.fixture
def sign_in_with_mfa(live_server) -> Callable:
    """Sign a member of staff in on a page with their password and TOTP code, as they reach
    the admin: ends on the admin's dashboard. `secret` is what `enable_totp(user)` returned."""

    def sign_in(page, user, secret: str) -> None:
        page.goto(live_server.url + "/admin/")
        page.wait_for_url(re.compile(r"/nl/account/login/"))
        page.fill("#id_login", user.email)
        page.fill("#id_password", DEFAULT_PASSWORD)
        submit(page, page.locator("main form button[type=submit]").last)
        page.wait_for_url(re.compile(r"/nl/account/2fa/authenticate/"))
        page.fill("#id_code", totp_code(secret))
        submit(page, page.locator("form:has(#id_code) button[type=submit]").first)
        page.wait_for_url(re.compile(r"/admin/$"))

    return sign_in


@pytest.fixture
def staff_browser(browser, live_server, sign_in_with_mfa) -> Iterator[Callable]:
    """`staff_browser(role, email)`: a new member of staff in `role` (a group name), signed in
    with TOTP in a Dutch browser context of their own; returns the page on the dashboard.

    The admin is Wagtail's, with its own CSP, so only third-party requests are guarded here.
    """
    own_host = urlsplit(live_server.url).netloc
    contexts = []
    elsewhere: list[str] = []

    def guard(route):
        parts = urlsplit(route.request.url)
        if parts.scheme in ("data", "blob", "about") or parts.netloc == own_host:
            route.continue_()
        else:
            elsewhere.append(route.request.url)
            route.abort()

    def signed_in(role: str, email: str):
        user = UserFactory(email=email)
        user.groups.add(Group.objects.get(name=role))
        secret = enable_totp(user)
        context = browser.new_context(locale="nl-NL")
        context.set_default_timeout(15_000)
        context.route("**/*", guard)
        contexts.append(context)
        page = context.new_page()
        sign_in_with_mfa(page, user, secret)
        return page

    yield signed_in
    for context in contexts:
        context.close()
    assert not elsewhere, "The admin tried to contact other hosts:\n  " + "\n  ".join(elsewhere)
