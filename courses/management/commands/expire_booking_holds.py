"""`manage.py expire_booking_holds`: bookings whose seat hold ran out (an unpaid booking, an
unanswered waiting-list offer) become expired, and the seats they held are offered to the
next in line (run by `run_maintenance`)."""

from django.core.management.base import BaseCommand

from courses.services.bookings import expire_holds


class Command(BaseCommand):
    help = (
        "Expire bookings whose seat hold ran out and offer their seats to the waiting list. "
        "Run by `manage.py run_maintenance`; the task courses.tasks.expire_booking_holds does "
        "the same for a task scheduler."
    )

    def handle(self, *args, **options) -> None:
        self.stdout.write(f"booking holds expired: {expire_holds()}")
