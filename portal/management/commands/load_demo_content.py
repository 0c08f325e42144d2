"""`manage.py load_demo_content`: a Dutch and English demo site plus one local user per role.

Every app's demo.py takes part (portal/demo/door.py), in the order of their DEPENDS_ON.
Refuses to run with DEBUG off unless --force, so a production database never gets accounts
whose passwords were printed to a terminal.
"""

import logging

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from portal.demo.discovery import DemoContentError
from portal.demo.loader import load_demo_content


class Command(BaseCommand):
    help = "Load the demo site (idempotent) and create one local user per role."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even though DEBUG is off. Never do this on a production database.",
        )
        parser.add_argument(
            "--reset-passwords",
            action="store_true",
            help="Give existing demo users new passwords (printed once).",
        )

    def handle(self, *args, force: bool = False, reset_passwords: bool = False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "DEBUG is off: refusing to create demo accounts with known passwords. "
                "Use --force only on a database nobody else uses."
            )
        # Every publish logs its search-index tasks; the printed passwords would drown in them.
        task_logger = logging.getLogger("django.tasks")
        level = task_logger.level
        task_logger.setLevel(logging.WARNING)
        try:
            report = load_demo_content(reset_passwords=reset_passwords)
        except DemoContentError as error:
            raise CommandError(str(error)) from error
        finally:
            task_logger.setLevel(level)

        self.stdout.write(f"Demo content of: {', '.join(report.apps)}")

        if report.created_pages:
            self.stdout.write(f"Created {len(report.created_pages)} pages:")
            for line in report.created_pages:
                self.stdout.write(f"  {line}")
        if report.updated_pages:
            self.stdout.write(f"Updated {len(report.updated_pages)} untouched demo pages:")
            for line in report.updated_pages:
                self.stdout.write(f"  {line}")
        if report.kept_pages:
            self.stdout.write("Changed by a person, so left as they are (newer demo content):")
            for line in report.kept_pages:
                self.stdout.write(f"  {line}")
        if not report.pages_changed:
            self.stdout.write("Demo pages already present; nothing changed.")
        for line in report.notes:
            self.stdout.write(line)

        self.stdout.write("")
        self.stdout.write("Local accounts (for this machine only; log in at /nl/account/login/):")
        for email, role, password in report.accounts:
            shown = password if password else "(unchanged; --reset-passwords for a new one)"
            self.stdout.write(f"  {email:<52} {role:<34} {shown}")
