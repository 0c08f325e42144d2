"""Advice questions in the personal data registry (found by autodiscovery: portal/privacy).

A question belongs to a user when it was asked while signed in, or when it carries an address
the account verified (questions are often asked without an account). user.email alone never
counts: it can change without verification.
"""

from datetime import datetime, timedelta
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from portal.privacy import PersonalDataOwner, register
from portal.privacy.identity import verified_email_addresses

from .models import AdviceQuestion


def _for_user(user):
    condition = Q(user=user)
    for address in verified_email_addresses(user):
        condition |= Q(email__iexact=address)
    return AdviceQuestion.objects.filter(condition)


def export(user) -> list[dict[str, Any]]:
    return [
        {
            "reference": item.reference,
            "created_at": item.created_at.isoformat(),
            "status": item.status,
            "role": item.role,
            "question": item.question,
            "email": item.email,
            "municipality": item.municipality.name if item.municipality else None,
        }
        for item in _for_user(user).select_related("municipality")
    ]


def erase(user) -> int:
    return _for_user(user).delete()[0]


def purge(cutoff: datetime) -> int:
    return AdviceQuestion.objects.filter(created_at__lt=cutoff).delete()[0]


register(
    PersonalDataOwner(
        key="advice_question",
        label=_("Advice questions"),
        models=[AdviceQuestion],
        exporter=export,
        eraser=erase,
        # A year: long enough to see a question through and look back on it, no longer.
        default_retention=timedelta(days=365),
        purger=purge,
    )
)
