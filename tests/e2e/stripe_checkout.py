"""Stripe's hosted checkout in the browser journeys: the customer pays on Stripe's page, Stripe
posts its signed webhook and sends the browser back to our success address. Stripe's API is the
local stub (tests/courses/stripe_stub.py); the webhook is signed with the test secret, as Stripe
signs it."""

import re
from urllib.parse import urlsplit

from django.test import Client
from django.urls import reverse

from tests.courses.stripe_stub import event_payload, signature


def stripe_checkout(page, stripe_stub, deliveries: list) -> None:
    """Stripe's hosted checkout page: the customer pays, Stripe posts its signed webhook and
    sends the browser back to the success address. The payloads are kept for redelivery.

    Playwright routes only the first request of a redirect chain, so a route on the checkout
    host would never be asked: the payment form's answer (a 303 to the checkout) is fetched
    by a route, the customer pays, and the browser gets the checkout's 303 to the success
    address in its place. (The page's CSP lets the form lead to Stripe: asserted by the test.)
    """

    def payment_form(route):
        if route.request.method != "POST":
            route.fallback()
            return
        answer = route.fetch(max_redirects=0)
        checkout = answer.headers.get("location", "")
        if not urlsplit(checkout).path.startswith("/c/pay/"):
            route.fulfill(response=answer)
            return
        session_id = urlsplit(checkout).path.rsplit("/", 1)[-1]
        paid = stripe_stub.complete(session_id)
        payload = event_payload("checkout.session.completed", paid)
        deliveries.append(payload)
        assert deliver_webhook(payload) == 200
        success = paid["success_url"].replace("{CHECKOUT_SESSION_ID}", session_id)
        route.fulfill(status=303, headers={"Location": success})

    page.route(re.compile(r"/trainingen/betalen/[^/]+/$"), payment_form)


def deliver_webhook(payload: bytes) -> int:
    return (
        Client()
        .post(
            reverse("courses:stripe_webhook"),
            payload,
            content_type="application/json",
            HTTP_STRIPE_SIGNATURE=signature(payload),
        )
        .status_code
    )
