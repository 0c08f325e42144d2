"""Use cases over the personal data registry: export, erase and purge."""

from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils import timezone

from .registry import registry

if TYPE_CHECKING:
    from portal.accounts.models import User


def export_user_data(user: "User") -> dict[str, Any]:
    """Everything Steiger holds about `user`, one section per registered owner."""
    return {
        "generated_at": timezone.now().isoformat(),
        "sections": [
            {"key": owner.key, "label": str(owner.label), "records": owner.exporter(user)}
            for owner in registry.owners()
        ],
    }


@transaction.atomic
def erase_user_data(user: "User") -> dict[str, int]:
    """Erase every owner's records for `user`. The account itself is one of the owners."""
    # The account goes last: other owners may still need the user row to find their records.
    owners = sorted(registry.owners(), key=lambda owner: owner.key == "account")
    return {owner.key: owner.eraser(user) for owner in owners}


def purge_expired_data(now: datetime | None = None, *, dry_run: bool = False) -> dict[str, int]:
    """Apply every owner's retention period; returns how many records each owner purged.

    With dry_run the purgers run inside a transaction that is rolled back, so the counts are
    exactly what a real run would delete, and nothing is deleted.
    """
    now = now or timezone.now()
    counts: dict[str, int] = {}
    for owner in registry.owners():
        with transaction.atomic():
            counts[owner.key] = owner.purger(now - owner.retention)
            if dry_run:
                transaction.set_rollback(True)
    return counts
