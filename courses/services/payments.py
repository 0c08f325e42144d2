"""Use cases of the money of classroom bookings: which methods a booking may use, starting a
payment, settling a Stripe checkout (webhook and success URL alike), refunds, and an invoice
marked paid.

The providers (courses/payments/) talk to the provider and write Payment and Invoice rows;
what that means for the booking is done here, after (or, for a provider that confirms at once,
around) the provider's answer: confirming the booking (free and invoice: before `start`, in
the same transaction, so an invoice is issued only with its seat), holding its seats until a
Stripe checkout ends, settling (settlement.py). The imports run this way only, never from the
providers back to the services.

At most once, whichever way and however often the news comes:
- each Stripe event is handled once: its id is stored (ProviderEvent, unique) in the same
  transaction as its effect, so a retried or concurrent delivery finds it and does nothing,
  and an effect that failed leaves no id behind and is done when Stripe retries;
- a payment is settled once: only the conditional UPDATE that moves it to PAID goes on to
  confirm the booking (courses/services/settlement.py), so the booker gets one email.
A database error is not caught here: the webhook answers 500 and Stripe delivers again.

Seats: a payment that arrives after its hold ran out and its seat went to someone else is
never squeezed in; it is flagged REFUND_NEEDED and the coordinators are told.
"""

import logging
import secrets
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import stripe
from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone

from .. import payments as providers
from ..classroom import (
    Booking,
    BookingStatus,
    Payment,
    PaymentMethod,
    PaymentStatus,
    ProviderEvent,
)
from ..payments import stripe as stripe_provider
from ..payments.base import (
    BookingNotPayable,
    MethodNotAvailable,
    PaymentError,
    PaymentStart,
    RefundFailed,
    ReturnUrls,
)
from ..payments.notices import flag_refund_needed
from . import bookings
from .booking_links import booking_token
from .settlement import Settlement, confirm_for_start, settle_paid

logger = logging.getLogger(__name__)

STRIPE = "stripe"


class InvoiceDetailsMissing(PaymentError):
    """Paying by invoice needs the invoice address."""


class WebhookRejected(Exception):
    """Not a genuine, fresh Stripe event (unsigned, tampered, stale, or malformed)."""


@dataclass(frozen=True)
class InvoiceDetails:
    invoice_address: str
    purchase_order: str = ""


# --- Starting ------------------------------------------------------------------------------------


def available_methods(booking: Booking) -> list[str]:
    """The PaymentMethod values `booking` may be paid with, in the order to offer them."""
    return [provider.identifier for provider in providers.available_providers(booking)]


def awaits_payment(booking: Booking, now=None) -> bool:
    """Whether the booking waits for its payment and still holds its seats."""
    return booking.status == BookingStatus.PENDING and booking.hold_lasts(now)


def _new_reference() -> str:
    return f"PAY-{secrets.token_hex(8).upper()}"


def return_urls(booking: Booking, request: HttpRequest) -> ReturnUrls:
    """Where a provider's page sends the booker back to: the payment's return page, or the
    payment choice to choose again; absolute, on the host the booker used."""
    token = booking_token(booking)
    return ReturnUrls(
        return_url=request.build_absolute_uri(reverse("courses:payment_return", args=[token])),
        cancel_url=request.build_absolute_uri(reverse("courses:payment_choice", args=[token])),
    )


def start_payment(
    booking: Booking,
    method: str,
    *,
    request: HttpRequest,
    invoice_details: InvoiceDetails | None = None,
) -> PaymentStart:
    """Start paying `booking` with `method`: Stripe answers with the address of its checkout
    (and the booking's seats stay held until the checkout ends), free and invoice confirm the
    booking at once (the invoice issued in the same transaction).

    Raises BookingNotPayable (nothing to pay, or the hold ran out), MethodNotAvailable,
    InvoiceDetailsMissing, SeatGone (the seat went meanwhile), ProviderUnavailable."""
    if not awaits_payment(booking):
        raise BookingNotPayable(booking.pk)
    if method not in available_methods(booking):
        raise MethodNotAvailable(method)
    provider = providers.provider_for(method)
    if method == PaymentMethod.INVOICE and not (
        invoice_details and invoice_details.invoice_address.strip()
    ):
        raise InvoiceDetailsMissing(booking.pk)
    with transaction.atomic():
        bookings.choose_payment(booking, method)
        if invoice_details is not None and method == PaymentMethod.INVOICE:
            booking.purchase_order = invoice_details.purchase_order.strip()
            booking.invoice_address = invoice_details.invoice_address.strip()
            Booking.objects.filter(pk=booking.pk).update(
                purchase_order=booking.purchase_order, invoice_address=booking.invoice_address
            )
        payment = Payment.objects.create(
            booking=booking,
            provider=method,
            reference=_new_reference(),
            amount=booking.total_price,
        )
    urls = return_urls(booking, request)
    now = timezone.now()
    try:
        if provider.confirms_at_start:
            # One transaction: the provider records its payment (and issues the invoice) only
            # for a booking that got its seat, and a booking is confirmed only with them.
            with transaction.atomic():
                confirm_for_start(booking, now=now)
                start = provider.start(booking, payment, urls=urls)
        else:
            start = provider.start(booking, payment, urls=urls)
    except PaymentError:
        Payment.objects.filter(pk=payment.pk, status=PaymentStatus.CREATED).update(
            status=PaymentStatus.CANCELLED
        )
        raise
    if start.hold_until is not None:
        # Money that arrives while the provider's page is open must find its seat.
        bookings.extend_hold(booking.pk, start.hold_until, now=now)
    return start


# --- Stripe: settling ----------------------------------------------------------------------------


def fulfil_checkout_session(checkout_session_id: str) -> Settlement | None:
    """Settle the payment of a Stripe checkout session as Stripe has it now (the booker's
    return to the success URL; the webhook passes the session it got). None while it is not
    paid (iDEAL may take a while), or for a session that is not ours.
    Raises ProviderUnavailable when Stripe cannot be asked."""
    return apply_checkout_session(stripe_provider.retrieve_session(checkout_session_id))


def _stripe_payment(session: dict[str, Any]) -> Payment | None:
    """Our payment of a checkout session, checked against what Stripe says was charged."""
    reference = session.get("client_reference_id") or (session.get("metadata") or {}).get(
        "payment_reference"
    )
    payment = Payment.objects.filter(reference=reference or "", provider=STRIPE).first()
    if payment is None:
        logger.info("Stripe checkout session for no payment of ours ignored")
        return None
    if payment.external_id and payment.external_id != session.get("id"):
        logger.warning("Payment %s: checkout session does not match", payment.pk)
        return None
    if session.get("amount_total") != stripe_provider.cents(payment.amount) or (
        str(session.get("currency", "")).lower() != payment.currency.lower()
    ):
        logger.warning("Payment %s: amount charged does not match", payment.pk)
        return None
    return payment


def apply_checkout_session(session: dict[str, Any]) -> Settlement | None:
    payment = _stripe_payment(session)
    if payment is None:
        return None
    if session.get("payment_status") != "paid":
        # Completed but not paid yet (iDEAL confirming): wait for async_payment_succeeded.
        return None
    return settle_paid(payment.pk, payment_intent=str(session.get("payment_intent") or ""))


def _checkout_failed(session: dict[str, Any]) -> None:
    payment = _stripe_payment(session)
    if payment is not None:
        Payment.objects.filter(
            pk=payment.pk, status__in=(PaymentStatus.CREATED, PaymentStatus.PENDING)
        ).update(status=PaymentStatus.FAILED)


def _checkout_expired(session: dict[str, Any]) -> None:
    # Conditional: a checkout that was paid stays paid whatever comes after.
    payment = _stripe_payment(session)
    if payment is not None:
        Payment.objects.filter(
            pk=payment.pk, status__in=(PaymentStatus.CREATED, PaymentStatus.PENDING)
        ).update(status=PaymentStatus.EXPIRED)


def _charge_refunded(charge: dict[str, Any]) -> None:
    payment_intent = charge.get("payment_intent") or ""
    reference = (charge.get("metadata") or {}).get("payment_reference") or ""
    payment = (
        Payment.objects.filter(provider=STRIPE, payment_intent=payment_intent).first()
        if payment_intent
        else None
    ) or Payment.objects.filter(provider=STRIPE, reference=reference).first()
    if payment is None:
        return
    refunded = Decimal(int(charge.get("amount_refunded") or 0)) / 100
    stripe_provider.record_refund(payment.pk, refunded)


_HANDLERS = {
    "checkout.session.completed": apply_checkout_session,
    "checkout.session.async_payment_succeeded": apply_checkout_session,
    "checkout.session.async_payment_failed": _checkout_failed,
    "checkout.session.expired": _checkout_expired,
    "charge.refunded": _charge_refunded,
}


def handle_stripe_webhook(payload: bytes, signature_header: str) -> bool:
    """Verify and handle one webhook delivery; True when it had an effect, False for an event
    handled before or of no interest. Raises WebhookRejected for anything not a genuine,
    fresh event from Stripe (within the library's 5-minute tolerance): it changes nothing.
    Database errors are raised on purpose (see the module docstring)."""
    secret = settings.STRIPE_WEBHOOK_SECRET
    if not secret:
        raise WebhookRejected("no webhook secret configured")
    try:
        event = stripe.Webhook.construct_event(payload, signature_header, secret).to_dict()
        event_id, event_type = str(event["id"]), str(event["type"])
        data = event["data"]["object"]
    except (stripe.SignatureVerificationError, ValueError, KeyError, TypeError) as error:
        raise WebhookRejected(type(error).__name__) from error
    handler = _HANDLERS.get(event_type)
    if handler is None:
        return False
    with transaction.atomic():
        # First in the transaction: the event's row is its lock. A concurrent delivery of the
        # same event waits here until this one commits, then finds it.
        try:
            with transaction.atomic():
                ProviderEvent.objects.create(
                    provider=STRIPE, event_id=event_id, event_type=event_type
                )
        except IntegrityError:
            return False
        handler(data)
    return True


# --- Refunds and invoices ------------------------------------------------------------------------

# Payments refunds look at: money taken (or owed, by invoice), and checkouts still open.
_REFUNDABLE = (PaymentStatus.PAID, PaymentStatus.REFUND_NEEDED, PaymentStatus.PENDING)


def refund_booking(booking: Booking, *, reason: str) -> list[Payment]:
    """Give back what `booking` paid, each payment through the provider that took it: Stripe
    refunds, an invoice gets a credit note (never an edit), an open checkout is closed. A
    refund the provider refuses is flagged REFUND_NEEDED for the coordinators, not raised:
    the cancellation stands. Returns the payments refunded (or credited)."""
    done: list[Payment] = []
    for payment in booking.payments.filter(status__in=_REFUNDABLE).order_by("pk"):
        if payment.provider == PaymentMethod.STRIPE and payment.status == PaymentStatus.PENDING:
            stripe_provider.close_checkout(payment)
            continue
        amount = payment.amount - payment.refunded_amount
        if amount <= 0 and payment.provider != PaymentMethod.FREE:
            continue
        try:
            providers.provider_for(payment.provider).refund(payment, amount, reason=reason)
        except RefundFailed:
            flag_refund_needed(payment.pk, "refund_failed")
            continue
        payment.refresh_from_db()
        done.append(payment)
    return done


def mark_invoice_paid(payment: Payment, *, now=None) -> bool:
    """A coordinator saw the invoice's money arrive; False when it was not an open invoice."""
    updated = Payment.objects.filter(
        pk=payment.pk, provider=PaymentMethod.INVOICE, status=PaymentStatus.PENDING
    ).update(status=PaymentStatus.PAID, paid_at=now or timezone.now())
    payment.refresh_from_db()
    return bool(updated)


def mark_refunded_by_hand(payment: Payment, *, now=None) -> bool:
    """A coordinator sent a flagged payment's money back themselves (a bank transfer)."""
    updated = Payment.objects.filter(pk=payment.pk, status=PaymentStatus.REFUND_NEEDED).update(
        status=PaymentStatus.REFUNDED,
        refunded_amount=payment.amount,
        refunded_at=now or timezone.now(),
    )
    payment.refresh_from_db()
    return bool(updated)
