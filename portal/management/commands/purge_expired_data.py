from django.core.management.base import BaseCommand

from portal.privacy.services import purge_expired_data


class Command(BaseCommand):
    help = "Delete personal data older than its retention period (see RETENTION_DAYS)."

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
            self.stdout.write(f"{key}: {verb} {count}")
        self.stdout.write(f"total: {verb} {sum(counts.values())}")
