"""The messages of classroom bookings: confirmed, paid, on the waiting list, a seat offered,
cancelled, a reminder before the session, a certificate earned.

Each message is one `send_*` function that takes ids only and reads the booking as it is when
the message goes out: the task queue (a database table in production) then holds no personal
data, and a message about a booking that changed meanwhile (cancelled before its reminder,
offered and taken) is not sent. The tasks in courses/tasks.py run them; callers in the use
cases write one line, `queue_*`, which enqueues the task once their transaction commits, so a
rolled-back booking tells nobody anything.

A message goes into the outbox (portal/mail) like every email, with its calendar file
attached where the booker wants the days in their calendar. Subjects and calendar titles name
the course unless the booker asked for neutral messages (Booking.neutral_messages): an inbox
or a calendar can be shared, and "Basistraining meldcode" tells a partner more than
"Uw boeking bij Steiger". The body, which only the reader opens, names the course always.

Calendar files (`calendar_file`): one VEVENT per day of the session, in UTC, each with a UID
that stays the same for the booking's n-th day, so a moved booking updates the same entries
and a cancellation (METHOD:CANCEL, same UIDs) removes them. SEQUENCE counts minutes since the
booking was made: every later file outranks an earlier one without storing a counter, and a
cancellation adds one more.

Reminders (`send_due_reminders`) run from `manage.py run_maintenance`: each of
settings.COURSE_REMINDER_DAYS once per booking (Booking.reminders_sent).
"""

import datetime
import logging
from collections.abc import Callable, Iterable
from decimal import Decimal
from urllib.parse import urlsplit

import icalendar
from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.module_loading import import_string
from django.utils.translation import gettext

from portal.mail import usefulness
from portal.mail.services import absolute_url

from ..classroom import (
    Booking,
    BookingStatus,
    CourseSession,
    CourseSessionDay,
    Participant,
    Payment,
    PaymentStatus,
)
from ..records import Certificate
from .booking_links import booking_token
from .certificates import verification_url

logger = logging.getLogger(__name__)

TEMPLATES = "courses/mail/"
CALENDAR_MIMETYPE = "text/calendar"
# Payments whose money reached us: a cancelled booking with one of these is refunded.
_MONEY_RECEIVED = (PaymentStatus.PAID, PaymentStatus.REFUND_NEEDED, PaymentStatus.REFUNDED)
# However soon a session starts, a confirmation is worth delivering for at least this long.
_MINIMUM_USEFULNESS = datetime.timedelta(hours=12)

Attachment = tuple[str, str | bytes, str]


# --- Queueing: what the use cases call ----------------------------------------------------------


def _enqueue_after_commit(task_name: str, *args, **kwargs) -> None:
    def enqueue() -> None:
        # By name: courses/tasks.py imports this module to run the messages.
        import_string(f"courses.tasks.{task_name}").enqueue(*args, **kwargs)

    # robust: a task queue that is down must not turn the booker's request into an error.
    transaction.on_commit(enqueue, robust=True)


def queue_booking_confirmed(booking_id: int) -> None:
    _enqueue_after_commit("send_booking_confirmed", booking_id)


def queue_payment_received(booking_id: int, payment_id: int) -> None:
    _enqueue_after_commit("send_payment_received", booking_id, payment_id)


def queue_waitlisted(booking_id: int) -> None:
    _enqueue_after_commit("send_waitlisted", booking_id)


def queue_offer(booking_id: int) -> None:
    _enqueue_after_commit("send_offer", booking_id)


def queue_booking_cancelled(booking_id: int, *, by_centre: bool) -> None:
    _enqueue_after_commit("send_booking_cancelled", booking_id, by_centre=by_centre)


def queue_reminder(booking_id: int, days_before: int) -> None:
    _enqueue_after_commit("send_reminder", booking_id, days_before)


def queue_certificate_available(participant_id: int) -> None:
    _enqueue_after_commit("send_certificate_available", participant_id)


# --- The messages --------------------------------------------------------------------------------


def send_booking_confirmed(booking_id: int) -> bool:
    """The booking is confirmed (free, paid by invoice, an offer taken, moved): the days, the
    place and the booking page, with the calendar file. True when queued in the outbox."""
    booking = _booking(booking_id)
    if booking is None or booking.status != BookingStatus.CONFIRMED:
        return False
    return _send(
        booking,
        "booking_confirmed",
        attachments=[_calendar_attachment(booking)],
        useful_for=_until_session_ends(booking.session),
    )


def send_payment_received(booking_id: int, payment_id: int) -> bool:
    """The payment arrived and the booking is confirmed, with the calendar file."""
    booking = _booking(booking_id)
    if booking is None or booking.status != BookingStatus.CONFIRMED:
        return False
    payment = Payment.objects.filter(pk=payment_id, booking=booking).first()
    if payment is None:
        return False
    return _send(
        booking,
        "payment_received",
        {"amount": amount_text(payment.amount)},
        attachments=[_calendar_attachment(booking)],
        useful_for=_until_session_ends(booking.session),
    )


def send_waitlisted(booking_id: int) -> bool:
    """The session is full: the booker is on the waiting list and hears when a seat frees."""
    booking = _booking(booking_id)
    if booking is None or booking.status != BookingStatus.WAITLISTED:
        return False
    return _send(booking, "booking_waitlisted", useful_for=_until(booking.session.starts_at))


def send_offer(booking_id: int) -> bool:
    """A seat came free for the first in line: take it on the booking page before
    `held_until`; afterwards the message is useless and dropped unsent."""
    booking = _booking(booking_id)
    if booking is None or not booking.hold_lasts() or booking.status != BookingStatus.OFFERED:
        return False
    return _send(
        booking,
        "booking_offer",
        {"held_until": booking.held_until, "pays": booking.total_price > 0},
        useful_for=booking.held_until - timezone.now(),
    )


def send_booking_cancelled(booking_id: int, *, by_centre: bool) -> bool:
    """The booking is cancelled: by the booker, or (`by_centre`) with the whole session.
    Says whether the money comes back, lists the course's other dates, and removes the days
    from the calendar when the booker had them there."""
    booking = _booking(booking_id)
    if booking is None or booking.status != BookingStatus.CANCELLED:
        return False
    session = booking.session
    attachments = []
    if booking.confirmed_at is not None:  # only a confirmed booking sent calendar entries
        attachments.append(_calendar_attachment(booking, cancel=True))
    return _send(
        booking,
        "booking_cancelled",
        {
            "by_centre": by_centre,
            "refunded": booking.payments.filter(status__in=_MONEY_RECEIVED).exists(),
            "credited": booking.invoices.exists(),
            "other_sessions": _other_sessions(session),
            "course_url": session.course.get_full_url() or "",
        },
        attachments=attachments,
    )


def send_reminder(booking_id: int, days_before: int) -> bool:
    """A reminder `days_before` the session, with the calendar file again."""
    booking = _booking(booking_id)
    if (
        booking is None
        or booking.status != BookingStatus.CONFIRMED
        or booking.session.is_cancelled
        or booking.session.starts_at <= timezone.now()
    ):
        return False
    return _send(
        booking,
        "booking_reminder",
        {"days_before": days_before},
        attachments=[_calendar_attachment(booking)],
        useful_for=_until(booking.session.starts_at),
    )


def send_certificate_available(
    participant_id: int, render_pdf: Callable[[Certificate], bytes]
) -> bool:
    """The participant attended every day: their certificate, as a PDF attachment
    (`render_pdf`, courses/certificates/, which the task passes in: that package builds on
    these services), with its code and where anyone checks it. Sent to the participant's own
    address, else to the booking's contact; the link to the booking page goes only to the
    contact (it opens the whole booking)."""
    participant = (
        Participant.objects.select_related(
            "certificate", "booking__session__course", "booking__session__municipality"
        )
        .filter(pk=participant_id, booking__anonymised_at__isnull=True)
        .first()
    )
    if participant is None or participant.certificate is None:
        return False
    booking, certificate = participant.booking, participant.certificate
    recipient = participant.email or booking.contact_email
    is_contact = recipient.strip().lower() == booking.contact_email.strip().lower()
    with translation.override(certificate.language):
        filename = gettext("certificate") + ".pdf"
    return _send(
        booking,
        "certificate_available",
        {
            "name": certificate.learner_name,
            "code": certificate.code,
            "verify_url": verification_url(certificate.code, certificate.language),
            "valid_until": certificate.valid_until,
            "download_url": (
                absolute_url(
                    "courses:participant_certificate",
                    args=(_token(booking), participant.pk),
                    language=booking.language,
                )
                if is_contact
                else ""
            ),
        },
        recipient=recipient,
        attachments=[(filename, render_pdf(certificate), "application/pdf")],
    )


# --- Reminders -----------------------------------------------------------------------------------


def reminder_days() -> tuple[int, ...]:
    """The configured reminders, the earliest (most days before) first."""
    return tuple(sorted({int(days) for days in settings.COURSE_REMINDER_DAYS}, reverse=True))


def due_reminder(booking: Booking, now: datetime.datetime) -> tuple[int | None, list[int]]:
    """Which reminder to send this booking now, and the reminders to count as done.

    The reminder due is the one closest to the session whose moment (that many days before
    the start) has come. Those before it that were missed are skipped, not sent late (a
    booking made three days before needs no "one week to go"), and so is any reminder whose
    moment came before the booking was confirmed: the confirmation just said it all."""
    starts_at = booking.session.starts_at
    done = [int(days) for days in booking.reminders_sent]
    due = [
        days
        for days in reminder_days()
        if days not in done and starts_at - datetime.timedelta(days=days) <= now
    ]
    if not due:
        return None, done
    closest = min(due)
    moment = starts_at - datetime.timedelta(days=closest)
    confirmed_at = booking.confirmed_at or booking.created_at
    send = closest if confirmed_at < moment else None
    return send, sorted({*done, *due})


def send_due_reminders(now: datetime.datetime | None = None) -> int:
    """Send each confirmed booking of a coming session the reminder due now, once; returns how
    many were queued. Safe to run as often as wanted, and by two processes at once: each
    reminder is claimed (reminders_sent updated only when unchanged) before it is sent, and
    given back when it could not even be queued, so the next run tries again."""
    now = now or timezone.now()
    days = reminder_days()
    if not days:
        return 0
    candidates = Booking.objects.filter(
        status=BookingStatus.CONFIRMED,
        anonymised_at__isnull=True,
        session__in=CourseSession.objects.upcoming(now).filter(
            starts_at__lte=now + datetime.timedelta(days=max(days))
        ),
    ).select_related("session")
    sent = 0
    for booking in candidates:
        send, done = due_reminder(booking, now)
        if sorted(done) == sorted(int(day) for day in booking.reminders_sent):
            continue
        claimed = Booking.objects.filter(
            pk=booking.pk, reminders_sent=booking.reminders_sent
        ).update(reminders_sent=done)
        if not claimed or send is None:  # another run got here first, or nothing to send
            continue
        if send_reminder(booking.pk, send):
            sent += 1
        else:
            Booking.objects.filter(pk=booking.pk).update(reminders_sent=booking.reminders_sent)
    return sent


# --- Calendar files ------------------------------------------------------------------------------


def calendar_file(booking: Booking, *, cancel: bool = False) -> str:
    """The session's days as an iCalendar file: METHOD:PUBLISH to add or update them,
    METHOD:CANCEL (same UIDs, a higher SEQUENCE) to remove them."""
    session = booking.session
    now = timezone.now()
    sequence = max(int((now - booking.created_at).total_seconds() // 60), 0) + int(cancel)
    with translation.override(booking.language):
        title = gettext("Appointment %(site)s") % {"site": settings.WAGTAIL_SITE_NAME}
        if not booking.neutral_messages:
            title = session.course.title
        description = gettext("Your booking %(reference)s: %(url)s") % {
            "reference": booking.reference,
            "url": _booking_url(booking),
        }
    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//{settings.WAGTAIL_SITE_NAME}//courses//NL")
    calendar.add("version", "2.0")
    calendar.add("method", "CANCEL" if cancel else "PUBLISH")
    for number, day in enumerate(_days(session), start=1):
        event = icalendar.Event()
        event.add("uid", event_uid(booking, number))
        event.add("dtstamp", now.astimezone(datetime.UTC))
        event.add("dtstart", day.starts_at().astimezone(datetime.UTC))
        event.add("dtend", day.ends_at().astimezone(datetime.UTC))
        event.add("sequence", sequence)
        event.add("summary", title)
        event.add("location", venue_text(session))
        event.add("description", description)
        event.add("status", "CANCELLED" if cancel else "CONFIRMED")
        calendar.add_component(event)
    return calendar.to_ical().decode()


def event_uid(booking: Booking, day_number: int) -> str:
    """The booking's n-th day, the same in every file we send about the booking."""
    host = urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "steiger"
    return f"booking-{booking.pk}-day-{day_number}@{host}"


def venue_text(session: CourseSession) -> str:
    return f"{session.venue_name}, {session.street_address}, {session.postal_code} {session.city}"


def _calendar_attachment(booking: Booking, *, cancel: bool = False) -> Attachment:
    with translation.override(booking.language):
        filename = gettext("appointment") + ".ics"
    return (filename, calendar_file(booking, cancel=cancel), CALENDAR_MIMETYPE)


# --- Helpers -------------------------------------------------------------------------------------


def _booking(booking_id: int) -> Booking | None:
    """The booking as it is now; None when it is gone or anonymised (nobody to write to)."""
    return (
        Booking.objects.select_related("session__course", "session__municipality")
        .filter(pk=booking_id, anonymised_at__isnull=True)
        .first()
    )


def _days(session: CourseSession) -> list[CourseSessionDay]:
    return list(session.days.order_by("date", "start_time"))


def _token(booking: Booking) -> str:
    return booking_token(booking)


def _booking_url(booking: Booking) -> str:
    return absolute_url("courses:booking", args=(_token(booking),), language=booking.language)


def _other_sessions(session: CourseSession) -> list[CourseSession]:
    """The course's other dates still to come, that one can still book."""
    return [
        other
        for other in CourseSession.objects.upcoming()
        .filter(course_id=session.course_id)
        .exclude(pk=session.pk)
        .prefetch_related("days")
        if other.booking_open()
    ]


def _until(moment: datetime.datetime) -> datetime.timedelta:
    return max(moment - timezone.now(), _MINIMUM_USEFULNESS)


def _until_session_ends(session: CourseSession) -> datetime.timedelta:
    days = _days(session)
    return _until(days[-1].ends_at() if days else session.starts_at)


def _context(booking: Booking) -> dict:
    session = booking.session
    return {
        "neutral": booking.neutral_messages,
        "site_name": settings.WAGTAIL_SITE_NAME,
        "course": session.course.title,
        "reference": booking.reference,
        "seats": booking.seats,
        "days": _days(session),
        "starts_at": session.starts_at,
        "venue": venue_text(session),
        "trainers": session.trainers,
        "price": amount_text(booking.total_price),
        "cancellation_deadline": session.cancellation_deadline,
        "unnamed": booking.participants.filter(name="").exists(),
        "booking_url": _booking_url(booking),
    }


def _send(
    booking: Booking,
    name: str,
    extra: dict | None = None,
    *,
    recipient: str | None = None,
    attachments: Iterable[Attachment] = (),
    useful_for: datetime.timedelta | None = None,
) -> bool:
    """Render `courses/mail/<name>_subject.txt` and `<name>.txt` in the booking's language
    and queue the message in the outbox; True when queued. A failure is logged by template
    name and error class only (never the address or the text), and not raised."""
    context = {**_context(booking), **(extra or {})}
    with translation.override(booking.language):
        subject = " ".join(render_to_string(f"{TEMPLATES}{name}_subject.txt", context).split())
        body = render_to_string(f"{TEMPLATES}{name}.txt", context)
    message = EmailMessage(subject, body, None, [recipient or booking.contact_email])
    for filename, content, mimetype in attachments:
        message.attach(filename, content, mimetype)
    try:
        with usefulness.useful_for(useful_for):
            message.send()
    except Exception as error:
        logger.warning("Could not queue the %s email: %s", name, type(error).__name__)
        return False
    return True


def amount_text(amount: Decimal) -> str:
    """Euros as the Dutch write them: 195,00."""
    return f"{amount:.2f}".replace(".", ",")
