"""`manage.py check`: an override of a retention period must name an owner.

A typo in settings.RETENTION_DAYS would otherwise keep personal data for the default period in
silence, while the privacy statement promises the shorter one.
"""

from django.conf import settings
from django.core import checks

from .registry import registry


def check_retention_settings(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    owners = {owner.key for owner in registry.owners()}
    errors = []
    for key, days in getattr(settings, "RETENTION_DAYS", {}).items():
        if key not in owners:
            errors.append(
                checks.Error(
                    f"RETENTION_DAYS[{key!r}] names no personal data owner.",
                    hint=f"Owners: {', '.join(sorted(owners))}.",
                    id="privacy.E001",
                )
            )
        elif not isinstance(days, int) or isinstance(days, bool) or days < 0:
            errors.append(
                checks.Error(
                    f"RETENTION_DAYS[{key!r}] must be a whole number of days, not {days!r}.",
                    id="privacy.E002",
                )
            )
    return errors
