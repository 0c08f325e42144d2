"""Which email addresses are an account's own, for the owners' exporters and erasers."""

from typing import TYPE_CHECKING

from allauth.account.models import EmailAddress

if TYPE_CHECKING:
    from portal.accounts.models import User


def verified_email_addresses(user: "User") -> list[str]:
    """The addresses this account proved it receives mail at (allauth verified them), lower case.

    Never user.email by itself: that field can be changed without verification (an admin form,
    a script), and would then hand someone else's data to whoever changed it.
    """
    if not user.is_authenticated or user.pk is None:
        return []
    addresses = EmailAddress.objects.filter(user=user, verified=True).values_list(
        "email", flat=True
    )
    return sorted({address.lower() for address in addresses})
