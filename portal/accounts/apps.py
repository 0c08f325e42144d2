from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "portal.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from . import (
            privacy,  # noqa: F401  (registers the user's personal data)
            receivers,  # noqa: F401  (connects to allauth's signals)
        )
