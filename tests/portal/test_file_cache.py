"""The file cache production uses without Redis (portal/file_cache.py): it stores and expires
like Django's, and it counts its files (to cull them) at most once per interval, not on every
write: on a busy site the rate-limit counters fill the directory, and counting it on every
search or form cost milliseconds per request."""

import pytest

from portal import file_cache
from portal.file_cache import CULL_INTERVAL, ThrottledCullFileCache
from tests.production_env import load_production_settings


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch):
    clock = Clock()
    monkeypatch.setattr(file_cache.time, "monotonic", clock)
    monkeypatch.setattr(file_cache, "_last_counted", {})
    return clock


def make_cache(directory, max_entries: int) -> ThrottledCullFileCache:
    # CULL_FREQUENCY 2: a cull removes half of the entries, as Django's would.
    return ThrottledCullFileCache(
        str(directory), {"OPTIONS": {"MAX_ENTRIES": max_entries, "CULL_FREQUENCY": 2}}
    )


def files_in(cache: ThrottledCullFileCache) -> int:
    return len(cache._list_cache_files())


def test_it_stores_reads_and_expires_like_djangos(tmp_path, clock):
    cache = make_cache(tmp_path, max_entries=100)
    cache.set("search:127.0.0.1", 3, timeout=60)
    cache.set("gone", "x", timeout=-1)

    assert cache.get("search:127.0.0.1") == 3
    assert cache.get("gone") is None
    assert cache.add("search:127.0.0.1", 4) is False
    assert cache.incr("search:127.0.0.1") == 4


def test_a_full_cache_is_counted_and_culled_once_per_interval(tmp_path, clock):
    cache = make_cache(tmp_path, max_entries=10)
    for number in range(10):
        cache.set(f"key-{number}", number)
    # The first write counted the directory (one file then): until the interval has passed,
    # writes go in without counting, past MAX_ENTRIES.
    assert files_in(cache) == 10
    for number in range(10, 20):
        cache.set(f"key-{number}", number)
    assert files_in(cache) == 20

    clock.now += CULL_INTERVAL
    cache.set("key-20", 20)
    # Counted again: 20 files, over the limit, so half of them went (then one more came).
    assert files_in(cache) == 11
    assert cache.get("key-20") == 20


def test_every_cache_object_of_a_directory_shares_the_interval(tmp_path, clock):
    """Django makes a cache object per thread; they write to the same files."""
    first, second = make_cache(tmp_path, max_entries=2), make_cache(tmp_path, max_entries=2)
    for number in range(4):
        first.set(f"first-{number}", number)
        second.set(f"second-{number}", number)
    assert files_in(first) == 8  # one count in all, when the directory was empty


def test_production_uses_it_for_both_file_caches(monkeypatch):
    production = load_production_settings(monkeypatch, REDIS_URL=None)
    backend = "portal.file_cache.ThrottledCullFileCache"
    assert production.CACHES["default"]["BACKEND"] == backend
    assert production.CACHES["pages"]["BACKEND"] == backend
    assert production.CACHES["default"]["OPTIONS"]["MAX_ENTRIES"] == 20_000
