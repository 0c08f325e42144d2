"""A free session: nothing to pay, the booking is confirmed at once."""

from decimal import Decimal

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..classroom import Booking, Payment, PaymentMethod, PaymentStatus
from ..services import bookings
from .base import BookingNotPayable, PaymentProvider, PaymentStart, SeatGone
from .fulfilment import lock_session


class FreeProvider(PaymentProvider):
    identifier = PaymentMethod.FREE
    verbose_name = _("Free")
    description = _("This session costs nothing.")

    def is_available(self, booking: Booking) -> bool:
        return booking.total_price == 0

    def start(self, booking: Booking, payment: Payment, *, request: HttpRequest) -> PaymentStart:
        now = timezone.now()
        with transaction.atomic():
            lock_session(booking.session_id)
            outcome = bookings.confirm_paid(booking.pk, now=now)
            if outcome == bookings.ConfirmOutcome.NO_SEAT:
                raise SeatGone(booking.pk)
            if outcome == bookings.ConfirmOutcome.ALREADY_CONFIRMED:
                raise BookingNotPayable(booking.pk)
            Payment.objects.filter(pk=payment.pk).update(status=PaymentStatus.PAID, paid_at=now)
        payment.refresh_from_db()
        return PaymentStart(payment)

    def refund(self, payment: Payment, amount: Decimal, *, reason: str = "") -> None:
        # Nothing was paid, so nothing goes back; the payment just ends.
        Payment.objects.filter(pk=payment.pk).update(
            status=PaymentStatus.CANCELLED, refunded_at=timezone.now()
        )
