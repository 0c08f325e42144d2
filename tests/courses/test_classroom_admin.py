"""The coordinator's tools for classroom courses in the admin (courses/wagtail_hooks.py):
sessions with their days and seats, bookings and participants (exported), attendance with
certificates, cancelling a session and moving a booking; training coordinators only."""

import csv
import datetime
import io
import re
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from courses.classroom import (
    Booking,
    BookingStatus,
    CourseSession,
    Payment,
    PaymentMethod,
    PaymentStatus,
    SessionStatus,
)
from courses.factories import BookingFactory, CourseSessionFactory
from portal import roles
from tests.portal.test_taxonomy import _signed_in_with_mfa

pytestmark = pytest.mark.django_db


def _user_in(group_name: str, email: str):
    user = get_user_model().objects.create_user(email=email, password="x" * 12)
    user.groups.add(Group.objects.get(name=group_name))
    return get_user_model().objects.get(pk=user.pk)


@pytest.fixture
def coordinator(client):
    _signed_in_with_mfa(client, _user_in(roles.TRAINING_COORDINATOR, "joris@example.org"))
    return client


@pytest.fixture
def full_session(classroom_course):
    """Joris's Multifocus-like session: 3 seats, full, two on the waiting list."""
    session = CourseSessionFactory(course=classroom_course, capacity=3, days=3)
    for _ in range(3):
        BookingFactory(session=session)
    for _ in range(2):
        BookingFactory(
            session=session, status=BookingStatus.WAITLISTED, waitlisted_at=timezone.now()
        )
    return session


def _urls(session: CourseSession, booking: Booking) -> dict[str, str]:
    return {
        "sessions": reverse("course_sessions:index"),
        "add session": reverse("course_sessions:add"),
        "edit session": reverse("course_sessions:edit", args=[session.pk]),
        "attendance": reverse("course_sessions:attendance", args=[session.pk]),
        "cancel": reverse("course_sessions:cancel", args=[session.pk]),
        "bookings": reverse("course_bookings:index"),
        "booking": reverse("course_bookings:inspect", args=[booking.pk]),
        "move": reverse("course_bookings:move", args=[booking.pk]),
        "participants": reverse("course_participants:index"),
    }


def test_the_coordinator_opens_every_tool(coordinator, full_session):
    booking = full_session.bookings.first()
    for name, url in _urls(full_session, booking).items():
        assert coordinator.get(url).status_code == 200, name


@pytest.mark.parametrize("role", [roles.EDITOR, roles.MODERATOR, roles.EXPERT_POOL_COORDINATOR])
def test_other_roles_are_sent_back_to_the_dashboard(client, full_session, role):
    _signed_in_with_mfa(client, _user_in(role, "redacteur@example.org"))
    booking = full_session.bookings.first()

    for name, url in _urls(full_session, booking).items():
        response = client.get(url)
        assert response.status_code in (302, 403), name
        if response.status_code == 302:
            assert response["Location"] == reverse("wagtailadmin_home"), name
    # Nor does a post do anything.
    client.post(_urls(full_session, booking)["cancel"])
    full_session.refresh_from_db()
    assert full_session.status == SessionStatus.SCHEDULED
    invoice = Payment.objects.create(
        booking=booking,
        provider=PaymentMethod.INVOICE,
        reference="T-INV-2",
        amount=Decimal("395.00"),
        status=PaymentStatus.PENDING,
    )
    client.post(reverse("course_bookings:payment_step", args=[invoice.pk, "paid"]))
    invoice.refresh_from_db()
    assert invoice.status == PaymentStatus.PENDING


def test_without_mfa_even_a_coordinator_does_not_get_in(client, full_session):
    client.force_login(_user_in(roles.TRAINING_COORDINATOR, "joris@example.org"))

    response = client.get(reverse("course_sessions:index"))

    assert response.status_code == 302
    assert reverse("course_sessions:index") not in response["Location"].split("?")[0]


def test_the_session_list_shows_booked_free_and_waiting(coordinator, full_session):
    response = coordinator.get(reverse("course_sessions:index"))

    [row] = response.context["object_list"]
    assert (row.seats_taken, row.waiting_count) == (3, 2)
    assert row.capacity - row.seats_taken == 0
    html = response.content.decode()
    assert reverse("course_sessions:attendance", args=[full_session.pk]) in html
    assert reverse("course_sessions:cancel", args=[full_session.pk]) in html


def test_a_session_is_created_with_its_days_and_starts_on_the_first(
    coordinator, classroom_course, municipalities
):
    first = timezone.localdate() + datetime.timedelta(days=30)
    data = {
        "course": classroom_course.pk,
        "capacity": 16,
        "price": "395.00",
        "language": "nl",
        "vat_exempt": "on",
        "trainers": "Ingrid de Vries",
        "venue_name": "De Kring",
        "street_address": "Stationsstraat 10",
        "postal_code": "5038 EA",
        "city": "Tilburg",
        "municipality": municipalities["tilburg"].pk,
        "booking_deadline": f"{first - datetime.timedelta(days=3)} 12:00",
        "cancellation_deadline": f"{first - datetime.timedelta(days=14)} 12:00",
        "days-TOTAL_FORMS": 2,
        "days-INITIAL_FORMS": 0,
        "days-MIN_NUM_FORMS": 1,
        "days-MAX_NUM_FORMS": 1000,
        "days-0-date": str(first + datetime.timedelta(days=7)),
        "days-0-start_time": "09:00",
        "days-0-end_time": "16:00",
        "days-1-date": str(first),
        "days-1-start_time": "09:30",
        "days-1-end_time": "16:30",
    }

    response = coordinator.post(reverse("course_sessions:add"), data)

    assert response.status_code == 302, response.context["form"].errors
    session = CourseSession.objects.get()
    assert timezone.localtime(session.starts_at) == timezone.make_aware(
        datetime.datetime.combine(first, datetime.time(9, 30))
    )
    assert session.days.count() == 2

    # Without a day it is refused.
    response = coordinator.post(reverse("course_sessions:add"), {**data, "days-TOTAL_FORMS": 0})
    assert response.status_code == 200
    assert CourseSession.objects.count() == 1


def test_bookings_filter_by_session_and_status(coordinator, full_session, classroom_course):
    BookingFactory(session=CourseSessionFactory(course=classroom_course))

    response = coordinator.get(
        reverse("course_bookings:index"),
        {"session": full_session.pk, "status": BookingStatus.WAITLISTED},
    )

    assert {booking.session_id for booking in response.context["object_list"]} == {full_session.pk}
    assert len(response.context["object_list"]) == 2


def test_the_booking_shows_its_participants(coordinator, full_session):
    booking = full_session.bookings.filter(status=BookingStatus.CONFIRMED).first()

    html = coordinator.get(reverse("course_bookings:inspect", args=[booking.pk])).content.decode()

    assert booking.participants.get().name in html
    assert reverse("course_bookings:move", args=[booking.pk]) in html


def test_the_booking_shows_its_payments_and_a_refund_still_to_make(coordinator, full_session):
    booking = full_session.bookings.filter(status=BookingStatus.CONFIRMED).first()
    Payment.objects.create(
        booking=booking,
        provider=PaymentMethod.STRIPE,
        reference="T-PAY-1",
        amount=Decimal("195.00"),
        status=PaymentStatus.REFUND_NEEDED,
    )

    html = coordinator.get(reverse("course_bookings:inspect", args=[booking.pk])).content.decode()

    assert "T-PAY-1" in html
    assert "€ 195,00" in html
    assert "<strong>Terug te betalen</strong>" in html

    step = reverse("course_bookings:payment_step", args=[booking.payments.get().pk, "refunded"])
    assert step in html
    coordinator.post(step)
    payment = booking.payments.get()
    assert payment.status == PaymentStatus.REFUNDED
    assert payment.refunded_amount == Decimal("195.00")
    # Twice (a double click) records nothing more.
    assert coordinator.post(step).status_code == 302
    assert booking.payments.get().refunded_at == payment.refunded_at


def test_a_coordinator_marks_an_invoice_paid(coordinator, full_session):
    booking = full_session.bookings.filter(status=BookingStatus.CONFIRMED).first()
    payment = Payment.objects.create(
        booking=booking,
        provider=PaymentMethod.INVOICE,
        reference="T-INV-1",
        amount=Decimal("395.00"),
        status=PaymentStatus.PENDING,
    )
    step = reverse("course_bookings:payment_step", args=[payment.pk, "paid"])

    coordinator.post(step)

    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PAID
    assert coordinator.get(step).status_code == 405


def test_participants_are_exported_for_one_session(coordinator, full_session, classroom_course):
    BookingFactory(session=CourseSessionFactory(course=classroom_course), contact_name="Ander")

    response = coordinator.get(
        reverse("course_participants:index"),
        {"booking__session": full_session.pk, "export": "csv"},
    )

    assert response.status_code == 200
    assert "deelnemers.csv" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(rows) == 1 + 5
    booking = full_session.bookings.first()
    participant = booking.participants.get()
    assert [
        participant.name,
        participant.email,
        booking.organisation,
        "Registerplein",
        "123456",
        booking.reference,
    ] == rows[1][:6]


def test_marking_attendance_and_issuing_certificates(coordinator, classroom_course):
    start = timezone.make_aware(
        datetime.datetime.combine(
            timezone.localdate() - datetime.timedelta(days=1), datetime.time(9)
        )
    )
    session = CourseSessionFactory(course=classroom_course, starts_at=start, days=2)
    present, absent = (BookingFactory(session=session).participants.get() for _ in range(2))
    days = list(session.days.all())
    url = reverse("course_sessions:attendance", args=[session.pk])
    assert coordinator.get(url).status_code == 200

    post = {f"present-{present.pk}-{day.pk}": "on" for day in days}
    post[f"present-{absent.pk}-{days[0].pk}"] = "on"
    response = coordinator.post(url, {**post, "issue": ""})

    assert response.status_code == 302
    present.refresh_from_db()
    absent.refresh_from_db()
    assert present.certificate is not None and absent.certificate is None
    html = coordinator.get(url).content.decode()
    assert present.certificate.code in html


def test_cancelling_a_session_asks_first_then_tells_and_cancels_everyone(
    coordinator, full_session, outbox_email, django_capture_on_commit_callbacks
):
    url = reverse("course_sessions:cancel", args=[full_session.pk])
    response = coordinator.get(url)
    assert response.status_code == 200
    full_session.refresh_from_db()
    assert full_session.status == SessionStatus.SCHEDULED  # only asked

    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator.post(url)

    assert response.status_code == 302
    full_session.refresh_from_db()
    assert full_session.status == SessionStatus.CANCELLED
    assert set(full_session.bookings.values_list("status", flat=True)) == {BookingStatus.CANCELLED}
    assert len(mail.outbox) == 5  # three confirmed and two waiting, each told


def test_moving_a_booking_to_another_session_of_the_course(
    coordinator, full_session, classroom_course
):
    other = CourseSessionFactory(
        course=classroom_course, starts_at=timezone.now() + datetime.timedelta(days=40)
    )
    booking = full_session.bookings.filter(status=BookingStatus.CONFIRMED).first()
    url = reverse("course_bookings:move", args=[booking.pk])

    response = coordinator.post(url, {"to_session": other.pk})

    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.session == other


def test_moving_to_a_full_session_is_refused_with_the_reason(
    coordinator, full_session, classroom_course
):
    elsewhere = CourseSessionFactory(
        course=classroom_course, starts_at=timezone.now() + datetime.timedelta(days=40)
    )
    booking = BookingFactory(session=elsewhere)

    response = coordinator.post(
        reverse("course_bookings:move", args=[booking.pk]), {"to_session": full_session.pk}
    )

    assert response.status_code == 200
    assert response.context["form"].errors
    booking.refresh_from_db()
    assert booking.session == elsewhere


def test_the_session_form_lists_each_municipality_once_in_dutch(coordinator, municipalities):
    html = coordinator.get(reverse("course_sessions:add")).content.decode()

    options = re.findall(
        r'<option value="\d+"[^>]*>([^<]+)</option>',
        html.split('id="id_municipality"')[1].split("</select>")[0],
    )
    assert options == sorted(options)
    assert options.count("Tilburg") == 1
    assert "Dongen" in options
