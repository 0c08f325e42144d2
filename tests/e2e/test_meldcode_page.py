"""The meldcode walk-through in a real browser: accessible (axe, best practice included) under
the enforced CSP, and the afwegingskader walked with the keyboard alone, from question to
question to an outcome, each target in view and marked."""

import pytest

from knowledge.factories import (
    KnowledgeIndexPageFactory,
    MeldcodePageFactory,
    meldcode_assessment,
)
from portal.models import Theme

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def meldcode(site_pages, locales):
    from tests.trainings.factories import TrainingPageFactory

    theme = Theme.objects.get(slug="meldcode", locale=locales["nl"])
    index = KnowledgeIndexPageFactory(parent=site_pages["home"], show_in_menus=True)
    TrainingPageFactory(parent=site_pages["home"], title="Meldcode in de praktijk", themes=[theme])
    return MeldcodePageFactory(parent=index, assessment=meldcode_assessment(3), themes=[theme])


def test_the_walk_through_has_no_axe_violations(browser_page, live_server, meldcode, axe_check):
    page = browser_page
    page.goto(live_server.url + meldcode.url)
    assert page.get_by_role("heading", level=1).count() == 1
    assert page.locator('a[href="tel:08002000"]').count() >= 2
    assert page.get_by_role("heading", name="Trainingen over de meldcode").is_visible()
    axe_check(page, best_practice=True)

    # With an outcome targeted (and so outlined), as a visitor sees it after an answer.
    page.goto(live_server.url + meldcode.url + "#uitkomst-2")
    axe_check(page, best_practice=True)


def focused(page) -> dict:
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            return {id: el.id, text: el.textContent.trim(), href: el.getAttribute('href')};
        }"""
    )


def marked_and_in_view(page, anchor: str) -> dict:
    """Whether the element with `anchor` is the :target, outlined, and (its top) in view."""
    return page.evaluate(
        """(anchor) => {
            const el = document.getElementById(anchor);
            const box = el.getBoundingClientRect();
            const style = getComputedStyle(el);
            return {
                target: el.matches(':target'),
                outlined: style.outlineStyle === 'solid' && parseFloat(style.outlineWidth) >= 2,
                inView: box.top >= 0 && box.top < window.innerHeight,
            };
        }""",
        anchor,
    )


@pytest.mark.parametrize("java_script_enabled", [True, False])
def test_the_framework_is_walked_with_the_keyboard_to_an_outcome(
    new_page, live_server, meldcode, java_script_enabled
):
    page = new_page(java_script_enabled=java_script_enabled)
    page.goto(live_server.url + meldcode.url)
    yes_1 = page.locator("#vraag-1").get_by_role("link", name="Ja")
    yes_1.focus()
    assert focused(page) == {"id": "", "text": "Ja", "href": "#vraag-2"}

    # Question 1 exits on "no": "yes" leads on to question 2, which takes focus and is marked.
    page.keyboard.press("Enter")
    page.wait_for_function("() => location.hash === '#vraag-2'")
    assert focused(page)["id"] == "vraag-2"
    assert marked_and_in_view(page, "vraag-2") == {"target": True, "outlined": True, "inView": True}

    # The next Tab lands on question 2's own answers; "yes" there leads to its outcome.
    page.keyboard.press("Tab")
    assert focused(page) == {"id": "", "text": "Ja", "href": "#uitkomst-2"}
    page.keyboard.press("Enter")
    page.wait_for_function("() => location.hash === '#uitkomst-2'")
    assert focused(page)["id"] == "uitkomst-2"
    assert marked_and_in_view(page, "uitkomst-2") == {
        "target": True,
        "outlined": True,
        "inView": True,
    }
    outcome = page.locator("#uitkomst-2")
    assert outcome.get_by_text("Uitkomst: Melden bij Veilig Thuis.").is_visible()
    assert outcome.locator('a[href="tel:08002000"]').is_visible()

    # From the outcome: on to step 5, or start again at question 1.
    page.keyboard.press("Tab")
    assert focused(page)["href"] == "tel:08002000"
    page.keyboard.press("Tab")
    assert focused(page)["text"] == "Verder naar stap 5"
    page.keyboard.press("Tab")
    assert focused(page)["text"] == "Begin opnieuw met de vragen"
    page.keyboard.press("Enter")
    page.wait_for_function("() => location.hash === '#vraag-1'")
    assert focused(page)["id"] == "vraag-1"
    assert marked_and_in_view(page, "vraag-1")["inView"]
