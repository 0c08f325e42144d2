"""Reactions to allauth events."""

from allauth.account.internal.flows.login import record_authentication
from allauth.mfa.models import Authenticator
from allauth.mfa.signals import authenticator_added
from django.dispatch import receiver


@receiver(authenticator_added)
def count_totp_activation_as_mfa(sender, request, user, authenticator, **kwargs) -> None:
    """Activating TOTP means typing a valid code from the new authenticator: that is the second
    factor. Recording it lets a staff member who just set up TOTP continue to the admin without
    being asked for another code straight away."""
    if request is not None and authenticator.type == Authenticator.Type.TOTP:
        record_authentication(request, user, "mfa", id=authenticator.pk, type=authenticator.type)
