"""Paying a booking with Stripe Checkout: the checkout that starts, the webhook that settles
it (verified for real, each event once, a payment once, one email), the success URL, the
late payment that finds its seat gone, refunds. Stripe's HTTP API is the local stub
(tests/courses/stripe_stub.py); nothing of ours is replaced."""

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.db import OperationalError, connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from courses.classroom import (
    Booking,
    BookingStatus,
    Payment,
    PaymentMethod,
    PaymentStatus,
    ProviderEvent,
)
from courses.factories import BookingFactory
from courses.services import bookings, cancellations, payments
from tests.courses.stripe_stub import (
    WEBHOOK_SECRET,
    event_payload,
    pending_booking,
    signature,
)

pytestmark = pytest.mark.django_db


def _start_checkout(client: Client, booking: Booking) -> str:
    """Choose card/iDEAL on the payment page; the checkout session's id."""
    token = bookings.booking_token(booking)
    response = client.post(reverse("courses:payment_choice", args=[token]), {"method": "stripe"})
    assert response.status_code == 303
    assert response["Location"].startswith("https://checkout.stripe.com/c/pay/cs_test_")
    return response["Location"].rsplit("/", 1)[1]


def _webhook(client: Client, payload: bytes, header: str | None = None):
    return client.post(
        reverse("courses:stripe_webhook"),
        data=payload,
        content_type="application/json",
        headers={"Stripe-Signature": signature(payload) if header is None else header},
    )


def _payment_mails(booking: Booking) -> list:
    return [message for message in mail.outbox if booking.contact_email in message.to]


@pytest.fixture
def booking(paid_session):
    return pending_booking(paid_session, seats=2)


class TestCheckout:
    def test_the_checkout_asks_for_the_booking_in_euros_by_card_or_ideal_until_the_hold_ends(
        self, client, booking, stripe_settings, stripe_stub
    ):
        session_id = _start_checkout(client, booking)

        session = stripe_stub.sessions[session_id]
        payment = Payment.objects.get(booking=booking)
        assert payment.provider == PaymentMethod.STRIPE
        assert payment.status == PaymentStatus.PENDING
        assert payment.external_id == session_id
        assert payment.amount == Decimal("390.00")
        assert session["amount_total"] == 39000
        assert session["currency"] == "eur"
        assert session["payment_method_types"] == ["card", "ideal"]
        assert session["client_reference_id"] == payment.reference
        assert session["metadata"] == {"payment_reference": payment.reference}
        token = bookings.booking_token(booking)
        assert session["success_url"].endswith(
            reverse("courses:payment_return", args=[token]) + "?session_id={CHECKOUT_SESSION_ID}"
        )
        assert session["cancel_url"].endswith(reverse("courses:payment_choice", args=[token]))
        # Stripe's minimum is 30 minutes: a hold of 30 minutes from now is just over it.
        expires = datetime.datetime.fromtimestamp(session["expires_at"], tz=datetime.UTC)
        assert timezone.now() + datetime.timedelta(minutes=30) < expires
        assert expires <= timezone.now() + datetime.timedelta(minutes=32)
        assert Booking.objects.get(pk=booking.pk).payment_method == PaymentMethod.STRIPE

    def test_a_second_checkout_closes_the_first_so_nobody_pays_twice(
        self, client, booking, stripe_settings, stripe_stub
    ):
        first = _start_checkout(client, booking)
        second = _start_checkout(client, booking)

        assert stripe_stub.sessions[first]["status"] == "expired"
        assert stripe_stub.sessions[second]["status"] == "open"
        assert Payment.objects.get(external_id=first).status == PaymentStatus.EXPIRED

    def test_stripe_down_charges_nothing_and_says_so(
        self, client, booking, stripe_settings, stripe_stub
    ):
        stripe_stub.down = True
        token = bookings.booking_token(booking)

        response = client.post(
            reverse("courses:payment_choice", args=[token]), {"method": "stripe"}
        )

        assert response.status_code == 503
        assert "Nothing was charged" in response.content.decode() or "niets" in (
            response.content.decode()
        )
        assert Payment.objects.get(booking=booking).status == PaymentStatus.FAILED
        booking.refresh_from_db()
        assert booking.status == BookingStatus.PENDING


class TestWebhook:
    def test_a_paid_checkout_confirms_the_booking_once_and_mails_once(
        self,
        client,
        booking,
        stripe_settings,
        stripe_stub,
        outbox_email,
        django_capture_on_commit_callbacks,
    ):
        session_id = _start_checkout(client, booking)
        payload = event_payload("checkout.session.completed", stripe_stub.complete(session_id))

        with django_capture_on_commit_callbacks(execute=True):
            first = _webhook(client, payload)
        with django_capture_on_commit_callbacks(execute=True):
            again = _webhook(client, payload)  # Stripe delivers an event more than once

        assert (first.status_code, again.status_code) == (200, 200)
        booking.refresh_from_db()
        assert booking.status == BookingStatus.CONFIRMED
        payment = Payment.objects.get(booking=booking)
        assert payment.status == PaymentStatus.PAID
        assert payment.payment_intent.startswith("pi_test_")
        assert ProviderEvent.objects.count() == 1
        assert len(_payment_mails(booking)) == 1

    def test_the_same_payment_in_another_event_changes_nothing_either(
        self,
        client,
        booking,
        stripe_settings,
        stripe_stub,
        outbox_email,
        django_capture_on_commit_callbacks,
    ):
        session_id = _start_checkout(client, booking)
        session = stripe_stub.complete(session_id)

        with django_capture_on_commit_callbacks(execute=True):
            _webhook(client, event_payload("checkout.session.completed", session))
        with django_capture_on_commit_callbacks(execute=True):
            _webhook(client, event_payload("checkout.session.async_payment_succeeded", session))

        assert ProviderEvent.objects.count() == 2
        assert len(_payment_mails(booking)) == 1

    @pytest.mark.parametrize("problem", ["unsigned", "tampered", "stale", "other secret"])
    def test_anything_not_genuinely_from_stripe_is_rejected_and_changes_nothing(
        self, client, booking, stripe_settings, stripe_stub, problem
    ):
        session_id = _start_checkout(client, booking)
        payload = event_payload("checkout.session.completed", stripe_stub.complete(session_id))
        header = {
            "unsigned": "",
            "tampered": signature(payload.replace(b'"paid"', b'"unpaid"')),
            "stale": signature(payload, timestamp=int(timezone.now().timestamp()) - 600),
            "other secret": signature(payload, secret="whsec_someone_else"),
        }[problem]

        response = _webhook(client, payload, header=header)

        assert response.status_code == 400
        assert ProviderEvent.objects.count() == 0
        assert Payment.objects.get(booking=booking).status == PaymentStatus.PENDING
        booking.refresh_from_db()
        assert booking.status == BookingStatus.PENDING

    def test_a_signed_payload_that_is_not_an_event_is_rejected(self, client, stripe_settings):
        payload = b"not json at all"
        assert _webhook(client, payload).status_code == 400

    def test_without_a_webhook_secret_nothing_is_accepted(
        self, client, booking, stripe_settings, stripe_stub
    ):
        session_id = _start_checkout(client, booking)
        payload = event_payload("checkout.session.completed", stripe_stub.complete(session_id))
        stripe_settings.STRIPE_WEBHOOK_SECRET = ""

        assert _webhook(client, payload, header=signature(payload)).status_code == 400
        assert ProviderEvent.objects.count() == 0

    def test_ideal_still_confirming_waits_and_the_later_success_confirms(
        self, client, booking, stripe_settings, stripe_stub, outbox_email
    ):
        session_id = _start_checkout(client, booking)
        unpaid = stripe_stub.complete(session_id, payment_status="unpaid")

        assert (
            _webhook(client, event_payload("checkout.session.completed", unpaid)).status_code == 200
        )
        booking.refresh_from_db()
        assert booking.status == BookingStatus.PENDING
        assert Payment.objects.get(booking=booking).status == PaymentStatus.PENDING

        paid = stripe_stub.complete(session_id, payment_status="paid")
        _webhook(client, event_payload("checkout.session.async_payment_succeeded", paid))
        booking.refresh_from_db()
        assert booking.status == BookingStatus.CONFIRMED

    def test_a_failed_ideal_payment_leaves_the_seat_held_to_try_again(
        self, client, booking, stripe_settings, stripe_stub
    ):
        session_id = _start_checkout(client, booking)
        session = stripe_stub.complete(session_id, payment_status="unpaid")

        _webhook(client, event_payload("checkout.session.async_payment_failed", session))

        assert Payment.objects.get(booking=booking).status == PaymentStatus.FAILED
        booking.refresh_from_db()
        assert booking.status == BookingStatus.PENDING
        assert payments.awaits_payment(booking)

    def test_expired_after_completed_changes_nothing(
        self, client, booking, stripe_settings, stripe_stub
    ):
        session_id = _start_checkout(client, booking)
        session = stripe_stub.complete(session_id)
        _webhook(client, event_payload("checkout.session.completed", session))

        response = _webhook(
            client, event_payload("checkout.session.expired", {**session, "status": "expired"})
        )

        assert response.status_code == 200
        assert Payment.objects.get(booking=booking).status == PaymentStatus.PAID
        booking.refresh_from_db()
        assert booking.status == BookingStatus.CONFIRMED

    def test_an_unpaid_checkout_that_expires_is_marked_expired(
        self, client, booking, stripe_settings, stripe_stub
    ):
        session_id = _start_checkout(client, booking)
        session = {**stripe_stub.sessions[session_id], "status": "expired"}

        _webhook(client, event_payload("checkout.session.expired", session))

        assert Payment.objects.get(booking=booking).status == PaymentStatus.EXPIRED

    def test_an_event_about_a_checkout_of_someone_else_is_acknowledged_and_ignored(
        self, client, stripe_settings
    ):
        session = {
            "id": "cs_test_elsewhere",
            "object": "checkout.session",
            "client_reference_id": "PAY-NOT-OURS",
            "metadata": {},
            "payment_status": "paid",
            "amount_total": 100,
            "currency": "eur",
        }
        response = _webhook(client, event_payload("checkout.session.completed", session))
        assert response.status_code == 200
        assert Payment.objects.count() == 0

    def test_a_database_error_answers_500_so_stripe_delivers_again(
        self,
        booking,
        stripe_settings,
        stripe_stub,
        outbox_email,
        django_capture_on_commit_callbacks,
    ):
        client = Client(raise_request_exception=False)
        session_id = _start_checkout(client, booking)
        payload = event_payload("checkout.session.completed", stripe_stub.complete(session_id))

        def database_fails_on_payments(execute, sql, params, many, context):
            if sql.lstrip().upper().startswith("UPDATE") and "courses_payment" in sql:
                raise OperationalError("the database went away")
            return execute(sql, params, many, context)

        with connection.execute_wrapper(database_fails_on_payments):
            response = _webhook(client, payload)

        assert response.status_code == 500
        assert ProviderEvent.objects.count() == 0  # the event was not used up
        assert Payment.objects.get(booking=booking).status == PaymentStatus.PENDING
        # Stripe's retry, once the database is back, settles it.
        with django_capture_on_commit_callbacks(execute=True):
            assert _webhook(client, payload).status_code == 200
        booking.refresh_from_db()
        assert booking.status == BookingStatus.CONFIRMED
        assert len(_payment_mails(booking)) == 1


class TestSuccessUrl:
    def test_the_return_settles_the_payment_when_the_webhook_did_not_yet(
        self,
        client,
        booking,
        stripe_settings,
        stripe_stub,
        outbox_email,
        django_capture_on_commit_callbacks,
    ):
        session_id = _start_checkout(client, booking)
        stripe_stub.complete(session_id)
        url = reverse("courses:payment_return", args=[bookings.booking_token(booking)])

        with django_capture_on_commit_callbacks(execute=True):
            response = client.get(url, {"session_id": session_id})

        assert response.status_code == 200
        assert response["Cache-Control"].startswith("max-age=0")
        booking.refresh_from_db()
        assert booking.status == BookingStatus.CONFIRMED
        # The webhook arriving afterwards changes nothing and sends nothing more.
        session = stripe_stub.sessions[session_id]
        with django_capture_on_commit_callbacks(execute=True):
            response = _webhook(client, event_payload("checkout.session.completed", session))
        assert response.status_code == 200
        assert len(_payment_mails(booking)) == 1

    def test_back_from_ideal_before_the_bank_confirmed_says_the_payment_is_on_its_way(
        self, client, booking, stripe_settings, stripe_stub
    ):
        session_id = _start_checkout(client, booking)
        stripe_stub.complete(session_id, payment_status="unpaid")
        url = reverse("courses:payment_return", args=[bookings.booking_token(booking)])

        response = client.get(url, {"session_id": session_id})

        assert response.status_code == 200
        assert response.context["state"] == "processing"

    def test_another_bookings_checkout_with_your_token_is_not_found(
        self, client, booking, paid_session, stripe_settings, stripe_stub
    ):
        other = pending_booking(paid_session)
        other_session = _start_checkout(client, other)
        stripe_stub.complete(other_session)
        url = reverse("courses:payment_return", args=[bookings.booking_token(booking)])

        assert client.get(url, {"session_id": other_session}).status_code == 404
        other.refresh_from_db()
        assert other.status == BookingStatus.PENDING


class TestLatePayment:
    def test_money_after_the_seat_went_to_someone_else_is_flagged_for_refund_never_overbooked(
        self,
        client,
        paid_session,
        stripe_settings,
        stripe_stub,
        outbox_email,
        django_user_model,
        django_capture_on_commit_callbacks,
    ):
        from django.contrib.auth.models import Group

        from portal import roles

        coordinator = django_user_model.objects.create_user(
            email="coordinator@example.org", password="x" * 12
        )
        coordinator.groups.add(Group.objects.get_or_create(name=roles.TRAINING_COORDINATOR)[0])
        paid_session.capacity = 1
        paid_session.save()
        late = pending_booking(paid_session)
        session_id = _start_checkout(client, late)
        # The hold runs out; the seat goes to someone else.
        Booking.objects.filter(pk=late.pk).update(
            held_until=timezone.now() - datetime.timedelta(minutes=1)
        )
        BookingFactory(session=paid_session, price_per_seat=paid_session.price)
        mail.outbox.clear()

        payload = event_payload("checkout.session.completed", stripe_stub.complete(session_id))
        with django_capture_on_commit_callbacks(execute=True):
            assert _webhook(client, payload).status_code == 200

        late.refresh_from_db()
        assert late.status != BookingStatus.CONFIRMED
        assert paid_session.seats_taken() == 1
        payment = Payment.objects.get(booking=late)
        assert payment.status == PaymentStatus.REFUND_NEEDED
        assert [message.to for message in mail.outbox] == [["coordinator@example.org"]]
        assert late.reference in mail.outbox[0].body
        # The booker, back from Stripe, reads that the money comes back.
        url = reverse("courses:payment_return", args=[bookings.booking_token(late)])
        assert client.get(url, {"session_id": session_id}).context["state"] == "refund"


class TestRefunds:
    def _paid(self, client, booking, stripe_stub) -> Payment:
        session_id = _start_checkout(client, booking)
        _webhook(
            client, event_payload("checkout.session.completed", stripe_stub.complete(session_id))
        )
        return Payment.objects.get(booking=booking, status=PaymentStatus.PAID)

    def test_cancelling_refunds_through_stripe(self, client, booking, stripe_settings, stripe_stub):
        payment = self._paid(client, booking, stripe_stub)

        assert cancellations.cancel_booking(booking, by_centre=True)

        (refund,) = stripe_stub.refunds
        assert refund["payment_intent"] == payment.payment_intent
        assert refund["amount"] == 39000
        payment.refresh_from_db()
        assert payment.status == PaymentStatus.REFUNDED
        assert payment.refunded_amount == Decimal("390.00")

    def test_stripe_refusing_the_refund_flags_it_for_the_coordinator(
        self, client, booking, stripe_settings, stripe_stub
    ):
        payment = self._paid(client, booking, stripe_stub)
        stripe_stub.refuse_refunds = True

        assert payments.refund_booking(booking, reason="cancelled") == []

        payment.refresh_from_db()
        assert payment.status == PaymentStatus.REFUND_NEEDED
        assert payment.note == "refund_failed"

    def test_stripes_charge_refunded_event_marks_the_payment_refunded(
        self, client, booking, stripe_settings, stripe_stub
    ):
        payment = self._paid(client, booking, stripe_stub)
        charge = {
            "id": "ch_test_1",
            "object": "charge",
            "payment_intent": payment.payment_intent,
            "amount": 39000,
            "amount_refunded": 39000,
            "metadata": {},
        }

        assert _webhook(client, event_payload("charge.refunded", charge)).status_code == 200

        payment.refresh_from_db()
        assert payment.status == PaymentStatus.REFUNDED
        assert payment.refunded_amount == Decimal("390.00")

    def test_cancelling_with_a_checkout_still_open_closes_it(
        self, client, booking, stripe_settings, stripe_stub
    ):
        session_id = _start_checkout(client, booking)

        cancellations.cancel_booking(booking)

        assert stripe_stub.sessions[session_id]["status"] == "expired"
        assert Payment.objects.get(booking=booking).status == PaymentStatus.CANCELLED


def test_the_webhook_answers_post_only(client, stripe_settings):
    assert client.get(reverse("courses:stripe_webhook")).status_code == 405


def test_the_webhook_secret_is_the_tests_own(stripe_settings):
    assert stripe_settings.STRIPE_WEBHOOK_SECRET == WEBHOOK_SECRET
