"""A classroom booking's own pages in a real browser, on the demo content, on a phone: the
dates of a course, a group booking's participants with a mistake in them, the waiting list's
page, and cancelling by keyboard. axe finds no violation on any of them (the journeys of
Mehmet and Joris cover the booking form, the payment and the confirmation)."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from courses.classroom import Booking, BookingStatus, CourseSession
from courses.services import bookings

from .conftest import PHONE, submit

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def demo(live_server):
    call_command("load_demo_content", "--force", stdout=StringIO())
    return live_server.url


def booking_page(booking: Booking, name: str = "courses:booking") -> str:
    return reverse(name, args=[bookings.booking_token(booking)])


def test_a_group_names_its_participants_and_cancels_on_a_phone(new_page, demo, axe_check):
    session = CourseSession.objects.filter(course__slug="basistraining-meldcode", price=0).first()
    group = bookings.book(
        bookings.BookingRequest(
            session_id=session.pk,
            contact_name="Joke de Wit",
            contact_email="joke@wijkteam.example",
            organisation="Wijkteam Noord",
            kind="group",
            seats=2,
        )
    )
    page = new_page(**PHONE)
    page.goto(demo + session.course.url)
    assert page.locator(".steiger-session").count() >= 3
    axe_check(page)

    page.goto(demo + booking_page(group))
    submit(page, page.get_by_role("link", name="Geef de deelnemers door"))
    page.get_by_role("textbox", name=re.compile("^Naam")).first.fill("Anouk Jansen")
    page.get_by_role("textbox", name=re.compile("^E-mailadres")).nth(1).fill("bram@")
    submit(page, page.get_by_role("button", name="Deelnemers opslaan"))
    summary = page.locator("#error-summary")
    assert "Plaats 2, e-mailadres" in summary.inner_text()
    assert page.get_by_role("textbox", name=re.compile("^Naam")).first.input_value() == (
        "Anouk Jansen"
    )
    axe_check(page)
    page.get_by_role("textbox", name=re.compile("^E-mailadres")).nth(1).fill("bram@wijk.example")
    submit(page, page.get_by_role("button", name="Deelnemers opslaan"))
    assert "Anouk Jansen" in page.locator(".steiger-booking__participants").inner_text()

    # Cancelling by keyboard only: the link, then the confirmation's button.
    page.get_by_role("link", name="Deze boeking annuleren").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    axe_check(page)
    page.get_by_role("button", name="Ja, annuleer mijn boeking").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    group.refresh_from_db()
    assert group.status == BookingStatus.CANCELLED
    axe_check(page)


def test_the_waiting_lists_page_says_what_happens_next(new_page, demo, axe_check):
    waiting = Booking.objects.filter(status=BookingStatus.WAITLISTED).first()
    page = new_page(**PHONE)
    page.goto(demo + booking_page(waiting))

    assert "U staat op de wachtlijst." in page.locator("main").inner_text()
    axe_check(page)
