from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save
        from wagtail.models import Page
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from portal import translation_receivers  # noqa: F401 (connects its receivers)
        from portal.models import (
            Audience,
            CentreSettings,
            CentreText,
            Municipality,
            SafetySettings,
            Theme,
        )
        from portal.page_cache import bump_content_version

        # Cached pages and menus show page titles, tag names and site settings: any change to
        # them makes every cached page stale.
        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(bump_content_version, dispatch_uid=f"content-version-{id(signal)}")
        post_delete.connect(bump_content_version, sender=Page, dispatch_uid="content-version-del")
        for model in (Theme, Audience, Municipality, SafetySettings, CentreSettings, CentreText):
            for signal in (post_save, post_delete):
                signal.connect(
                    bump_content_version,
                    sender=model,
                    dispatch_uid=f"content-version-{model.__name__}-{id(signal)}",
                )
