"""A free session: nothing to pay. The service confirms the booking (courses/services/
payments.py); the payment is recorded as paid in the same transaction."""

from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..classroom import Booking, Payment, PaymentMethod, PaymentStatus
from .base import PaymentProvider, PaymentStart, ReturnUrls


class FreeProvider(PaymentProvider):
    identifier = PaymentMethod.FREE
    verbose_name = _("Free")
    description = _("This session costs nothing.")
    confirms_at_start = True

    def is_available(self, booking: Booking) -> bool:
        return booking.total_price == 0

    def start(self, booking: Booking, payment: Payment, *, urls: ReturnUrls) -> PaymentStart:
        Payment.objects.filter(pk=payment.pk).update(
            status=PaymentStatus.PAID, paid_at=timezone.now()
        )
        payment.refresh_from_db()
        return PaymentStart(payment)

    def refund(self, payment: Payment, amount: Decimal, *, reason: str = "") -> None:
        # Nothing was paid, so nothing goes back; the payment just ends.
        Payment.objects.filter(pk=payment.pk).update(
            status=PaymentStatus.CANCELLED, refunded_at=timezone.now()
        )
