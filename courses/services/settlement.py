"""Settling a payment once the money is there: mark it paid and confirm its booking, at most
once however many times and ways the news arrives (Stripe's webhook, retried or concurrent,
and the booker's return to the success URL). Also where a provider that confirms at once
(free, invoice) gets its booking confirmed: `confirm_for_start`.

In the services layer because it confirms bookings (bookings.py); the providers
(courses/payments/) only record what the provider said.

Order of locks, always the same so that none waits on the other in a circle: the session
(`CourseSession.lock`, as bookings.py and cancellations.py take it), then the payment row
(the conditional UPDATE below). Only the UPDATE that moves the payment to PAID goes on to
confirm; a second one finds it paid and changes nothing.
"""

import datetime
from enum import StrEnum

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from ..classroom import Booking, CourseSession, Payment, PaymentMethod, PaymentStatus
from ..payments.base import BookingNotPayable, SeatGone
from ..payments.notices import flag_refund_needed
from . import bookings

# A payment still open to be settled. A FAILED or EXPIRED one included: money that arrives
# anyway (a late iDEAL confirmation) is money received and must be accounted for.
SETTLEABLE = (
    PaymentStatus.CREATED,
    PaymentStatus.PENDING,
    PaymentStatus.FAILED,
    PaymentStatus.EXPIRED,
    PaymentStatus.CANCELLED,
)


class Settlement(StrEnum):
    CONFIRMED = "confirmed"  # this payment confirmed the booking
    ALREADY_SETTLED = "already_settled"  # handled before: nothing changed
    REFUND_NEEDED = "refund_needed"  # no seat for it, or paid twice: the coordinator refunds


def session_id_of(payment_id: int) -> int:
    return Payment.objects.values_list("booking__session_id", flat=True).get(pk=payment_id)


def lock_session(session_id: int) -> None:
    """Take the session's lock (see the module docstring for the order). Call it first in the
    transaction: on SQLite a read before the first write makes a concurrent writer fail
    instead of wait (`CourseSession.lock`), so callers look the id up beforehand."""
    CourseSession(pk=session_id).lock()


def confirm_for_start(booking: Booking, *, now: datetime.datetime) -> None:
    """Confirm a booking whose payment confirms it at once (free, invoice), inside the
    caller's transaction, before the provider records its payment: the session's lock first.
    Raises SeatGone (the hold ran out and the seat went) or BookingNotPayable (confirmed
    already: a second submit of the same form)."""
    lock_session(booking.session_id)
    outcome = bookings.confirm_paid(booking.pk, now=now)
    if outcome == bookings.ConfirmOutcome.NO_SEAT:
        raise SeatGone(booking.pk)
    if outcome == bookings.ConfirmOutcome.ALREADY_CONFIRMED:
        raise BookingNotPayable(booking.pk)


def settle_paid(
    payment_id: int, *, payment_intent: str = "", now: datetime.datetime | None = None
) -> Settlement:
    """The money of `payment_id` arrived: mark it paid and confirm the booking, once."""
    now = now or timezone.now()
    changes: dict[str, object] = {"status": PaymentStatus.PAID, "paid_at": now}
    if payment_intent:
        changes["payment_intent"] = payment_intent
    session_id = session_id_of(payment_id)
    with transaction.atomic():
        lock_session(session_id)
        if not Payment.objects.filter(pk=payment_id, status__in=SETTLEABLE).update(**changes):
            return Settlement.ALREADY_SETTLED
        payment = Payment.objects.get(pk=payment_id)
        outcome = bookings.confirm_paid(payment.booking_id, payment_id=payment.pk, now=now)
        if outcome == bookings.ConfirmOutcome.CONFIRMED:
            return Settlement.CONFIRMED
        if outcome == bookings.ConfirmOutcome.ALREADY_CONFIRMED and not _covered_elsewhere(payment):
            # Confirmed by hand before the money came: this payment is the booking's payment.
            return Settlement.CONFIRMED
        reason = "no_seat" if outcome == bookings.ConfirmOutcome.NO_SEAT else "paid_twice"
        flag_refund_needed(payment.pk, reason)
        return Settlement.REFUND_NEEDED


def _covered_elsewhere(payment: Payment) -> bool:
    """Whether another payment of the booking already pays it (paid, or an invoice out)."""
    return (
        Payment.objects.filter(booking_id=payment.booking_id)
        .exclude(pk=payment.pk)
        .filter(
            Q(status=PaymentStatus.PAID)
            | Q(provider=PaymentMethod.INVOICE, status=PaymentStatus.PENDING)
        )
        .exists()
    )
