"""Background work of the search index. Only ids travel as task arguments: the task queue (a
database table in production) never holds content text."""

from typing import Any

from django.tasks import task

from search.upkeep.apply import apply_update
from search.upkeep.reconcile import reconcile


@task()
def apply_index_update(update_id: int) -> str:
    """Bring the index in line for one queued update (search/upkeep/apply.py)."""
    return apply_update(update_id)


@task()
def reconcile_search_index() -> dict[str, Any]:
    """Replay failed and missed updates, purge old ones: for a scheduler that enqueues tasks.
    Production runs `manage.py reconcile_search_index` from a timer instead (README)."""
    return reconcile().as_dict()
