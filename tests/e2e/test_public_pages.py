"""A visitor walks the public pages in a browser: accessible, keyboard-friendly, no third party."""

import pytest

SOFT_HYPHEN = "\u00ad"

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_home_page_is_accessible_and_offers_help(browser_page, live_server, site_pages, axe_check):
    page = browser_page
    page.goto(live_server.url + "/nl/")
    assert page.locator("h1").inner_text() == "Steiger"
    # The emergency numbers and the four audience entrances are right there.
    assert "112" in page.locator(".steiger-emergency").inner_text()
    assert page.locator('.steiger-emergency a[href="tel:08002000"]').count() == 1
    assert page.locator("#entrances-title + .steiger-cards .steiger-card").count() == len(
        site_pages["audiences"]
    )
    assert page.locator("[data-quick-exit-link]").is_visible()
    axe_check(page)


def test_each_audience_page_is_accessible(browser_page, live_server, site_pages, axe_check):
    page = browser_page
    assert len(site_pages["audiences"]) >= 4, "the seeded audiences are missing"
    for audience_page in site_pages["audiences"]:
        page.goto(live_server.url + audience_page.url)
        # Long words carry soft hyphens (invisible unless the line breaks there).
        assert page.locator("h1").inner_text().replace(SOFT_HYPHEN, "") == audience_page.title
        assert page.get_by_role("heading", level=1, name=audience_page.title).count() == 1
        # Breadcrumbs lead back home.
        assert page.locator(".utrecht-breadcrumb-nav a").first.get_attribute("href") == "/nl/"
        assert page.locator("[data-quick-exit-link]").is_visible()
        axe_check(page)


def test_standard_page_is_accessible(browser_page, live_server, site_pages, axe_check):
    page = browser_page
    page.goto(live_server.url + site_pages["standard"].url)
    assert page.locator("h1").inner_text() == "Veilig internetten"
    page.locator("summary", has_text="Ziet iemand dat ik hier was?").click()
    assert page.get_by_text("Niet als je de snelle uitgang gebruikt.").is_visible()
    axe_check(page)


def test_search_and_not_found_pages_are_accessible(
    browser_page, live_server, site_pages, axe_check
):
    page = browser_page
    page.goto(live_server.url + "/nl/")
    page.locator("#home-search").fill("privévenster")
    page.locator("#home-search").press("Enter")
    page.wait_for_url("**/zoeken/**")
    assert page.get_by_role("link", name="Veilig internetten").count() >= 1
    axe_check(page)

    response = page.goto(live_server.url + "/nl/bestaat-niet/")
    assert response.status == 404
    assert page.locator("[data-quick-exit-link]").is_visible()
    axe_check(page)


def _focus_ring_is_visible(page) -> bool:
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            const style = getComputedStyle(el);
            const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
            const shadow = style.boxShadow && style.boxShadow !== 'none';
            return outline || shadow;
        }"""
    )


def test_keyboard_user_skips_to_content_with_visible_focus(browser_page, live_server, site_pages):
    page = browser_page
    page.goto(live_server.url + "/nl/")

    page.keyboard.press("Tab")
    first = page.evaluate("() => document.activeElement.className")
    assert "utrecht-skip-link" in first
    assert page.locator(".utrecht-skip-link").is_visible(), "skip link stays hidden on focus"
    assert _focus_ring_is_visible(page)

    # Next: the quick exit link for assistive technology, shown when focused.
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.hasAttribute('data-quick-exit-skip')")
    assert page.locator("[data-quick-exit-skip]").is_visible()

    # Every further stop shows a visible focus indicator.
    for _ in range(12):
        page.keyboard.press("Tab")
        tag = page.evaluate("() => document.activeElement.tagName")
        if tag == "BODY":
            break
        assert _focus_ring_is_visible(page), page.evaluate(
            "() => document.activeElement.outerHTML.slice(0, 120)"
        )

    # The skip link moves focus to the main content.
    page.goto(live_server.url + "/nl/")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"


def test_a_gone_page_is_accessible_and_offers_a_way_on(
    browser_page, live_server, site_pages, axe_check
):
    standard = site_pages["standard"]
    url = standard.url
    standard.unpublish()

    page = browser_page
    response = page.goto(live_server.url + url)

    assert response.status == 410
    assert page.locator("h1").inner_text() == "Deze pagina is niet meer beschikbaar"
    assert page.get_by_role("search").count() >= 1
    assert page.locator("[data-quick-exit-link]").is_visible()
    axe_check(page)
