"""Account use cases: who must use MFA, whether they did, and deleting or exporting an account."""

import time
from typing import TYPE_CHECKING, Any

from allauth.account import app_settings as account_settings
from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.contrib.auth import get_user_model
from django.http import HttpRequest, HttpResponseRedirect
from django.urls import reverse
from django.utils.http import urlencode

from portal.privacy.services import erase_user_data, export_user_data
from portal.security.areas import view_for_path

if TYPE_CHECKING:
    from portal.accounts.models import User

# The attribute portal.accounts.decorators puts on a view that has the MFA gate.
REQUIRES_MFA = "requires_mfa"


def requires_mfa(user: "User") -> bool:
    """Staff, admin users and anyone in a role group must protect their account with TOTP.

    "Any group" rather than a list of role names: every group on Steiger is a role (editor,
    coordinator, expert, ...), and a new role must not silently skip MFA.
    """
    if not user.is_authenticated:
        return False
    return (
        user.is_staff
        or user.is_superuser
        or user.groups.exists()
        or user.has_perm("wagtailadmin.access_admin")
    )


def has_totp(user: "User") -> bool:
    return is_mfa_enabled(user, [Authenticator.Type.TOTP])


def has_second_factor(user: "User") -> bool:
    """An authenticator that proves possession (TOTP, security key); recovery codes alone are
    only the way back in when that authenticator is lost."""
    return is_mfa_enabled(user, [Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN])


def authenticated_recently(request: HttpRequest) -> bool:
    """Whether this session proved who it is within ACCOUNT_REAUTHENTICATION_TIMEOUT.

    allauth only counts explicit re-authentications as recent, so a staff member who just
    signed in was asked for their password again before setting up TOTP. Signing in is the same
    proof, so it counts too. Whoever has a second factor must have used it: a recent password
    alone never counts for them.
    """
    user = request.user
    if not user.is_authenticated:
        return False
    methods = {"mfa"} if has_second_factor(user) else {"password", "mfa"}
    oldest = time.time() - account_settings.REAUTHENTICATION_TIMEOUT
    return any(
        record.get("method") in methods and record.get("at", 0) > oldest
        for record in get_authentication_records(request, user)
    )


def passed_mfa_in_session(request: HttpRequest) -> bool:
    """allauth records every completed authentication step in the session; "mfa" is the code."""
    records = get_authentication_records(request, request.user)
    return any(record.get("method") == "mfa" for record in records)


def is_mfa_required_path(path: str) -> bool:
    """Whether the view at `path` declared the MFA gate (portal.accounts.decorators)."""
    return bool(getattr(view_for_path(path), REQUIRES_MFA, False))


def mfa_gate(request: HttpRequest) -> HttpResponseRedirect | None:
    """Where a signed-in user must go before entering an MFA-protected area, or None to enter.

    No TOTP yet: to allauth's TOTP activation. TOTP set up but not used in this session (for
    example the session predates it): to allauth's MFA re-authentication, which comes back here.
    """
    user = request.user
    if not requires_mfa(user):
        return None
    query = urlencode({"next": request.get_full_path()})
    if not has_totp(user):
        return HttpResponseRedirect(f"{reverse('mfa_activate_totp')}?{query}")
    if not passed_mfa_in_session(request):
        return HttpResponseRedirect(f"{reverse('mfa_reauthenticate')}?{query}")
    return None


def export_account(user: "User") -> dict[str, Any]:
    """Everything Steiger holds about the user, through the personal data registry."""
    return export_user_data(user)


class LastSuperuserError(Exception):
    """Deleting this account would leave Steiger without anyone who can manage it."""


def ensure_account_can_be_deleted(user: "User") -> None:
    """Raise LastSuperuserError when `user` is the only active superuser."""
    if not user.is_superuser:
        return
    others = get_user_model().objects.filter(is_superuser=True, is_active=True).exclude(pk=user.pk)
    if not others.exists():
        raise LastSuperuserError


def delete_account(user: "User") -> dict[str, int]:
    """Erase the user's data in every registered app; the account itself goes last."""
    ensure_account_can_be_deleted(user)
    return erase_user_data(user)
