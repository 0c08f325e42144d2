"""Paying by invoice: the booking confirmed at once, invoices numbered per year without gaps,
never edited, a credit note on a refund, the accessible PDF."""

import datetime
import re
from decimal import Decimal

import pytest
from django.db import transaction
from django.test import RequestFactory
from django.utils import timezone, translation

from courses.classroom import (
    BookingStatus,
    Invoice,
    InvoiceIsFinal,
    InvoiceKind,
    InvoiceNumberSequence,
    Payment,
    PaymentMethod,
    PaymentStatus,
)
from courses.invoices.pdf import invoice_html, render_invoice_pdf
from courses.payments import invoices
from courses.services import cancellations, payments
from tests.courses.stripe_stub import pending_booking
from tests.courses.test_certificate_pdf import inflated

pytestmark = pytest.mark.django_db

DETAILS = payments.InvoiceDetails(
    invoice_address="OBS De Linde\nt.a.v. administratie\nLindelaan 4\n5041 AB Tilburg",
    purchase_order="PO-2026-17",
)


def _pay_by_invoice(booking) -> Payment:
    start = payments.start_payment(
        booking,
        PaymentMethod.INVOICE,
        request=RequestFactory().post("/"),
        invoice_details=DETAILS,
    )
    assert start.done
    return start.payment


class TestPayingByInvoice:
    def test_the_booking_is_confirmed_at_once_with_its_invoice_due_in_30_days(self, paid_session):
        booking = pending_booking(paid_session, seats=2)

        payment = _pay_by_invoice(booking)

        booking.refresh_from_db()
        assert booking.status == BookingStatus.CONFIRMED
        assert booking.payment_method == PaymentMethod.INVOICE
        assert payment.status == PaymentStatus.PENDING
        (invoice,) = booking.invoices.all()
        assert payment.external_id == invoice.number
        assert invoice.total_amount == Decimal("390.00")
        assert invoice.purchase_order == "PO-2026-17"
        assert invoice.recipient_address.startswith("OBS De Linde")
        assert invoice.due_on == invoice.issued_on + datetime.timedelta(days=30)
        assert invoice.lines[0]["quantity"] == 2
        assert invoice.lines[0]["unit_price"] == "195.00"

    def test_a_coordinator_marks_the_invoice_paid_once(self, paid_session):
        payment = _pay_by_invoice(pending_booking(paid_session))

        assert payments.mark_invoice_paid(payment) is True
        assert payments.mark_invoice_paid(payment) is False
        assert payment.status == PaymentStatus.PAID

    def test_without_an_invoice_address_nothing_is_issued(self, paid_session):
        booking = pending_booking(paid_session)
        with pytest.raises(payments.InvoiceDetailsMissing):
            payments.start_payment(
                booking,
                PaymentMethod.INVOICE,
                request=RequestFactory().post("/"),
                invoice_details=payments.InvoiceDetails(invoice_address="  "),
            )
        assert Invoice.objects.count() == 0

    def test_an_exempt_session_states_the_exemption_and_no_vat(self, paid_session):
        booking = pending_booking(paid_session, language="en")
        _pay_by_invoice(booking)
        invoice = booking.invoices.get()
        assert invoice.vat_amount == 0
        assert invoice.net_amount == invoice.total_amount
        with translation.override("en"):
            assert invoice.vat_note == invoices.vat_exemption_text()
        assert "article 11" in invoice.vat_note

    def test_a_session_with_vat_splits_the_price_it_includes(self, paid_session, settings):
        paid_session.vat_exempt = False
        paid_session.save()
        settings.COURSE_VAT_RATE = Decimal("21.00")
        _pay_by_invoice(pending_booking(paid_session))
        invoice = Invoice.objects.get()
        assert invoice.total_amount == Decimal("195.00")
        assert invoice.net_amount == Decimal("161.16")
        assert invoice.vat_amount == Decimal("33.84")
        assert invoice.vat_rate == Decimal("21.00")
        assert invoice.vat_note == ""


class TestNumbering:
    def test_numbers_run_on_per_year_without_gaps_even_after_a_rollback(self, paid_session):
        first = _pay_by_invoice(pending_booking(paid_session))
        with pytest.raises(RuntimeError), transaction.atomic():
            invoices.issue_invoice(
                pending_booking(paid_session), purchase_order="", invoice_address="x"
            )
            raise RuntimeError("the rest of the work failed")
        second = _pay_by_invoice(pending_booking(paid_session))

        year = timezone.localdate().year
        assert [first.external_id, second.external_id] == [f"{year}-0001", f"{year}-0002"]
        assert InvoiceNumberSequence.objects.get(year=year).last_number == 2

    def test_a_new_year_starts_at_one(self, paid_session):
        booking = pending_booking(paid_session)
        this_year = invoices.issue_invoice(booking, purchase_order="", invoice_address="x")
        next_year = invoices.issue_invoice(
            booking,
            purchase_order="",
            invoice_address="x",
            now=timezone.now().replace(year=timezone.now().year + 1),
        )
        assert this_year.number.endswith("-0001")
        assert next_year.number == f"{timezone.now().year + 1}-0001"


class TestFinal:
    def test_an_issued_invoice_is_never_edited(self, paid_session):
        _pay_by_invoice(pending_booking(paid_session))
        invoice = Invoice.objects.get()
        invoice.total_amount = Decimal("1")
        with pytest.raises(InvoiceIsFinal):
            invoice.save()
        invoice.refresh_from_db()
        assert invoice.total_amount == Decimal("195.00")

    def test_cancelling_an_unpaid_invoice_booking_credits_it_in_full(self, paid_session):
        booking = pending_booking(paid_session, seats=2)
        payment = _pay_by_invoice(booking)
        invoice = booking.invoices.get()

        assert cancellations.cancel_booking(booking, by_centre=True)

        note = booking.invoices.get(kind=InvoiceKind.CREDIT_NOTE)
        assert note.credits == invoice
        assert note.total_amount == -invoice.total_amount
        assert note.number != invoice.number
        assert "Credit" in note.lines[0]["description"] or "Credit" in (
            note.lines[0]["description"].title()
        )
        invoice.refresh_from_db()
        assert invoice.total_amount == Decimal("390.00")  # untouched
        payment.refresh_from_db()
        assert payment.status == PaymentStatus.CANCELLED

    def test_a_paid_invoice_credited_is_flagged_for_the_money_to_go_back(self, paid_session):
        booking = pending_booking(paid_session)
        payment = _pay_by_invoice(booking)
        payments.mark_invoice_paid(payment)

        (refunded,) = payments.refund_booking(booking, reason="cancelled")

        assert refunded.status == PaymentStatus.REFUND_NEEDED
        assert booking.invoices.filter(kind=InvoiceKind.CREDIT_NOTE).count() == 1
        # Nothing is credited twice.
        assert payments.refund_booking(booking, reason="cancelled") == []
        assert booking.invoices.filter(kind=InvoiceKind.CREDIT_NOTE).count() == 1

    def test_no_more_is_credited_than_the_invoice_holds(self, paid_session):
        _pay_by_invoice(pending_booking(paid_session))
        invoice = Invoice.objects.get()
        invoices.issue_credit_note(invoice, amount=Decimal("100"), reason="korting")
        with pytest.raises(invoices.CreditExceedsInvoice):
            invoices.issue_credit_note(invoice, amount=Decimal("100"), reason="korting")
        assert invoices.credited_amount(invoice) == Decimal("100.00")


class TestPdf:
    def test_the_pdf_is_tagged_pdf_ua_in_the_invoices_language(self, paid_session):
        _pay_by_invoice(pending_booking(paid_session))
        invoice = Invoice.objects.get()

        pdf = render_invoice_pdf(invoice)
        html = invoice_html(invoice)

        assert pdf.startswith(b"%PDF-")
        structure = inflated(pdf)
        assert "/StructTreeRoot" in structure  # tagged
        assert 'pdfuaid:part="1"' in structure  # PDF/UA-1 in the XMP metadata
        assert re.search(r"/Lang\s*\(nl\)", structure)
        assert f'<html lang="{invoice.language}">' in html
        assert invoice.number in html
        assert "PO-2026-17" in html
        assert "Basistraining meldcode" in html
