"""How long an outgoing message is worth delivering.

A message waits in the outbox until it is delivered; when the mail server is down it waits for
`retry_failed_email`. Past its usefulness it is dropped instead of sent, and its text with it: a
password-reset or confirmation link that no longer works only confuses (or worries) whoever
reads it days later, and the outbox should not keep personal data for nothing.

Code that sends mail says how long it is useful with `useful_for(...)`; everything else is
useful for the outbox's retention (portal/mail/privacy.py: three days unless
settings.RETENTION_DAYS["outbox_message"] says otherwise), the longest any message waits.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import timedelta

from allauth.account import app_settings as allauth_settings
from django.conf import settings

from portal.privacy import retention

_declared: ContextVar[timedelta | None] = ContextVar("outbox_useful_for", default=None)


def longest_usefulness() -> timedelta:
    return retention("outbox_message")


def current_usefulness() -> timedelta:
    """What a message queued now is worth: the declared time, never more than the longest."""
    declared = _declared.get()
    longest = longest_usefulness()
    return min(declared, longest) if declared is not None else longest


@contextmanager
def useful_for(duration: timedelta | None) -> Iterator[None]:
    """Messages queued inside this block are dropped, unsent, once `duration` has passed.

    None means the default: the outbox's retention (portal/mail/privacy.py).
    """
    token = _declared.set(duration)
    try:
        yield
    finally:
        _declared.reset(token)


def allauth_mail_usefulness(template_prefix: str) -> timedelta | None:
    """How long the link or code in one of allauth's emails works; None for notices."""
    name = template_prefix.rsplit("/", 1)[-1]
    if name == "password_reset_key":
        return timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT)
    if name in ("email_confirmation", "email_confirmation_signup"):
        return timedelta(days=allauth_settings.EMAIL_CONFIRMATION_EXPIRE_DAYS)
    if name == "email_confirm":  # the code variant of the confirmation
        return timedelta(seconds=allauth_settings.EMAIL_VERIFICATION_BY_CODE_TIMEOUT)
    if name == "password_reset_code":
        return timedelta(seconds=allauth_settings.PASSWORD_RESET_BY_CODE_TIMEOUT)
    if name == "login_code":
        return timedelta(seconds=allauth_settings.LOGIN_BY_CODE_TIMEOUT)
    return None
