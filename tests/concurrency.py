"""Run work in threads released at the same moment, each with its own database connection:
the race tests of bookings, payments and the expert pool."""

import threading
from collections.abc import Callable

from django.db import connections


def at_once(works: list[Callable[[], object]], *, timeout: float = 120) -> list:
    """Start every callable in its own thread, released together by a barrier; what each
    returned, or the exception it raised (the test looks at each)."""
    barrier = threading.Barrier(len(works))
    results: list = [None] * len(works)

    def run(index: int) -> None:
        try:
            barrier.wait()
            results[index] = works[index]()
        except Exception as error:  # kept for the test to assert on
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(index,)) for index in range(len(works))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=timeout)
    return results


def at_once_each(count: int, work: Callable[[int], object], *, timeout: float = 120) -> list:
    """`work(i)` for i in range(count), at once (see `at_once`)."""
    return at_once([lambda index=index: work(index) for index in range(count)], timeout=timeout)
