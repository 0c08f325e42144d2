"""Background work of the courses. No personal data travels as a task argument: the task
queue (a database table in production) holds none."""

from django.tasks import task

from .services import booking_mail, bookings, certificates


@task()
def send_certificate_reminders() -> int:
    """Email the learners whose certificate expires soon, once each
    (courses/services/certificates.py). Production runs `manage.py send_certificate_reminders`
    from the maintenance timer (`run_maintenance`); this is the same for a task scheduler."""
    return certificates.send_expiry_reminders()


# --- Classroom bookings: one task per message (courses/services/booking_mail.py) ---------------
# The use cases enqueue these after commit with booking_mail.queue_*; each reads the booking
# as it is when it runs and queues its message in the outbox.


@task()
def send_booking_confirmed(booking_id: int) -> bool:
    return booking_mail.send_booking_confirmed(booking_id)


@task()
def send_payment_received(booking_id: int, payment_id: int) -> bool:
    return booking_mail.send_payment_received(booking_id, payment_id)


@task()
def send_waitlisted(booking_id: int) -> bool:
    return booking_mail.send_waitlisted(booking_id)


@task()
def send_offer(booking_id: int) -> bool:
    return booking_mail.send_offer(booking_id)


@task()
def send_booking_cancelled(booking_id: int, by_centre: bool = False) -> bool:
    return booking_mail.send_booking_cancelled(booking_id, by_centre=by_centre)


@task()
def send_reminder(booking_id: int, days_before: int) -> bool:
    return booking_mail.send_reminder(booking_id, days_before)


@task()
def send_certificate_available(participant_id: int) -> bool:
    return booking_mail.send_certificate_available(participant_id, _certificate_pdf)


def _certificate_pdf(certificate) -> bytes:
    from .certificates.data import certificate_data  # noqa: PLC0415 (loads the PDF kit: only when mailed)
    from .certificates.pdf import render_certificate_pdf  # noqa: PLC0415 (Pango: only when mailed)

    return render_certificate_pdf(certificate_data(certificate))


@task()
def send_booking_reminders() -> int:
    """The reminders due before coming sessions, once each. Production runs
    `manage.py send_booking_reminders` from `run_maintenance`; this is the same for a task
    scheduler."""
    return booking_mail.send_due_reminders()


@task()
def expire_booking_holds() -> int:
    """Expire bookings whose seat hold ran out and offer the seats to the waiting list.
    Production runs `manage.py expire_booking_holds` from `run_maintenance`; this is the same
    for a task scheduler."""
    return bookings.expire_holds()
