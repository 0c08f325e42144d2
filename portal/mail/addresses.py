"""Which email addresses a form may accept: ones we can store whole and actually send mail to.

Django's EmailField lets through what our columns and mail server cannot take:
- up to 320 characters, while every email column (ours and allauth's) holds 254, the longest
  path SMTP allows (RFC 5321). PostgreSQL refused the longer ones with an error page, and
  allauth cut them to 254 characters, storing an address without its domain;
- domains with characters IDNA cannot encode (a replacement character, for example), which
  only fail when the message is built for sending.
"""

from django.core.exceptions import ValidationError
from django.utils.encoding import punycode
from django.utils.translation import gettext_lazy as _

EMAIL_MAX_LENGTH = 254

INVALID_MESSAGE = _("Enter an email address like name@example.nl.")
TOO_LONG_MESSAGE = _(
    "This email address is too long: at most %(limit_value)d characters, you typed %(show_value)d."
)


def validate_deliverable_address(address: str) -> None:
    """Refuse an address whose domain cannot be written in ASCII for the mail server."""
    _local, _at, domain = address.rpartition("@")
    try:
        punycode(domain)
    except UnicodeError:
        raise ValidationError(INVALID_MESSAGE, code="invalid") from None


def validate_storable_address(address: str) -> None:
    """Refuse an address longer than the email columns, with the limit in the message."""
    if len(address) > EMAIL_MAX_LENGTH:
        raise ValidationError(
            TOO_LONG_MESSAGE,
            code="max_length",
            params={"limit_value": EMAIL_MAX_LENGTH, "show_value": len(address)},
        )
