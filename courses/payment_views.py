"""The payment pages of a booking and Stripe's webhook (courses/urls.py routes them under
betalen/; the form is payment_forms.py). At app level, like booking_views.py, and not in
courses/payments/: the providers there import no service, and these pages do.

Thin: parse, call courses/services/payments.py, render. Everything is opened by the booking's
signed token (courses/services/booking_links.py): another booking's invoice or checkout with your
token is not found, the same 404 as one that does not exist. Every answer shows live state
(seats held, payment status) or a document of someone's own: none is stored anywhere.
"""

import contextlib
import math

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from portal.security.areas import never_stored, private_area

from .classroom import Booking, BookingStatus, Invoice, Payment, PaymentMethod, PaymentStatus
from .invoices.pdf import render_invoice_pdf
from .payment_forms import PaymentChoiceForm
from .payments import (
    BookingNotPayable,
    MethodNotAvailable,
    ProviderUnavailable,
    SeatGone,
    available_providers,
)
from .services import bookings, payments

SEAT_GONE = _(
    "Your seat was no longer held and has gone to someone else. Nothing was charged. Look on "
    "the course page for another date."
)
PROVIDER_DOWN = _(
    "The payment page cannot be reached just now. Nothing was charged. Please try again in a "
    "moment, or choose another way to pay."
)
METHOD_GONE = _("This way of paying is not available for your booking. Choose another.")


def _booking(token: str) -> Booking:
    booking = bookings.booking_from_token(token)
    if booking is None:
        raise Http404
    return booking


def _see_other(url: str) -> HttpResponse:
    response = redirect(url)
    response.status_code = 303
    return response


def _booking_page(token: str) -> HttpResponse:
    return _see_other(reverse("courses:booking", args=[token]))


@never_stored
@private_area
@require_http_methods(["GET", "HEAD", "POST"])
def payment_choice(request: HttpRequest, token: str) -> HttpResponse:
    """Choose how to pay a booking whose seats are held: card or iDEAL (Stripe), an invoice
    to the organisation, or nothing for a free session."""
    booking = _booking(token)
    if not payments.awaits_payment(booking):
        return _booking_page(token)
    data = request.POST if request.method == "POST" else None
    form = PaymentChoiceForm(data, providers=available_providers(booking))
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            chosen = form.cleaned_data
            details = None
            if chosen["method"] == PaymentMethod.INVOICE:
                details = payments.InvoiceDetails(
                    invoice_address=chosen["invoice_address"],
                    purchase_order=chosen["purchase_order"],
                )
            try:
                start = payments.start_payment(
                    booking, chosen["method"], request=request, invoice_details=details
                )
            except BookingNotPayable:
                return _booking_page(token)
            except SeatGone:
                form.add_error(None, SEAT_GONE)
                status = 409
            except ProviderUnavailable:
                form.add_error(None, PROVIDER_DOWN)
                status = 503
            except (MethodNotAvailable, payments.InvoiceDetailsMissing):
                form.add_error(None, METHOD_GONE)
            else:
                if start.redirect_url:
                    return _see_other(start.redirect_url)
                return _see_other(reverse("courses:payment_return", args=[token]))
    return _choice_page(request, booking, token, form, status)


def _choice_page(
    request: HttpRequest, booking: Booking, token: str, form: PaymentChoiceForm, status: int
) -> TemplateResponse:
    session = booking.session
    now = timezone.now()
    minutes_left = max(math.ceil((booking.held_until - now).total_seconds() / 60), 0)
    return TemplateResponse(
        request,
        "courses/payments/choice.html",
        {
            "booking": booking,
            "token": token,
            "session": session,
            "days": list(session.days.all()),
            "form": form,
            "minutes_left": minutes_left,
        },
        status=status,
    )


@never_stored
@private_area
@require_http_methods(["GET", "HEAD"])
def payment_return(request: HttpRequest, token: str) -> HttpResponse:
    """Where the booker lands after paying: Stripe's success URL (with the checkout session's
    id, which settles the payment if the webhook did not yet), and after a free or invoice
    booking. Shows whether the booking is confirmed, the payment still on its way, or to be
    refunded."""
    booking = _booking(token)
    payment = None
    session_id = request.GET.get("session_id", "")
    if session_id:
        payment = Payment.objects.filter(
            booking=booking, provider=PaymentMethod.STRIPE, external_id=session_id
        ).first()
        if payment is None:
            raise Http404
        # Stripe unreachable: the webhook settles it; the page says the payment is on its way.
        with contextlib.suppress(ProviderUnavailable):
            payments.fulfil_checkout_session(session_id)
        payment.refresh_from_db()
        booking.refresh_from_db()
    if payment is not None and payment.status == PaymentStatus.REFUND_NEEDED:
        state = "refund"
    elif booking.status == BookingStatus.CONFIRMED:
        state = "confirmed"
    elif payment is not None and payment.status in (PaymentStatus.CREATED, PaymentStatus.PENDING):
        state = "processing"
    else:
        return _booking_page(token)
    session = booking.session
    return TemplateResponse(
        request,
        "courses/payments/return.html",
        {
            "booking": booking,
            "token": token,
            "session": session,
            "days": list(session.days.all()),
            "state": state,
            "invoices": list(booking.invoices.order_by("number")),
        },
    )


@never_stored
@private_area
@require_http_methods(["GET", "HEAD"])
def invoice_download(request: HttpRequest, token: str, invoice_pk: int) -> HttpResponse:
    """An invoice or credit note of this booking as a PDF; any other number is not found."""
    booking = _booking(token)
    invoice = (
        Invoice.objects.filter(pk=invoice_pk, booking=booking).select_related("credits").first()
    )
    if invoice is None:
        raise Http404
    response = HttpResponse(render_invoice_pdf(invoice), content_type="application/pdf")
    with translation.override(invoice.language):
        name = slugify(invoice.get_kind_display()) or "invoice"
    response["Content-Disposition"] = f'attachment; filename="{name}-{invoice.number}.pdf"'
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@csrf_exempt
@never_stored
@private_area
@require_POST
def stripe_webhook(request: HttpRequest) -> HttpResponse:
    """Stripe's news of checkouts and refunds. 400 for anything not genuinely Stripe's; a
    database error is not caught, so Stripe gets a 500 and delivers the event again."""
    try:
        payments.handle_stripe_webhook(request.body, request.headers.get("Stripe-Signature", ""))
    except payments.WebhookRejected:
        return HttpResponse(status=400)
    return HttpResponse(status=200)
