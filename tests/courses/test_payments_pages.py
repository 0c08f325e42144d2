"""The payment pages: which methods are offered, the invoice fields and their errors, and
that a booking's token opens its own payments and invoices only."""

import pytest
from django.urls import reverse

from courses.classroom import BookingStatus, Invoice, PaymentMethod
from courses.factories import BookingFactory
from courses.services import bookings, payments
from tests.courses.stripe_stub import (
    pending_booking,
)

pytestmark = pytest.mark.django_db


def _choice_url(booking) -> str:
    return reverse("courses:payment_choice", args=[bookings.booking_token(booking)])


class TestMethods:
    def test_without_a_stripe_key_a_paid_session_offers_the_invoice_only(
        self, client, paid_session, settings
    ):
        settings.STRIPE_SECRET_KEY = ""
        booking = pending_booking(paid_session)

        assert payments.available_methods(booking) == [PaymentMethod.INVOICE]
        response = client.get(_choice_url(booking))
        assert response.status_code == 200
        assert [value for value, _ in response.context["form"].fields["method"].choices] == [
            PaymentMethod.INVOICE
        ]
        assert 'value="stripe"' not in response.content.decode()

    def test_with_stripe_a_paid_session_offers_card_or_ideal_and_the_invoice(
        self, paid_session, stripe_settings
    ):
        booking = pending_booking(paid_session)
        assert payments.available_methods(booking) == [
            PaymentMethod.STRIPE,
            PaymentMethod.INVOICE,
        ]

    def test_a_free_session_offers_free_only(self, free_session, stripe_settings):
        booking = pending_booking(free_session)
        assert payments.available_methods(booking) == [PaymentMethod.FREE]

    def test_a_method_not_offered_is_refused(self, client, paid_session, settings):
        settings.STRIPE_SECRET_KEY = ""
        booking = pending_booking(paid_session)
        response = client.post(_choice_url(booking), {"method": "stripe"})
        assert response.status_code == 400
        booking.refresh_from_db()
        assert booking.status == BookingStatus.PENDING


class TestChoicePage:
    def test_the_page_shows_the_booking_the_amount_and_how_long_the_seat_is_held(
        self, client, paid_session
    ):
        booking = pending_booking(paid_session, seats=2, minutes_held=20)

        response = client.get(_choice_url(booking))

        page = response.content.decode()
        assert "Basistraining meldcode" in page
        assert booking.reference in page
        assert "390,00" in page
        assert response.context["minutes_left"] in (19, 20)
        assert "max-age=0" in response["Cache-Control"]
        assert "no-store" in response["Cache-Control"]

    def test_invoice_without_an_address_says_so_and_keeps_what_was_typed(
        self, client, paid_session
    ):
        booking = pending_booking(paid_session)

        response = client.post(
            _choice_url(booking), {"method": "invoice", "purchase_order": "PO-77"}
        )

        assert response.status_code == 400
        form = response.context["form"]
        assert list(form.errors) == ["invoice_address"]
        assert 'value="PO-77"' in response.content.decode()
        assert 'id="error-summary"' in response.content.decode()
        assert Invoice.objects.count() == 0

    def test_no_choice_is_an_error_too(self, client, paid_session):
        response = client.post(_choice_url(pending_booking(paid_session)), {})
        assert response.status_code == 400
        assert "method" in response.context["form"].errors

    def test_paying_by_invoice_confirms_and_shows_the_invoice(self, client, paid_session):
        booking = pending_booking(paid_session)

        response = client.post(
            _choice_url(booking),
            {"method": "invoice", "invoice_address": "OBS De Linde\nLindelaan 4\nTilburg"},
        )

        assert response.status_code == 303
        page = client.get(response["Location"])
        assert page.context["state"] == "confirmed"
        invoice = Invoice.objects.get(booking=booking)
        # (A token carries its signing time: the page's own is the one it links with.)
        download = reverse("courses:invoice_download", args=[page.context["token"], invoice.pk])
        assert download in page.content.decode()
        pdf = client.get(download)
        assert pdf.status_code == 200
        assert pdf["Content-Type"] == "application/pdf"
        assert f"-{invoice.number}.pdf" in pdf["Content-Disposition"]

    def test_a_booking_already_confirmed_goes_to_its_own_page(self, client, paid_session):
        booking = BookingFactory(session=paid_session)
        response = client.get(_choice_url(booking))
        assert response.status_code == 303
        assert response["Location"] == reverse(
            "courses:booking", args=[bookings.booking_token(booking)]
        )


class TestOwnership:
    def test_another_bookings_invoice_with_your_token_is_not_found(self, client, paid_session):
        mine = pending_booking(paid_session)
        theirs = pending_booking(paid_session)
        for booking in (mine, theirs):
            client.post(_choice_url(booking), {"method": "invoice", "invoice_address": "Adres 1"})
        their_invoice = Invoice.objects.get(booking=theirs)
        my_invoice = Invoice.objects.get(booking=mine)
        my_token = bookings.booking_token(mine)

        stolen = reverse("courses:invoice_download", args=[my_token, their_invoice.pk])
        own = reverse("courses:invoice_download", args=[my_token, my_invoice.pk])
        assert client.get(stolen).status_code == 404
        assert client.get(own).status_code == 200

    @pytest.mark.parametrize("name", ["payment_choice", "payment_return"])
    def test_a_token_that_is_not_ours_is_not_found(self, client, paid_session, name):
        token = bookings.booking_token(pending_booking(paid_session))
        tampered = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
        assert client.get(reverse(f"courses:{name}", args=[tampered])).status_code == 404

    def test_an_invoice_with_a_tampered_token_is_not_found(self, client, paid_session):
        booking = pending_booking(paid_session)
        client.post(_choice_url(booking), {"method": "invoice", "invoice_address": "Adres 1"})
        invoice = Invoice.objects.get()
        token = bookings.booking_token(booking)
        url = reverse("courses:invoice_download", args=[token + "x", invoice.pk])
        assert client.get(url).status_code == 404
