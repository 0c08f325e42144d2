"""Attendance and the certificates it earns (courses/services/attendance.py): present on every
day gives one certificate, named, once, with the session's hours and the course's
accreditation and validity; the participant is told; the booking's link downloads it, and
no other booking's link does."""

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from courses.classroom import Attendance, BookingStatus, Invoice, Participant
from courses.factories import BookingFactory, CourseSessionFactory
from courses.records import Certificate
from courses.services import attendance, bookings
from portal.accounts.factories import UserFactory
from portal.privacy import retention
from portal.privacy.services import erase_user_data, export_user_data, purge_expired_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def held_session(classroom_course):
    """A two-day session that ended yesterday, 9:00-16:00 both days (14 hours)."""
    classroom_course.certificate_validity_months = 24
    classroom_course.save_revision().publish()
    return CourseSessionFactory(
        course=classroom_course,
        starts_at=timezone.make_aware(
            datetime.datetime.combine(
                timezone.localdate() - datetime.timedelta(days=2), datetime.time(9)
            )
        ),
        days=2,
    )


def _all_present(session, *participants, present=True):
    marks = {
        (participant.pk, day.pk): present
        for participant in participants
        for day in session.days.all()
    }
    return attendance.mark_attendance(session, marks)


def test_present_on_every_day_gives_one_named_certificate_with_the_sessions_hours(
    held_session, outbox_email, django_capture_on_commit_callbacks
):
    booking = BookingFactory(session=held_session, contact_name="Mehmet Yilmaz")
    mehmet = booking.participants.get()
    _all_present(held_session, mehmet)

    with django_capture_on_commit_callbacks(execute=True):
        [certificate] = attendance.issue_attendance_certificates(held_session)

    mehmet.refresh_from_db()
    assert mehmet.certificate == certificate
    assert certificate.learner is None
    assert certificate.learner_name == "Mehmet Yilmaz"
    assert certificate.course_title == "Basistraining meldcode"
    assert certificate.hours == Decimal("14.00")
    assert (certificate.accreditation_register, certificate.accreditation_points) == (
        "Registerplein",
        Decimal("6"),
    )
    last_day = held_session.days.order_by("-date").first().date
    assert certificate.completed_on == last_day
    assert certificate.valid_until.year == last_day.year + 2
    # Told once, with the PDF, the code and the download link of their booking.
    [message] = mail.outbox
    assert message.to == [booking.contact_email]
    assert certificate.code in message.body
    assert message.attachments[0][2] == "application/pdf"
    assert message.attachments[0][1].startswith(b"%PDF")
    [link] = [line for line in message.body.splitlines() if "/boeking/" in line]
    token = link.split("/boeking/")[1].split("/")[0]
    assert bookings.booking_from_token(token) == booking
    assert link.endswith(reverse("courses:participant_certificate", args=[token, mehmet.pk]))

    # Pressing the button again issues nothing twice.
    with django_capture_on_commit_callbacks(execute=True):
        assert attendance.issue_attendance_certificates(held_session) == []
    assert Certificate.objects.count() == 1
    assert len(mail.outbox) == 1


def test_absent_on_one_day_unnamed_or_unconfirmed_gets_none(held_session):
    present = BookingFactory(session=held_session).participants.get()
    absent_one_day = BookingFactory(session=held_session).participants.get()
    unnamed = BookingFactory(session=held_session, seats=1, participants=[""]).participants.get()
    waiting = BookingFactory(
        session=held_session, status=BookingStatus.WAITLISTED
    ).participants.get()
    _all_present(held_session, present, unnamed, waiting)
    first_day = held_session.days.order_by("date").first()
    attendance.mark_attendance(held_session, {(absent_one_day.pk, first_day.pk): True})

    issued = attendance.issue_attendance_certificates(held_session)

    assert [item.learner_name for item in issued] == [present.name]
    assert set(attendance.without_certificate(held_session)) == {absent_one_day, unnamed}
    # The waiting list was never expected: its mark was not even stored.
    assert not Attendance.objects.filter(participant=waiting).exists()


def test_marks_can_be_corrected_and_never_touch_another_session(held_session, classroom_course):
    participant = BookingFactory(session=held_session).participants.get()
    other_session = CourseSessionFactory(course=classroom_course)
    stranger = BookingFactory(session=other_session).participants.get()
    day = held_session.days.first()

    assert attendance.mark_attendance(held_session, {(participant.pk, day.pk): True}) == 1
    assert attendance.mark_attendance(held_session, {(participant.pk, day.pk): False}) == 1
    assert attendance.mark_attendance(held_session, {(stranger.pk, day.pk): True}) == 0
    other_day = other_session.days.first()
    assert attendance.mark_attendance(held_session, {(participant.pk, other_day.pk): True}) == 0

    assert attendance.attendance_table(held_session) == {(participant.pk, day.pk): False}


def test_no_certificates_before_the_last_day(classroom_course):
    session = CourseSessionFactory(course=classroom_course, days=2)
    participant = BookingFactory(session=session).participants.get()
    _all_present(session, participant)

    assert not attendance.may_issue_certificates(session)
    assert attendance.issue_attendance_certificates(session) == []


def test_a_name_that_cannot_be_printed_waits_for_a_correction(held_session):
    participant = BookingFactory(session=held_session).participants.get()
    Participant.objects.filter(pk=participant.pk).update(name="Jan\u202eJansen")
    _all_present(held_session, participant)

    assert attendance.issue_attendance_certificates(held_session) == []
    Participant.objects.filter(pk=participant.pk).update(name="Jan Jansen")
    [certificate] = attendance.issue_attendance_certificates(held_session)
    assert certificate.learner_name == "Jan Jansen"


def test_a_participant_who_is_not_the_contact_gets_the_pdf_but_not_the_booking_link(
    held_session, outbox_email, django_capture_on_commit_callbacks
):
    booking = BookingFactory(
        session=held_session, seats=2, participants=["Anna de Boer", "Piet Smit"]
    )
    Participant.objects.filter(booking=booking, name="Piet Smit").update(email="piet@example.org")
    _all_present(held_session, *booking.participants.all())

    with django_capture_on_commit_callbacks(execute=True):
        attendance.issue_attendance_certificates(held_session)

    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert set(by_recipient) == {"piet@example.org", booking.contact_email}
    assert "/boeking/" not in by_recipient["piet@example.org"].body
    assert "/boeking/" in by_recipient[booking.contact_email].body
    assert by_recipient["piet@example.org"].attachments[0][2] == "application/pdf"


# --- The download through the booking's link ------------------------------------------------------


def test_the_booking_link_downloads_its_participants_certificate_only(client, held_session):
    booking = BookingFactory(session=held_session)
    participant = booking.participants.get()
    other = BookingFactory(session=held_session)
    stranger = other.participants.get()
    _all_present(held_session, participant, stranger)
    attendance.issue_attendance_certificates(held_session)
    token = bookings.booking_token(booking)

    response = client.get(reverse("courses:participant_certificate", args=[token, participant.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"]

    # Another booking's participant, through this booking's link: not found.
    response = client.get(reverse("courses:participant_certificate", args=[token, stranger.pk]))
    assert response.status_code == 404
    # A token that is not ours, or a participant without a certificate: not found alike.
    response = client.get(reverse("courses:participant_certificate", args=["x:y", participant.pk]))
    assert response.status_code == 404
    absent = BookingFactory(session=held_session)
    response = client.get(
        reverse(
            "courses:participant_certificate",
            args=[bookings.booking_token(absent), absent.participants.get().pk],
        )
    )
    assert response.status_code == 404


# --- Personal data of bookings, participants and attendance (courses/privacy.py) ------------------


def test_a_users_bookings_are_exported_and_erased_but_their_invoices_are_kept(held_session):
    user = UserFactory()
    booking = BookingFactory(session=held_session, contact_email=user.email, user=user)
    participant = booking.participants.get()
    _all_present(held_session, participant)
    [certificate] = attendance.issue_attendance_certificates(held_session)
    invoice = Invoice.objects.create(
        number="2026-0001",
        booking=booking,
        issued_on=timezone.localdate(),
        recipient_name=booking.contact_name,
        net_amount=Decimal("195"),
        total_amount=Decimal("195"),
    )
    someone_else = BookingFactory(session=held_session)

    export = {item["key"]: item["records"] for item in export_user_data(user)["sections"]}
    [record] = export["course_booking"]
    assert record["reference"] == booking.reference
    assert record["participants"][0]["certificate"] == certificate.code
    assert [day["present"] for day in record["participants"][0]["attendance"]] == [True, True]
    assert export["course_bookkeeping"][0]["invoice"] == "2026-0001"

    erase_user_data(user)

    booking.refresh_from_db()
    participant.refresh_from_db()
    assert (booking.contact_name, booking.contact_email, booking.user) == ("", "", None)
    assert booking.anonymised_at is not None
    assert participant.name == "" and participant.certificate is None
    assert not Certificate.objects.filter(pk=certificate.pk).exists()
    # Bookkeeping keeps the invoice as issued; someone else's booking is untouched.
    assert Invoice.objects.get(pk=invoice.pk).recipient_name != ""
    someone_else.refresh_from_db()
    assert someone_else.contact_name != ""


def test_two_years_after_the_session_participants_are_anonymised(held_session):
    booking = BookingFactory(session=held_session)
    recent = BookingFactory(session=CourseSessionFactory(course=held_session.course))

    counts = purge_expired_data(now=held_session.starts_at + retention("course_booking"))
    assert counts["course_booking"] == 0
    later = held_session.starts_at + retention("course_booking") + datetime.timedelta(days=1)
    counts = purge_expired_data(now=later)

    assert counts["course_booking"] == 1
    booking.refresh_from_db()
    assert booking.anonymised_at is not None
    assert booking.participants.get().name == ""
    recent.refresh_from_db()
    assert recent.anonymised_at is None
    assert retention("course_bookkeeping") >= datetime.timedelta(days=7 * 365)
