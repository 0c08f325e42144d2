from datetime import timedelta

from django.core.management.base import BaseCommand

from portal.privacy.registry import registry
from portal.privacy.services import purge_expired_data


def _period(retention: timedelta) -> str:
    if retention % timedelta(days=1):
        return f"{retention / timedelta(hours=1):g} hours"
    return f"{retention.days} days"


class Command(BaseCommand):
    help = (
        "Delete personal data older than its retention period: each owner's default in its "
        "app's privacy.py, or settings.RETENTION_DAYS[owner key]."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Count what would be deleted, delete nothing.",
        )

    def handle(self, *args, dry_run: bool = False, **options) -> None:
        counts = purge_expired_data(dry_run=dry_run)
        verb = "would purge" if dry_run else "purged"
        for key, count in counts.items():
            kept = _period(registry.get(key).retention)
            self.stdout.write(f"{key}: {verb} {count} (kept {kept})")
        self.stdout.write(f"total: {verb} {sum(counts.values())}")
