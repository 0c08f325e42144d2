"""Quick exit in the browser: button, Shift x3, reset by another key, session gone, no way back.

The neutral site is a page of our own live server (the search page), so the test needs no
internet and the third-party guard of ``browser_page`` stays strict.
"""

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.test import Client
from wagtail.models import Site

from portal.models.site_settings import SafetySettings

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

NEUTRAL_PATH = "/nl/zoeken/?q=weer"


@pytest.fixture
def neutral_url(live_server, site_pages) -> str:
    settings = SafetySettings.for_site(Site.objects.get(is_default_site=True))
    settings.quick_exit_url = live_server.url + NEUTRAL_PATH
    settings.save()
    return settings.quick_exit_url


@pytest.fixture
def signed_in(browser_page, live_server, django_user_model) -> str:
    """Sign a resident in (through a session cookie) and return the session key."""
    user = django_user_model.objects.create_user(email="anna@example.org", password="x" * 14)
    client = Client()
    client.force_login(user)
    key = client.cookies["sessionid"].value
    browser_page.context.add_cookies([{"name": "sessionid", "value": key, "url": live_server.url}])
    return key


def _standard_page_url(live_server, site_pages) -> str:
    return live_server.url + site_pages["standard"].url


def _assert_left_for_good(page, neutral_url, original_url):
    page.wait_for_url(neutral_url)
    # Back does not return to the page the visitor fled from.
    page.go_back()
    assert page.url != original_url
    assert "Veilig internetten" not in page.content()


def test_button_leaves_for_the_neutral_site_and_forgets_the_session(
    browser_page, live_server, site_pages, neutral_url, signed_in, axe_check
):
    page = browser_page
    assert page.goto(live_server.url + "/nl/mijn-account/").url.endswith("/nl/mijn-account/")
    original = _standard_page_url(live_server, site_pages)
    # A fresh tab: the page the visitor reads is the only entry in its history.
    page.goto("about:blank")
    page.goto(original)
    axe_check(page)

    page.locator("[data-quick-exit-link]").click()

    _assert_left_for_good(page, neutral_url, original)
    assert not SessionStore().exists(signed_in), "the session survived the quick exit"
    cookies = {c["name"]: c["value"] for c in page.context.cookies()}
    assert cookies.get("sessionid") != signed_in
    # Signed out: the account page asks for a login again.
    page.goto(live_server.url + "/nl/mijn-account/")
    assert "/account/login/" in page.url


def test_pressing_shift_three_times_leaves(browser_page, live_server, site_pages, neutral_url):
    page = browser_page
    original = _standard_page_url(live_server, site_pages)
    page.goto(original)
    assert page.locator("[data-quick-exit-hint]").is_visible(), "the Shift hint is not shown"

    for _ in range(3):
        page.keyboard.press("Shift")

    _assert_left_for_good(page, neutral_url, original)


def test_another_key_between_shifts_starts_the_count_again(
    browser_page, live_server, site_pages, neutral_url
):
    page = browser_page
    original = _standard_page_url(live_server, site_pages)
    page.goto(original)

    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.keyboard.press("a")
    page.keyboard.press("Shift")
    # An exit would cover the page in the key handler itself, before it leaves: once the page
    # has drawn a frame after the last key, no cover means no exit.
    page.evaluate("() => new Promise((done) => requestAnimationFrame(() => done()))")
    assert page.url == original, "typing with Shift in between must not exit"
    assert page.locator(".steiger-quick-exit-overlay").count() == 0

    # Two more presses make three in a row again.
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.wait_for_url(neutral_url)


def test_exit_covers_the_page_at_once(browser_page, live_server, site_pages):
    """Even while the network is slow, nothing of the page stays visible."""
    page = browser_page
    page.goto(_standard_page_url(live_server, site_pages))
    # Answer the exit with "204 No Content": the browser then stays on the page as it was at
    # the moment of leaving, so what the visitor saw in that moment can be inspected.
    exits = []

    def no_content(route):
        exits.append(route.request.url)
        route.fulfill(status=204)

    page.route("**/snel-weg/", no_content)

    with page.expect_response("**/snel-weg/"):  # answered, so the page stays as it was
        page.locator("[data-quick-exit-link]").click()

    cover = page.evaluate(
        """() => {
            const overlay = document.querySelector('.steiger-quick-exit-overlay');
            if (!overlay) return null;
            const box = overlay.getBoundingClientRect();
            const style = getComputedStyle(overlay);
            return {
                covers: box.left <= 0 && box.top <= 0 &&
                    box.right >= innerWidth && box.bottom >= innerHeight,
                opaque: style.backgroundColor === 'rgb(255, 255, 255)',
                onTop: document.elementFromPoint(innerWidth / 2, innerHeight / 2) === overlay,
                title: document.title,
            };
        }"""
    )
    assert cover is not None, "no overlay appeared"
    assert cover["covers"] and cover["opaque"] and cover["onTop"], cover
    assert "Veilig internetten" not in cover["title"]
    assert exits == [live_server.url + "/snel-weg/"], "the exit did not use our own endpoint"


def test_link_for_assistive_technology_exits_too(
    browser_page, live_server, site_pages, neutral_url
):
    page = browser_page
    original = _standard_page_url(live_server, site_pages)
    page.goto(original)
    page.keyboard.press("Tab")  # skip link
    page.keyboard.press("Tab")  # quick exit link for assistive technology
    assert page.evaluate("() => document.activeElement.hasAttribute('data-quick-exit-skip')")
    page.keyboard.press("Enter")
    _assert_left_for_good(page, neutral_url, original)
