from django.core.management.base import BaseCommand

from portal.mail.services import retry_failed


class Command(BaseCommand):
    help = "Queue delivery again for outbox messages that failed or whose task was lost."

    def handle(self, *args, **options) -> None:
        count = retry_failed()
        self.stdout.write(f"Queued {count} message(s) for delivery.")
