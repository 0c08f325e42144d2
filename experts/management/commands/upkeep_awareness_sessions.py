"""`manage.py upkeep_awareness_sessions` (run by `run_maintenance`):
- a few days before each confirmed session, the expert is reminded of it and of her briefing,
  and the coordinators hear when its safety checklist is not complete yet;
- confirmed sessions whose date has passed are completed, which asks the requester for
  feedback and the expert how it went (a coordinator can also mark one done the same day).
"""

from django.core.management.base import BaseCommand

from experts.services.care import send_due_briefings
from experts.services.requests import complete_past_sessions


class Command(BaseCommand):
    help = (
        "Remind experts of their coming awareness sessions (and coordinators of an incomplete "
        "safety checklist), and complete the sessions whose date has passed. Run by "
        "run_maintenance."
    )

    def handle(self, *args, **options) -> None:
        self.stdout.write(f"awareness session briefings sent: {send_due_briefings()}")
        self.stdout.write(f"awareness sessions completed: {complete_past_sessions()}")
