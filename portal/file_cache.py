"""Django's file cache, counting its files now and then instead of on every write.

Django's FileBasedCache lists its whole directory on every `set()` to decide whether to cull.
Without Redis, production keeps its rate-limit counters in such a cache, with room for 20,000
entries (portal/settings/production.py). The search page, every pause in typing that asks for
suggestions, and every form sent each write one. Expired entries stay on disk until they are
read again or culled, so on a busy site the directory fills up to that size. At 5,000 files
the listing alone took 5 ms of each such request, at 20,000 it took 22 (measured here).

Here each process lists a directory at most once per CULL_INTERVAL seconds. In between, the
cache may grow past MAX_ENTRIES by what the processes write in that time. The next cull
removes a share of all entries, exactly as Django's does.
"""

import threading
import time

from django.core.cache.backends.filebased import FileBasedCache

CULL_INTERVAL = 10.0  # seconds
# Directory -> when this process last counted it. Per directory and process: Django makes a
# cache object per thread, and they all write to the same files.
_last_counted: dict[str, float] = {}
_lock = threading.Lock()


class ThrottledCullFileCache(FileBasedCache):
    def _cull(self) -> None:
        now = time.monotonic()
        with _lock:
            last = _last_counted.get(self._dir)
            if last is not None and now - last < CULL_INTERVAL:
                return
            _last_counted[self._dir] = now
        super()._cull()
