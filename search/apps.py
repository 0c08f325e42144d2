from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "search"
    verbose_name = _("Search")

    def ready(self) -> None:
        from django.core.checks import Tags, register

        from search import receivers
        from search.upkeep.checks import check_auto_update_off

        # The index follows publishing through our receivers, never on every save.
        receivers.connect()
        register(check_auto_update_off, Tags.compatibility)
