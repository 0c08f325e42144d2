"""Inside Django (bench settings, a SQLite file like `make run`'s): booking figures.

Run by bench/run.py as `python -m bench.booking` on its own copy of the bench database
(bench/booking_settings.py);
prints one JSON object on stdout:
- hold: a paid seat booked through the booking page (form, service, seat lock, redirect),
  BENCH_BOOKING_ROUNDS times (default 40), on a session of the demo's paid classroom course;
- confirm: confirming each of those held bookings as a payment would (courses' confirm_paid);
- concurrency: BENCH_BOOKING_THREADS people (default 50) press "Book" at the same moment for a
  session with 10 seats, each through the booking page in its own thread and connection:
  how many were confirmed, put on the waiting list or got an error, and the seat count after.
Timed in-process with Django's test client, so the figures are the server's work without the
network; medians and maxima in milliseconds.
"""

import datetime
import json
import os
import statistics
import threading
import time
from collections import Counter
from decimal import Decimal

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.booking_settings")

import django

django.setup()

from django.apps import apps  # noqa: E402
from django.db import connections  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from courses.services import bookings  # noqa: E402

ROUNDS = int(os.environ.get("BENCH_BOOKING_ROUNDS", "40"))
THREADS = int(os.environ.get("BENCH_BOOKING_THREADS", "50"))
SEATS = 10


def new_session(price: Decimal, capacity: int):
    """A fresh session of the demo's classroom course, three weeks ahead."""
    sessions = apps.get_model("courses.CourseSession")
    template = sessions.objects.filter(course__live=True).order_by("pk").first()
    if template is None:
        raise SystemExit("no classroom session in the bench database: is the demo loaded?")
    starts = timezone.now() + datetime.timedelta(days=21)
    session = sessions.objects.create(
        course=template.course,
        starts_at=starts,
        venue_name=template.venue_name,
        street_address=template.street_address,
        postal_code=template.postal_code,
        city=template.city,
        municipality=template.municipality,
        capacity=capacity,
        price=price,
        booking_deadline=starts - datetime.timedelta(days=1),
        cancellation_deadline=starts - datetime.timedelta(days=7),
    )
    session.days.create(date=starts.date(), start_time=datetime.time(9), end_time=datetime.time(16))
    return session


def form(number: int) -> dict:
    return {
        "kind": "single",
        "contact_name": f"Bench {number}",
        "contact_email": f"bench{number}@example.org",
        "organisation": "Bench",
    }


def book_through_page(client: Client, url: str, number: int) -> int:
    return client.post(
        url, form(number), REMOTE_ADDR=f"10.0.{number // 250}.{number % 250}"
    ).status_code


def hold_and_confirm() -> dict:
    session = new_session(Decimal("195"), capacity=ROUNDS + 1)
    url = reverse("courses:book", args=[session.pk])
    client = Client()
    hold_ms = []
    for number in range(ROUNDS):
        started = time.perf_counter()
        status = book_through_page(client, url, number)
        hold_ms.append((time.perf_counter() - started) * 1000)
        if status != 303:
            raise SystemExit(f"booking answered {status}")
    confirm_ms = []
    for booking_id in session.bookings.values_list("pk", flat=True):
        started = time.perf_counter()
        bookings.confirm_paid(booking_id)
        confirm_ms.append((time.perf_counter() - started) * 1000)
    return {
        "rounds": ROUNDS,
        "hold_p50_ms": statistics.median(hold_ms),
        "hold_max_ms": max(hold_ms),
        "confirm_p50_ms": statistics.median(confirm_ms),
        "confirm_max_ms": max(confirm_ms),
    }


def concurrency() -> dict:
    session = new_session(Decimal("0"), capacity=SEATS)
    url = reverse("courses:book", args=[session.pk])
    barrier = threading.Barrier(THREADS)
    answers: list = [None] * THREADS

    def run(number: int) -> None:
        try:
            client = Client()
            barrier.wait()
            answers[number] = book_through_page(client, url, 1000 + number)
        except Exception as error:  # counted as an error below
            answers[number] = type(error).__name__
        finally:
            connections.close_all()

    started = time.perf_counter()
    threads = [threading.Thread(target=run, args=(number,)) for number in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    elapsed = time.perf_counter() - started
    statuses = Counter(session.bookings.values_list("status", flat=True))
    return {
        "threads": THREADS,
        "seats": SEATS,
        "answers": dict(Counter(str(answer) for answer in answers)),
        "confirmed": statuses.get("confirmed", 0),
        "waitlisted": statuses.get("waitlisted", 0),
        "seats_taken": session.seats_taken(),
        "elapsed_s": elapsed,
    }


def main() -> None:
    print(json.dumps({"hold": hold_and_confirm(), "concurrency": concurrency()}))


if __name__ == "__main__":
    main()
