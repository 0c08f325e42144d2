"""`manage.py send_booking_reminders`: remind the bookers of coming classroom sessions, each
reminder of settings.COURSE_REMINDER_DAYS once per booking (run by `run_maintenance`)."""

from django.core.management.base import BaseCommand

from courses.services.booking_mail import reminder_days, send_due_reminders


class Command(BaseCommand):
    help = (
        "Email each confirmed booking of a coming classroom session the reminder due now "
        "(settings.COURSE_REMINDER_DAYS), once. Run by `manage.py run_maintenance`; the task "
        "courses.tasks.send_booking_reminders does the same for a task scheduler."
    )

    def handle(self, *args, **options) -> None:
        sent = send_due_reminders()
        days = ", ".join(str(day) for day in reminder_days())
        self.stdout.write(f"booking reminders queued: {sent} (days before: {days})")
