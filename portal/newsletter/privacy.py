"""Newsletter subscriptions in the personal data registry, found by the user's address."""

from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from portal.privacy.registry import PersonalDataOwner, register

from .models import NewsletterSubscription


def _for_user(user):
    if not user.email:
        return NewsletterSubscription.objects.none()
    return NewsletterSubscription.objects.filter(email__iexact=user.email)


def export(user) -> list[dict[str, Any]]:
    return [
        {
            "email": item.email,
            "created_at": item.created_at.isoformat(),
            "confirmed_at": item.confirmed_at.isoformat() if item.confirmed_at else None,
            "unsubscribed_at": item.unsubscribed_at.isoformat() if item.unsubscribed_at else None,
        }
        for item in _for_user(user)
    ]


def erase(user) -> int:
    return _for_user(user).delete()[0]


def purge(cutoff: datetime) -> int:
    """Forget addresses that never confirmed, or unsubscribed, before `cutoff`."""
    expired = Q(confirmed_at__isnull=True, token_created_at__lt=cutoff) | Q(
        unsubscribed_at__lt=cutoff
    )
    return NewsletterSubscription.objects.filter(expired).delete()[0]


def register_owner() -> None:
    register(
        PersonalDataOwner(
            key="newsletter_subscription",
            label=_("Newsletter subscription"),
            exporter=export,
            eraser=erase,
            retention=timedelta(days=settings.RETENTION_DAYS["newsletter_unconfirmed"]),
            purger=purge,
        )
    )
