"""The connection to Meilisearch: the official client with a short timeout, and its errors
translated into ours.

A publish must not wait on a slow search server, and a search page must not hang on one: every
request gives up after TIMEOUT seconds (1.5 by default) and becomes SearchBackendUnavailable,
which the index upkeep queues for later and the search page answers with the database backend.
A refused request (4xx) is our mistake, not an outage, and stays Meilisearch's own error; but a
missing index (never built) counts as unavailable, so a search falls back.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from http import HTTPStatus

import meilisearch
import requests
from meilisearch.errors import (
    MeilisearchApiError,
    MeilisearchCommunicationError,
    MeilisearchTimeoutError,
)
from meilisearch.models.task import Task

from search.backends.errors import SearchBackendUnavailable

DEFAULT_TIMEOUT = 1.5
# Waiting for Meilisearch to process a task (index creation, settings, a swap) in a rebuild.
TASK_WAIT_MS = 10 * 60 * 1000


class IndexTaskFailed(Exception):
    """Meilisearch accepted a task and then failed it (a document or setting it refused)."""


def make_client(url: str, api_key: str | None, timeout: float) -> meilisearch.Client:
    # The client types its timeout as int; requests takes seconds as a float.
    return meilisearch.Client(url, api_key or None, timeout=timeout)  # type: ignore[arg-type]


@contextmanager
def unavailable_on_failure(action: str) -> Iterator[None]:
    """Run a Meilisearch call; an outage raises SearchBackendUnavailable saying what failed."""
    try:
        yield
    except (MeilisearchCommunicationError, MeilisearchTimeoutError) as error:
        raise SearchBackendUnavailable(f"Meilisearch could not {action}: {error}") from error
    except MeilisearchApiError as error:
        # No index yet (never rebuilt) is as good as no server for a search: fall back.
        if error.status_code >= HTTPStatus.INTERNAL_SERVER_ERROR or is_index_not_found(error):
            raise SearchBackendUnavailable(f"Meilisearch could not {action}: {error}") from error
        raise
    except requests.RequestException as error:  # anything the client does not wrap
        raise SearchBackendUnavailable(f"Meilisearch could not {action}: {error}") from error


def is_index_not_found(error: MeilisearchApiError) -> bool:
    return error.code == "index_not_found"


def wait_for(client: meilisearch.Client, task_uid: int, timeout_ms: int = TASK_WAIT_MS) -> Task:
    """Wait for a task; IndexTaskFailed if Meilisearch failed it."""
    task = client.wait_for_task(task_uid, timeout_in_ms=timeout_ms, interval_in_ms=100)
    if task.status != "succeeded":
        raise IndexTaskFailed(f"Meilisearch task {task_uid} ({task.type}): {task.error}")
    return task


def wait_until_idle(client: meilisearch.Client, uid: str, timeout_ms: int = TASK_WAIT_MS) -> None:
    """Wait until Meilisearch has processed every task on index `uid` enqueued so far."""
    while True:
        pending = client.get_tasks(
            {"indexUids": [uid], "statuses": ["enqueued", "processing"], "limit": 1}
        )
        if not pending.results:
            return
        client.wait_for_task(pending.results[0].uid, timeout_in_ms=timeout_ms, interval_in_ms=100)


def failed_tasks(client: meilisearch.Client, uid: str) -> list[Task]:
    return client.get_tasks({"indexUids": [uid], "statuses": ["failed"], "limit": 20}).results
