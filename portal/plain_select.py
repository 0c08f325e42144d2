"""Rows of a plain SELECT with the values the ORM would give, and the objects built from them.

`Model.objects.raw(sql)` gives such objects too, but works out again for every query which
column holds which field and which converters each field's values pass through (the backend's,
such as SQLite's for dates and booleans, and the field's own, such as a StreamField's): for a
page's thirty-odd columns that took longer than SQLite took to answer. A `Columns` works it out
once per connection. The routing of every address below the home page, the choosers of an
article's body, the menus and the footer's fixed pages read their rows this way (issue 7: the
choosers alone took 0.2 ms more of an article's uncached render through Model.objects.raw).

The SELECT reads the columns of `Columns.fields` in that order (what `Columns.select_list`
writes); each value is converted as the ORM converts it (SQLCompiler.apply_converters) and an
object is built from a row with `Model.from_db`, as the ORM builds it. Converters are kept per
connection object (each thread has its own), never shared with another connection.
"""

from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any
from weakref import WeakKeyDictionary

from django.db import connections, router
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Field, Model

# For each value that needs converting: its position, the converters and the column they get.
Converters = list[tuple[int, list, Any]]


class Columns[M: Model]:
    """Concrete fields of `model` (all of them unless `fields` says which), in the model's
    field order: the columns a plain SELECT reads for them and their values as the ORM gives
    them."""

    def __init__(self, model: type[M], fields: Iterable[Field] | None = None):
        self.model = model
        self.fields = tuple(model._meta.concrete_fields if fields is None else fields)
        self.names = [field.attname for field in self.fields]
        self._converters: WeakKeyDictionary[BaseDatabaseWrapper, Converters] = WeakKeyDictionary()

    def select_list(self, connection: BaseDatabaseWrapper, table: str = "") -> str:
        """The quoted columns, for the SELECT list of a query of the model's own table (named
        `table` in the query when given, such as "p" in "FROM wagtailcore_page p")."""
        quote = connection.ops.quote_name
        prefix = f"{table}." if table else ""
        return ", ".join(f"{prefix}{quote(field.column)}" for field in self.fields)

    def rows(self, sql: str, params: Sequence) -> list[list]:
        """The rows of `sql` (which reads these columns), each value converted."""
        connection, fetched = self._fetch(sql, params)
        converters = self._converters_for(connection)
        return [_converted(list(row), converters, connection) for row in fetched]

    def tagged_rows(self, sql: str, params: Sequence) -> list[tuple[Any, list]]:
        """The rows of `sql` whose first column is a tag of the statement's own (which part of
        a UNION ALL the row comes from) and whose other columns are these: each row's tag, as
        the database gave it, with its values converted."""
        connection, fetched = self._fetch(sql, params)
        converters = self._converters_for(connection)
        return [(row[0], _converted(list(row[1:]), converters, connection)) for row in fetched]

    def _fetch(self, sql: str, params: Sequence) -> tuple[BaseDatabaseWrapper, list[tuple]]:
        connection = connections[router.db_for_read(self.model)]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return connection, cursor.fetchall()

    def instances(self, sql: str, params: Sequence) -> list[M]:
        """The objects whose columns `sql` reads (every column: `every_column(model)`)."""
        alias = router.db_for_read(self.model)
        return [self.model.from_db(alias, self.names, values) for values in self.rows(sql, params)]

    def _converters_for(self, connection: BaseDatabaseWrapper) -> Converters:
        """What the ORM's compiler works out per query (SQLCompiler.get_converters), once."""
        found = self._converters.get(connection)
        if found is None:
            found = []
            for position, field in enumerate(self.fields):
                column = field.get_col(field.model._meta.db_table)
                functions = connection.ops.get_db_converters(column) + column.get_db_converters(
                    connection
                )
                if functions:
                    found.append((position, functions, column))
            self._converters[connection] = found
        return found


def _converted(values: list, converters: Converters, connection: BaseDatabaseWrapper) -> list:
    """`values` (one row, in place) as the ORM's compiler converts them."""
    for position, functions, column in converters:
        value = values[position]
        for function in functions:
            value = function(value, column, connection)
        values[position] = value
    return values


@cache
def every_column[M: Model](model: type[M]) -> Columns[M]:
    """Every concrete field of `model`: what a plain SELECT needs to build whole objects."""
    return Columns(model)
