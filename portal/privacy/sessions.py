"""Sessions as personal data: export, erase and purge (registered in portal/privacy/privacy.py).

A session row holds who is signed in (the user id, allauth's record of the sign-in with the
email address) and sometimes an address typed into a form. The cookie ends when the browser
closes (ACCOUNT_SESSION_REMEMBER = False), but the row lives on the server until
SESSION_COOKIE_AGE has passed. That age is 12 hours (settings.base): a working day for staff,
and no longer than that for a resident on a shared phone, where a browser is rarely closed.

Sessions carry no owner column, so they are found by reading them: a session belongs to a user
when it is signed in as them, or when one of their verified addresses appears in it. With 12-hour
sessions the table stays small enough to read whole for one person's export or erasure.
"""

import json
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.models import Session

if TYPE_CHECKING:
    from portal.accounts.models import User


def _addresses(user: "User") -> set[str]:
    # Verified addresses only, like every other owner: user.email can be changed unverified.
    addresses = EmailAddress.objects.filter(user=user, verified=True).values_list(
        "email", flat=True
    )
    return {address.lower() for address in addresses}


def _sessions_of(user: "User") -> Iterator[tuple[Session, dict[str, Any]]]:
    user_id = str(user.pk)
    addresses = _addresses(user)
    for session in Session.objects.iterator():
        data = session.get_decoded()  # {} when the data cannot be read
        if str(data.get(SESSION_KEY, "")) == user_id:
            yield session, data
            continue
        text = json.dumps(data, default=str).lower()
        if any(address in text for address in addresses):
            yield session, data


def export(user: "User") -> list[dict[str, Any]]:
    # When each session ends and whether it is signed in; never the session's contents (they
    # include the sign-in hash), which the other sections already show in readable form.
    return [
        {
            "expires_at": session.expire_date.isoformat(),
            "signed_in": str(data.get(SESSION_KEY, "")) == str(user.pk),
        }
        for session, data in _sessions_of(user)
    ]


def erase(user: "User") -> int:
    """End every session of `user`, on every device: the account deletion signs out everywhere."""
    keys = [session.session_key for session, _data in _sessions_of(user)]
    return Session.objects.filter(session_key__in=keys).delete()[0]


def purge(cutoff: datetime) -> int:
    """Delete sessions whose last change is older than `cutoff`, that is: expired sessions.

    The same as `manage.py clearsessions`; here too so purge_expired_data covers every owner.
    """
    age = timedelta(seconds=settings.SESSION_COOKIE_AGE)
    return Session.objects.filter(expire_date__lt=cutoff + age).delete()[0]
