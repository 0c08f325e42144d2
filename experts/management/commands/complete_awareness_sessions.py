"""`manage.py complete_awareness_sessions`: confirmed awareness sessions whose date has passed
are completed, which asks the requester for feedback and the expert how it went (run by
`run_maintenance`; a coordinator can also mark one done in the admin the same day)."""

from django.core.management.base import BaseCommand

from experts.services.requests import complete_past_sessions


class Command(BaseCommand):
    help = (
        "Complete confirmed awareness sessions whose date has passed: the requester is asked "
        "for feedback and the expert for her aftercare check-in. Run by run_maintenance."
    )

    def handle(self, *args, **options) -> None:
        self.stdout.write(f"awareness sessions completed: {complete_past_sessions()}")
