"""The admin's user management, without side doors for email addresses and passwords.

An address changes only through allauth, where its owner verifies the new one first: the data
download and erasure trust verified addresses only (portal/*/privacy.py), and an address an
administrator typed would otherwise be an unverified door to someone else's mail. A password is
set and changed only through allauth too (rate limits, notification emails), so administrators
never choose one for someone else (WAGTAILUSERS_PASSWORD_ENABLED = False): a new colleague sets
theirs with "Forgot your password?".
"""

from django.utils.translation import gettext_lazy as _
from wagtail.users.forms import UserEditForm
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet


class UserEditFormWithFixedEmail(UserEditForm):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        email = self.fields["email"]
        # Disabled: the browser does not send it, and Django ignores it if someone does.
        email.disabled = True
        email.help_text = _(
            "Only the user can change their email address, in their own account, where they "
            "confirm the new address first."
        )


class UserViewSet(WagtailUserViewSet):
    def get_form_class(self, for_update: bool = False):
        if for_update:
            return UserEditFormWithFixedEmail
        return super().get_form_class(for_update)
