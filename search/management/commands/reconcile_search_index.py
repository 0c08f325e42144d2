"""`manage.py reconcile_search_index`: replay the index updates that failed or never ran."""

from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError

from search.upkeep.reconcile import DEFAULT_LIMIT, DEFAULT_MIN_AGE, reconcile


class Command(BaseCommand):
    help = (
        "Apply search index updates that failed (the search server was down or slow) or whose "
        "task never ran, one per object, oldest first; stop early while the backend keeps "
        "failing. Also purge applied updates older than 30 days and weekly search query counts "
        "older than a year. Run it every few minutes: in production from the maintenance timer "
        "(README, 'Scheduled maintenance'), for example a systemd timer or cron line running "
        "`manage.py reconcile_search_index` every 5 minutes with the production environment. "
        "The task search.tasks.reconcile_search_index does the same for a task scheduler."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--min-age",
            type=float,
            default=DEFAULT_MIN_AGE.total_seconds(),
            help="Seconds an update must have waited (its task may still be on its way).",
        )
        parser.add_argument(
            "--limit", type=int, default=DEFAULT_LIMIT, help="Objects replayed at most per run."
        )

    def handle(self, *args, min_age: float, limit: int, **options) -> None:
        report = reconcile(min_age=timedelta(seconds=min_age), limit=limit)
        self.stdout.write(
            f"replayed {report.objects}: {report.done} done, {report.failed} failed"
            + (" (stopped early: the search backend keeps failing)" if report.stopped_early else "")
        )
        self.stdout.write(
            f"purged {report.purged_updates} applied updates, "
            f"{report.purged_query_weeks} old weekly query counts"
        )
        if report.merged_index_segments:
            self.stdout.write("merged a step of the full-text index towards one segment")
        if report.failed:
            # A non-zero exit makes the timer or cron report it; the updates are kept.
            raise CommandError(
                f"{report.failed} search index updates failed; kept for the next run."
            )
