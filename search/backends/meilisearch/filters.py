"""Meilisearch filter expressions, built from modelsearch's filters (a queryset's WHERE clause).

A filter is a string in Meilisearch's filter syntax, None for "no condition" (everything
matches), or NOTHING for "nothing matches" (an empty `__in`, `.none()`): Meilisearch has no
literal for false, so NOTHING travels up through and/or/not and a search that ends in NOTHING
is answered without asking the server.

Values are always written as literals we quote ourselves (quote()), never pasted in: a theme
slug or title with a quote or backslash in it stays a value and cannot change the expression.
"""

import re
from collections.abc import Iterable, Sequence
from typing import Any, Final

from . import schema, values


class MatchNothing:
    """The filter no document passes."""

    def __repr__(self) -> str:
        return "NOTHING"


NOTHING: Final = MatchNothing()
Filter = str | MatchNothing | None

# Attribute names are ours (schema.py) or a model's field names; anything else is a bug, not a
# value to quote.
_ATTRIBUTE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*")
COMPARISONS = {"lt": "<", "lte": "<=", "gt": ">", "gte": ">="}


class UnsupportedLookup(ValueError):
    pass


def attribute(name: str) -> str:
    if not _ATTRIBUTE.fullmatch(name):
        raise ValueError(f"Not an attribute name for a Meilisearch filter: {name!r}")
    return name


def quote(text: str) -> str:
    """A string literal: in double quotes, with backslashes and double quotes escaped.

    Meilisearch unescapes \\" inside double quotes and then \\\\ to one backslash, so both
    survive as themselves.
    """
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def literal(value: Any) -> str:
    """A value as Meilisearch filter syntax: booleans and numbers bare, everything else a
    quoted string (dates as timestamps, like the documents store them)."""
    value = values.scalar(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if value is None:
        raise ValueError("None is not a filter value: use is_null()")
    return quote(value)


# --- Conditions --------------------------------------------------------------------------------


def equals(column: str, value: Any) -> Filter:
    return f"{attribute(column)} = {literal(value)}"


def one_of(column: str, options: Iterable[Any]) -> Filter:
    options = list(options)
    if not options:
        return NOTHING
    return f"{attribute(column)} IN [{', '.join(literal(option) for option in options)}]"


def compare(column: str, lookup: str, value: Any) -> Filter:
    return f"{attribute(column)} {COMPARISONS[lookup]} {literal(value)}"


def between(column: str, low: Any, high: Any) -> Filter:
    return f"{attribute(column)} {literal(low)} TO {literal(high)}"


def is_null(column: str, null: bool) -> Filter:
    """An attribute that is null or absent (null=True), or present and not null."""
    name = attribute(column)
    if null:
        return f"({name} IS NULL OR {name} NOT EXISTS)"
    return f"({name} EXISTS AND {name} IS NOT NULL)"


def starts_with(column: str, prefix: str, *, steplen: int | None = None) -> Filter:
    """A string attribute that starts with `prefix`. On a tree path (steplen given) with whole
    steps, an equality on its stored ancestor paths; otherwise Meilisearch's STARTS WITH, which
    needs the server's experimental "containsFilter" feature."""
    if steplen and len(prefix) % steplen == 0:
        return equals(column + schema.PATH_PREFIXES_SUFFIX, prefix)
    return f"{attribute(column)} STARTS WITH {literal(prefix)}"


def lookup_filter(column: str, lookup: str, value: Any, *, steplen: int | None = None) -> Filter:
    """One Django lookup (`column__lookup=value`) as a filter; UnsupportedLookup otherwise."""
    if lookup == "exact":
        return is_null(column, True) if value is None else equals(column, value)
    if lookup == "in":
        return one_of(column, value)
    if lookup in COMPARISONS:
        return compare(column, lookup, value)
    if lookup == "range":
        low, high = value
        return between(column, low, high)
    if lookup == "isnull":
        return is_null(column, bool(value))
    if lookup in ("startswith", "prefix"):
        return starts_with(column, str(value), steplen=steplen)
    raise UnsupportedLookup(lookup)


# --- Combinations ------------------------------------------------------------------------------


def all_of(filters: Sequence[Filter]) -> Filter:
    """AND: NOTHING wins, "no condition" drops out."""
    if any(isinstance(each, MatchNothing) for each in filters):
        return NOTHING
    parts = [each for each in filters if each]
    if not parts:
        return None
    if len(parts) == 1:
        return parts[0]
    return " AND ".join(f"({part})" for part in parts)


def any_of(filters: Sequence[Filter]) -> Filter:
    """OR: "no condition" wins, NOTHING drops out."""
    if not filters:
        return NOTHING
    if any(each is None for each in filters):
        return None
    parts = [each for each in filters if not isinstance(each, MatchNothing)]
    if not parts:
        return NOTHING
    if len(parts) == 1:
        return parts[0]
    return " OR ".join(f"({part})" for part in parts)


def negate(condition: Filter) -> Filter:
    if condition is None:
        return NOTHING
    if isinstance(condition, MatchNothing):
        return None
    return f"NOT ({condition})"


def connect(filters: Sequence[Filter], connector: str, negated: bool) -> Filter:
    """modelsearch's WHERE node: its children joined by AND or OR, maybe negated.

    No children is no condition, negated or not: modelsearch leaves out the conditions it
    ignores (the "_ptr_id" join of a page type), and NOT of an ignored condition must not
    turn into "nothing matches" (Wagtail's Elasticsearch backends read it the same way).
    """
    if not filters:
        return None
    if connector == "AND":
        combined = all_of(filters)
    elif connector == "OR":
        combined = any_of(filters)
    else:
        raise ValueError(f"Unknown connector: {connector}")
    return negate(combined) if negated else combined
