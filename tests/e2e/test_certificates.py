"""A certificate in a real browser: a learner who completed a course forgets the name, reads the
error, types it and downloads the PDF; the course page then offers it again with its code; a
stranger checks the code, and a guessed one. axe finds no violation on any of these pages, and
the CSP blocks nothing (the `new_page` fixture checks that)."""

from pathlib import Path

import pytest

from courses.factories import CourseIndexPageFactory, CoursePageFactory, LessonPageFactory
from courses.models import Certificate, Learner, LessonPage
from courses.services import learning

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

DOWNLOAD = "Certificaat downloaden (PDF)"


def test_a_learner_downloads_a_certificate_and_a_stranger_checks_it(
    new_page, live_server, home, axe_check
):
    catalogue = CourseIndexPageFactory(parent=home)
    course = CoursePageFactory(parent=catalogue, title="Signalen herkennen", slug="signalen")
    for number in (1, 2):
        LessonPageFactory(parent=course, slug=f"les-{number}")
    page = new_page()
    page.goto(live_server.url + course.url)
    page.get_by_role("button", name="Start de training").click()
    page.wait_for_url("**/trainingen/uw-code/")
    learner = Learner.objects.get()
    for lesson in LessonPage.objects.child_of(course):
        learning.complete_lesson(learner, lesson)

    page.goto(live_server.url + course.url)
    assert page.get_by_role("heading", name="Uw certificaat").is_visible()
    axe_check(page)

    # No name: the error, in Dutch, at the top of the form and at the field.
    page.get_by_role("button", name=DOWNLOAD).click()
    page.wait_for_selector("#error-summary")
    assert "Typ uw naam zoals die op het certificaat" in page.locator("#error-summary").inner_text()
    axe_check(page)

    page.get_by_label("Naam op het certificaat").fill("Anna de Vries")
    with page.expect_download() as info:
        page.get_by_role("button", name=DOWNLOAD).click()
    download = info.value
    assert download.suggested_filename == "certificaat.pdf"
    assert Path(download.path()).read_bytes().startswith(b"%PDF")
    certificate = Certificate.objects.get()

    page.goto(live_server.url + course.url)
    assert page.locator(".steiger-certificate__code").inner_text() == certificate.code
    assert page.get_by_role("link", name=DOWNLOAD).is_visible()
    axe_check(page)

    stranger = new_page()
    stranger.goto(live_server.url + f"/nl/trainingen/certificaat/controleren/{certificate.code}/")
    text = stranger.locator("main").inner_text()
    assert "Dit certificaat is echt." in text and "Anna de Vries" in text
    axe_check(stranger)
    stranger.get_by_label("Controlecode").fill("K7QM-3XW9-0BRT-M4ZD")
    stranger.get_by_role("button", name="Controleren").click()
    stranger.wait_for_selector("text=We vinden geen certificaat met deze code.")
    assert "Anna" not in stranger.locator("main").inner_text()
    axe_check(stranger)
