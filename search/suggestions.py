"""Suggestions while typing: titles that start with what was typed, in the visitor's language,
for the search box's combobox (static/src/js/search-suggest.js)."""

import logging

from django.contrib.contenttypes.models import ContentType
from django.db import DatabaseError
from django.db.models import Model, QuerySet
from django.http import HttpRequest
from django.utils.text import capfirst
from modelsearch.query import PlainText
from wagtail.documents import get_document_model
from wagtail.models import Locale, Page

from search.backends.errors import SearchBackendUnavailable
from search.sources import door_models
from search.visibility import publicly_visible

logger = logging.getLogger(__name__)

MAX_SUGGESTIONS = 6
MIN_QUERY_LENGTH = 2


def visible_matches(queryset: QuerySet, query: str, limit: int) -> list[Model]:
    """Up to `limit` objects whose titles complete `query` and that the public may see (checked
    afterwards, as in sources.py: the backends filter on declared FilterFields only)."""
    candidates = list(queryset.autocomplete(PlainText(query))[: limit * 3])
    visible = publicly_visible(
        queryset.model._default_manager.filter(pk__in=[obj.pk for obj in candidates])
    ).values_list("pk", flat=True)
    allowed = set(visible)
    return [obj for obj in candidates if obj.pk in allowed][:limit]


def suggest(query: str, locale: Locale, request: HttpRequest) -> list[dict[str, str]]:
    """Up to six {title, url, type}: pages first, then downloads and other content. None at
    all while the search engine is unavailable: the box still searches without them."""
    if len(query) < MIN_QUERY_LENGTH:
        return []
    try:
        return _suggest(query, locale, request)
    except (SearchBackendUnavailable, DatabaseError) as error:
        logger.warning("Suggestions unavailable: %s", type(error).__name__)
        return []


def _suggest(query: str, locale: Locale, request: HttpRequest) -> list[dict[str, str]]:
    pages = (
        Page.objects.live()
        .filter(locale=locale)
        .only("id", "title", "url_path", "content_type_id", "locale_id")
    )
    found: list[dict[str, str]] = []
    for page in visible_matches(pages, query, MAX_SUGGESTIONS):
        model = ContentType.objects.get_for_id(page.content_type_id).model_class()
        found.append(
            {
                "title": page.title,
                "url": page.get_url(request) or "",
                "type": capfirst(str(model._meta.verbose_name)) if model else "",
            }
        )
    room = MAX_SUGGESTIONS - len(found)
    if room > 0:
        documents = get_document_model().objects.only("id", "title", "file")
        for document in visible_matches(documents, query, room):
            found.append({"title": document.title, "url": document.url, "type": "Download"})
    room = MAX_SUGGESTIONS - len(found)
    for model in door_models():
        if room <= 0:
            break
        for obj in visible_matches(model.objects.all(), query, room):
            url = obj.get_absolute_url() if hasattr(obj, "get_absolute_url") else ""
            found.append(
                {"title": str(obj), "url": url, "type": capfirst(str(model._meta.verbose_name))}
            )
        room = MAX_SUGGESTIONS - len(found)
    return [item for item in found if item["url"]]
