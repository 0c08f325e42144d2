"""`manage.py send_certificate_reminders`: email learners with an account whose certificate
expires soon, once per certificate (run by `run_maintenance`)."""

from django.core.management.base import BaseCommand

from courses.services.certificates import reminder_days, send_expiry_reminders


class Command(BaseCommand):
    help = (
        "Email each learner with an account, once, that a certificate of theirs expires within "
        "COURSES_CERTIFICATE_REMINDER_DAYS (default 30). Run by `manage.py run_maintenance`; "
        "the task courses.tasks.send_certificate_reminders does the same for a task scheduler."
    )

    def handle(self, *args, **options) -> None:
        sent = send_expiry_reminders()
        self.stdout.write(f"certificate reminders queued: {sent} (within {reminder_days()} days)")
