"""A first visitor walks the whole demo site, in Dutch and in English, in a real browser.

Starting from both home pages of the demo content (`load_demo_content`, what `make run`
serves), the walk follows every internal link and on every public page it reaches checks:
no server error, no broken internal link (also `#fragment` links to a missing element), no
template syntax in what a person sees, every emergency number a tel: link, and axe-core with
zero violations, best-practice rules included. The CSP is enforced and third-party requests
fail the test (see conftest.py). Every problem is collected, so one run shows them all.

The quick exit, three pages deep, leaves nothing of ours behind Back: moving between public
pages replaced the history entry each time (quick-exit.js), and the exit replaced the last.
"""

import re
from collections import defaultdict
from io import StringIO
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from django.core.management import call_command
from wagtail.models import Site

from portal.models.site_settings import SafetySettings

from .conftest import axe_violations, format_violations

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

TEMPLATE_SYNTAX = ("{#", "#}", "{%", "%}", "{{", "}}")
# Not walked: the staff's admin, the exit itself (it would end the visit), and logging out.
NOT_WALKED = re.compile(r"^/(admin|django-admin|snel-weg)/|/account/logout/")
# The search page's own links (facets, pages, "search instead for") make endless combinations:
# the walk starts at SEARCHES and does not follow them; tests/e2e/test_search.py walks them.
SEARCH_LINKS = re.compile(r"^/(nl|en)/zoeken/\?")
# Followed to see that they answer, but not pages to inspect: downloads and media.
FILES = re.compile(r"^/(documents|media|static)/")
MAX_PAGES = 250
SEARCHES = ["/nl/zoeken/?q=meldcode", "/en/zoeken/?q=meldcode"]
NOT_FOUND = ["/nl/deze-pagina-bestaat-niet/", "/en/this-page-does-not-exist/"]

# Text nodes on the page that show an emergency number but are not inside a tel: link.
UNLINKED_EMERGENCY_NUMBERS = r"""() => {
    const numbers = /(^|[^\d-])(112|0800[ -]?2000)(?![\d-])/;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const found = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || parent.closest('script, style, [hidden], a[href^="tel:"]')) continue;
        if (!parent.getClientRects().length) continue;  // not rendered
        const match = node.textContent.match(numbers);
        if (match) found.push(node.textContent.trim().slice(0, 80));
    }
    return found;
}"""

VISIBLE_TEXT = "() => document.title + '\\n' + document.body.innerText"

LINKS = """() => Array.from(document.querySelectorAll('a[href]'), (a) => a.getAttribute('href'))"""


@pytest.fixture
def demo_site(live_server):
    call_command("load_demo_content", "--force", stdout=StringIO())
    return live_server.url


def _internal(base: str, page_url: str, href: str) -> str | None:
    """The path (+ query) of an internal link, or None for other hosts and non-http links."""
    absolute = urljoin(page_url, href)
    parts = urlsplit(absolute)
    if parts.scheme not in ("http", "https") or f"{parts.scheme}://{parts.netloc}" != base:
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def test_every_public_page_in_both_languages_works_and_is_accessible(browser_page, demo_site):
    page = browser_page
    base = demo_site
    # Both home pages, plus what no link leads to: search results and a page not found.
    queue = ["/nl/", "/en/", *SEARCHES, *NOT_FOUND]
    linked_from: dict[str, set[str]] = defaultdict(set)
    seen: set[str] = set()
    problems: dict[str, list[str]] = defaultdict(list)
    walked = []

    while queue:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        assert len(seen) <= MAX_PAGES, "the walk does not end: links keep making new URLs"
        where = f"{path} (linked from {', '.join(sorted(linked_from[path])) or 'the start'})"

        if FILES.match(path):
            response = page.request.get(base + path, max_redirects=5)
            if response.status >= 400:
                problems["broken links"].append(f"{where}: {response.status}")
            continue

        response = page.goto(base + path)
        status = response.status if response else 0
        if status >= 500:
            problems["server errors"].append(f"{where}: {status}")
            continue
        if status >= 400 and not (path in NOT_FOUND and status == 404):
            problems["broken links"].append(f"{where}: {status}")
            continue
        if "text/html" not in (response.headers.get("content-type") or ""):
            continue
        walked.append(path)
        current = page.url

        text = page.evaluate(VISIBLE_TEXT)
        for token in TEMPLATE_SYNTAX:
            if token in text:
                at = text.index(token)
                problems["template syntax"].append(f"{path}: …{text[max(0, at - 30) : at + 50]}…")

        for unlinked in page.evaluate(UNLINKED_EMERGENCY_NUMBERS):
            problems["emergency numbers that are not tel: links"].append(f"{path}: {unlinked}")

        violations = axe_violations(page, best_practice=True)
        if violations:
            problems["axe"].append(format_violations(path, violations))

        for href in page.evaluate(LINKS):
            target = _internal(base, current, href)
            if target is None:
                continue
            without_fragment, fragment = urldefrag(target)
            if fragment and without_fragment == urlsplit(current).path:
                found = page.evaluate("(id) => !!document.getElementById(id)", fragment)
                if not found:
                    problems["broken links"].append(f"{path}: #{fragment} is not on the page")
                continue
            if NOT_WALKED.search(without_fragment) or SEARCH_LINKS.match(without_fragment):
                continue
            linked_from[without_fragment].add(urlsplit(current).path)
            if without_fragment not in seen:
                queue.append(without_fragment)

    report = "\n".join(
        f"{kind} ({len(found)}):\n  " + "\n  ".join(found) for kind, found in problems.items()
    )
    assert not problems, f"Walked {len(walked)} pages and found:\n{report}"
    languages = {path.split("/")[1] for path in walked}
    assert {"nl", "en"} <= languages, walked
    assert len(walked) >= 30, f"the walk reached only {walked}"


# --- The quick exit leaves no page of ours behind Back ------------------------------------------


@pytest.fixture
def neutral_site(demo_site, neutral_site_url) -> str:
    settings = SafetySettings.for_site(Site.objects.get(is_default_site=True))
    settings.quick_exit_url = neutral_site_url
    settings.save()
    return neutral_site_url


def _history_length(page) -> int:
    return page.evaluate("() => history.length")


def _follow(page, locator) -> None:
    with page.expect_navigation():
        locator.click()


def _assert_nothing_of_ours_behind_back(page, base: str, neutral: str, length: int) -> None:
    page.wait_for_url(neutral)
    assert _history_length(page) == length, "the exit added a history entry"
    page.go_back()
    assert not page.url.startswith(base), f"Back shows a page of ours: {page.url}"
    assert page.url == "about:blank"


def test_quick_exit_three_pages_deep_leaves_no_page_of_ours_behind_back(
    browser_page, demo_site, neutral_site
):
    page = browser_page
    base = demo_site
    page.goto(base + "/nl/")  # a fresh tab: about:blank, then our home page
    assert _history_length(page) == 2

    _follow(page, page.locator(".steiger-nav").get_by_role("link", name="Inwoners"))
    assert page.url == base + "/nl/inwoners/"
    _follow(page, page.locator("main .steiger-card__link").first)
    assert page.url.startswith(base + "/nl/") and page.url != base + "/nl/inwoners/"
    # A GET form (the search box in the header) is a move between our pages too.
    page.locator("#header-search").fill("meldcode")
    with page.expect_navigation():
        page.locator("#header-search").press("Enter")
    assert "/nl/zoeken/?q=meldcode" in page.url
    # So is a link to a spot on the same page (the skip link), and it still moves focus.
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"
    assert page.url.endswith("#main")
    assert _history_length(page) == 2, "moving between our pages added history entries"

    page.locator("[data-quick-exit-link]").click()

    _assert_nothing_of_ours_behind_back(page, base, neutral_site, length=2)


def test_a_question_sent_with_a_mistake_and_then_right_adds_no_history_entry(
    browser_page, demo_site, neutral_site, axe_check
):
    """POST forms are sent in the background and the answer is shown in place: the page with
    the mistakes and the thank-you page use the same history entry as the form."""
    from portal.advice.models import AdviceQuestion, AdviceQuestionPage

    page = browser_page
    base = demo_site
    advice_url = AdviceQuestionPage.objects.live().get(locale__language_code="nl").url
    page.goto(base + advice_url)  # a fresh tab: about:blank, then the form
    question = "Mijn buurjongen heeft vaak blauwe plekken."
    page.fill("textarea[name=question]", question)
    page.fill("input[name=email]", "niet-een-adres")
    page.locator("main form button[type=submit]").click()

    summary = page.locator("#error-summary")
    summary.wait_for()
    assert page.locator("textarea[name=question]").input_value() == question
    assert page.evaluate("() => document.activeElement.id") == "error-summary"
    assert _history_length(page) == 2
    axe_check(page, best_practice=True)
    assert AdviceQuestion.objects.count() == 0

    page.get_by_label("Inwoner").check()
    page.fill("input[name=email]", "")
    page.locator("main form button[type=submit]").click()
    page.locator(".steiger-reference").wait_for()
    reference = AdviceQuestion.objects.get().reference
    assert reference in page.locator("main").inner_text()
    assert _history_length(page) == 2
    axe_check(page, best_practice=True)

    # The quick exit still works on the page shown in place.
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    _assert_nothing_of_ours_behind_back(page, base, neutral_site, length=2)


def test_the_account_area_and_new_tabs_keep_the_browsers_own_history(browser_page, demo_site):
    """Only moves between public pages replace the entry: signing in is an ordinary step."""
    page = browser_page
    base = demo_site
    page.goto(base + "/nl/")
    login = page.locator("a[href='/nl/account/login/']").first
    _follow(page, login)
    assert _history_length(page) == 3

    # Ctrl+click opens a new tab and leaves this one as it was.
    page.goto(base + "/nl/")
    length = _history_length(page)
    with page.context.expect_page() as new_tab:
        page.locator(".steiger-nav").get_by_role("link", name="Inwoners").click(
            modifiers=["ControlOrMeta"]
        )
    new_tab.value.wait_for_url("**/nl/inwoners/")
    assert page.url == base + "/nl/"
    assert _history_length(page) == length
