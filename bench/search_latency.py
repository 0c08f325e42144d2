"""Inside Django (bench.search_settings): bring the search index to a number of items with
`create_random_content`, then time the search page on it.

Run by bench/run.py as `python -m bench.search_latency 10000`, once per size, each time on the
same copy of the bench database (so the 10,000 step adds to the 1,000 one). Prints progress on
stderr and one JSON object as the last line of stdout.

What is timed is the real search page (`/nl/zoeken/?q=...`, the view, its middleware and its
template) through Django's test client in this one process: the server's own time for a
search, without the network or a load tool in front. The queries take turns, one request at a
time, after one untimed request that warms the process up. On a slow backend the timing is
bounded: a search is interrupted at BENCH_SEARCH_CAP seconds (default 10; it counts as the
cap, reported as "at least"), and timing stops once BENCH_SEARCH_BUDGET seconds have passed
(default 120), even within a round. BENCH_SEARCH_ROUNDS: rounds at most (default 10).
The backend is whatever the bench settings configure: without MEILISEARCH_URL, Wagtail's
database backend (SQLite FTS5). The process starts as a gunicorn worker does, through
portal/wsgi.py (which freezes the start-up heap out of the garbage collector's way).
"""

import json
import logging
import os
import statistics
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from io import StringIO

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.search_settings")

from django.apps import apps
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

# The start-up a gunicorn worker goes through: django.setup(), then the heap frozen.
from portal.wsgi import application  # noqa: F401

# What visitors type, by kind: single words, parts of Dutch compounds (found through the
# compound parts indexed with each text), two words, and typos (corrected from the index's
# vocabulary, which costs a second search).
QUERIES: list[tuple[str, str]] = [
    ("word", "kindermishandeling"),
    ("word", "meldcode"),
    ("word", "sportclub"),
    ("word", "aandachtsfunctionaris"),
    ("compound part", "mishandeling"),
    ("compound part", "geweld"),
    ("two words", "huiselijk geweld"),
    ("two words", "signalen herkennen"),
    ("two words", "veilig thuis"),
    ("typo", "ouderenmishandleing"),
    ("typo", "meldcoed"),
]
ROUNDS = int(os.environ.get("BENCH_SEARCH_ROUNDS", "10"))
# Seconds of timed requests per size at most: a slow backend is reported after fewer rounds
# (checked after each request) instead of holding the bench for an hour.
BUDGET = float(os.environ.get("BENCH_SEARCH_BUDGET", "120"))
# Seconds one search may take before its SQL statement is interrupted; such a request counts
# as taking the cap ("at least"), and the page answers with its "search failed" notice.
CAP = float(os.environ.get("BENCH_SEARCH_CAP", "10"))
# The query whose page the SQL query count is reported for (the others are in the JSON).
COUNTED_QUERY = "mishandeling"


def log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def indexed_items() -> int:
    """Entries in the database backend's index: every indexed page, document and term."""
    return apps.get_model("wagtailsearch", "IndexEntry").objects.count()


def fill(target: int) -> tuple[int, float, str]:
    """Random articles until the index holds `target` items; (made, seconds, output)."""
    missing = target - indexed_items()
    if missing <= 0:
        return 0, 0.0, ""
    log(f"  create_random_content {missing} (then one rebuild of the whole index)")
    output = StringIO()
    started = time.perf_counter()
    call_command("create_random_content", str(missing), stdout=output)
    return missing, time.perf_counter() - started, output.getvalue()


def search_path() -> str:
    with translation.override("nl"):
        return reverse("search")


@contextmanager
def capped(seconds: float) -> Iterator[None]:
    """Interrupt the SQLite statement still running after `seconds` (sqlite3's interrupt()
    may be called from another thread; with no statement running it does nothing)."""
    connection.ensure_connection()
    timer = threading.Timer(seconds, connection.connection.interrupt)
    timer.start()
    try:
        yield
    finally:
        timer.cancel()


@dataclass
class Timings:
    samples: dict[str, list[float]] = field(default_factory=dict)  # ms per request, by query
    capped: int = 0  # requests that hit CAP (their sample is the cap)
    sql_queries: dict[str, int] = field(default_factory=dict)  # per query, uncapped requests

    @property
    def every(self) -> list[float]:
        return [ms for times in self.samples.values() for ms in times]


def time_searches(client: Client, path: str) -> Timings:
    """Up to ROUNDS rounds in which the queries take turns, one request at a time, after one
    untimed request that warms the process up; stops when BUDGET seconds have passed, within
    a round too. Each query's first request also counts its SQL queries (that bookkeeping
    costs microseconds against milliseconds)."""
    with capped(CAP):
        client.get(path, {"q": QUERIES[0][1]})
    timings = Timings(samples={query: [] for _kind, query in QUERIES})
    deadline = time.monotonic() + BUDGET
    for _round in range(ROUNDS):
        for _kind, query in QUERIES:
            if time.monotonic() > deadline:
                return timings
            counting = query not in timings.sql_queries
            with CaptureQueriesContext(connection) if counting else nullcontext() as captured:
                started = time.perf_counter()
                with capped(CAP):
                    response = client.get(path, {"q": query})
                elapsed = (time.perf_counter() - started) * 1000
            if response.status_code != 200:
                raise SystemExit(f"search for {query!r} answered {response.status_code}")
            if elapsed >= CAP * 1000:
                timings.capped += 1
                elapsed = CAP * 1000
            elif counting:
                timings.sql_queries[query] = len(captured.captured_queries)
            timings.samples[query].append(elapsed)
    return timings


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile: a value that was measured, not an interpolation."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))]


def main() -> None:
    target = int(sys.argv[1])
    made, fill_seconds, output = fill(target)
    for line in output.splitlines():
        log(f"    {line}")
    # A capped search is logged as failed by the search page, by design: not news here.
    logging.getLogger("search.services.site_search").setLevel(logging.ERROR)
    client = Client()
    path = search_path()
    items = indexed_items()
    log(f"  timing {len(QUERIES)} queries on {items} indexed items (cap {CAP:.0f}s a search)")
    timings = time_searches(client, path)
    every = timings.every
    log(f"  timed {len(every)} searches, {timings.capped} of them capped")
    result = {
        "target": target,
        "items": items,
        "made": made,
        "fill_s": round(fill_seconds, 1),
        "searches": len(every),
        "rounds": len(every) / len(QUERIES),
        "cap_ms": CAP * 1000,
        "capped": timings.capped,
        "p50_ms": percentile(every, 0.50),
        "p95_ms": percentile(every, 0.95),
        "max_ms": max(every),
        "per_query_p50_ms": {
            query: statistics.median(times) for query, times in timings.samples.items() if times
        },
        "sql_queries": timings.sql_queries,
        "sql_queries_counted": timings.sql_queries.get(COUNTED_QUERY),
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
