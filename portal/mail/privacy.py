"""Outbox messages in the personal data registry: found by the addresses the user verified.

Retention: three days, the longest an email waits for a mail server that is down; shorter when
its link expires sooner (portal/mail/usefulness.py). After three days a confirmation is stale,
and the Centre sees new questions in the admin anyway.
"""

from datetime import datetime, timedelta
from typing import Any

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.privacy import PersonalDataOwner, register
from portal.privacy.identity import verified_email_addresses

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


register(
    PersonalDataOwner(
        key="outbox_message",
        label=_("Emails waiting to be sent"),
        models=[OutboxMessage],
        exporter=export,
        eraser=erase,
        default_retention=timedelta(days=3),
        purger=purge,
    )
)
