"""One model instance as one flat Meilisearch document, and the column names that go with it.

The document holds, under the names of schema.py and the model's own search_fields:
- each SearchField and AutocompleteField as text under its field name ("title", "body");
- each FilterField as a filterable value under its attname ("live", "locale_id");
- each RelatedFields as nested objects under its relation name ("themes": [{"name": ...}]),
  which Meilisearch searches and filters as "themes.name";
- what we add: the document id, the primary key, the content types, the locale, a date, the
  parts of Dutch compounds, and the facets.

Facets are a door a content model opens for itself, without search/ importing it:
`search_facets = {"theme": "themes", "cost": "cost_kind"}` maps a facet of schema.FACETS to an
attribute of the object: a manager or object of taxonomy terms gives their slugs, a method is
called, anything else is one value. Without the declaration, the taxonomy fields the model has
(schema.DEFAULT_FACETS) are its facets. `search_date = "starts_at"` names the attribute to sort
by date on (default: first_published_at).
"""

import re
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from modelsearch.backends.base import get_model_root
from modelsearch.index import AutocompleteField, FilterField, RelatedFields, SearchField

from search.compounds import compound_parts_text

from . import schema, values

# What Meilisearch allows in a document id: a-z A-Z 0-9 - _, at most 511 bytes.
_ID_SAFE = re.compile(r"[A-Za-z0-9-]")
DEFAULT_LANGUAGE = "nl"


def document_id(model: type[models.Model], pk: Any) -> str:
    """A document id unique across models and the same for an object whatever class it is
    indexed as (a Page and its ArticlePage): "<app_label>-<root model>-<pk>".

    App labels and model names never contain "-", so the first two hyphens separate. In the
    primary key every character Meilisearch does not allow, and "_" itself, is written as
    "_" plus its code point in hex and "_", so two different keys never share an id.
    """
    root = get_model_root(model)
    escaped = "".join(char if _ID_SAFE.fullmatch(char) else f"_{ord(char):x}_" for char in str(pk))
    return f"{root._meta.app_label}-{root._meta.model_name}-{escaped}"


def content_type_label(model: type[models.Model]) -> str:
    return model._meta.label_lower


def content_types(model: type[models.Model]) -> list[str]:
    """The labels of `model` and of every concrete indexed model it inherits from, own first."""
    labels = [content_type_label(model)]
    parent = model.indexed_get_parent() if hasattr(model, "indexed_get_parent") else None
    while parent is not None:
        if not parent._meta.abstract:
            labels.append(content_type_label(parent))
        parent = parent.indexed_get_parent()
    return labels


# --- Column names ------------------------------------------------------------------------------


def filter_column(model: type[models.Model], field: FilterField) -> str:
    return field.get_attname(model)


def is_tree_path(model: type[models.Model], field: FilterField) -> bool:
    """Whether `field` is treebeard's materialised path (Page.path): fixed-width steps."""
    return field.get_attname(model) == "path" and isinstance(getattr(model, "steplen", None), int)


def path_prefixes(path: str, steplen: int) -> list[str]:
    """The paths of a tree node and of all its ancestors: "00010002" -> ["0001", "00010002"]."""
    return [path[:end] for end in range(steplen, len(path) + 1, steplen)]


def filter_columns(model: type[models.Model]) -> list[str]:
    """Every filterable column a model's documents have, nested ones as "relation.attname"."""
    return _filter_columns(model, model.get_search_fields(), prefix="")


def _filter_columns(model: type[models.Model], fields: Iterable, prefix: str) -> list[str]:
    columns: list[str] = []
    for field in fields:
        if isinstance(field, FilterField):
            columns.append(prefix + filter_column(model, field))
            if is_tree_path(model, field):
                columns.append(prefix + filter_column(model, field) + schema.PATH_PREFIXES_SUFFIX)
        elif isinstance(field, RelatedFields):
            related = field.get_field(model).related_model
            columns += _filter_columns(related, field.fields, f"{prefix}{field.field_name}.")
    return columns


def searchable_columns(model: type[models.Model]) -> list[tuple[str, float]]:
    """Every searchable column of a model's documents with its boost, nested ones dotted."""
    return _searchable_columns(model, model.get_search_fields(), prefix="")


def _searchable_columns(
    model: type[models.Model], fields: Iterable, prefix: str
) -> list[tuple[str, float]]:
    columns: list[tuple[str, float]] = []
    for field in fields:
        if isinstance(field, (SearchField, AutocompleteField)):
            columns.append((prefix + field.field_name, float(getattr(field, "boost", 0) or 0)))
        elif isinstance(field, RelatedFields):
            related = field.get_field(model).related_model
            columns += _searchable_columns(related, field.fields, f"{prefix}{field.field_name}.")
    return columns


def column_collisions(model: type[models.Model]) -> list[str]:
    """Columns of `model` that would hold two different things: a FilterField or RelatedFields
    named like a column we add, a FilterField named like a RelatedFields, or a SearchField
    named like a column we add. Searchable text and a filter on the same plain field ("title")
    hold the same value and are no collision."""
    fields = model.get_search_fields()
    generated = set(schema.GENERATED)
    filters = {filter_column(model, f) for f in fields if isinstance(f, FilterField)}
    related = {f.field_name for f in fields if isinstance(f, RelatedFields)}
    searchable = {f.field_name for f in fields if isinstance(f, (SearchField, AutocompleteField))}
    return sorted((filters | related | searchable) & generated | (filters & related))


# --- Facets ------------------------------------------------------------------------------------


def facet_sources(model: type[models.Model]) -> dict[str, str]:
    """Facet name -> attribute of the object, as the model declares or by default."""
    declared = getattr(model, "search_facets", None)
    if declared is not None:
        return dict(declared)
    return {
        facet: attribute
        for facet, attribute in schema.DEFAULT_FACETS.items()
        if _has_attribute(model, attribute)
    }


def _has_attribute(model: type[models.Model], name: str) -> bool:
    try:
        model._meta.get_field(name)
        return True
    except FieldDoesNotExist:
        return hasattr(model, name)


def facet_values(value: Any) -> list[str]:
    """A facet attribute's value as a list of strings: terms give their slugs."""
    if callable(value) and not isinstance(value, models.Manager):
        value = value()
    if value is None:
        return []
    if isinstance(value, (models.Manager, models.QuerySet)):
        value = list(value.all())
    if not isinstance(value, (list, tuple, set, frozenset)):
        value = [value]
    found = (str(getattr(item, "slug", item)) for item in value if item is not None)
    return list(dict.fromkeys(item for item in found if item))


# --- The document ------------------------------------------------------------------------------


def build_document(obj: models.Model) -> dict[str, Any]:
    """The Meilisearch document for `obj` (see the module's docstring for what it holds)."""
    model = type(obj)
    texts: list[str] = []
    document = _fields_document(obj, model.get_search_fields(), texts)
    language = language_code(obj)
    document.update(
        {
            schema.DOC_ID: document_id(model, obj.pk),
            schema.PK: values.scalar(obj.pk),
            schema.CONTENT_TYPE: content_types(model),
            schema.SPECIFIC_TYPE: content_type_label(model),
            schema.LOCALE: language,
            schema.DATE: _date(obj),
            schema.COMPOUND_PARTS: compound_parts_text(
                "\n".join(texts), language or DEFAULT_LANGUAGE
            ),
        }
    )
    for facet, attribute in facet_sources(model).items():
        document[facet] = facet_values(getattr(obj, attribute, None))
    return document


def _fields_document(obj: models.Model, fields: Iterable, texts: list[str]) -> dict[str, Any]:
    """The search_fields part of a document; collects all searchable text into `texts`."""
    model = type(obj)
    document: dict[str, Any] = {}
    filters: dict[str, Any] = {}
    for field in fields:
        if isinstance(field, (SearchField, AutocompleteField)):
            found = values.text(field.get_value(obj))
            document[field.field_name] = found
            texts.extend([found] if isinstance(found, str) else found or [])
        elif isinstance(field, FilterField):
            column = filter_column(model, field)
            filters[column] = values.filter_value(field.get_value(obj))
            if is_tree_path(model, field) and isinstance(filters[column], str):
                prefixes = path_prefixes(filters[column], model.steplen)
                filters[column + schema.PATH_PREFIXES_SUFFIX] = prefixes
        elif isinstance(field, RelatedFields):
            document[field.field_name] = _related(field, obj, texts)
    # A filter's value wins over text of the same name: for a plain field ("title") they are
    # the same, and filters compare against the filter's type.
    document.update(filters)
    return document


def _related(field: RelatedFields, obj: models.Model, texts: list[str]) -> Any:
    value = field.get_value(obj)
    if isinstance(value, (models.Manager, models.QuerySet)):
        return [_fields_document(item, field.fields, texts) for item in value.all()]
    if isinstance(value, models.Model):
        return _fields_document(value, field.fields, texts)
    return None


def language_code(obj: models.Model) -> str | None:
    if getattr(obj, "locale_id", None) is None:
        return None
    return obj.locale.language_code


def _date(obj: models.Model) -> int | float | None:
    attribute = getattr(type(obj), "search_date", "first_published_at")
    value = getattr(obj, attribute, None)
    if callable(value):
        value = value()
    return values.timestamp(value) if value is not None else None
