"""Browser test harness: Playwright driving Debian's chromium against pytest-django's live server.

Fixtures for every browser test:
- ``browser_page``: a fresh browser context (Dutch, like our visitors) and page. Every request
  that is not for the live server is blocked and recorded; the test fails if a page attempted
  one (public pages must never contact a third party).
- ``axe_check(page)``: runs axe-core (from npm, injected from node_modules) with the WCAG 2.1 A
  and AA rules and fails with a readable list of violations.
- ``site_pages``: a Dutch home page with an audience page per audience and a standard page.

Nothing is downloaded: no ``playwright install``; chromium and axe-core must be on the machine
(apt package ``chromium``, ``npm ci``). When they are missing the tests fail and say so.
"""

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

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


@pytest.fixture
def third_party_requests() -> ThirdPartyRequests:
    return ThirdPartyRequests()


@pytest.fixture
def browser_page(browser, live_server, third_party_requests) -> Iterator:
    own_host = urlsplit(live_server.url).netloc
    # bypass_csp only so axe-core can be injected as a script tag; the CSP itself is
    # asserted on every public page by tests/portal/test_public_pages_security.py.
    context = browser.new_context(locale="nl-NL", bypass_csp=True)
    context.set_default_timeout(10_000)

    def guard(route):
        url = route.request.url
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob", "about") or parts.netloc == own_host:
            route.continue_()
        else:
            third_party_requests.append(url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    yield page
    context.close()
    assert not third_party_requests, (
        "Pages tried to contact other hosts (no third-party requests allowed):\n  "
        + "\n  ".join(third_party_requests)
    )


def format_violations(url: str, violations: list[dict]) -> str:
    lines = [f"axe found {len(violations)} WCAG 2.1 AA violation(s) on {url}:"]
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


@pytest.fixture
def axe_check() -> Callable:
    if not AXE_JS.exists():
        pytest.fail(f"{AXE_JS} is missing: run `npm ci` (axe-core is a devDependency).")

    def check(page) -> None:
        if not page.evaluate("() => typeof window.axe !== 'undefined'"):
            page.add_script_tag(path=str(AXE_JS))
        result = page.evaluate(
            "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
            WCAG_21_AA,
        )
        violations = result["violations"]
        assert not violations, format_violations(page.url, violations)

    return check


@pytest.fixture
def site_pages(home, locales) -> dict:
    """A small Dutch site: the home page, one audience page per audience, a standard page."""
    from portal.models import AudiencePage, StandardPage
    from portal.models.taxonomy import Audience

    nl = locales["nl"]
    audiences = []
    # Seeded by the taxonomy migration (restored after each flush by serialized rollback).
    for slug, _name in AUDIENCES:
        audience = Audience.objects.get(slug=slug, locale=nl)
        audiences.append(
            home.add_child(
                instance=AudiencePage(
                    title=audience.name,
                    slug=audience.slug,
                    audience=audience,
                    intro=f"Kennis, training en hulp voor {audience.name.lower()}.",
                    show_in_menus=True,
                    locale=nl,
                )
            )
        )
    standard = home.add_child(
        instance=StandardPage(
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
            locale=nl,
        )
    )
    return {"home": home, "audiences": audiences, "standard": standard}
