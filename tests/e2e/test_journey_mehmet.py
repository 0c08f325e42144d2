"""Journey 2 (shared/JOURNEYS.md), Mehmet, a teacher in Tilburg, in a real browser on the demo
content, with Stripe stubbed only at its HTTP API (tests/courses/stripe_stub.py; its hosted
checkout page is tests/e2e/stripe_checkout.py) and webhooks signed with a test secret, as
Stripe signs them.

Mehmet filters the catalogue on professionals, meldcode and Tilburg, sees the dates with free
seats, books the paid one with his school's name and register number, pays by card through
Stripe Checkout and gets a confirmation with a calendar file. His colleague finds the date full
and joins the waiting list; Mehmet cancels (before the deadline) and is refunded through Stripe;
she gets a seat offer valid for 48 hours, takes it and her school pays by invoice with a
purchase-order number. Another time Mehmet books a free date; after it the coordinator marks
attendance, and Mehmet downloads his certificate (course, date, hours, register, points) whose
code anyone can check on the site. axe runs on the session list, the booking form with errors,
the payment choice, the confirmation and the cancellation pages.
"""

import re
from io import StringIO
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from courses.classroom import Booking, BookingStatus, CourseSession, Payment, PaymentStatus
from courses.factories import BookingFactory
from courses.services import attendance

from .conftest import submit
from .stripe_checkout import stripe_checkout

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

DESKTOP = {"viewport": {"width": 1280, "height": 900}}
COURSE = "Basistraining meldcode"
MEHMET = ("Mehmet Yilmaz", "mehmet@obs-delinde.example")
COLLEAGUE = ("Sanne Verbeek", "sanne@obs-delinde.example")


@pytest.fixture
def demo(live_server, stripe_settings, outbox_email):
    call_command("load_demo_content", "--force", stdout=StringIO())
    return live_server.url


def paid_tilburg_session() -> CourseSession:
    return CourseSession.objects.get(
        course__title=COURSE, municipality__slug="tilburg", price__gt=0
    )


def free_tilburg_session() -> CourseSession:
    return (
        CourseSession.objects.filter(course__title=COURSE, municipality__slug="tilburg", price=0)
        .order_by("starts_at")
        .first()
    )


def mails_to(address: str) -> list:
    return [message for message in mail.outbox if address in message.to]


def link_in(message, path_part: str, site: str) -> str:
    """The link in an email whose path has `path_part`, on the test's own server (emails name
    the site's configured address)."""
    found = re.search(rf"https?://\S*{re.escape(path_part)}\S*", message.body)
    assert found, f"no link with {path_part} in: {message.body}"
    return site + urlsplit(found.group(0)).path


def fill_booking_form(page, name: str, email: str, *, number: str = "") -> None:
    page.get_by_label("Uw naam").fill(name)
    page.get_by_label("Uw e-mailadres").fill(email)
    page.get_by_role("textbox", name=re.compile("^Organisatie")).fill("OBS De Linde")
    if number:
        page.get_by_label("Beroepsregister").fill("Registerplein")
        page.get_by_label("Registratienummer").fill(number)


def test_mehmet_books_pays_cancels_and_gets_his_certificate(
    new_page, demo, live_server, stripe_stub, axe_check
):
    session = paid_tilburg_session()
    # Everyone else who booked this date before Mehmet: one seat is left.
    for _ in range(session.capacity - 1):
        BookingFactory(session=session)

    # 1. The catalogue, filtered on professionals, meldcode and Tilburg.
    mehmet = new_page(**DESKTOP)
    mehmet.goto(demo + "/nl/trainingen/")
    filters = mehmet.locator(".steiger-course-filters")
    filters.get_by_label("Professionals", exact=True).check()
    filters.get_by_label("Meldcode", exact=True).check()
    filters.get_by_label("Tilburg", exact=True).check()
    submit(mehmet, filters.get_by_role("button", name="Trainingen tonen"))
    submit(mehmet, mehmet.get_by_role("link", name=COURSE))
    assert "gemeente=tilburg" in mehmet.url
    dates = mehmet.locator(".steiger-sessions")
    assert "Waalwijk" not in dates.locator(".steiger-sessions__list").inner_text()
    paid = dates.locator(".steiger-session", has_text="€ 195")
    assert "1 plaats vrij" in paid.inner_text()
    axe_check(mehmet)

    # 2. The booking form: sent empty first, then with his school and register number.
    submit(mehmet, paid.get_by_role("link", name=re.compile("^Boek deze datum")))
    submit(mehmet, mehmet.get_by_role("button", name="Boeken en naar betalen"))
    assert mehmet.locator("#error-summary, .utrecht-alert--error").first.is_visible()
    axe_check(mehmet)
    fill_booking_form(mehmet, *MEHMET, number="RP-77881")
    submit(mehmet, mehmet.get_by_role("button", name="Boeken en naar betalen"))
    assert "Uw plaats wordt vastgehouden" in mehmet.locator("main").inner_text()
    booking = Booking.objects.get(contact_email=MEHMET[1])
    assert booking.status == BookingStatus.PENDING

    # 3. He pays by card through Stripe Checkout.
    submit(mehmet, mehmet.get_by_role("link", name="Kies hoe u betaalt"))
    axe_check(mehmet)
    stripe_checkout(mehmet, stripe_stub, deliveries=[])
    mehmet.get_by_label("Creditcard of iDEAL").check()
    submit(mehmet, mehmet.get_by_role("button", name="Doorgaan"))
    assert "Uw boeking is bevestigd" in mehmet.locator("h1").inner_text()
    axe_check(mehmet)
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED
    (confirmation,) = [m for m in mails_to(MEHMET[1]) if m.attachments]
    assert any(name.endswith(".ics") for name, *_ in confirmation.attachments)

    # 4. His colleague finds the date full and joins the waiting list.
    # Free seats may be cached for five seconds (CoursePage.cache_policy): she comes later.
    colleague = new_page(**DESKTOP)
    colleague.wait_for_timeout(5_100)
    colleague.goto(demo + session.course.url + "?gemeente=tilburg")
    full = colleague.locator(".steiger-session", has_text="€ 195")
    assert "Vol" in full.inner_text()
    submit(colleague, full.get_by_role("link", name=re.compile("^Zet mij op de wachtlijst")))
    fill_booking_form(colleague, *COLLEAGUE)
    submit(colleague, colleague.get_by_role("button", name="Zet mij op de wachtlijst"))
    assert "U staat op de wachtlijst" in colleague.locator("main").inner_text()

    # 5. Mehmet cancels from his confirmation's link, before the deadline: refunded by Stripe.
    mehmet.goto(link_in(confirmation, "/boeking/", demo))
    submit(mehmet, mehmet.get_by_role("link", name="Deze boeking annuleren"))
    axe_check(mehmet)
    submit(mehmet, mehmet.get_by_role("button", name="Ja, annuleer mijn boeking"))
    assert "Deze boeking is geannuleerd." in mehmet.locator("main").inner_text()
    assert len(stripe_stub.refunds) == 1
    assert Payment.objects.get(booking=booking).status == PaymentStatus.REFUNDED

    # 6. She gets the seat offer, valid for 48 hours, takes it; her school pays by invoice.
    subjects = [m.subject for m in mails_to(COLLEAGUE[1])]
    offers = [m for m in mails_to(COLLEAGUE[1]) if m.subject.startswith("Er is een plaats vrij")]
    assert len(offers) == 1, subjects
    offer = offers[0]
    colleague.goto(link_in(offer, "/boeking/", demo))
    assert "Er is een plaats vrij voor u." in colleague.locator("main").inner_text()
    submit(colleague, colleague.get_by_role("button", name="Plaats aannemen en betalen"))
    colleague.get_by_label("Factuur aan de organisatie").check()
    colleague.get_by_label("Factuuradres").fill("OBS De Linde\nLindelaan 4\n5041 AB Tilburg")
    colleague.get_by_label("Inkoopordernummer").fill("PO-2026-17")
    submit(colleague, colleague.get_by_role("button", name="Doorgaan"))
    assert "Uw boeking is bevestigd" in colleague.locator("h1").inner_text()
    invoice_link = colleague.get_by_role("link", name=re.compile("Factuur"))
    invoice = colleague.request.get(live_server.url + invoice_link.first.get_attribute("href"))
    assert invoice.headers["content-type"] == "application/pdf"
    their_booking = Booking.objects.get(contact_email=COLLEAGUE[1])
    assert their_booking.status == BookingStatus.CONFIRMED
    assert their_booking.invoices.get().purchase_order == "PO-2026-17"
    assert session.seats_taken() == session.capacity

    # 7. Another time: a free date. After it the coordinator marks attendance.
    free = free_tilburg_session()
    mehmet.goto(demo + reverse("courses:book", args=[free.pk]))
    fill_booking_form(mehmet, *MEHMET, number="RP-77881")
    submit(mehmet, mehmet.get_by_role("button", name="Boeken"))
    assert "Uw boeking is bevestigd." in mehmet.locator("main").inner_text()
    own_page = mehmet.url
    participant = Booking.objects.get(session=free, contact_email=MEHMET[1]).participants.get()
    # The day of the course comes (the live server has no clock to move: the date moves).
    free.days.update(date=timezone.localdate())
    attendance.mark_attendance(
        free, {(participant.pk, day.pk): True for day in free.days.all()}, by_user=None
    )
    attendance.issue_attendance_certificates(free)

    # 8. He downloads his certificate; anyone can check its code and sees what it certifies
    # (the PDF's own text is checked in tests/courses/test_certificate_pdf.py).
    mehmet.goto(own_page)
    download = mehmet.get_by_role("link", name=re.compile("Certificaat downloaden"))
    pdf = mehmet.request.get(live_server.url + download.first.get_attribute("href"))
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.body().startswith(b"%PDF")
    participant.refresh_from_db()
    checker = new_page(**DESKTOP)
    checker.goto(
        demo + reverse("courses:certificate_verify_code", args=[participant.certificate.code])
    )
    verified = checker.locator("main").inner_text()
    assert "Dit certificaat is echt." in verified
    for expected in (MEHMET[0], COURSE, "Registerplein", "RP-2026-0388"):
        assert expected in verified
    axe_check(checker)
