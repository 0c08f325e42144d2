from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "knowledge"
    label = "knowledge"
    verbose_name = _("Knowledge base")

    def ready(self) -> None:
        from wagtail.models import CollectionViewRestriction

        from portal.page_cache import invalidate_cache_on_change

        # The downloads page lists only documents anonymous visitors may open: a collection
        # made private (or public again) must not leave a cached list behind.
        invalidate_cache_on_change(CollectionViewRestriction)
