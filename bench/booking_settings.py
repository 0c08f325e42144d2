"""Bench settings for the booking figures (bench/booking.py): the bench's own settings on a
copy of its database, var/bench/booking.sqlite3, so the bookings it makes never change the
pages bench/run.py serves.
"""

from bench.settings import *  # noqa: F403
from bench.settings import BENCH_DIR, DATABASES

BOOKING_DATABASE = BENCH_DIR / "booking.sqlite3"
DATABASES = {"default": {**DATABASES["default"], "NAME": str(BOOKING_DATABASE)}}

# Each simulated person has an address of their own, but a bench books more than a public
# form allows one address in an hour.
COURSE_BOOKING_RATE_LIMIT = "1000000/h/ip"
