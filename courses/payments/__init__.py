"""The payment providers of classroom bookings (pretix's payment providers are the model):
free, invoice to the organisation, and card or iDEAL through Stripe Checkout.

Which a booking may use: `available_providers`. Also here: the bookkeeping of invoices and
credit notes (invoices.py: numbers without gaps) and the coordinators' notices of refunds by
hand (notices.py).

The providers talk to the provider and write Payment and Invoice rows only; what starting,
settling and refunding mean for the booking is courses/services/payments.py's and
courses/services/settlement.py's. So this package imports no service (the layering runs
services -> payments, never back); the payment pages are courses/payment_views.py.
"""

from ..classroom import Booking
from .base import (
    BookingNotPayable,
    MethodNotAvailable,
    PaymentError,
    PaymentProvider,
    PaymentStart,
    ProviderUnavailable,
    RefundFailed,
    ReturnUrls,
    SeatGone,
)
from .free import FreeProvider
from .invoice import InvoiceProvider
from .stripe import StripeProvider

__all__ = [
    "BookingNotPayable",
    "MethodNotAvailable",
    "PaymentError",
    "PaymentProvider",
    "PaymentStart",
    "ProviderUnavailable",
    "RefundFailed",
    "ReturnUrls",
    "SeatGone",
    "available_providers",
    "provider_for",
]

# In the order the payment page offers them: paying now first.
PROVIDERS: dict[str, PaymentProvider] = {
    provider.identifier: provider
    for provider in (FreeProvider(), StripeProvider(), InvoiceProvider())
}


def provider_for(identifier: str) -> PaymentProvider:
    """The provider of a PaymentMethod value. Raises MethodNotAvailable for anything else."""
    try:
        return PROVIDERS[identifier]
    except KeyError:
        raise MethodNotAvailable(identifier) from None


def available_providers(booking: Booking) -> list[PaymentProvider]:
    """The providers that may pay `booking`: only "free" for a free session; without a Stripe
    key only invoice for a paid one."""
    if booking.total_price == 0:
        return [PROVIDERS["free"]]
    return [provider for provider in PROVIDERS.values() if provider.is_available(booking)]
