"""Test data for accounts: users with a verified address, and TOTP with a known secret.

user = UserFactory()                      # password: DEFAULT_PASSWORD
staff = UserFactory(is_staff=True)
secret = enable_totp(staff)               # base32 secret, as an authenticator app holds it
code = totp_code(secret)                  # the code for the current 30-second window
"""

import time

import factory
from allauth.account.models import EmailAddress
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
)

from .models import User

DEFAULT_PASSWORD = "Steiger-test-wachtwoord-2026"


class UserFactory(factory.django.DjangoModelFactory):
    """A user who signed up and verified their (primary) email address."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"gebruiker{n}@example.org")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"Gebruiker {n}")
    password = factory.django.Password(DEFAULT_PASSWORD)

    @factory.post_generation
    def verified_email(self, create: bool, extracted, **kwargs) -> None:
        # Pass verified_email=False for a user who never clicked the confirmation link.
        if create:
            EmailAddress.objects.create(
                user=self,
                email=self.email,
                primary=True,
                verified=True if extracted is None else bool(extracted),
            )


def enable_totp(user: User) -> str:
    """Activate TOTP (plus recovery codes) for `user` through allauth; returns the secret."""
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    RecoveryCodes.activate(user)
    return secret


def totp_code(secret: str) -> str:
    """The current code for `secret`, computed the way allauth checks it."""
    counter = int(time.time()) // mfa_settings.TOTP_PERIOD
    return format_hotp_value(hotp_value(secret, counter))


def recovery_codes(user: User) -> list[str]:
    """The user's unused recovery codes (for tests that log in without the app)."""
    instance = Authenticator.objects.get(user=user, type=Authenticator.Type.RECOVERY_CODES)
    return RecoveryCodes(instance).get_unused_codes()
