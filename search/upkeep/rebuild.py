"""Rebuilding the whole index with no downtime, from what the public may see only.

Each index the backend uses is rebuilt through the backend's own rebuilder:
- the database backend: modelsearch's atomic rebuilder. Everything happens in one transaction,
  so searches see the old index until the new one is committed. Its rebuilder only drops
  entries of deleted objects; entries of objects that exist but are no longer visible (a page
  that went private while the index missed it) are dropped here, in the same transaction.
- a backend with an index swap (Meilisearch): a new index is filled and then swapped with the
  live one; it holds only what was added, so there is nothing to drop.

Every configured backend is rebuilt (in production Meilisearch and its database fallback),
unless one is named. Queued updates keep running meanwhile; whatever they change is true
again after the rebuild.
"""

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db.models import Model, QuerySet, TextField
from django.db.models.functions import Cast
from modelsearch.backends import get_search_backend
from modelsearch.conf import get_app_config
from modelsearch.index import RelatedFields, get_indexed_models
from modelsearch.utils import get_content_type_pk

from search.backends.sqlite_segments import merge_segments
from search.corrections import refresh_vocabulary
from search.visibility import publicly_visible

logger = logging.getLogger(__name__)

DEFAULT_CHUNK_SIZE = 500


@dataclass(frozen=True)
class ModelCount:
    backend: str
    model: str  # "app_label.ModelName"
    indexed: int
    removed: int


def rebuild(
    backend_names: str | Iterable[str] | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    progress: Callable[[ModelCount], None] | None = None,
) -> list[ModelCount]:
    """Rebuild the indexes of the named backend(s) (default: every configured one); returns
    what was indexed and removed per backend and model."""
    if isinstance(backend_names, str):
        backend_names = [backend_names]
    names = backend_names or get_app_config().get_search_backend_config().keys()
    counts: list[ModelCount] = []
    for name in names:
        counts += _rebuild_backend(name, chunk_size, progress)
    # The typo corrections read their words from the index: read them now, in the background,
    # rather than on the first visitor's typo (search/corrections.py).
    refresh_vocabulary.enqueue()
    return counts


def _rebuild_backend(
    backend_name: str, chunk_size: int, progress: Callable[[ModelCount], None] | None
) -> list[ModelCount]:
    backend = get_search_backend(backend_name)
    counts: list[ModelCount] = []
    for index, models in _models_by_index(backend).items():
        rebuilder = _rebuilder(backend, index)
        target = rebuilder.start() if rebuilder else index
        try:
            for model in models:
                target.add_model(model)
            for model in models:
                count = _rebuild_model(backend_name, target, model, chunk_size)
                counts.append(count)
                if progress:
                    progress(count)
        except BaseException as error:
            _abort(rebuilder, error)
            raise
        if rebuilder:
            rebuilder.finish()
    # A rebuild in chunks leaves SQLite's full-text index in many segments; searches read
    # one (search/backends/sqlite_segments.py).
    merge_segments(backend)
    return counts


def _rebuilder(backend: Any, index: Any) -> Any:
    # The database backends offer an atomic rebuilder whatever ATOMIC_REBUILD says; a backend
    # with an index swap names its swapping rebuilder as its only one.
    rebuilder_class = getattr(backend, "atomic_rebuilder_class", None) or backend.rebuilder_class
    return rebuilder_class(index) if rebuilder_class else None


def _abort(rebuilder: Any, error: BaseException) -> None:
    """Roll back an atomic rebuild that failed halfway: the live index stays as it was."""
    if getattr(rebuilder, "transaction_opened", False):
        rebuilder.transaction_opened = False
        rebuilder.transaction.__exit__(type(error), error, error.__traceback__)


def _models_by_index(backend: Any) -> dict[Any, list[type[Model]]]:
    indexes: dict[str, Any] = {}
    grouped: dict[str, list[type[Model]]] = {}
    for model in get_indexed_models():
        index = backend.get_index_for_model(model)
        key = index.get_key()
        indexes.setdefault(key, index)
        grouped.setdefault(key, []).append(model)
    return {indexes[key]: models for key, models in grouped.items()}


def _rebuild_model(
    backend_name: str, index: Any, model: type[Model], chunk_size: int
) -> ModelCount:
    visible = publicly_visible(model.get_indexed_objects())
    indexed = 0
    for chunk in _chunks(_with_related(visible, model), chunk_size):
        index.add_items(model, [obj.get_indexed_instance() or obj for obj in chunk])
        indexed += len(chunk)
    removed = _drop_invisible(index, model, visible)
    return ModelCount(backend_name, model._meta.label, indexed, removed)


def _with_related(queryset: QuerySet, model: type[Model]) -> QuerySet:
    """The related objects the index reads (an article's themes, audiences, municipalities),
    fetched once per chunk instead of once per object and relation."""
    for field in model.get_search_fields():
        if not isinstance(field, RelatedFields):
            continue
        selected = field.select_on_queryset(queryset)
        if selected is queryset and _is_many_to_many(model, field.field_name):
            # modelsearch leaves modelcluster's ParentalManyToManyField out; Django prefetches
            # it like any many-to-many.
            selected = queryset.prefetch_related(field.field_name)
        queryset = selected
    return queryset


def _is_many_to_many(model: type[Model], field_name: str) -> bool:
    try:
        return bool(model._meta.get_field(field_name).many_to_many)
    except FieldDoesNotExist:
        return False


def _chunks(queryset: QuerySet, size: int) -> Iterator[list[Model]]:
    """The queryset in primary-key order, `size` objects at a time (keyset, not offset)."""
    queryset = queryset.order_by("pk")
    last = None
    while True:
        page = queryset if last is None else queryset.filter(pk__gt=last)
        chunk = list(page[:size])
        if not chunk:
            return
        yield chunk
        last = chunk[-1].pk


def _drop_invisible(index: Any, model: type[Model], visible: QuerySet) -> int:
    """Remove the model's entries that are not visible any more (the database index only: it
    is rebuilt in place; a swapped-in index holds only what was just added)."""
    entries = getattr(index, "entries", None)
    if entries is None:
        return 0
    visible_ids = (
        visible.order_by().annotate(_search_id=Cast("pk", TextField())).values("_search_id")
    )
    invisible = entries.filter(content_type_id=get_content_type_pk(model)).exclude(
        object_id__in=visible_ids
    )
    # A plain DELETE, as modelsearch's own delete_item: on SQLite a trigger empties the
    # full-text table along with it.
    return invisible._raw_delete(invisible.db)
