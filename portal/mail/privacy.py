"""Outbox messages in the personal data registry: found by the recipient's address."""

from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from portal.privacy.registry import PersonalDataOwner, register

from .models import OutboxMessage


def _for_user(user):
    if not user.email:
        return OutboxMessage.objects.none()
    return OutboxMessage.objects.filter(recipient_index__contains=f",{user.email.lower()},")


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
    return OutboxMessage.objects.filter(created_at__lt=cutoff).delete()[0]


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
