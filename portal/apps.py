from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")

    def ready(self) -> None:
        from django.db.models.signals import post_delete
        from wagtail.models import Page
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from portal.navigation import invalidate_navigation

        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(invalidate_navigation, dispatch_uid=f"navigation-{id(signal)}")
        post_delete.connect(invalidate_navigation, sender=Page, dispatch_uid="navigation-delete")
