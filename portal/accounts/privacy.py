"""The account itself as personal data: what we export, how we erase it, when it expires.

Retention: an account that nobody signed in to for two years (counted from the last login, or
from sign-up if the user never logged in; settings.RETENTION_DAYS["account"] may change it) is
deleted, together with everything other apps hold for it. Accounts with a staff role (staff,
superuser, any group, or a direct permission) are kept: the Centre manages those by hand.
"""

from datetime import datetime, timedelta
from typing import Any

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from portal.privacy import PersonalDataOwner, register
from portal.privacy.services import erase_user_data

from .models import User


def export_account(user: User) -> list[dict[str, Any]]:
    return [
        {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "email_addresses": [
                {"email": address.email, "verified": address.verified}
                for address in EmailAddress.objects.filter(user=user)
            ],
            # Which kinds of second factor are set up; never the secrets themselves.
            "mfa": sorted(Authenticator.objects.filter(user=user).values_list("type", flat=True)),
        }
    ]


def erase_account(user: User) -> int:
    # The cascade would remove these too; deleting them explicitly keeps that true even if
    # allauth ever changes its foreign keys.
    count, _per_model = EmailAddress.objects.filter(user=user).delete()
    count += Authenticator.objects.filter(user=user).delete()[0]
    count += User.objects.filter(pk=user.pk).delete()[0]
    return count


def purge_inactive_accounts(cutoff: datetime) -> int:
    expired = (
        User.objects.annotate(last_seen=Coalesce("last_login", "date_joined"))
        .filter(last_seen__lt=cutoff, is_staff=False, is_superuser=False)
        .filter(Q(groups__isnull=True) & Q(user_permissions__isnull=True))
        .distinct()
    )
    count = 0
    for user in expired:
        # Through the registry, so every app's data about this user goes with the account.
        erase_user_data(user)
        count += 1
    return count


register(
    PersonalDataOwner(
        key="account",
        label=_("Account"),
        # allauth's addresses and second factors belong to the account and go with it.
        models=[User, EmailAddress, Authenticator],
        exporter=export_account,
        eraser=erase_account,
        default_retention=timedelta(days=730),
        purger=purge_inactive_accounts,
    )
)
