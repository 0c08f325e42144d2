"""What a first visitor sees, measured in the browser on the demo content: on a phone and on a
desktop, the page heading comes early, headings keep their distance, words break where Dutch
allows, phone numbers stay whole, and the account pages look like the rest of the site."""

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Locale, Page

from portal.advice.models import AdviceQuestionPage
from portal.factories import StandardPageFactory
from portal.models.pages import HomePage
from portal.page_cache import bump_content_version

from .conftest import PHONE

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

DESKTOP = {"viewport": {"width": 1280, "height": 900}}


@pytest.fixture
def demo_site(live_server) -> str:
    call_command("load_demo_content", "--force", stdout=StringIO())
    return live_server.url


def _url(dutch_slug: str, language: str = "nl") -> str:
    dutch = Page.objects.live().get(slug=dutch_slug, locale__language_code="nl")
    return dutch.get_translation(Locale.objects.get(language_code=language)).url


# Each place where the text of an element continues on a new line, and whether that is a
# place where a line may end: after a space, a hyphen, or at a soft hyphen (then shown as "-").
LINE_BREAKS = """(element) => {
    const text = [];
    const breaks = [];
    let previous = null;
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (let i = 0; i < node.length; i++) {
            const character = node.data[i];
            const at = text.push(character) - 1;
            if (!character.trim() || character === '\\u00ad') continue;
            const range = document.createRange();
            range.setStart(node, i);
            range.setEnd(node, i + 1);
            // A character that starts a line can also report an empty box at the end of the
            // line before: its own box is the last one with a width.
            const box = Array.from(range.getClientRects()).filter((r) => r.width > 0).pop();
            if (!box) continue;
            if (previous && box.top > previous.top + 2) {
                const between = text.slice(previous.at + 1, at).join('');
                breaks.push({
                    allowed: /\\s|\\u00ad/.test(between) || text[previous.at] === '-',
                    where: text.slice(Math.max(0, previous.at - 12), at + 8).join(''),
                });
            }
            previous = {top: box.top, at: at};
        }
    }
    return breaks;
}"""


def _line_breaks(page, selector: str) -> list[dict]:
    found = []
    for element in page.locator(selector).element_handles():
        found += element.evaluate(LINE_BREAKS)
    return found


def test_on_a_phone_the_page_heading_is_on_the_first_screen_and_no_shift_hint(new_page, demo_site):
    page = new_page(**PHONE)
    for url in ("/nl/", _url("inwoners"), _url("wat-doet-veilig-thuis"), "/nl/account/login/"):
        page.goto(demo_site + url)
        heading = page.locator("main h1").bounding_box()
        # Well within the first screen (844 px), with room left for the start of the text.
        assert heading["y"] + heading["height"] < 844 / 2, (url, heading)
        assert page.locator("[data-quick-exit-link]").is_visible()
        # A phone has no Shift key to press three times: the hint would only confuse.
        assert not page.locator("[data-quick-exit-hint]").is_visible(), url
        assert page.locator("[data-quick-exit-link]").get_attribute("aria-describedby") is None

    desktop = new_page(**DESKTOP)
    desktop.goto(demo_site + "/nl/")
    assert desktop.locator("[data-quick-exit-hint]").is_visible()


def test_on_a_phone_the_main_menu_is_behind_a_menu_button_however_many_items_it_has(
    new_page, demo_site, axe_check
):
    """More menu items (sessions and experts are coming) leave a phone's header as high: they
    are behind "Menu", a disclosure that works by keyboard, and without JavaScript too."""
    phone = new_page(**PHONE)
    phone.goto(demo_site + "/nl/")
    header_height = phone.locator("header").bounding_box()["height"]

    home = HomePage.objects.get(locale__language_code="nl")
    for title in ("Bijeenkomsten", "Ervaringsdeskundigen", "Over Steiger"):
        StandardPageFactory(parent=home, title=title, show_in_menus=True)
    bump_content_version()  # the menu is cached until content changes
    for javascript in (True, False):
        page = new_page(java_script_enabled=javascript, **PHONE)
        page.goto(demo_site + "/nl/")
        menu = page.locator(".steiger-nav")
        toggle = menu.locator("summary")
        links = menu.locator("a")  # by role would leave out the links of a closed menu
        assert links.count() >= 9
        assert page.locator("header").bounding_box()["height"] == header_height
        assert toggle.is_visible() and not links.first.is_visible()
        assert page.locator("[data-quick-exit-link]").is_visible()

        toggle.focus()
        page.keyboard.press("Enter")
        assert links.last.is_visible()
        page.keyboard.press("Tab")
        assert page.evaluate("() => document.activeElement.textContent") == "Inwoners"
        if javascript:
            axe_check(page)
            # Escape closes the menu and puts focus back on "Menu".
            page.keyboard.press("Escape")
            assert not links.first.is_visible()
            assert page.evaluate("() => document.activeElement.tagName") == "SUMMARY"

    # A desktop shows every item in the header, without "Menu".
    desktop = new_page(**DESKTOP)
    desktop.goto(demo_site + "/nl/")
    assert not desktop.locator(".steiger-nav summary").is_visible()
    assert desktop.locator(".steiger-nav").get_by_role("link", name="Over Steiger").is_visible()


# The vertical gap between each heading and whatever is shown just above it.
HEADING_GAPS = """() => Array.from(document.querySelectorAll('main h1, main h2, main h3'))
    .filter((heading) => !heading.closest('.steiger-card'))
    .map((heading) => {
        let node = heading, above = null;
        while (!above && node && node.tagName !== 'MAIN') {
            above = node.previousElementSibling;
            while (above && !above.getClientRects().length) above = above.previousElementSibling;
            node = node.parentElement;
        }
        const top = heading.getBoundingClientRect().top;
        const bottom = above ? above.getBoundingClientRect().bottom
            : document.querySelector('header').getBoundingClientRect().bottom;
        return {heading: heading.textContent.trim().slice(0, 40), gap: Math.round(top - bottom)};
    })"""


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_headings_keep_their_distance_from_what_is_above(new_page, demo_site, viewport):
    page = new_page(**viewport)
    for url in ("/nl/", _url("inwoners"), "/nl/account/login/", "/nl/account/signup/"):
        page.goto(demo_site + url)
        touching = [gap for gap in page.evaluate(HEADING_GAPS) if gap["gap"] < 12]
        assert not touching, (url, touching)


def test_long_words_in_titles_break_only_where_dutch_allows(new_page, demo_site):
    """ "Ouderenmishandeli ng" must not happen: inside a word, a line ends at a soft hyphen."""
    measured = 0
    for viewport, url in (
        (DESKTOP, "/nl/"),
        (DESKTOP, _url("inwoners")),
        (PHONE, _url("ouderenmishandeling")),
        ({"viewport": {"width": 320, "height": 640}, "is_mobile": True}, _url("inwoners")),
    ):
        page = new_page(**viewport)
        page.goto(demo_site + url)
        breaks = _line_breaks(page, "main h1, .steiger-card__link")
        measured += len(breaks)
        mid_word = [b["where"] for b in breaks if not b["allowed"]]
        assert not mid_word, (url, viewport["viewport"], mid_word)
    assert measured >= 10, "the titles hardly wrapped: the check measured nothing"


def test_phone_numbers_are_links_and_never_break(new_page, demo_site):
    page = new_page(viewport={"width": 300, "height": 700}, is_mobile=True)
    for url in ("/nl/", _url("wat-doet-veilig-thuis"), _url("wat-doet-veilig-thuis", "en")):
        page.goto(demo_site + url)
        links = page.locator("a[href^='tel:']")
        assert links.count() >= 2, url
        for link in links.element_handles():
            lines = link.evaluate("(a) => a.getClientRects().length")
            assert lines == 1, (url, link.inner_text())
    # The article's own text: "Bel Veilig Thuis: 0800-2000" is a link to call.
    page.goto(demo_site + _url("wat-doet-veilig-thuis"))
    assert page.locator("article a[href='tel:08002000']").count() >= 1


def test_account_pages_have_the_site_look_and_big_checkboxes(new_page, demo_site):
    page = new_page(**DESKTOP)
    page.goto(demo_site + "/nl/account/login/")
    colours = page.evaluate(
        "() => Array.from(document.querySelectorAll('main a'), (a) => getComputedStyle(a).color)"
    )
    assert colours, "the login page has links in its main content"
    browser_blue, browser_purple = "rgb(0, 0, 238)", "rgb(85, 26, 139)"
    assert not {browser_blue, browser_purple} & set(colours), colours

    page.goto(demo_site + AdviceQuestionPage.objects.live().get(locale__language_code="nl").url)
    boxes = page.evaluate(
        """() => Array.from(
            document.querySelectorAll('main input[type=checkbox], main input[type=radio]'),
            (input) => [input.getBoundingClientRect().width, input.getBoundingClientRect().height]
        )"""
    )
    assert boxes, "the advice form has checkboxes and radio buttons"
    assert all(width >= 24 and height >= 24 for width, height in boxes), boxes
