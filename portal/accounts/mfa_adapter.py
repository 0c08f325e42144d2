"""How allauth's MFA behaves on Steiger: an account that must use MFA cannot switch it off."""

from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from django.utils.translation import gettext_lazy as _

from . import services


class MFAAdapter(DefaultMFAAdapter):
    error_messages = {
        **DefaultMFAAdapter.error_messages,
        "cannot_delete_authenticator": _(
            "Your account has a role on Steiger, so two-factor authentication stays on. "
            "Lost your phone or authenticator app? Sign in with a recovery code and ask an "
            "administrator to reset your two-factor authentication."
        ),
    }

    def can_delete_authenticator(self, authenticator: Authenticator) -> bool:
        """Staff and role accounts keep at least one real second factor.

        Without this, whoever had the password for a moment could remove the owner's TOTP and
        enrol their own (issue 5, item 1). Recovery codes do not count: they are the way back
        in, not a second factor to sign in with every day.
        """
        user = authenticator.user
        if authenticator.type == Authenticator.Type.RECOVERY_CODES:
            return True
        if not services.requires_mfa(user):
            return True
        return (
            Authenticator.objects.filter(user_id=user.pk)
            .exclude(pk=authenticator.pk)
            .exclude(type=Authenticator.Type.RECOVERY_CODES)
            .exists()
        )
