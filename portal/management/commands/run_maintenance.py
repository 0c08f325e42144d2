"""`manage.py run_maintenance`: the one command a timer runs in production (README.md).

Runs, in this order, and each even when an earlier one failed:
1. retry_failed_email   - drop mail that is no longer useful, queue the rest again;
2. purge_expired_data   - apply every retention period of the personal data registry;
3. clearsessions        - delete expired sessions (also part of 2; kept for Django's own rule);
4. publish_scheduled    - publish and unpublish what editors scheduled (Wagtail's go-live and
   expiry dates), so a scheduled page goes live within the timer's interval;
5. send_review_reminders - once a week, email the editors the pages due for review;
6. send_certificate_reminders - email learners with an account, once, that a certificate
   expires soon; run when the courses app is installed (named, never imported);
7. send_booking_reminders - remind bookers of coming classroom sessions, each reminder once;
   likewise run when the courses app is installed;
7b. expire_booking_holds - unpaid bookings and unanswered waiting-list offers whose hold ran
   out expire, and their seats go to the next in line (seats are free the moment a hold ends;
   this sends the offers); likewise;
7c. upkeep_awareness_sessions - experts are reminded of their session and its briefing a few
   days before (coordinators: of a safety checklist not yet complete), and sessions whose date
   passed are completed, so the school is asked for feedback and the expert how it went; run
   when the experts app is installed (named, never imported);
8. prune_db_task_results - forget finished background tasks older than a week (the database
   queue of production; skipped when another task backend is configured);
9. reconcile_search_index - replay search index updates that failed (Meilisearch was down)
   and forget old ones; run when the search app is installed (named, never imported: the
   base layer imports no domain app).
Exits with status 1 when any step failed, so the timer or cron reports it.
"""

from django.conf import settings
from django.core.management import call_command, get_commands
from django.core.management.base import BaseCommand, CommandError

DB_TASKS_BACKEND = "django_tasks_db.DatabaseBackend"
FINISHED_TASKS_KEPT_DAYS = 7


def steps() -> list[tuple[str, list[str]]]:
    planned = [
        ("retry_failed_email", []),
        ("purge_expired_data", []),
        ("clearsessions", []),
        ("publish_scheduled", []),
        ("send_review_reminders", []),
    ]
    if "send_certificate_reminders" in get_commands():
        planned.append(("send_certificate_reminders", []))
    if "send_booking_reminders" in get_commands():
        planned.append(("send_booking_reminders", []))
    if "expire_booking_holds" in get_commands():
        planned.append(("expire_booking_holds", []))
    if "upkeep_awareness_sessions" in get_commands():
        planned.append(("upkeep_awareness_sessions", []))
    if settings.TASKS["default"]["BACKEND"] == DB_TASKS_BACKEND:
        planned.append(
            (
                "prune_db_task_results",
                [f"--min-age-days={FINISHED_TASKS_KEPT_DAYS}", "--queue-name=*"],
            )
        )
    if "reconcile_search_index" in get_commands():
        planned.append(("reconcile_search_index", []))
    return planned


class Command(BaseCommand):
    help = "Retry mail, apply retention periods and clear expired sessions (run by a timer)."

    def handle(self, *args, **options) -> None:
        failed = []
        for name, arguments in steps():
            self.stdout.write(f"== {name}")
            try:
                call_command(name, *arguments, stdout=self.stdout, stderr=self.stderr)
            except Exception as error:  # One broken step must not stop the others.
                failed.append(name)
                self.stderr.write(f"{name} failed: {type(error).__name__}: {error}")
        if failed:
            raise CommandError(f"Maintenance steps failed: {', '.join(failed)}")
        self.stdout.write("Maintenance done.")
