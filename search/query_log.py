"""What people search for, as weekly totals only: so editors see what content is missing.

Stored per ISO week, language and normalised query: how often it was searched and how often it
found nothing. Nothing about who searched: no IP address, user, session or time finer than the
week. A query that looks like personal data (an email address, a phone number, a postcode with
a house number, a street with a number, a long number such as a BSN or an account number) is
not stored: it is counted in one hidden bucket, so the totals stay right.

The search page calls `record_query` once per search; the report is Reports -> "Zoekvragen"
(search/wagtail_hooks.py). Weeks older than a year are purged by `reconcile_search_index`.
"""

import logging
import re
import unicodedata
from datetime import date, timedelta

from django.conf import settings
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from search.models import SearchQueryWeek

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 100
KEPT = timedelta(days=365)
# Distinct queries kept per week and language. Beyond it, a new query is counted in the hidden
# bucket: a script typing random words cannot grow the table without bound.
MAX_DISTINCT_PER_WEEK = 5000

_EMAIL = re.compile(r"\S+@\S+")
# Dutch postcode (1234 AB) followed by a house number, or a house number and then a postcode.
_POSTCODE_AND_NUMBER = re.compile(
    r"\b[1-9]\d{3}\s?[a-z]{2}\b\W*\d{1,5}\b|\b\d{1,5}\w?\W+[1-9]\d{3}\s?[a-z]{2}\b"
)
# A street with a house number: "kerkstraat 12", "stationsweg 4a".
_STREET_AND_NUMBER = re.compile(
    r"\b\w+(straat|laan|weg|plein|gracht|singel|dijk|kade|dreef|hof|pad|steeg|park|markt)"
    r"\s+\d{1,5}[a-z]?\b"
)
# A run of digits, possibly with spaces, dots, dashes or slashes between them, holding nine
# digits or more: a phone number (06-12345678, +31 13 123 45 67), a BSN, an account number.
# The Veilig Thuis number 0800-2000 has eight and stays.
_LONG_NUMBER = re.compile(r"\+?\d(?:[\s./-]?\d){8,}")
_UNSAFE_CATEGORIES = frozenset({"Cc", "Cf", "Cs"})


def normalise(query: str) -> str:
    """Lower case, control and invisible characters out, whitespace collapsed, at most 100."""
    visible = "".join(
        " " if unicodedata.category(character) in _UNSAFE_CATEGORIES else character
        for character in query[: MAX_QUERY_LENGTH * 4]
    )
    return " ".join(visible.lower().split())[:MAX_QUERY_LENGTH].strip()


def looks_personal(query: str) -> bool:
    """Whether a normalised query looks like it holds someone's contact or identity data."""
    return any(
        pattern.search(query)
        for pattern in (_EMAIL, _POSTCODE_AND_NUMBER, _STREET_AND_NUMBER, _LONG_NUMBER)
    )


def week_start(day: date) -> date:
    """The Monday of `day`'s ISO week."""
    return day - timedelta(days=day.weekday())


def this_week() -> date:
    return week_start(timezone.localdate())


def record_query(query: str, result_count: int, language: str) -> None:
    """Count one search. Never raises: the search page must answer whatever happens here."""
    text = normalise(query)
    if not text:
        return
    if looks_personal(text):
        text = SearchQueryWeek.HIDDEN
    known_languages = {code for code, _name in settings.LANGUAGES}
    key = {
        "week_start": this_week(),
        "language": language if language in known_languages else "",
    }
    try:
        with transaction.atomic():
            _count(key, text, found_nothing=result_count == 0)
    except DatabaseError as error:
        logger.warning("Search query not counted (%s).", type(error).__name__)


def _count(key: dict, text: str, found_nothing: bool) -> None:
    increments = {
        "count": F("count") + 1,
        "zero_result_count": F("zero_result_count") + (1 if found_nothing else 0),
    }
    rows = SearchQueryWeek.objects.filter(**key)
    if rows.filter(query=text).update(**increments):
        return
    if text != SearchQueryWeek.HIDDEN and rows.count() >= MAX_DISTINCT_PER_WEEK:
        text = SearchQueryWeek.HIDDEN
        if rows.filter(query=text).update(**increments):
            return
    try:
        with transaction.atomic():
            SearchQueryWeek.objects.create(
                **key, query=text, count=1, zero_result_count=1 if found_nothing else 0
            )
    except IntegrityError:  # Another request created the row a moment ago.
        rows.filter(query=text).update(**increments)


def purge_old_weeks(kept: timedelta = KEPT) -> int:
    deleted, _per_model = SearchQueryWeek.objects.filter(
        week_start__lt=timezone.localdate() - kept
    ).delete()
    return deleted
