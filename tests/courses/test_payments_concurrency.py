"""Stripe's news arriving at once, each delivery in its own thread and database connection:
the same event delivered concurrently, and the webhook racing the booker's return to the
success URL. The payment is settled once, the booking confirmed once, one email sent.

PostgreSQL only, for the reason in tests/courses/test_booking_concurrency.py: the SQLite test
database is in-memory in shared-cache mode, where SQLite answers "table is locked" at once
instead of waiting as a production SQLite file does. Run with scripts/with_postgres.sh.
"""

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.urls import reverse

from courses.classroom import BookingStatus, Payment, PaymentStatus, ProviderEvent
from courses.services import bookings
from tests.concurrency import at_once
from tests.courses.stripe_stub import (
    event_payload,
    pending_booking,
    signature,
)

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL (run with scripts/with_postgres.sh); see the module docstring",
    ),
    # serialized_rollback: the flush after each test also empties what the migrations made
    # (the page tree root), which the next test's site needs.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _at_once(works: list) -> list:
    return at_once(works)


def _webhook(payload: bytes) -> int:
    return (
        Client()
        .post(
            reverse("courses:stripe_webhook"),
            data=payload,
            content_type="application/json",
            headers={"Stripe-Signature": signature(payload)},
        )
        .status_code
    )


@pytest.fixture
def checkout(client, paid_session, stripe_settings, stripe_stub, outbox_email):
    booking = pending_booking(paid_session)
    token = bookings.booking_token(booking)
    response = client.post(reverse("courses:payment_choice", args=[token]), {"method": "stripe"})
    session_id = response["Location"].rsplit("/", 1)[1]
    mail.outbox.clear()
    return booking, token, stripe_stub.complete(session_id)


def _settled_once(booking) -> None:
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED
    assert Payment.objects.get(booking=booking).status == PaymentStatus.PAID
    assert [message.to for message in mail.outbox] == [[booking.contact_email]]


def test_the_same_event_delivered_five_times_at_once_settles_once(checkout):
    booking, _token, session = checkout
    payload = event_payload("checkout.session.completed", session)

    answers = _at_once([lambda: _webhook(payload)] * 5)

    assert answers == [200] * 5
    assert ProviderEvent.objects.count() == 1
    _settled_once(booking)


def test_the_webhook_and_the_success_url_at_once_settle_once(checkout):
    booking, token, session = checkout
    payload = event_payload("checkout.session.completed", session)
    return_url = reverse("courses:payment_return", args=[token])

    def back_from_stripe() -> int:
        return Client().get(return_url, {"session_id": session["id"]}).status_code

    answers = _at_once([lambda: _webhook(payload), back_from_stripe] * 3)

    assert answers == [200] * 6
    _settled_once(booking)
