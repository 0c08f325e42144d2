"""Cancelling classroom bookings: by the booker until the deadline, or by the centre (one
booking, or a whole session when the trainer falls ill). Each cancellation frees the seats
for the waiting list, refunds through the provider that took the money, and tells the booker.

Apart from bookings.py because it needs both the seats (bookings.py) and the money
(payments.py), and payments.py itself confirms bookings: this module sits above both.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from portal.page_cache import bump_content_version

from ..classroom import Booking, BookingStatus, CourseSession, SessionStatus
from . import booking_mail, payments
from .bookings import CancellationClosed, locked_session, may_cancel, promote_waiting_list

ACTIVE_STATUSES = (
    BookingStatus.PENDING,
    BookingStatus.CONFIRMED,
    BookingStatus.OFFERED,
    BookingStatus.WAITLISTED,
)


def cancel_booking(
    booking: Booking, *, now: datetime.datetime | None = None, by_centre: bool = False
) -> bool:
    """Cancel a booking: its seats go to the waiting list, what was paid is refunded through
    the provider that took it, the booker is told. False when there was nothing to cancel.

    The booker may cancel until the free-cancellation deadline (CancellationClosed after);
    the centre (`by_centre`) any time."""
    now = now or timezone.now()
    with transaction.atomic():
        session = locked_session(booking.session_id)
        booking.refresh_from_db()
        booking.session = session
        if not booking.is_active():
            return False
        if not by_centre and not may_cancel(booking, now=now):
            raise CancellationClosed
        booking.status = BookingStatus.CANCELLED
        booking.cancelled_at = now
        booking.held_until = None
        booking.save(update_fields=["status", "cancelled_at", "held_until"])
    # After the lock: a slow provider must not hold up everyone booking this session. A refund
    # the provider refuses stays flagged for the coordinator (payments.refund_booking).
    payments.refund_booking(booking, reason="cancelled_by_centre" if by_centre else "cancelled")
    booking_mail.queue_booking_cancelled(booking.pk, by_centre=by_centre)
    if not session.is_cancelled:
        promote_waiting_list(session.pk, now=now)
    return True


def cancel_session(session: CourseSession, *, now: datetime.datetime | None = None) -> int:
    """The centre cancels a whole session (the trainer fell ill): no new bookings, every
    booking cancelled, refunded and told, with the course's other dates. Returns the number
    of bookings cancelled. Running it again cancels nothing twice."""
    now = now or timezone.now()
    with transaction.atomic():
        locked_session(session.pk)
        CourseSession.objects.filter(pk=session.pk).update(
            status=SessionStatus.CANCELLED, cancelled_at=now
        )
    # The update sent no signal: the catalogue must stop showing the date now.
    bump_content_version()
    session.refresh_from_db()
    cancelled = 0
    for booking in session.bookings.filter(status__in=ACTIVE_STATUSES):
        cancelled += cancel_booking(booking, now=now, by_centre=True)
    return cancelled
