"""Card and iDEAL through Stripe Checkout: the booker pays on Stripe's page, and comes back.

Only the official `stripe` library talks to Stripe (tests point it at a local stub of the HTTP
API through STRIPE_API_BASE). The client is built per call from the settings: cheap, and a
changed key takes effect without a restart. Timeouts are short and retries few: the booker
waits on the other end, and a payment that could not start has charged nothing.

The payment's `reference` travels as the session's client_reference_id and metadata, so the
news (webhook or success URL, courses/services/payments.py) finds exactly this payment.
`start` is given the return and cancel URLs (courses/services/payments.py builds them from the
booking's token); holding the booking's seats until the checkout ends is the service's too
(`PaymentStart.hold_until`).
"""

import datetime
import logging
from decimal import Decimal
from typing import Any

import stripe
from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ..classroom import Booking, Payment, PaymentMethod, PaymentStatus
from .base import PaymentProvider, PaymentStart, ProviderUnavailable, RefundFailed, ReturnUrls

logger = logging.getLogger(__name__)

# Seconds to connect and to wait for an answer; one retry (Stripe's idempotency keys make a
# retried create safe).
TIMEOUT = (3.05, 15.0)
MAX_NETWORK_RETRIES = 1
# Stripe accepts an expiry from 30 minutes to 24 hours after the session is created.
MIN_EXPIRY = datetime.timedelta(minutes=31)
MAX_EXPIRY = datetime.timedelta(hours=23, minutes=55)
PAYMENT_METHOD_TYPES = ["card", "ideal"]
CHECKOUT_LOCALES = {"nl": "nl", "en": "en"}


def is_configured() -> bool:
    return bool(settings.STRIPE_SECRET_KEY)


def client() -> stripe.StripeClient:
    base_addresses = {"api": settings.STRIPE_API_BASE} if settings.STRIPE_API_BASE else None
    return stripe.StripeClient(
        settings.STRIPE_SECRET_KEY,
        base_addresses=base_addresses,
        max_network_retries=MAX_NETWORK_RETRIES,
        http_client=stripe.RequestsClient(timeout=TIMEOUT),
    )


def cents(amount: Decimal) -> int:
    return int((amount * 100).to_integral_value())


def expires_at(booking: Booking, now: datetime.datetime) -> datetime.datetime:
    """The checkout's end: the end of the booking's hold, within Stripe's limits. A hold that
    ends sooner than Stripe's minimum is extended to the checkout's end once the checkout
    exists (`start` returns it as `hold_until`, and courses/services/payments.py extends the
    hold); should that fail (the hold ran out meanwhile), money that arrives for a seat no
    longer held is found when settling (NO_SEAT) and flagged for refund."""
    held_until = booking.held_until or now
    return min(max(held_until, now + MIN_EXPIRY), now + MAX_EXPIRY)


def retrieve_session(session_id: str) -> dict[str, Any]:
    """The checkout session as Stripe has it now, as plain data. Raises ProviderUnavailable."""
    try:
        return client().v1.checkout.sessions.retrieve(session_id).to_dict()
    except stripe.StripeError as error:
        raise ProviderUnavailable(type(error).__name__) from error


class StripeProvider(PaymentProvider):
    identifier = PaymentMethod.STRIPE
    verbose_name = _("Card or iDEAL")
    description = _("Pay now on Stripe's secure payment page.")

    def is_available(self, booking: Booking) -> bool:
        return is_configured() and booking.total_price > 0

    def start(self, booking: Booking, payment: Payment, *, urls: ReturnUrls) -> PaymentStart:
        self._expire_earlier_checkouts(booking, payment)
        now = timezone.now()
        params = {
            "mode": "payment",
            "payment_method_types": PAYMENT_METHOD_TYPES,
            "currency": "eur",
            "line_items": [
                {
                    "quantity": booking.seats,
                    "price_data": {
                        "currency": "eur",
                        "unit_amount": cents(booking.price_per_seat),
                        "product_data": {"name": _product_name(booking)},
                    },
                }
            ],
            "client_reference_id": payment.reference,
            "metadata": {"payment_reference": payment.reference},
            "payment_intent_data": {"metadata": {"payment_reference": payment.reference}},
            # Stripe fills in {CHECKOUT_SESSION_ID}: the return finds its payment by it.
            "success_url": f"{urls.return_url}?session_id={{CHECKOUT_SESSION_ID}}",
            "cancel_url": urls.cancel_url,
            "expires_at": int(expires_at(booking, now).timestamp()),
            "locale": CHECKOUT_LOCALES.get(booking.language, "auto"),
        }
        try:
            session = client().v1.checkout.sessions.create(
                params, options={"idempotency_key": f"checkout-{payment.reference}"}
            )
        except stripe.StripeError as error:
            logger.warning("Stripe checkout for payment %s failed: %s", payment.pk, error.code)
            Payment.objects.filter(pk=payment.pk).update(
                status=PaymentStatus.FAILED, note=type(error).__name__
            )
            raise ProviderUnavailable(type(error).__name__) from error
        Payment.objects.filter(pk=payment.pk, status=PaymentStatus.CREATED).update(
            status=PaymentStatus.PENDING, external_id=session.id
        )
        payment.refresh_from_db()
        return PaymentStart(
            payment,
            redirect_url=session.url,
            # As Stripe has it: whole seconds.
            hold_until=datetime.datetime.fromtimestamp(params["expires_at"], tz=datetime.UTC),
        )

    def _expire_earlier_checkouts(self, booking: Booking, payment: Payment) -> None:
        """Close the booker's earlier, unfinished checkouts (another tab, Back pressed), so
        that they cannot pay twice. Best effort: one Stripe will not close was completed
        meanwhile, and settling it flags the double payment for a refund."""
        earlier = (
            Payment.objects.filter(
                booking=booking,
                provider=PaymentMethod.STRIPE,
                status__in=(PaymentStatus.CREATED, PaymentStatus.PENDING),
            )
            .exclude(pk=payment.pk)
            .exclude(external_id="")
        )
        for each in earlier:
            close_checkout(each, status=PaymentStatus.EXPIRED)

    def refund(self, payment: Payment, amount: Decimal, *, reason: str = "") -> None:
        if not payment.payment_intent:
            raise RefundFailed(payment.pk)
        # Per amount already refunded: a retried call refunds once, a later partial refund is
        # a new one.
        idempotency_key = f"refund-{payment.reference}-{cents(payment.refunded_amount)}"
        try:
            refund = client().v1.refunds.create(
                {
                    "payment_intent": payment.payment_intent,
                    "amount": cents(amount),
                    "metadata": {"payment_reference": payment.reference},
                },
                options={"idempotency_key": idempotency_key},
            )
        except stripe.StripeError as error:
            logger.warning("Stripe refund of payment %s failed: %s", payment.pk, error.code)
            raise RefundFailed(payment.pk) from error
        if refund.status in ("failed", "canceled"):
            raise RefundFailed(payment.pk)
        record_refund(payment.pk, payment.refunded_amount + amount)


def close_checkout(payment: Payment, *, status: str = PaymentStatus.CANCELLED) -> bool:
    """Close an unfinished checkout so that it can no longer be paid (a cancelled booking, a
    newer checkout). False when Stripe would not (completed meanwhile: settling it then finds
    what to do) or could not be reached."""
    try:
        client().v1.checkout.sessions.expire(payment.external_id)
    except stripe.StripeError:
        return False
    Payment.objects.filter(
        pk=payment.pk, status__in=(PaymentStatus.CREATED, PaymentStatus.PENDING)
    ).update(status=status)
    return True


def record_refund(payment_id: int, refunded: Decimal) -> None:
    """Record that `refunded` of the payment went back in all (a refund of ours, or Stripe's
    charge.refunded news of it: the same total, so recording it twice changes nothing)."""
    with transaction.atomic():
        payment = Payment.objects.select_for_update().get(pk=payment_id)
        if refunded <= payment.refunded_amount and payment.status == PaymentStatus.REFUNDED:
            return
        payment.refunded_amount = max(refunded, payment.refunded_amount)
        if payment.refunded_amount >= payment.amount:
            payment.status = PaymentStatus.REFUNDED
        payment.refunded_at = timezone.now()
        payment.save(update_fields=["refunded_amount", "status", "refunded_at"])


def _product_name(booking: Booking) -> str:
    """What Stripe's page and receipt name. Neutral when the booker asked for neutral messages:
    a receipt may be read by others."""
    if booking.neutral_messages:
        with translation.override(booking.language):
            return gettext("Training")
    return booking.session.course.title
