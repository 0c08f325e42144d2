"""Turning changes of content into queued index updates, run by a task after commit.

Connected in SearchConfig.ready(). What is listened to:
- pages: published (a published translation or an updated alias too), unpublished, deleted,
  moved (with everything below them), and created live (factories, aliases, imports);
- page view restrictions saved or deleted: the page and everything below it;
- collection view restrictions saved or deleted: the documents of the collection and below;
- documents, and any other indexed model that opens the `search_visible` door: saved, deleted.

A draft saved as a revision of a live page is not listened to: it changes nothing the public
sees. Whatever the event, the task decides by what is true when it runs (search/upkeep/apply.py).

Nothing here may break the save or publish that fired it: each receiver runs in a savepoint,
and errors are logged by class name only. Within one transaction an object is queued once
(publishing saves the page and then sends page_published: one update, not two).
"""

import functools
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from modelsearch.index import class_is_indexed
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from search.models import IndexUpdate
from search.tasks import apply_index_update
from search.upkeep.queue import ObjectRef, page_subtree_refs, record, ref_for
from search.visibility import is_indexable_model

logger = logging.getLogger(__name__)

ADD = IndexUpdate.Action.ADD
REMOVE = IndexUpdate.Action.REMOVE


def connect() -> None:
    page_published.connect(_page_published, dispatch_uid="search-upkeep-published")
    page_unpublished.connect(_page_unpublished, dispatch_uid="search-upkeep-unpublished")
    post_page_move.connect(_page_moved, dispatch_uid="search-upkeep-moved")
    # Any model: the receivers pick the indexed ones (a door may open on a model of an app
    # that loads later).
    post_save.connect(_saved, dispatch_uid="search-upkeep-saved")
    post_delete.connect(_deleted, dispatch_uid="search-upkeep-deleted")
    for signal in (post_save, post_delete):
        signal.connect(
            _page_restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"search-upkeep-page-restriction-{id(signal)}",
        )
        signal.connect(
            _collection_restriction_changed,
            sender=CollectionViewRestriction,
            dispatch_uid=f"search-upkeep-collection-restriction-{id(signal)}",
        )


def _never_fails(receiver: Callable[..., None]) -> Callable[..., None]:
    """Run a receiver in a savepoint; an error is logged and swallowed, never raised into the
    publish or save that sent the signal."""

    @functools.wraps(receiver)
    def guarded(*args: Any, **kwargs: Any) -> None:
        try:
            with transaction.atomic():
                receiver(*args, **kwargs)
        except Exception as error:
            logger.warning(
                "Search index update not queued (%s); rebuild_search_index repairs it.",
                type(error).__name__,
            )

    return guarded


# --- receivers ---------------------------------------------------------------------------------


@_never_fails
def _page_published(sender: type, instance: Page, **kwargs: Any) -> None:
    schedule([ref_for(instance)], ADD)


@_never_fails
def _page_unpublished(sender: type, instance: Page, **kwargs: Any) -> None:
    schedule([ref_for(instance)], REMOVE)


@_never_fails
def _page_moved(sender: type, instance: Page, **kwargs: Any) -> None:
    # Under a private section now, or out of one: the whole subtree. The path is read again:
    # the instance may still carry the one from before the move.
    path = Page.objects.filter(pk=instance.pk).values_list("path", flat=True).first()
    if path:
        schedule(page_subtree_refs(path), ADD)


def _saved(sender: type, instance: Any, created: bool = False, raw: bool = False, **kwargs) -> None:
    if raw or not class_is_indexed(sender):
        return
    if issubclass(sender, Page):
        # A page made live without publishing (add_child of a live page, an alias). Other
        # saves of a page are drafts, or are followed by page_published / page_unpublished.
        if created and instance.live:
            _schedule_safely([ref_for(instance)], ADD)
    elif is_indexable_model(sender):
        _schedule_safely([ref_for(instance)], ADD)


def _deleted(sender: type, instance: Any, **kwargs: Any) -> None:
    if not class_is_indexed(sender):
        return
    if issubclass(sender, Page):
        # Deleting a page deletes its Page row and its specific row, each with a signal:
        # the specific one speaks for both.
        if instance.content_type_id != ContentType.objects.get_for_model(sender).pk:
            return
    elif not is_indexable_model(sender):
        return
    _schedule_safely([ref_for(instance)], REMOVE)


@_never_fails
def _page_restriction_changed(sender: type, instance: PageViewRestriction, **kwargs) -> None:
    path = Page.objects.filter(pk=instance.page_id).values_list("path", flat=True).first()
    if path:
        made_private = kwargs.get("signal") is post_save
        schedule(page_subtree_refs(path), REMOVE if made_private else ADD)


@_never_fails
def _collection_restriction_changed(
    sender: type, instance: CollectionViewRestriction, **kwargs: Any
) -> None:
    collections = Collection.objects.filter(pk=instance.collection_id)
    path = collections.values_list("path", flat=True).first()
    if not path:
        return
    made_private = kwargs.get("signal") is post_save
    refs = []
    for model in (get_document_model(), get_image_model()):
        content_type_id = ContentType.objects.get_for_model(model).pk
        in_collection = model.objects.filter(collection__path__startswith=path)
        refs += [
            ObjectRef(content_type_id, str(pk)) for pk in in_collection.values_list("pk", flat=True)
        ]
    schedule(refs, REMOVE if made_private else ADD)


@_never_fails
def _schedule_safely(refs: list[ObjectRef], action: str) -> None:
    schedule(refs, action)


# --- scheduling --------------------------------------------------------------------------------


@dataclass(eq=False)
class _Enqueue:
    """The on-commit callback of one queued update; `key` names its object."""

    key: ObjectRef
    update_id: int
    fired: bool = False

    def __call__(self) -> None:
        self.fired = True
        try:
            apply_index_update.enqueue(self.update_id)
        except Exception as error:  # The update stays pending; reconcile replays it.
            logger.warning(
                "Search index update %s not enqueued (%s).", self.update_id, type(error).__name__
            )


def schedule(refs: Iterable[ObjectRef], action: str) -> None:
    """Queue an update for each object, and enqueue its task once the transaction commits
    (at once outside a transaction). An object already queued in this transaction is not
    queued again: its task runs after the commit and sees this change too."""
    waiting = _waiting_in_this_transaction(transaction.get_connection())
    refs = list(dict.fromkeys(refs))
    queued = {ref for ref in refs if ref in waiting and not waiting[ref].fired}
    if queued:
        IndexUpdate.objects.filter(pk__in=[waiting[ref].update_id for ref in queued]).update(
            action=action
        )
    for update in record([ref for ref in refs if ref not in queued], action):
        callback = _Enqueue(ObjectRef(update.content_type_id, update.object_id), update.pk)
        transaction.on_commit(callback, robust=True)


def _waiting_in_this_transaction(connection: Any) -> dict[ObjectRef, _Enqueue]:
    """Our callbacks registered in the current transaction, by object (those already run
    by a test's captureOnCommitCallbacks are marked `fired`).

    Read from Django's own list of on-commit callbacks, which a rollback (to a savepoint)
    replaces by a shorter one: what was rolled back is not found here. The scan is remembered
    per list, so a transaction queuing many objects reads each callback once.
    """
    hooks = connection.run_on_commit
    seen = getattr(connection, "_search_upkeep_waiting", None)
    if seen is None or seen[0] is not hooks or seen[1] > len(hooks):
        seen = [hooks, 0, {}]
    for _savepoints, callback, _robust in hooks[seen[1] :]:
        if isinstance(callback, _Enqueue):
            seen[2][callback.key] = callback
    seen[1] = len(hooks)
    connection._search_upkeep_waiting = seen
    return seen[2]
