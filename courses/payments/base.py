"""What every payment provider offers, after pretix's `BasePaymentProvider`: whether it may
be used for a booking, how a payment starts, and how money goes back.

A provider does its own part only: talk to the provider (Stripe's API) and write its Payment
and Invoice rows. It never touches the booking: confirming it, holding its seats longer while
a checkout is open, and settling what a provider reports are courses/services/payments.py's
(and courses/services/settlement.py's), so that every provider confirms a booking the same
way and at most once, and this package imports no service.
"""

import datetime
from abc import ABC, abstractmethod
from dataclasses import dataclass
from decimal import Decimal

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from ..classroom import Booking, Payment

# Why money goes back, as a credit note prints it; the codes come from the cancellation code
# (courses/services/cancellations.py). Another reason is printed as given.
REFUND_REASONS = {
    "cancelled": _("booking cancelled"),
    "cancelled_by_centre": _("session cancelled by the centre"),
}


def refund_reason_text(reason: str) -> str:
    """The reason in the active language."""
    return str(REFUND_REASONS.get(reason, reason))


class PaymentError(Exception):
    """A payment that cannot start or go back; the message is for the logs (ids only)."""


class MethodNotAvailable(PaymentError):
    """The method is not offered for this booking (free session, no Stripe key, ...)."""


class BookingNotPayable(PaymentError):
    """The booking awaits no payment: confirmed already, cancelled, or its hold ran out."""


class SeatGone(PaymentError):
    """The hold ran out and the seat went to someone else before the payment could confirm."""


class ProviderUnavailable(PaymentError):
    """The provider could not be reached or refused the request; nothing was charged."""


class RefundFailed(PaymentError):
    """The provider refused or could not take the refund; the payment stays flagged."""


@dataclass(frozen=True)
class ReturnUrls:
    """Where a provider's own page sends the booker back to (absolute URLs, built by the
    service): `return_url` once paid, `cancel_url` to choose again."""

    return_url: str
    cancel_url: str


@dataclass(frozen=True)
class PaymentStart:
    """How a started payment goes on: to the provider's page (`redirect_url`), or done at once
    (free, invoice: the service confirmed the booking before `start`). `hold_until`: how long
    the booking's seats must stay held for the provider's page (Stripe Checkout's end), which
    the service sees to."""

    payment: Payment
    redirect_url: str = ""
    hold_until: datetime.datetime | None = None

    @property
    def done(self) -> bool:
        return not self.redirect_url


class PaymentProvider(ABC):
    identifier: str  # a PaymentMethod value
    verbose_name: str | Promise
    # A short line under the choice on the payment page.
    description: str | Promise = ""
    # Whether the booking is confirmed when the payment starts (free, invoice: the service
    # confirms it, then calls `start` in the same transaction), rather than when the money
    # arrives (Stripe: settled later, courses/services/settlement.py).
    confirms_at_start: bool = False

    @abstractmethod
    def is_available(self, booking: Booking) -> bool:
        """Whether this method may pay `booking` (configuration and price, not its state)."""

    @abstractmethod
    def start(self, booking: Booking, payment: Payment, *, urls: ReturnUrls) -> PaymentStart:
        """Start `payment` (already stored, status CREATED): talk to the provider and record
        the answer on the payment. Raises a PaymentError."""

    @abstractmethod
    def refund(self, payment: Payment, amount: Decimal, *, reason: str = "") -> None:
        """Give `amount` of `payment` back, recording it on the payment. Raises RefundFailed."""
