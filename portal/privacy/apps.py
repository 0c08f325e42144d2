from django.apps import AppConfig
from django.core import checks
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "portal.privacy"
    label = "privacy"
    verbose_name = _("Privacy")

    def ready(self) -> None:
        # Every app declares its personal data owners in its own privacy.py; importing those
        # modules registers them. Runs once all apps' models are loaded.
        autodiscover_modules("privacy")

        from .checks import check_retention_settings

        checks.register(check_retention_settings)
