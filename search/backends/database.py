"""Wagtail's database search backend (SQLite FTS5, PostgreSQL full text), with Dutch compounds.

modelsearch picks the engine for the database in use; this keeps that choice and adds one
thing at index time: the parts of Dutch compounds (search/compounds.py) as one more searchable
field, so "mishandeling" finds "kindermishandeling" (DESIGN.md: the embedded default).

modelsearch's indexers read each object's `get_search_fields()` and each field's value from
the object, so the object being indexed gets one extra SearchField and the value to go with
it. That leaves the model class, and every other object of it, as it was.
"""

from collections.abc import Iterable
from typing import Any

from django.db.models import Model
from modelsearch import index
from modelsearch.backends.database import SearchBackend as choose_database_backend

from search.backends.mixing import mixed
from search.compounds import compound_parts_text

COMPOUND_PARTS_FIELD = "search_compound_parts"


def _language(obj: Model) -> str:
    locale = getattr(obj, "locale", None)
    return getattr(locale, "language_code", "nl") if locale is not None else "nl"


def _indexed_text(obj: Model, fields: Iterable[index.BaseField]) -> str:
    texts: list[str] = []
    for field in fields:
        if isinstance(field, index.SearchField):
            texts.append(_text(field.get_value(obj)))
        elif isinstance(field, index.RelatedFields):
            related = field.get_value(obj)
            items = related.all() if hasattr(related, "all") else [related]
            for item in items:
                if item is not None:
                    texts.append(_indexed_text(item, field.fields))
    return " ".join(text for text in texts if text)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple)):
        return " ".join(_text(item) for item in value)
    if isinstance(value, dict):
        return " ".join(_text(item) for item in value.values())
    return str(value)


def with_compound_parts(obj: Model) -> Model:
    """`obj`, carrying the parts of its compounds as one more searchable field."""
    fields = obj.get_search_fields()
    if any(getattr(field, "field_name", None) == COMPOUND_PARTS_FIELD for field in fields):
        return obj
    setattr(
        obj, COMPOUND_PARTS_FIELD, compound_parts_text(_indexed_text(obj, fields), _language(obj))
    )
    extra = index.SearchField(COMPOUND_PARTS_FIELD)
    # An instance attribute: only this object answers with the extra field.
    obj.get_search_fields = lambda: [*fields, extra]
    return obj


class CompoundPartsIndexMixin:
    # add_item hands over to add_items.
    def add_items(self, model: type[Model], objs: Iterable[Model]) -> None:
        super().add_items(model, [with_compound_parts(obj) for obj in objs])


def SearchBackend(params: dict) -> Any:
    """The database backend modelsearch would choose, indexing compound parts too (and on
    SQLite, ranking a word in the title above the same word in the text, in one query:
    search/backends/sqlite_ranking.py)."""
    backend = choose_database_backend(params)
    if type(backend).__name__ == "SQLiteSearchBackend":
        from search.backends.sqlite_ranking import (  # noqa: PLC0415 (needs SQLite's FTS model)
            rank_in_one_query,
        )

        rank_in_one_query(backend)
    backend.index_class = mixed("Compound", backend.index_class, CompoundPartsIndexMixin)
    return backend
