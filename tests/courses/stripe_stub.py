"""A local stub of the few parts of Stripe's HTTP API we call, for the official `stripe`
library to talk to (STRIPE_API_BASE points it here): create, read and expire a Checkout
Session, create a refund. The only stub of the payment tests: our own code runs for real,
and webhooks are signed for real with a test secret.

`stripe_stub` is the running stub (one server per test session, emptied for each test);
`stripe_settings` configures the site for Stripe against it.
"""

import contextlib
import datetime
import itertools
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl

import pytest
import stripe
from django.utils import timezone

from courses.classroom import Booking, BookingStatus
from courses.factories import BookingFactory

SECRET_KEY = "sk_test_stub"
WEBHOOK_SECRET = "whsec_test_stub"


class StripeStub:
    def __init__(self) -> None:
        self.sessions: dict[str, dict] = {}
        self.refunds: list[dict] = []
        self.requests: list[tuple[str, str, dict]] = []
        self.refuse_refunds = False
        self.down = False
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def reset(self) -> None:
        with self._lock:
            self.sessions.clear()
            self.refunds.clear()
            self.requests.clear()
            self.refuse_refunds = False
            self.down = False

    def _next_id(self, prefix: str) -> str:
        return f"{prefix}_test_{next(self._ids):06d}"

    # --- What Stripe does when the customer pays ----------------------------------------------

    def complete(self, session_id: str, *, payment_status: str = "paid") -> dict:
        """The customer paid on Stripe's page (iDEAL may leave it "unpaid" for a while)."""
        with self._lock:
            session = self.sessions[session_id]
            session["status"] = "complete"
            session["payment_status"] = payment_status
            session["payment_intent"] = session["payment_intent"] or self._next_id("pi")
            return dict(session)

    def only_session(self) -> dict:
        (session,) = self.sessions.values()
        return session

    # --- The API ------------------------------------------------------------------------------

    def handle(self, method: str, path: str, params: dict) -> tuple[int, dict]:
        self.requests.append((method, path, params))
        if self.down:
            return 503, _error("api_error", "Stripe is down (stub)")
        parts = path.strip("/").split("/")
        if method == "POST" and parts == ["v1", "checkout", "sessions"]:
            return 200, self._create_session(params)
        if parts[:3] == ["v1", "checkout", "sessions"] and len(parts) >= 4:
            session = self.sessions.get(parts[3])
            if session is None:
                return 404, _error("invalid_request_error", "No such checkout session")
            if method == "GET" and len(parts) == 4:
                return 200, session
            if method == "POST" and parts[4:] == ["expire"]:
                if session["status"] != "open":
                    return 400, _error("invalid_request_error", "Session is not open")
                session["status"] = "expired"
                return 200, session
        if method == "POST" and parts == ["v1", "refunds"]:
            if self.refuse_refunds:
                return 400, _error("invalid_request_error", "Charge already refunded")
            refund = {
                "id": self._next_id("re"),
                "object": "refund",
                "amount": int(params["amount"]),
                "payment_intent": params["payment_intent"],
                "status": "succeeded",
            }
            self.refunds.append(refund)
            return 200, refund
        return 404, _error("invalid_request_error", f"Unknown path {path}")

    def _create_session(self, params: dict) -> dict:
        session_id = self._next_id("cs")
        unit_amount = int(params["line_items[0][price_data][unit_amount]"])
        quantity = int(params["line_items[0][quantity]"])
        session = {
            "id": session_id,
            "object": "checkout.session",
            "url": f"https://checkout.stripe.com/c/pay/{session_id}",
            "status": "open",
            "payment_status": "unpaid",
            "mode": params.get("mode"),
            "client_reference_id": params.get("client_reference_id"),
            "metadata": {"payment_reference": params.get("metadata[payment_reference]")},
            "amount_total": unit_amount * quantity,
            "currency": params.get("currency", "eur"),
            "payment_intent": None,
            "expires_at": int(params["expires_at"]),
            "success_url": params.get("success_url"),
            "cancel_url": params.get("cancel_url"),
            "payment_method_types": [
                value for key, value in params.items() if key.startswith("payment_method_types")
            ],
        }
        self.sessions[session_id] = session
        return session


def _error(kind: str, message: str) -> dict:
    return {"error": {"type": kind, "message": message}}


def _handler(stub: StripeStub) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def _answer(self, method: str) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length).decode() if length else ""
            path, _, query = self.path.partition("?")
            params = dict(parse_qsl(body or query, keep_blank_values=True))
            with stub._lock if method == "POST" else contextlib.nullcontext():
                status, data = stub.handle(method, path, params)
            payload = json.dumps(data).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.send_header("Request-Id", "req_stub")
            self.end_headers()
            self.wfile.write(payload)

        def do_GET(self) -> None:
            self._answer("GET")

        def do_POST(self) -> None:
            self._answer("POST")

        def log_message(self, *args) -> None:  # quiet
            pass

    return Handler


# --- Events, signed as Stripe signs them ----------------------------------------------------------

_event_ids = itertools.count(1)


def event_payload(event_type: str, data: dict, *, event_id: str | None = None) -> bytes:
    event = {
        "id": event_id or f"evt_test_{next(_event_ids):06d}",
        "object": "event",
        "type": event_type,
        "created": int(time.time()),
        "api_version": "2025-01-27.acacia",
        "livemode": False,
        "data": {"object": data},
    }
    return json.dumps(event).encode()


def signature(payload: bytes, *, secret: str = WEBHOOK_SECRET, timestamp: int | None = None) -> str:
    return stripe.WebhookSignature.generate_signature_header(
        payload.decode(), secret, timestamp=timestamp
    )


# --- Fixtures -------------------------------------------------------------------------------------

_server: StripeStub | None = None


@pytest.fixture
def stripe_stub() -> StripeStub:
    global _server
    if _server is None:
        _server = StripeStub()
    _server.reset()
    return _server


@pytest.fixture
def stripe_settings(settings, stripe_stub):
    settings.STRIPE_SECRET_KEY = SECRET_KEY
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    settings.STRIPE_API_BASE = stripe_stub.url
    return settings


def pending_booking(session, *, seats: int = 1, minutes_held: int = 30, **fields) -> Booking:
    """A booking of a paid session whose seats are held for the payment."""
    values = {
        "status": BookingStatus.PENDING,
        "held_until": timezone.now() + datetime.timedelta(minutes=minutes_held),
        "confirmed_at": None,
        "price_per_seat": session.price,
        "seats": seats,
        **fields,
    }
    return BookingFactory(session=session, **values)
