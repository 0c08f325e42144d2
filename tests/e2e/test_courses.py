"""Online courses in a real browser, on the demo content: the catalogue filtered without
JavaScript, a course, a lesson, and a quiz answered by keyboard only, first with a question
left open (the error state) and then graded. axe finds no violation on any of them."""

from io import StringIO

import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

COURSE = "/nl/trainingen/signalen-van-kindermishandeling/"
CHOICES = "input[type=radio], input[type=checkbox]"


@pytest.fixture
def demo(live_server):
    call_command("load_demo_content", "--force", stdout=StringIO())
    return live_server.url


def test_a_resident_finds_a_free_course_and_reads_a_lesson(browser_page, demo, axe_check):
    page = browser_page
    page.goto(demo + "/nl/trainingen/")
    axe_check(page)
    page.get_by_label("Inwoners").check()
    page.get_by_label("Online training").check()
    page.get_by_role("button", name="Trainingen tonen").click()
    page.wait_for_url("**doelgroep=inwoners**")
    # Titles are hyphenated with soft hyphens for narrow screens.
    titles = [
        title.replace("\xad", "") for title in page.locator(".steiger-card h3").all_inner_texts()
    ]
    assert titles == ["Signalen van kindermishandeling — wat kunt u doen?"]
    axe_check(page)

    page.get_by_role("link", name="Signalen van kindermishandeling — wat kunt u doen?").click()
    page.wait_for_url("**" + COURSE)
    axe_check(page)
    page.get_by_role("button", name="Start de training").click()
    # The resume code, shown once, then on to the first lesson.
    page.wait_for_url("**/trainingen/uw-code/")
    assert "We laten hem alleen deze ene keer zien." in page.locator("main").inner_text()
    axe_check(page)
    page.get_by_role("link", name="Ik heb mijn code genoteerd, verder").click()
    page.wait_for_url("**/wat-is-kindermishandeling/")
    assert "Les 1 van 3" in page.locator("main").inner_text()
    axe_check(page)


def test_a_quiz_by_keyboard_shows_what_is_missing_then_the_feedback(browser_page, demo, axe_check):
    page = browser_page
    page.goto(demo + COURSE + "wat-kunt-u-doen/")
    quiz = page.locator(".steiger-quiz")

    # Answer only the first question, by keyboard: focus its first choice, Space, then send.
    quiz.locator(CHOICES).first.focus()
    page.keyboard.press("Space")
    quiz.get_by_role("button", name="Mijn antwoorden controleren").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")

    summary = page.locator("#error-summary")
    assert "Uw andere antwoorden zijn bewaard" in summary.inner_text()
    assert page.locator(".steiger-quiz").locator(CHOICES).first.is_checked()  # kept
    assert page.locator(".steiger-quiz__question.utrecht-form-field--invalid").count() == 2
    axe_check(page)

    for question in page.locator(".steiger-quiz__question").all():
        choice = question.locator(CHOICES).first
        if not choice.is_checked():
            choice.focus()
            page.keyboard.press("Space")
    page.locator(".steiger-quiz button[type=submit]").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert "vragen goed beantwoord" in page.locator(".steiger-quiz [role=status]").inner_text()
    assert page.locator(".steiger-quiz__feedback").count() >= 3
    axe_check(page)
