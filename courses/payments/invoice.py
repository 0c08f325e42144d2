"""Pay by invoice (organisations): the invoice is issued and the booking confirmed at once;
the seat is the customer's, payment is due in PAYMENT_TERM_DAYS. The service confirms the
booking (courses/services/payments.py) and calls `start` in the same transaction, so an
invoice is issued only for a booking that got its seat, and a booking is confirmed only with
its invoice. The payment stays pending until a coordinator marks it paid in the admin
(courses/services/payments.mark_invoice_paid). Numbering and issuing: invoices.py.

Money back is a credit note, never an edited invoice. Money already transferred is sent back
by the coordinator, who is told so.
"""

from decimal import Decimal

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from ..classroom import Booking, Invoice, InvoiceKind, Payment, PaymentMethod, PaymentStatus
from . import invoices
from .base import (
    PaymentProvider,
    PaymentStart,
    RefundFailed,
    ReturnUrls,
    refund_reason_text,
)
from .notices import tell_refund_needed


class InvoiceProvider(PaymentProvider):
    identifier = PaymentMethod.INVOICE
    verbose_name = _("Invoice to the organisation")
    description = _("Your seat is confirmed at once; the invoice is due within 30 days.")
    confirms_at_start = True

    def is_available(self, booking: Booking) -> bool:
        return booking.total_price > 0

    def start(self, booking: Booking, payment: Payment, *, urls: ReturnUrls) -> PaymentStart:
        with transaction.atomic():
            invoice = invoices.issue_invoice(
                booking,
                purchase_order=booking.purchase_order,
                invoice_address=booking.invoice_address,
            )
            Payment.objects.filter(pk=payment.pk).update(
                status=PaymentStatus.PENDING, external_id=invoice.number
            )
        payment.refresh_from_db()
        return PaymentStart(payment)

    def refund(self, payment: Payment, amount: Decimal, *, reason: str = "") -> None:
        invoice = invoice_of(payment)
        if invoice is None:
            raise RefundFailed(payment.pk)
        with transaction.atomic():
            with translation.override(invoice.language):
                reason_text = refund_reason_text(reason)
            invoices.issue_credit_note(invoice, amount=amount, reason=reason_text)
            refunded = payment.refunded_amount + amount
            if payment.status == PaymentStatus.PAID:
                # The money came in by bank transfer: a person sends it back, and is told.
                Payment.objects.filter(pk=payment.pk).update(
                    status=PaymentStatus.REFUND_NEEDED,
                    refunded_amount=refunded,
                    note="invoice_paid",
                )
                tell_refund_needed(payment.pk, "invoice_paid")
            else:
                # Not paid yet: the credit note cancels what is owed.
                Payment.objects.filter(pk=payment.pk).update(
                    status=PaymentStatus.CANCELLED,
                    refunded_amount=refunded,
                    refunded_at=timezone.now(),
                )


def invoice_of(payment: Payment) -> Invoice | None:
    """The invoice a payment by invoice issued (its number is the payment's external id)."""
    return Invoice.objects.filter(
        number=payment.external_id, kind=InvoiceKind.INVOICE, booking_id=payment.booking_id
    ).first()
