"""Replaying what the index missed, and forgetting what is old.

An update stays pending when its task never ran (the worker was down, enqueueing failed) and
failed when the backend was down or slow. `reconcile_search_index` applies each object's
latest open update, oldest first; applying it covers the older ones of that object, since an
update always applies what is true now. When the backend keeps failing, it stops early
instead of waiting out a timeout per object: the next run tries again.
"""

from dataclasses import asdict, dataclass
from datetime import timedelta
from typing import Any

from django.db.models import Max
from django.utils import timezone

from search import query_log
from search.backends.sqlite_segments import PAGES_PER_STEP, merge_segments
from search.models import IndexUpdate

from .apply import OPEN_STATES, Backends, apply_update, search_backends

State = IndexUpdate.State

# A pending update younger than this may still be on its way through the task queue.
DEFAULT_MIN_AGE = timedelta(seconds=10)
DEFAULT_LIMIT = 5000
# Consecutive failures after which the backend is taken to be down for this run.
MAX_CONSECUTIVE_FAILURES = 3
# Applied updates are kept this long, to see what the index did when something looks wrong.
DONE_KEPT = timedelta(days=30)


@dataclass
class ReconcileReport:
    objects: int = 0
    done: int = 0
    failed: int = 0
    stopped_early: bool = False
    purged_updates: int = 0
    purged_query_weeks: int = 0
    # Whether a step of merging SQLite's full-text index into one segment was taken.
    merged_index_segments: bool = False

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def reconcile(
    min_age: timedelta = DEFAULT_MIN_AGE,
    limit: int = DEFAULT_LIMIT,
    backends: Backends | None = None,
) -> ReconcileReport:
    """Apply the latest open update of each object (at most `limit` objects) whose first open
    update is older than `min_age`; then purge old applied updates and old query counts."""
    report = ReconcileReport()
    cutoff = timezone.now() - min_age
    latest_per_object = (
        IndexUpdate.objects.filter(state__in=OPEN_STATES, created_at__lte=cutoff)
        .values("content_type_id", "object_id")
        .annotate(latest=Max("pk"))
        .order_by("latest")
        .values_list("latest", flat=True)
    )
    backends = backends or search_backends()
    consecutive_failures = 0
    for update_id in list(latest_per_object[:limit]):
        report.objects += 1
        if apply_update(update_id, backends=backends) == State.DONE:
            report.done += 1
            consecutive_failures = 0
            continue
        report.failed += 1
        consecutive_failures += 1
        if consecutive_failures >= MAX_CONSECUTIVE_FAILURES:
            report.stopped_early = True
            break
    # The index grows a segment per batch of changes: a bounded step back towards one, which
    # costs a few milliseconds when it is one already (search/backends/sqlite_segments.py).
    for backend in backends.values():
        report.merged_index_segments |= merge_segments(backend, PAGES_PER_STEP)
    report.purged_updates = purge_done_updates()
    report.purged_query_weeks = query_log.purge_old_weeks()
    return report


def purge_done_updates(kept: timedelta = DONE_KEPT) -> int:
    old = IndexUpdate.objects.filter(state=State.DONE, updated_at__lt=timezone.now() - kept)
    deleted, _per_model = old.delete()
    return deleted
