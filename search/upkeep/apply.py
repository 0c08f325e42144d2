"""Applying one queued update: the index follows what is true when the update runs.

Whatever the change suggested, an object is added only when it is publicly visible now and
removed otherwise. So updates may run late, twice or out of order and still leave the index
right, and a draft can never slip in through a stale "add".

The object is read from the database here, never taken from the signal: a page object being
saved as a draft revision carries the draft's text in memory, while its row holds what is live.

Every configured backend is kept (modelsearch's own updates are off for all of them): in
production Meilisearch and the database backend the search page falls back on. A backend that
fails does not keep the others from being updated; the update is then kept as failed and
replayed on all of them, which is harmless: applying is idempotent.
"""

import logging
from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.db.models import F, Model
from django.utils import timezone
from modelsearch.backends import get_search_backend
from modelsearch.conf import get_app_config
from modelsearch.index import class_is_indexed

from search.models import IndexUpdate
from search.visibility import is_publicly_visible

logger = logging.getLogger(__name__)

State = IndexUpdate.State
OPEN_STATES = (State.PENDING, State.FAILED)
Backends = Mapping[str, Any]


def search_backends() -> dict[str, Any]:
    """Every configured search backend, by name."""
    names = get_app_config().get_search_backend_config()
    return {name: get_search_backend(name) for name in names}


def apply_update(update_id: int, backends: Backends | None = None) -> str:
    """Bring the index in line for the object of update `update_id`; returns the update's state.

    Never raises for a failing backend: the update is marked failed (with the error's class
    name only) and kept for `reconcile_search_index`.
    """
    update = IndexUpdate.objects.select_related("content_type").filter(pk=update_id).first()
    if update is None or update.state == State.DONE:
        return State.DONE
    if _superseded(update):
        # A newer update of the same object is queued and will read the state after this one.
        _mark([update.pk], State.DONE)
        return State.DONE
    # Updates of this object that were committed before the object is read below: the sync
    # covers them too. (One committed later may hold a change this read did not see.)
    covered = list(_open_updates_of(update).filter(pk__lte=update.pk).values_list("pk", flat=True))
    try:
        # A savepoint: a database error must not break the transaction of the caller.
        with transaction.atomic():
            failures = sync_object(
                update.content_type.model_class(), update.object_id, backends or search_backends()
            )
    except Exception as error:  # Publishing must never fail because of the index.
        failures = {"*": type(error).__name__}
    if failures:
        _mark([update.pk], State.FAILED, error=next(iter(failures.values())), attempted=True)
        logger.warning(
            "Search index update %s failed (%s); kept for reconcile_search_index.",
            update.pk,
            ", ".join(f"{name}: {error}" for name, error in failures.items()),
        )
        return State.FAILED
    _mark([update.pk], State.DONE, attempted=True)
    _mark([pk for pk in covered if pk != update.pk], State.DONE)
    return State.DONE


def sync_object(model: type[Model] | None, object_id: str, backends: Backends) -> dict[str, str]:
    """Add the object to every backend's index if the public may see it now, else remove it.
    Returns the class name of the error of each backend that failed (none: all done)."""
    if model is None or not class_is_indexed(model):
        return {}  # the model is gone, or no longer searchable: nothing to keep true
    pk = model._meta.pk.to_python(object_id)
    obj = model.get_indexed_objects().filter(pk=pk).first()
    if obj is not None:
        obj = obj.get_indexed_instance()
    visible = obj is not None and is_publicly_visible(obj)
    # Deleted objects are removed by type and id: an unsaved stand-in carries both.
    target = obj if obj is not None else model(pk=pk)
    failures = {}
    for name, backend in backends.items():
        try:
            # A savepoint: a database error while indexing must not break the caller's
            # transaction, nor keep the next backend from being updated.
            with transaction.atomic():
                if visible:
                    backend.add(target)
                else:
                    backend.delete(target)
        except Exception as error:  # One backend down must not stop the others.
            failures[name] = type(error).__name__
    return failures


def _open_updates_of(update: IndexUpdate):
    return IndexUpdate.objects.filter(
        content_type_id=update.content_type_id,
        object_id=update.object_id,
        state__in=OPEN_STATES,
    )


def _superseded(update: IndexUpdate) -> bool:
    return _open_updates_of(update).filter(pk__gt=update.pk, state=State.PENDING).exists()


def _mark(update_ids: list[int], state: str, error: str = "", attempted: bool = False) -> None:
    if not update_ids:
        return
    # update() skips auto_now; the timestamp is set here.
    IndexUpdate.objects.filter(pk__in=update_ids).update(
        state=state,
        attempts=F("attempts") + (1 if attempted else 0),
        last_error=error[:100],
        updated_at=timezone.now(),
    )
