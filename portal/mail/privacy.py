"""Outbox messages in the personal data registry: found by the addresses the user verified."""

from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.accounts.services import verified_email_addresses
from portal.privacy.registry import PersonalDataOwner, register

from .models import OutboxMessage


def _for_user(user):
    # Verified addresses only: user.email can change without verification.
    addresses = verified_email_addresses(user)
    if not addresses:
        return OutboxMessage.objects.none()
    condition = Q()
    for address in addresses:
        condition |= Q(recipient_index__contains=f",{address},")
    return OutboxMessage.objects.filter(condition)


def export(user) -> list[dict[str, Any]]:
    return [
        {
            "created_at": message.created_at.isoformat(),
            "status": message.status,
            "subject": message.subject,
            "body": message.body,
        }
        for message in _for_user(user)
    ]


def erase(user) -> int:
    return _for_user(user).delete()[0]


def purge(cutoff: datetime) -> int:
    """Messages older than the retention, and any whose usefulness has passed (never sent)."""
    expired = Q(created_at__lt=cutoff) | Q(useful_until__lte=timezone.now())
    return OutboxMessage.objects.filter(expired).delete()[0]


def register_owner() -> None:
    register(
        PersonalDataOwner(
            key="outbox_message",
            label=_("Emails waiting to be sent"),
            exporter=export,
            eraser=erase,
            retention=timedelta(days=settings.RETENTION_DAYS["outbox_message"]),
            purger=purge,
        )
    )
