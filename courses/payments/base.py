"""What every payment provider offers, after pretix's `BasePaymentProvider`: whether it may
be used for a booking, how a payment starts, and how money goes back.

A provider does its own part only (talk to Stripe, issue the invoice); recording and
confirming is courses/services/payments.py's, so that every provider confirms a booking the
same way and at most once.
"""

from abc import ABC, abstractmethod
from dataclasses import dataclass
from decimal import Decimal

from django.http import HttpRequest
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
class PaymentStart:
    """How a started payment goes on: to the provider's page (`redirect_url`), or done at once
    (free, invoice: the booking is confirmed when `start` returns)."""

    payment: Payment
    redirect_url: str = ""

    @property
    def done(self) -> bool:
        return not self.redirect_url


class PaymentProvider(ABC):
    identifier: str  # a PaymentMethod value
    verbose_name: str | Promise
    # A short line under the choice on the payment page.
    description: str | Promise = ""

    @abstractmethod
    def is_available(self, booking: Booking) -> bool:
        """Whether this method may pay `booking` (configuration and price, not its state)."""

    @abstractmethod
    def start(self, booking: Booking, payment: Payment, *, request: HttpRequest) -> PaymentStart:
        """Start `payment` (already stored, status CREATED). Raises a PaymentError."""

    @abstractmethod
    def refund(self, payment: Payment, amount: Decimal, *, reason: str = "") -> None:
        """Give `amount` of `payment` back, recording it on the payment. Raises RefundFailed."""
