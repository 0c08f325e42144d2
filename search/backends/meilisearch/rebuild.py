"""Rebuilding the index with no downtime: fill a new index, then swap it with the live one.

While `manage.py rebuild_search_index` fills "<live>_new_<timestamp>", searches keep using the
live index. When the new one is complete, Meilisearch swaps the two in one task (searches see
the old or the new, never a half-built one) and the new name, now holding the old documents,
is deleted. A rebuild that failed halfway leaves its "<live>_new_..." behind; the next one
deletes it first.

The plan (which steps, on which index) is pure and tested; IndexRebuilder carries it out.
"""

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

import meilisearch
from django.utils import timezone

from . import client as connection
from . import schema

if TYPE_CHECKING:
    from .backend import MeilisearchIndex

Action = Literal["delete", "create", "configure", "wait", "check", "swap"]
NEW_MARKER = "_new_"


@dataclass(frozen=True)
class Step:
    action: Action
    uids: tuple[str, ...]


def new_index_uid(live_uid: str, now: datetime.datetime) -> str:
    return f"{live_uid}{NEW_MARKER}{now:%Y%m%d%H%M%S}"


def start_plan(live_uid: str, new_uid: str, existing_uids: Iterable[str]) -> list[Step]:
    """Before filling: delete what failed rebuilds left, create the new index, configure it."""
    leftovers = sorted(
        uid for uid in existing_uids if uid.startswith(live_uid + NEW_MARKER) and uid != new_uid
    )
    return [
        *(Step("delete", (uid,)) for uid in leftovers),
        Step("create", (new_uid,)),
        Step("configure", (new_uid,)),
    ]


def finish_plan(live_uid: str, new_uid: str, live_exists: bool) -> list[Step]:
    """After filling: wait until the new index has taken every document, refuse to go on if
    it failed any, swap it with the live index (an empty one first if there is none yet), and
    delete the old documents, which the swap left under the new name."""
    return [
        Step("wait", (new_uid,)),
        Step("check", (new_uid,)),
        *([] if live_exists else [Step("create", (live_uid,))]),
        Step("swap", (live_uid, new_uid)),
        Step("delete", (new_uid,)),
    ]


def reset_plan(uid: str, exists: bool) -> list[Step]:
    """Empty an index in place (modelsearch's reset): delete it, create it, configure it."""
    return [
        *([Step("delete", (uid,))] if exists else []),
        Step("create", (uid,)),
        Step("configure", (uid,)),
    ]


def run(client: meilisearch.Client, steps: Sequence[Step], settings: dict[str, Any]) -> None:
    """Carry out `steps`, each to the end before the next."""
    for step in steps:
        uid = step.uids[0]
        if step.action == "delete":
            connection.wait_for(client, client.delete_index(uid).task_uid)
        elif step.action == "create":
            task = client.create_index(uid, {"primaryKey": schema.DOC_ID})
            connection.wait_for(client, task.task_uid)
        elif step.action == "configure":
            connection.wait_for(client, client.index(uid).update_settings(settings).task_uid)
        elif step.action == "wait":
            connection.wait_until_idle(client, uid)
        elif step.action == "check":
            if failed := connection.failed_tasks(client, uid):
                errors = "; ".join(str(task.error) for task in failed)
                raise connection.IndexTaskFailed(f"Not swapping in {uid}: {errors}")
        elif step.action == "swap":
            task = client.swap_indexes([{"indexes": list(step.uids)}])
            connection.wait_for(client, task.task_uid)


class IndexRebuilder:
    """modelsearch's rebuilder interface: start() gives the index to fill, finish() swaps."""

    def __init__(self, index: "MeilisearchIndex") -> None:
        self.live = index
        self.backend = index.backend
        self.new = type(index)(
            index.backend,
            new_index_uid(index.uid, timezone.now()),
            client=index.backend.rebuild_client,
        )

    def start(self) -> "MeilisearchIndex":
        client = self.backend.rebuild_client
        with connection.unavailable_on_failure("prepare a new index"):
            existing = index_uids(client)
            plan = start_plan(self.live.uid, self.new.uid, existing)
            run(client, plan, self.backend.index_settings())
        return self.new

    def finish(self) -> None:
        client = self.backend.rebuild_client
        with connection.unavailable_on_failure("swap in the new index"):
            live_exists = self.live.uid in index_uids(client)
            run(client, finish_plan(self.live.uid, self.new.uid, live_exists), {})


def index_uids(client: meilisearch.Client) -> list[str]:
    uids: list[str] = []
    offset = 0
    while True:
        page = client.get_raw_indexes({"limit": 100, "offset": offset})
        uids += [index["uid"] for index in page["results"]]
        offset += len(page["results"])
        if not page["results"] or offset >= page["total"]:
            return uids
