"""Invoices and credit notes for classroom bookings: the bookkeeping that goes with the
payments (the invoice provider, invoice.py, issues them; the PDF is courses/invoices/pdf.py).

Numbers run on per year without gaps ("2026-0001"; credit notes share the series, as the tax
office accepts): the year's InvoiceNumberSequence row is locked with an UPDATE before the
number is read, inside the transaction that stores the invoice, so two invoices never get the
same number and a rolled-back transaction gives its number back. An UPDATE rather than
`select_for_update()`, for the reason in `CourseSession.lock`: on SQLite a SELECT first makes
a concurrent writer fail instead of wait.

An invoice copies everything it prints (issuer, recipient, lines, amounts, the VAT or its
exemption, in the invoice's language) and is never edited afterwards (`Invoice.save`
refuses): money back is a credit note that refers to it.

Prices are what the booker pays, VAT included (consumer prices must be): on a session that is
not exempt the invoice splits the total into the net amount and COURSE_VAT_RATE.
"""

import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Sum
from django.utils import formats, timezone, translation
from django.utils.translation import gettext
from wagtail.models import Site

from portal.centre import build_centre

from ..classroom import Booking, Invoice, InvoiceKind, InvoiceNumberSequence

CENT = Decimal("0.01")
PAYMENT_TERM_DAYS = 30


class InvoiceError(Exception):
    """An invoice or credit note that cannot be issued."""


class CreditExceedsInvoice(InvoiceError):
    """More would be credited than the invoice still holds."""


def money(amount: Decimal) -> Decimal:
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def invoice_language(language: str) -> str:
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def next_number(year: int) -> str:
    """The next number of `year`'s series; call inside the transaction that stores it."""
    if not InvoiceNumberSequence.objects.filter(year=year).update(last_number=F("last_number") + 1):
        try:
            with transaction.atomic():
                InvoiceNumberSequence.objects.create(year=year, last_number=1)
        except IntegrityError:
            # Another transaction created the year's row meanwhile: take the next after it.
            InvoiceNumberSequence.objects.filter(year=year).update(last_number=F("last_number") + 1)
    last = InvoiceNumberSequence.objects.values_list("last_number", flat=True).get(year=year)
    return f"{year}-{last:04d}"


def issuer_details(language: str) -> dict[str, object]:
    """The Centre as the invoice names it: from the site's Centre settings in `language`, with
    the registration numbers from COURSE_INVOICE_ISSUER (chamber_of_commerce, vat_number,
    iban), which the Centre settings do not hold."""
    site = Site.objects.filter(is_default_site=True).first()
    centre = build_centre(site, language) if site is not None else None
    extra: dict[str, str] = settings.COURSE_INVOICE_ISSUER
    return {
        "name": (centre.name if centre else "") or settings.WAGTAIL_SITE_NAME,
        "address": list(centre.postal_address or centre.visiting_address) if centre else [],
        "phone": centre.phone if centre else "",
        "email": centre.email if centre else "",
        "chamber_of_commerce": extra.get("chamber_of_commerce", ""),
        "vat_number": extra.get("vat_number", ""),
        "iban": extra.get("iban", ""),
    }


def vat_exemption_text() -> str:
    """The exemption as the invoice must state it, in the active language."""
    return gettext(
        "Exempt from VAT under article 11, paragraph 1, part o, of the Dutch VAT Act 1968"
    )


def _split_vat(total: Decimal, rate: Decimal) -> tuple[Decimal, Decimal]:
    """(net, vat) of a VAT-inclusive `total`; they add up to the total to the cent."""
    net = money(total * 100 / (100 + rate))
    return net, total - net


def _line_description(booking: Booking) -> str:
    session = booking.session
    days = ", ".join(
        formats.date_format(day.date, "SHORT_DATE_FORMAT") for day in session.days.all()
    ) or formats.date_format(timezone.localtime(session.starts_at), "SHORT_DATE_FORMAT")
    # A booker who asked for neutral messages gets a neutral invoice line too: it may be read
    # by others (the same reason as their subject lines).
    title = gettext("Training") if booking.neutral_messages else session.course.title
    return f"{title}, {days}, {session.city}"


def issue_invoice(
    booking: Booking,
    *,
    purchase_order: str,
    invoice_address: str,
    now: datetime.datetime | None = None,
) -> Invoice:
    """Issue the invoice for `booking`'s seats, due in PAYMENT_TERM_DAYS."""
    now = now or timezone.now()
    language = invoice_language(booking.language)
    session = booking.session
    total = money(booking.total_price)
    with translation.override(language):
        if session.vat_exempt:
            vat_rate, net, vat, vat_note = Decimal("0"), total, Decimal("0"), vat_exemption_text()
        else:
            vat_rate = Decimal(settings.COURSE_VAT_RATE)
            net, vat = _split_vat(total, vat_rate)
            vat_note = ""
        lines = [
            {
                "description": _line_description(booking),
                "quantity": booking.seats,
                "unit_price": str(money(booking.price_per_seat)),
                "amount": str(total),
            }
        ]
        issuer = issuer_details(language)
    issued_on = timezone.localdate(now)
    with transaction.atomic():
        invoice = Invoice(
            number=next_number(issued_on.year),
            kind=InvoiceKind.INVOICE,
            booking=booking,
            issued_on=issued_on,
            due_on=issued_on + datetime.timedelta(days=PAYMENT_TERM_DAYS),
            recipient_name=booking.contact_name,
            recipient_organisation=booking.organisation,
            recipient_address=invoice_address.strip(),
            purchase_order=purchase_order.strip(),
            lines=lines,
            net_amount=net,
            vat_rate=vat_rate,
            vat_amount=vat,
            total_amount=total,
            vat_note=vat_note,
            issuer=issuer,
            language=language,
            created_at=now,
        )
        invoice.save()
    return invoice


def credited_amount(invoice: Invoice) -> Decimal:
    """How much of `invoice` credit notes gave back so far (a positive amount)."""
    total = invoice.credit_notes.aggregate(total=Sum("total_amount"))["total"]
    return -(total or Decimal("0"))


def issue_credit_note(
    invoice: Invoice,
    *,
    amount: Decimal | None = None,
    reason: str,
    now: datetime.datetime | None = None,
) -> Invoice:
    """Credit `amount` (all that is left when None) of `invoice`, with its reason printed.
    Raises CreditExceedsInvoice past what the invoice still holds."""
    if invoice.kind != InvoiceKind.INVOICE:
        raise InvoiceError("a credit note is not credited again")
    now = now or timezone.now()
    issued_on = timezone.localdate(now)
    with transaction.atomic():
        # The number first: its lock also serialises the check below against a concurrent
        # credit note for the same invoice.
        number = next_number(issued_on.year)
        left = invoice.total_amount - credited_amount(invoice)
        amount = money(left if amount is None else amount)
        if amount <= 0 or amount > left:
            raise CreditExceedsInvoice(invoice.number)
        if amount == invoice.total_amount:
            net, vat = invoice.net_amount, invoice.vat_amount
        else:
            net, vat = _split_vat(amount, invoice.vat_rate)
        with translation.override(invoice.language):
            description = gettext("Credit for invoice %(number)s") % {"number": invoice.number}
        if reason:
            description = f"{description}: {reason}"
        note = Invoice(
            number=number,
            kind=InvoiceKind.CREDIT_NOTE,
            booking=invoice.booking,
            credits=invoice,
            issued_on=issued_on,
            due_on=None,
            recipient_name=invoice.recipient_name,
            recipient_organisation=invoice.recipient_organisation,
            recipient_address=invoice.recipient_address,
            purchase_order=invoice.purchase_order,
            lines=[
                {
                    "description": description,
                    "quantity": 1,
                    "unit_price": str(-amount),
                    "amount": str(-amount),
                }
            ],
            net_amount=-net,
            vat_rate=invoice.vat_rate,
            vat_amount=-vat,
            total_amount=-amount,
            vat_note=invoice.vat_note,
            issuer=invoice.issuer,
            language=invoice.language,
            created_at=now,
        )
        note.save()
    return note
