"""`manage.py send_review_reminders`: the weekly email of pages due for review (run by
run_maintenance; sends at most once per ISO week)."""

from django.core.management.base import BaseCommand

from portal.content_review import send_review_reminders


class Command(BaseCommand):
    help = "Email editors and moderators the pages due for review (once a week)."

    def handle(self, *args, **options) -> None:
        sent = send_review_reminders()
        self.stdout.write(f"review reminders queued: {sent}")
