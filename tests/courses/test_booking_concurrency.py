"""Fifty people press "Book" at once for ten seats; twenty cancel at once with a waiting list.
Through the real booking page, each in its own thread and database connection.

PostgreSQL only: the test database of the SQLite run is an in-memory database in shared-cache
mode, where SQLite answers "table is locked" at once instead of waiting, which no production
SQLite (a file, with a busy timeout) does. CI runs the suite on PostgreSQL as well
(scripts/with_postgres.sh), where this runs; `make bench` also runs it on a SQLite file
(bench/booking.py)."""

from collections import Counter

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from courses.classroom import Booking, BookingStatus
from courses.factories import BookingFactory
from courses.services import cancellations
from tests.concurrency import at_once_each

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL (run with scripts/with_postgres.sh); see the module docstring",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _at_once(count: int, work) -> list:
    return at_once_each(count, work)


def test_fifty_people_book_ten_seats_at_once(free_session, settings):
    settings.COURSE_BOOKING_RATE_LIMIT = "1000/h/ip"
    url = reverse("courses:book", args=[free_session.pk])

    def book(index: int) -> int:
        response = Client().post(
            url,
            {
                "kind": "single",
                "contact_name": f"Deelnemer {index}",
                "contact_email": f"deelnemer{index}@example.org",
            },
        )
        return response.status_code

    answers = _at_once(50, book)

    assert answers == [303] * 50
    statuses = Counter(Booking.objects.values_list("status", flat=True))
    assert statuses == {BookingStatus.CONFIRMED: 10, BookingStatus.WAITLISTED: 40}
    assert free_session.seats_taken() == 10


def test_twenty_cancel_at_once_and_the_waiting_list_fills_each_seat_once(free_session):
    confirmed = [BookingFactory(session=free_session) for _ in range(10)]
    # Twenty-five in line (the first ten offered a seat each, in the order they joined).
    for index in range(25):
        BookingFactory(
            session=free_session,
            status=BookingStatus.WAITLISTED,
            confirmed_at=None,
            waitlisted_at=free_session.starts_at.replace(year=2020, minute=index % 60),
        )
    # Ten confirmed bookings cancel at once, and ten cancel twice (a double click).
    targets = confirmed + confirmed

    def cancel(index: int) -> bool:
        return cancellations.cancel_booking(Booking.objects.get(pk=targets[index].pk))

    results = _at_once(20, cancel)

    assert not [result for result in results if isinstance(result, Exception)]
    assert sorted(results) == [False] * 10 + [True] * 10
    statuses = Counter(Booking.objects.values_list("status", flat=True))
    assert statuses == {
        BookingStatus.CANCELLED: 10,
        BookingStatus.OFFERED: 10,
        BookingStatus.WAITLISTED: 15,
    }
    assert free_session.seats_taken() == 10
    offered = Booking.objects.filter(status=BookingStatus.OFFERED).order_by("waitlisted_at")
    first_in_line = Booking.objects.filter(
        status__in=[BookingStatus.OFFERED, BookingStatus.WAITLISTED]
    ).order_by("waitlisted_at", "pk")[:10]
    assert list(offered) == list(first_in_line)
