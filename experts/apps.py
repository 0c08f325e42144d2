from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExpertsConfig(AppConfig):
    name = "experts"
    label = "experts"
    verbose_name = _("Lived-experience experts")

    def ready(self) -> None:
        # The requester's status link is a key: never in a log line (experts/logging.py).
        from . import logging as status_logging

        status_logging.install()
