"""Newsletter subscriptions in the personal data registry, found by verified addresses.

Retention: an address that never confirmed, or that unsubscribed, is forgotten after a week.
"""

from datetime import datetime, timedelta
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from portal.privacy import PersonalDataOwner, register
from portal.privacy.identity import verified_email_addresses

from .models import NewsletterSubscription


def _for_user(user):
    # Verified addresses only: user.email can change without verification.
    addresses = verified_email_addresses(user)
    if not addresses:
        return NewsletterSubscription.objects.none()
    condition = Q()
    for address in addresses:
        condition |= Q(email__iexact=address)
    return NewsletterSubscription.objects.filter(condition)


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


register(
    PersonalDataOwner(
        key="newsletter_subscription",
        label=_("Newsletter subscription"),
        models=[NewsletterSubscription],
        exporter=export,
        eraser=erase,
        default_retention=timedelta(days=7),
        purger=purge,
    )
)
