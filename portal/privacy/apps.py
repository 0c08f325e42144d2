from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "portal.privacy"
    label = "privacy"
    verbose_name = _("Privacy")

    def ready(self) -> None:
        # Sessions belong to django.contrib.sessions, which registers nothing itself.
        from .sessions import register_owner

        register_owner()
