"""The messages of classroom bookings (courses/services/booking_mail.py): what each says, their
calendar files, neutral subjects, reminders once each, and that only ids go through the task
queue. Sent the production way: into the outbox, delivered after commit to locmem."""

import datetime
from decimal import Decimal
from io import StringIO

import icalendar
import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.tasks import default_task_backend
from django.utils import timezone, translation
from django.utils.translation import gettext

from courses.classroom import Booking, BookingStatus, Payment, PaymentStatus, SessionStatus
from courses.factories import BookingFactory, CourseSessionFactory
from courses.services import booking_mail, bookings

pytestmark = pytest.mark.django_db

REFUND = (
    "We refund the amount you paid to the account you paid from. It can take a few working days "
    "to arrive."
)


@pytest.fixture
def send(outbox_email, django_capture_on_commit_callbacks):
    """Run `function(*args)` and deliver what it queued; returns the delivered messages."""

    def run(function, *args, **kwargs):
        before = len(mail.outbox)
        with django_capture_on_commit_callbacks(execute=True):
            function(*args, **kwargs)
        return mail.outbox[before:]

    return run


def _calendar(message) -> icalendar.Calendar:
    [content] = [
        content for _name, content, mimetype in message.attachments if mimetype == "text/calendar"
    ]
    return icalendar.Calendar.from_ical(content)


def _nl(msgid: str) -> str:
    with translation.override("nl"):
        return gettext(msgid)


def _three_days(course, **fields):
    return CourseSessionFactory(course=course, days=3, **fields)


# --- Confirmed, with its calendar -----------------------------------------------------------------


def test_the_confirmation_names_the_course_the_days_the_place_and_the_booking_page(
    send, classroom_course
):
    session = _three_days(
        classroom_course, trainers="Ingrid de Vries", venue_name="Zaal 't Hof & Co"
    )
    booking = BookingFactory(session=session)

    [message] = send(booking_mail.send_booking_confirmed, booking.pk)

    assert message.to == [booking.contact_email]
    assert "Basistraining meldcode" in message.subject
    assert booking.reference in message.body
    assert bookings.booking_url(booking) in message.body
    # Plain text: nothing HTML-escaped.
    assert "Zaal 't Hof & Co, Stationsstraat 10, 5038 EA Tilburg" in message.body
    assert "Ingrid de Vries" in message.body
    assert message.body.count(":00-16:00") == 3  # every day with its times


def test_the_calendar_has_one_event_per_day_at_the_venue_with_stable_uids(send, classroom_course):
    session = _three_days(classroom_course)
    booking = BookingFactory(session=session)

    [first] = send(booking_mail.send_booking_confirmed, booking.pk)
    [again] = send(booking_mail.send_reminder, booking.pk, 1)

    calendar = _calendar(first)
    assert str(calendar["METHOD"]) == "PUBLISH"
    events = calendar.walk("VEVENT")
    assert len(events) == 3
    days = list(session.days.order_by("date"))
    for event, day in zip(events, days, strict=True):
        assert event["DTSTART"].dt == day.starts_at()
        assert event["DTEND"].dt == day.ends_at()
        assert str(event["SUMMARY"]) == "Basistraining meldcode"
        assert "Vergadercentrum De Kring" in str(event["LOCATION"])
        assert "5038 EA Tilburg" in str(event["LOCATION"])
    uids = [str(event["UID"]) for event in events]
    assert len(set(uids)) == 3
    assert [str(event["UID"]) for event in _calendar(again).walk("VEVENT")] == uids


def test_neutral_messages_name_no_course_in_the_subject_or_the_calendar(send, classroom_course):
    booking = BookingFactory(session=_three_days(classroom_course), neutral_messages=True)

    [message] = send(booking_mail.send_booking_confirmed, booking.pk)

    assert "meldcode" not in message.subject.lower()
    assert "Steiger" in message.subject
    for event in _calendar(message).walk("VEVENT"):
        assert "meldcode" not in str(event["SUMMARY"]).lower()
        assert "Steiger" in str(event["SUMMARY"])
        assert "meldcode" not in str(event["DESCRIPTION"]).lower()


def test_a_payment_received_says_the_amount_with_the_calendar(send, paid_session):
    booking = BookingFactory(session=paid_session, price_per_seat=Decimal("195"))
    payment = Payment.objects.create(
        booking=booking,
        provider="stripe",
        reference="PAY-1",
        amount=Decimal("195.00"),
        status=PaymentStatus.PAID,
    )

    [message] = send(booking_mail.send_payment_received, booking.pk, payment.pk)

    assert "195,00" in message.body
    assert str(_calendar(message)["METHOD"]) == "PUBLISH"
    # Another booking's payment tells nothing.
    other = BookingFactory(session=paid_session)
    assert send(booking_mail.send_payment_received, other.pk, payment.pk) == []


# --- Waiting list and offers ---------------------------------------------------------------------


def test_the_waiting_list_and_the_offer_until_the_hold_ends(send, classroom_course):
    session = CourseSessionFactory(course=classroom_course)
    booking = BookingFactory(
        session=session, status=BookingStatus.WAITLISTED, waitlisted_at=timezone.now()
    )

    [waiting] = send(booking_mail.send_waitlisted, booking.pk)
    assert bookings.booking_url(booking) in waiting.body
    assert waiting.attachments == []

    held_until = timezone.now() + datetime.timedelta(hours=48)
    Booking.objects.filter(pk=booking.pk).update(
        status=BookingStatus.OFFERED, held_until=held_until
    )
    [offer] = send(booking_mail.send_offer, booking.pk)
    assert bookings.booking_url(booking) in offer.body
    assert timezone.localtime(held_until).strftime("%H:%M") in offer.body
    # Once the offer has run out, nothing is sent about it.
    Booking.objects.filter(pk=booking.pk).update(held_until=timezone.now())
    assert send(booking_mail.send_offer, booking.pk) == []


def test_a_message_about_a_status_the_booking_no_longer_has_is_not_sent(send, free_session):
    booking = BookingFactory(session=free_session, status=BookingStatus.CANCELLED)

    assert send(booking_mail.send_booking_confirmed, booking.pk) == []
    assert send(booking_mail.send_waitlisted, booking.pk) == []
    assert send(booking_mail.send_reminder, booking.pk, 7) == []
    assert send(booking_mail.send_booking_confirmed, 999999) == []


# --- Cancelled ------------------------------------------------------------------------------------


def test_a_session_cancelled_by_the_centre_removes_the_days_and_offers_other_dates(
    send, classroom_course, municipalities
):
    session = _three_days(classroom_course)
    CourseSessionFactory(
        course=classroom_course,
        starts_at=timezone.now() + datetime.timedelta(days=40),
        city="Waalwijk",
        municipality=municipalities["waalwijk"],
    )
    booking = BookingFactory(session=session, price_per_seat=Decimal("195"))
    Payment.objects.create(
        booking=booking,
        provider="stripe",
        reference="PAY-2",
        amount=Decimal("195"),
        status=PaymentStatus.REFUNDED,
    )
    [confirmed] = send(booking_mail.send_booking_confirmed, booking.pk)
    Booking.objects.filter(pk=booking.pk).update(
        status=BookingStatus.CANCELLED, cancelled_at=timezone.now()
    )
    session.status = SessionStatus.CANCELLED
    session.save()

    [message] = send(booking_mail.send_booking_cancelled, booking.pk, by_centre=True)

    assert "Basistraining meldcode" in message.subject
    assert _nl("We are sorry: we had to cancel the session below. It does not take place.") in (
        message.body
    )
    assert _nl(REFUND) in message.body
    assert "Waalwijk" in message.body
    assert classroom_course.get_full_url() in message.body
    cancel = _calendar(message)
    published = _calendar(confirmed)
    assert str(cancel["METHOD"]) == "CANCEL"
    uids = [str(event["UID"]) for event in cancel.walk("VEVENT")]
    assert uids == [str(event["UID"]) for event in published.walk("VEVENT")]
    for before, after in zip(published.walk("VEVENT"), cancel.walk("VEVENT"), strict=True):
        assert int(after["SEQUENCE"]) > int(before["SEQUENCE"])
        assert str(after["STATUS"]) == "CANCELLED"


def test_a_waiting_list_booking_cancelled_gets_no_calendar_and_no_refund_text(send, free_session):
    booking = BookingFactory(
        session=free_session, status=BookingStatus.CANCELLED, confirmed_at=None
    )

    [message] = send(booking_mail.send_booking_cancelled, booking.pk, by_centre=False)

    assert message.attachments == []
    assert _nl(REFUND) not in message.body


# --- Reminders ------------------------------------------------------------------------------------


def _booked_long_ago(session) -> Booking:
    booking = BookingFactory(session=session)
    long_ago = timezone.now() - datetime.timedelta(days=30)
    Booking.objects.filter(pk=booking.pk).update(created_at=long_ago, confirmed_at=long_ago)
    return booking


def test_each_reminder_is_sent_once_per_booking(send, classroom_course, settings):
    settings.COURSE_REMINDER_DAYS = (7, 1)
    session = CourseSessionFactory(course=classroom_course)
    booking = _booked_long_ago(session)
    start = session.starts_at

    assert send(booking_mail.send_due_reminders, start - datetime.timedelta(days=8)) == []
    [week] = send(booking_mail.send_due_reminders, start - datetime.timedelta(days=6))
    assert send(booking_mail.send_due_reminders, start - datetime.timedelta(days=5)) == []
    [day] = send(booking_mail.send_due_reminders, start - datetime.timedelta(hours=20))
    assert send(booking_mail.send_due_reminders, start - datetime.timedelta(hours=2)) == []

    assert "Basistraining meldcode" in week.subject and booking.reference in day.body
    assert _calendar(day).walk("VEVENT")
    booking.refresh_from_db()
    assert sorted(booking.reminders_sent) == [1, 7]


def test_a_late_booking_skips_reminders_whose_moment_had_passed(send, classroom_course, settings):
    settings.COURSE_REMINDER_DAYS = (7, 1)
    session = CourseSessionFactory(
        course=classroom_course, starts_at=timezone.now() + datetime.timedelta(days=3)
    )
    booking = BookingFactory(session=session)  # confirmed now, three days before

    assert send(booking_mail.send_due_reminders) == []  # no "one week to go"
    booking.refresh_from_db()
    assert booking.reminders_sent == [7]
    [day] = send(booking_mail.send_due_reminders, session.starts_at - datetime.timedelta(hours=12))
    assert day.to == [booking.contact_email]


def test_no_reminder_for_a_cancelled_booking_or_session(send, classroom_course):
    session = CourseSessionFactory(course=classroom_course)
    _booked_long_ago(session)
    cancelled = CourseSessionFactory(course=classroom_course, status=SessionStatus.CANCELLED)
    _booked_long_ago(cancelled)
    other = _booked_long_ago(session)
    Booking.objects.filter(pk=other.pk).update(status=BookingStatus.CANCELLED)

    sent = send(booking_mail.send_due_reminders, session.starts_at - datetime.timedelta(hours=3))

    assert len(sent) == 1


def test_run_maintenance_sends_the_reminders(send, classroom_course, settings):
    settings.COURSE_REMINDER_DAYS = (30,)
    _booked_long_ago(CourseSessionFactory(course=classroom_course))
    output = StringIO()

    sent = send(call_command, "run_maintenance", stdout=output)

    assert "== send_booking_reminders" in output.getvalue()
    assert "booking reminders queued: 1" in output.getvalue()
    assert len(sent) == 1


# --- After commit, ids only -----------------------------------------------------------------------


def test_queued_messages_go_out_after_commit_and_not_after_a_rollback(send, free_session):
    booking = BookingFactory(session=free_session)

    def rolled_back():
        with transaction.atomic():
            booking_mail.queue_booking_confirmed(booking.pk)
            transaction.set_rollback(True)

    assert send(rolled_back) == []
    [message] = send(booking_mail.queue_booking_confirmed, booking.pk)
    assert message.to == [booking.contact_email]


def test_the_task_queue_holds_ids_only(settings, free_session, django_capture_on_commit_callbacks):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    booking = BookingFactory(session=free_session)

    with django_capture_on_commit_callbacks(execute=True):
        booking_mail.queue_booking_confirmed(booking.pk)
        booking_mail.queue_booking_cancelled(booking.pk, by_centre=True)
        booking_mail.queue_reminder(booking.pk, 7)

    ours = [
        result
        for result in default_task_backend.results
        if result.task.module_path.startswith("courses.tasks.")
    ]
    assert [(result.args, result.kwargs) for result in ours] == [
        ([booking.pk], {}),
        ([booking.pk], {"by_centre": True}),
        ([booking.pk, 7], {}),
    ]
