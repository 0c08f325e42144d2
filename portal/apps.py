from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")

    def ready(self) -> None:
        from wagtail import hooks
        from wagtail.documents import get_document_model
        from wagtail.images import get_image_model
        from wagtail.models import PageViewRestriction, Site

        from portal import (
            gone,
            page_cache,
            translation_receivers,  # noqa: F401 (connects its receivers)
        )

        # Pages, draft-state snippets and every model with `cache_invalidates = True` (the
        # taxonomy and the site settings among them) make cached pages stale when they change.
        page_cache.connect_invalidation()
        # The addresses of unpublished and deleted pages answer 410 (portal/gone.py).
        gone.connect_receivers()
        # Wagtail's own models that change what an anonymous visitor gets: which site and home
        # page answer, a page made private, an image or document file replaced.
        page_cache.invalidate_cache_on_change(
            Site, PageViewRestriction, get_image_model(), get_document_model()
        )
        # A page type's `cache_policy` (live numbers, declared query parameters).
        hooks.register("on_serve_page", page_cache.apply_page_cache_policy)
