"""Searching the demo site in a browser: from the home page's box to an article, a download,
facets, a typo, a compound part, the suggestions combobox by keyboard, and the no-results page;
axe-core finds no violation on any of them."""

from io import StringIO

import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def demo(live_server):
    call_command("load_demo_content", "--force", stdout=StringIO())
    return live_server.url


def result_titles(page) -> list[str]:
    return page.locator(".steiger-results h2").all_inner_texts()


def test_a_search_from_the_home_page_finds_articles_and_downloads_and_narrows(
    browser_page, demo, axe_check
):
    page = browser_page
    page.goto(demo + "/nl/")
    page.locator("#home-search").fill("factsheet")
    page.locator("#home-search").press("Enter")
    page.wait_for_url("**/nl/zoeken/?q=factsheet")
    assert "Factsheet kindermishandeling" in result_titles(page)
    assert "Download" in page.locator(".steiger-results__type").all_inner_texts()
    axe_check(page)

    # An expert's public profile is found by her pseudonym and leads to the pool page; an
    # awareness-session offer by its title (experts/).
    page.goto(demo + "/nl/zoeken/?q=Roos")
    assert "Roos" in result_titles(page)
    page.locator(".steiger-results h2 a", has_text="Roos").first.click()
    page.wait_for_url("**/nl/voorlichting/ervaringsdeskundigen/#profiel-*")
    page.goto(demo + "/nl/zoeken/?q=grenzen+geheimen")
    assert "Grenzen en geheimen" in result_titles(page)

    # A part of a compound finds the whole word, marked in the snippet.
    page.goto(demo + "/nl/zoeken/?q=mishandeling")
    titles = result_titles(page)
    assert "Ouderenmishandeling: signalen en wat u kunt doen" in titles
    assert page.locator(".steiger-results__snippet mark").count() > 0
    axe_check(page)

    # Facets narrow, by keyboard: focus the theme's link and press Enter; then combine.
    before = int(page.locator("#search-count").inner_text().split()[0])
    theme = page.locator(".steiger-facets__link", has_text="Ouderenmishandeling").first
    theme.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**thema=ouderenmishandeling**")
    after = int(page.locator("#search-count").inner_text().split()[0])
    assert 0 < after < before
    assert page.locator(".steiger-facets__link--chosen").count() == 1
    audience = page.locator(
        '.steiger-facets__list[aria-labelledby="facet-doelgroep"] .steiger-facets__link'
    ).first
    audience.click()
    page.wait_for_url("**doelgroep=**")
    assert page.locator(".steiger-facets__link--chosen").count() == 2
    combined = int(page.locator("#search-count").inner_text().split()[0])
    assert 0 < combined <= after
    axe_check(page)

    # A typo: the results for the correction, and a way back to what was typed.
    page.goto(demo + "/nl/zoeken/?q=ouderenmishandleing")
    assert "ouderenmishandeling" in page.locator(".steiger-search-correction").inner_text()
    assert "Ouderenmishandeling: signalen en wat u kunt doen" in result_titles(page)
    page.locator(".steiger-search-correction a").click()
    page.wait_for_url("**precies=1**")

    # ... which finds nothing: the advice and Veilig Thuis.
    assert page.get_by_role("heading", name="Niets gevonden").count() == 1
    assert page.locator('.steiger-no-results a[href="tel:08002000"]').count() == 1
    axe_check(page)


def test_suggestions_appear_while_typing_and_work_by_keyboard(browser_page, demo, axe_check):
    page = browser_page
    page.goto(demo + "/nl/zoeken/")
    box = page.locator("#search-q")
    box.focus()
    page.keyboard.type("ouderenmis", delay=30)
    listbox = page.get_by_role("listbox")
    listbox.wait_for(state="visible")
    assert box.get_attribute("aria-expanded") == "true"
    options = page.get_by_role("option")
    assert "Ouderenmishandeling" in options.first.inner_text()
    first_title = options.first.locator(".steiger-suggestions__title").inner_text()
    axe_check(page)

    page.keyboard.press("ArrowDown")
    active = box.get_attribute("aria-activedescendant")
    assert active and page.locator(f"#{active}").get_attribute("aria-selected") == "true"
    # Escape closes the list and keeps what was typed.
    page.keyboard.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"
    assert box.input_value() == "ouderenmis"

    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url("**/nl/**ouderenmishandeling**")
    assert page.locator("h1").inner_text().replace("\u00ad", "") == first_title
