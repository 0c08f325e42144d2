"""Bench settings: production's values (DEBUG off, manifest static files, security headers),
served over plain HTTP on 127.0.0.1 from a local SQLite copy of the demo site.

BENCH_CACHE=dummy makes every request miss the cache ("cold"); the default uses production's
file cache shared by the workers ("warm" once primed).
"""

import os

from django.core.exceptions import ImproperlyConfigured

from portal.settings.base import BASE_DIR

BENCH_DIR = BASE_DIR / "var" / "bench"

# Production reads only the environment; give it a complete one. Nothing connects to these.
os.environ.update(
    {
        "SECRET_KEY": "bench-only-not-secret-4a7Fq9LmZx2Vb8NcR1tYw5PdE3sHjU6aGiO0",
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "DATABASE_URL": f"sqlite:///{BENCH_DIR / 'steiger.sqlite3'}",
        "EMAIL_URL": "smtp://127.0.0.1:2525",
        "CENTRE_NOTIFICATION_EMAIL": "advies@steiger.localhost",
        "SECURE_SSL_REDIRECT": "false",
        "STATIC_ROOT": str(BENCH_DIR / "static"),
        "MEDIA_ROOT": str(BENCH_DIR / "media"),
        "LOG_LEVEL": "WARNING",
    }
)
for _name in ("REDIS_URL", "MEDIA_BUCKET", "STRIPE_SECRET_KEY"):
    os.environ.pop(_name, None)

from portal.settings.production import *  # noqa: E402, F403

ROOT_URLCONF = "bench.urls"
# Demo content and its search index are written here directly, not through a worker.
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
# Outgoing mail from the demo loader stays in this process.
MAILERS = {
    "default": {"BACKEND": "portal.mail.backend.OutboxBackend"},
    "delivery": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"},
}

_cache = os.environ.get("BENCH_CACHE", "file")
if _cache == "dummy":
    _dummy = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    CACHES = {"default": _dummy, PAGE_CACHE_ALIAS: _dummy}  # noqa: F405
elif _cache == "file":
    # Production's default without REDIS_URL: file caches shared by the gunicorn workers, the
    # anonymous page cache in a cache of its own (as production has it).
    CACHES = {
        "default": {
            "BACKEND": "portal.file_cache.ThrottledCullFileCache",
            "LOCATION": str(BENCH_DIR / "cache" / "default"),
        },
        PAGE_CACHE_ALIAS: {  # noqa: F405
            "BACKEND": "portal.file_cache.ThrottledCullFileCache",
            "LOCATION": str(BENCH_DIR / "cache" / "pages"),
        },
    }
else:
    raise ImproperlyConfigured("BENCH_CACHE must be dummy or file.")
