"""Telling the training coordinators about money that needs a person: a payment to refund
by hand (it arrived after the seat went, was paid twice, or the provider refused the refund),
flagged REFUND_NEEDED by `flag_refund_needed`.

The message carries references only; the coordinator opens the booking in the admin. It goes
out after commit, so a rolled-back fulfilment tells nobody.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from portal import roles
from portal.mail.services import send_templated_mail

from ..classroom import Payment, PaymentStatus

logger = logging.getLogger(__name__)

TEMPLATE = "courses/payments/mail/refund_needed"

# Why a payment needs a refund by hand, as the coordinator reads it.
REASONS = {
    "no_seat": _("The payment arrived after the seat was held no longer and went to someone else."),
    "paid_twice": _("The booking was already paid or invoiced: this payment came on top."),
    "refund_failed": _("The payment provider did not take the refund."),
    "invoice_paid": _("The invoice was paid; a credit note was issued. Transfer the money back."),
}


def coordinator_addresses() -> list[str]:
    users = get_user_model().objects.filter(groups__name=roles.TRAINING_COORDINATOR, is_active=True)
    return sorted({email for email in users.values_list("email", flat=True) if email})


def flag_refund_needed(payment_id: int, reason: str) -> None:
    """Mark the payment for a refund by hand and tell the coordinators (after commit)."""
    Payment.objects.filter(pk=payment_id).update(
        status=PaymentStatus.REFUND_NEEDED, note=reason[:255]
    )
    tell_refund_needed(payment_id, reason)


def tell_refund_needed(payment_id: int, reason: str) -> None:
    """Tell the coordinators, after commit, that `payment_id` needs a refund by hand."""
    logger.warning("Payment %s needs a refund by hand (%s)", payment_id, reason)
    transaction.on_commit(lambda: _send(payment_id, reason), robust=True)


def _send(payment_id: int, reason: str) -> None:
    payment = Payment.objects.select_related("booking").get(pk=payment_id)
    context = {
        "payment_reference": payment.reference,
        "booking_reference": payment.booking.reference,
        "amount": payment.amount,
        "provider": payment.get_provider_display(),
        "reason": REASONS.get(reason, reason),
        "admin_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/admin/",
    }
    for address in coordinator_addresses():
        send_templated_mail(TEMPLATE, context, address, language=settings.LANGUAGE_CODE)
