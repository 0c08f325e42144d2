"""Journey 1 (shared/JOURNEYS.md), Anna, a resident of Hilvarenbeek, in a real browser on the
demo content: from the residents' entrance she searches (with a typo), finds the free online
course, starts it without an account, does two lessons, presses Shift three times, comes back
"the next day" in a new browser with her code, finishes the last lesson and the quiz, downloads
her certificate and checks it on the verify page. Nothing reaches another host (the new_page
fixture fails the test otherwise), and no tab title names the subject once she has started."""

import re
import zlib
from io import StringIO
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from wagtail.models import Site

from courses.models import LessonPage
from courses.services.quizzes import quiz_from_value
from portal.models.site_settings import SafetySettings

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

COURSE_TITLE = "Signalen van kindermishandeling — wat kunt u doen?"
QUIZ_LESSON = "wat-kunt-u-doen"
NAME = "Anna de Vries"
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
CODE = re.compile(r"[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}")


@pytest.fixture
def demo(live_server, neutral_site_url):
    call_command("load_demo_content", "--force", stdout=StringIO())
    safety = SafetySettings.for_site(Site.objects.get(is_default_site=True))
    safety.quick_exit_url = neutral_site_url
    safety.save()
    return live_server.url


def right_answers() -> list[str]:
    """The ids of the right choices of the demo quiz, as quiz.html numbers them."""
    lesson = LessonPage.objects.get(slug=QUIZ_LESSON)
    block = next(block for block in lesson.body if block.block_type == "quiz")
    quiz = quiz_from_value(block.value)
    return [
        f"quiz-{block.id}-{question_number}-{choice_number}"
        for question_number, question in enumerate(quiz.questions, start=1)
        for choice_number, choice in enumerate(question.choices, start=1)
        if choice.is_correct
    ]


def complete_lesson(page) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name=re.compile("^Les afronden")).click()


def verification_url(pdf: bytes) -> str:
    """The verify address the certificate links to (its QR code says the same)."""
    streams = [pdf]
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            streams.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue
    for stream in streams:
        found = re.search(rb"/URI \((https?://[^)]+/controleren/[^)]+/)\)", stream)
        if found:
            return found.group(1).decode()
    raise AssertionError("no verification address in the certificate PDF")


def test_anna_follows_the_free_course_for_residents_end_to_end(
    new_page, demo, neutral_site_url, axe_check
):
    # Day one. From the home page, the entrance for residents, then the search box.
    page = new_page(**DESKTOP)
    page.goto(demo + "/nl/")
    page.get_by_role("link", name="Inwoners", exact=True).first.click()
    page.wait_for_url("**/nl/inwoners/")
    page.locator("#header-search").fill("signalen kindermishandleing")
    with page.expect_navigation():
        page.locator("#header-search").press("Enter")
    assert "kindermishandeling" in page.locator("main").inner_text()  # corrected for her
    with page.expect_navigation():
        page.get_by_role("link", name=COURSE_TITLE).first.click()
    course_url = page.url
    axe_check(page)

    # She starts without an account: the code is shown once.
    with page.expect_navigation():
        page.get_by_role("button", name="Start de training").click()
    code = CODE.search(page.locator("main").inner_text()).group(0)
    with page.expect_navigation():
        page.get_by_role("link", name="Ik heb mijn code genoteerd, verder").click()
    assert "Les 1 van 3" in page.locator("main").inner_text()
    # The tab does not name the subject, for whoever glances at her screen.
    assert "kindermishandeling" not in page.title().lower()
    axe_check(page)
    complete_lesson(page)
    assert "Les 2 van 3" in page.locator("main").inner_text()
    complete_lesson(page)
    assert "Les 3 van 3" in page.locator("main").inner_text()

    # Halfway through she presses Shift three times.
    lesson_url = page.url
    page.locator("main h1").click()
    for _press in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(neutral_site_url)
    page.go_back()
    assert page.url != lesson_url
    # Nothing of the visit is left in this browser: no session, no code.
    assert page.context.cookies(demo) == []

    # The next day, another browser: she continues with her code, where she was.
    page = new_page(**DESKTOP)
    page.goto(demo + course_url.removeprefix(demo))
    assert "Les 1 van 3" not in page.locator("main").inner_text()
    with page.expect_navigation():
        page.get_by_role("link", name="Al begonnen? Ga verder met uw code").click()
    page.get_by_label("Uw code").fill(code.lower().replace("-", " "))  # as people type it
    with page.expect_navigation():
        page.get_by_role("button", name="Doorgaan").click()
    assert page.url.endswith(f"/{QUIZ_LESSON}/")
    assert "Les 3 van 3" in page.locator("main").inner_text()

    # The last lesson's quiz: first sent half-answered (the error state), then right.
    quiz = page.locator(".steiger-quiz")
    with page.expect_navigation():
        quiz.get_by_role("button", name="Mijn antwoorden controleren").click()
    assert page.locator("#error-summary").is_visible()
    axe_check(page)
    for choice_id in right_answers():
        page.locator(f"#{choice_id}").check()
    with page.expect_navigation():
        page.locator(".steiger-quiz button[type=submit]").click()
    assert "vragen goed beantwoord" in page.locator(".steiger-quiz [role=status]").inner_text()

    # The course overview says she completed it; she types the name for her certificate.
    page.goto(course_url)
    assert "Training afgerond" in page.locator("main").inner_text()
    page.get_by_label("Naam op het certificaat").fill(NAME)
    with page.expect_download() as download:
        page.get_by_role("button", name="Certificaat downloaden (PDF)").click()
    pdf = Path(download.value.path()).read_bytes()
    assert pdf.startswith(b"%PDF")

    # Anyone with the certificate checks it through its verification address.
    # (The address names the site's canonical host; the test server answers on another port.)
    checker = new_page(**DESKTOP)
    checker.goto(demo + urlsplit(verification_url(pdf)).path)
    main = checker.locator("main").inner_text()
    assert "Dit certificaat is echt." in main
    assert NAME in main and COURSE_TITLE in main
    axe_check(checker)
