"""Finding content by tag across apps, without importing any of them.

Every Page model that inherits TaggableMixin takes part; apps only have to be installed.
In the models package because page types list what is tagged (AudiencePage.get_context).
"""

from django.apps import apps
from wagtail.models import Locale, Page

from .taxonomy import Audience, TaggableMixin


def taggable_page_models() -> list[type[Page]]:
    """Concrete page models of any installed app that carry themes/audiences/municipalities."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, Page) and issubclass(model, TaggableMixin) and not model._meta.abstract
    ]


def tagged_pages(*, audience: Audience, locale: Locale, limit: int = 24) -> list[Page]:
    """Live, public pages in `locale` tagged with `audience` (in any language), newest first.

    Matching on translation_key means a page tagged with the Dutch audience is also found from
    the English landing page's audience, and the other way round.
    """
    pages: list[Page] = []
    for model in taggable_page_models():
        pages.extend(
            model.objects.live()
            .public()
            .filter(locale=locale, audiences__translation_key=audience.translation_key)
            .distinct()
            .order_by("-first_published_at")[:limit]
        )
    pages.sort(
        key=lambda page: page.first_published_at or page.latest_revision_created_at, reverse=True
    )
    return pages[:limit]
