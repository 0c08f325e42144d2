"""Filtering on a long list of integer ids (a search's up to a thousand hits per source) in
one query parameter.

`filter(pk__in=ids)` prepares and binds every id on its own: for a thousand ids that is
about 3 ms of Python per query, more than the query itself, and a search runs several such
queries. Here the list travels as one value: a JSON array SQLite reads with json_each, an
array PostgreSQL compares with = ANY. Other databases get the plain IN list.
"""

import json
from collections.abc import Iterable

from django.db.models import F, IntegerField, Lookup, Model, Q


class InIntegers(Lookup):
    """`column IN ids` for a list of integers, bound as one parameter. Used as an expression:
    `queryset.filter(InIntegers(F("pk"), ids))`."""

    lookup_name = "in_integers"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        column, column_params = self.process_lhs(compiler, connection)
        condition, params = integers_in_sql(column, self.rhs, connection)
        return condition, [*column_params, *params]


def integers_in_sql(column: str, ids: Iterable[int], connection) -> tuple[str, list]:
    """SQL for "`column` is one of `ids`" on `connection`, and its parameters: for statements
    written out (search/facet_lookups.py) as for the ORM's (`InIntegers`)."""
    ids = [int(value) for value in ids]
    if connection.vendor == "sqlite":
        # The column as given; the ids are the one parameter.
        return f"{column} IN (SELECT value FROM json_each(%s))", [json.dumps(ids)]  # noqa: S608
    if connection.vendor == "postgresql":
        # Typed: an untyped list of small numbers could arrive as numeric[], and a column
        # compared as numeric no longer uses its index.
        return f"{column} = ANY(%s::bigint[])", [ids]
    if not ids:
        return "1 = 0", []  # IN () is not SQL
    placeholders = ", ".join(["%s"] * len(ids))
    return f"{column} IN ({placeholders})", ids


def in_integers(field_name: str, ids: Iterable[int]) -> InIntegers:
    """The condition "`field_name` is one of `ids`", for `filter()`."""
    return InIntegers(F(field_name), list(ids))


def pk_in(model: type[Model], pks: Iterable) -> InIntegers | Q:
    """The condition "pk is one of `pks`": as one parameter when the pk is an integer."""
    pk = model._meta.pk
    # A page type's pk is its link to Page: what counts is the type of the id it holds.
    if isinstance(getattr(pk, "target_field", pk), IntegerField):
        return in_integers("pk", pks)
    return Q(pk__in=list(pks))
