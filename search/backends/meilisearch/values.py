"""Python values as Meilisearch stores and compares them, the same for documents and filters.

Meilisearch compares with <, >, TO only between numbers, so dates and datetimes become Unix
timestamps in both the documents and the filters built against them.
"""

import calendar
import datetime
import decimal
import uuid
from typing import Any

from django.db import models
from django.utils import timezone

JsonScalar = str | int | float | bool | None


def timestamp(value: datetime.date | datetime.datetime) -> int | float:
    """Seconds since the epoch. A date counts from its midnight UTC, a naive datetime is read in
    the site's time zone (as Django stores it)."""
    if isinstance(value, datetime.datetime):
        if timezone.is_naive(value):
            value = timezone.make_aware(value)
        seconds = value.timestamp()
        return int(seconds) if seconds.is_integer() else seconds
    return calendar.timegm(value.timetuple())


def scalar(value: Any) -> JsonScalar:
    """One value as JSON Meilisearch can filter on."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return value
    if isinstance(value, (datetime.datetime, datetime.date)):
        return timestamp(value)
    if isinstance(value, datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, models.Model):
        return scalar(value.pk)
    return str(value)


def filter_value(value: Any) -> JsonScalar | list[JsonScalar]:
    """A FilterField's value in a document: a related manager becomes its primary keys."""
    if isinstance(value, (models.Manager, models.QuerySet)):
        return [scalar(pk) for pk in value.values_list("pk", flat=True)]
    if isinstance(value, (list, tuple, set, frozenset)):
        return [scalar(item) for item in value]
    return scalar(value)


def text(value: Any) -> str | list[str] | None:
    """A SearchField's value in a document: text, or a list of texts (a StreamField's blocks)."""
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, (models.Manager, models.QuerySet)):
        value = list(value.all())
    if isinstance(value, (list, tuple)):
        texts: list[str] = []
        for item in value:
            item_text = text(item)
            if isinstance(item_text, list):
                texts.extend(item_text)
            elif item_text:
                texts.append(item_text)
        return texts
    if isinstance(value, dict):
        return text(list(value.values()))
    return str(value)
