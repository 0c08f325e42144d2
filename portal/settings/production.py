"""Production: reads the environment only and fails loudly on a missing required value.

Required: SECRET_KEY, ALLOWED_HOSTS (comma-separated), DATABASE_URL, EMAIL_URL,
CENTRE_NOTIFICATION_EMAIL. Optional: BASE_URL, DEFAULT_FROM_EMAIL, REDIS_URL, CACHE_DIR,
MEDIA_BUCKET (+ MEDIA_ENDPOINT_URL), MEDIA_ROOT, STATIC_ROOT, MEILISEARCH_URL, MEILISEARCH_API_KEY,
STRIPE_SECRET_KEY (+ STRIPE_WEBHOOK_SECRET), INVOICE_CHAMBER_OF_COMMERCE, INVOICE_VAT_NUMBER,
INVOICE_IBAN, SECURE_SSL_REDIRECT, TRUSTED_PROXY_COUNT,
LOG_LEVEL. README.md lists them with their meaning.
"""

import os
from pathlib import Path
from urllib.parse import unquote, urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import TASKS


def required(name: str) -> str:
    """Return an environment variable or stop the process with a message naming it."""
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"Environment variable {name} is required in production.")
    return value


def optional(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def flag(name: str, default: bool) -> bool:
    value = optional(name, "true" if default else "false").lower()
    if value not in {"true", "false", "1", "0", "yes", "no"}:
        raise ImproperlyConfigured(f"Environment variable {name} must be true or false.")
    return value in {"true", "1", "yes"}


def comma_list(name: str) -> list[str]:
    items = [item.strip() for item in required(name).split(",") if item.strip()]
    if not items:
        raise ImproperlyConfigured(f"Environment variable {name} lists no value.")
    return items


DEBUG = False
SECRET_KEY = required("SECRET_KEY")
ALLOWED_HOSTS = comma_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = [f"https://{host}" for host in ALLOWED_HOSTS]
WAGTAILADMIN_BASE_URL = optional("BASE_URL", f"https://{ALLOWED_HOSTS[0]}")

DATABASES = {
    "default": dj_database_url.parse(
        required("DATABASE_URL"), conn_max_age=60, conn_health_checks=True
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        **SQLITE_OPTIONS,  # noqa: F405
        **DATABASES["default"].get("OPTIONS", {}),
    }
# Wagtail's search index uses PostgreSQL's full-text fields there, which need this app.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    INSTALLED_APPS = [*INSTALLED_APPS, "django.contrib.postgres"]  # noqa: F405

# --- Email: EMAIL_URL like smtp+tls://user:password@host:587 --------------------------------
# Schemes: smtp (plain), smtp+tls / submission (STARTTLS), smtps (implicit TLS).
_email = urlsplit(required("EMAIL_URL"))
if _email.scheme not in {"smtp", "smtp+tls", "submission", "smtps"} or not _email.hostname:
    raise ImproperlyConfigured(
        "Environment variable EMAIL_URL must look like smtp+tls://user:password@host:587 "
        "(schemes: smtp, smtp+tls, submission, smtps)."
    )
MAILERS = {
    "default": {"BACKEND": "portal.mail.backend.OutboxBackend"},
    "delivery": {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": _email.hostname,
            "port": _email.port or {"smtps": 465, "submission": 587}.get(_email.scheme, 25),
            "username": unquote(_email.username or ""),
            "password": unquote(_email.password or ""),
            "use_tls": _email.scheme in {"smtp+tls", "submission"},
            "use_ssl": _email.scheme == "smtps",
            "timeout": 20,  # A hanging mail server must not hold a task worker forever.
        },
    },
}
DEFAULT_FROM_EMAIL = optional("DEFAULT_FROM_EMAIL", f"Steiger <noreply@{ALLOWED_HOSTS[0]}>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
CENTRE_NOTIFICATION_EMAIL = required("CENTRE_NOTIFICATION_EMAIL")

# --- Cache: Redis when REDIS_URL is set, else a file cache shared by this machine's processes
# Rate limits and the content version live in the default cache, so every app process must see
# the same one: per-process memory would multiply login attempts by the number of workers and
# keep stale pages in the workers that did not see a publish.
# The anonymous page cache has its own file cache on each machine, with its own size limit:
# culling pages can never evict a rate-limit counter, and Redis holds no pages. Its keys carry
# the shared content version, so a publish still takes effect on every machine at once.
# The file caches count their files now and then, not on every write (portal/file_cache.py).
CACHE_DIR = Path(optional("CACHE_DIR", "/var/cache/steiger"))
_page_cache = {
    "BACKEND": "portal.file_cache.ThrottledCullFileCache",
    "LOCATION": str(CACHE_DIR / "pages"),
    "OPTIONS": {"MAX_ENTRIES": 3_000},
}
if REDIS_URL := optional("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
        },
        "pages": _page_cache,
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "portal.file_cache.ThrottledCullFileCache",
            "LOCATION": str(CACHE_DIR / "default"),
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        },
        "pages": _page_cache,
    }
PAGE_CACHE_ALIAS = "pages"

# --- Static and media: S3-compatible media storage when MEDIA_BUCKET is set ----------------
_staticfiles = {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}
if MEDIA_BUCKET := optional("MEDIA_BUCKET"):
    STORAGES = {
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": MEDIA_BUCKET,
                "endpoint_url": optional("MEDIA_ENDPOINT_URL") or None,
                "default_acl": "private",
                "querystring_auth": True,
            },
        },
        "staticfiles": _staticfiles,
    }
else:
    MEDIA_ROOT = optional("MEDIA_ROOT", "/var/lib/steiger/media")
    STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": _staticfiles,
    }
STATIC_ROOT = optional("STATIC_ROOT", "/var/lib/steiger/static")

# --- Search: Meilisearch when MEILISEARCH_URL is set ---------------------------------------
MEILISEARCH_URL = optional("MEILISEARCH_URL")
MEILISEARCH_API_KEY = optional("MEILISEARCH_API_KEY")
if MEILISEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.meilisearch",
            "URL": MEILISEARCH_URL,
            "API_KEY": MEILISEARCH_API_KEY,
            # Seconds per request: a slow or absent Meilisearch must not hold up a publish
            # or a search page (SearchBackendUnavailable; the page falls back).
            "TIMEOUT": 1.5,
            # The live index's name; staging and production can share one server.
            "INDEX_PREFIX": optional("MEILISEARCH_INDEX_PREFIX", "steiger"),
            # The index upkeep (search/receivers.py) indexes public content only.
            "AUTO_UPDATE": False,
        },
        # What the search page answers from while Meilisearch is unavailable; the upkeep
        # keeps it up to date alongside.
        "fallback": {"BACKEND": "search.backends.database", "AUTO_UPDATE": False},
    }

# --- Payments: without STRIPE_SECRET_KEY paid courses offer "pay by invoice" ---------------
COURSE_INVOICE_ISSUER = {
    "chamber_of_commerce": optional("INVOICE_CHAMBER_OF_COMMERCE"),
    "vat_number": optional("INVOICE_VAT_NUMBER"),
    "iban": optional("INVOICE_IBAN"),
}
STRIPE_SECRET_KEY = optional("STRIPE_SECRET_KEY")
STRIPE_WEBHOOK_SECRET = optional("STRIPE_WEBHOOK_SECRET")
if STRIPE_SECRET_KEY and not STRIPE_WEBHOOK_SECRET:
    raise ImproperlyConfigured(
        "Environment variable STRIPE_WEBHOOK_SECRET is required when STRIPE_SECRET_KEY is set."
    )

# --- Background work: the database queue, drained by `manage.py db_worker` -----------------
TASKS = {**TASKS, "default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# --- Transport security --------------------------------------------------------------------
# The app sits behind a TLS-terminating proxy that sets X-Forwarded-Proto.
SECURE_SSL_REDIRECT = flag("SECURE_SSL_REDIRECT", default=True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 63072000  # Two years, as the HSTS preload list asks.
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
# How many proxies of our own stand in front of the app (one nginx or Caddy: 1). Only then is
# an X-Forwarded-For entry (the N-th from the right) the client's address for per-IP limits.
# Default 0: REMOTE_ADDR, because a header the client wrote itself must never count.
try:
    TRUSTED_PROXY_COUNT = int(optional("TRUSTED_PROXY_COUNT", "0"))
except ValueError:
    TRUSTED_PROXY_COUNT = -1
if TRUSTED_PROXY_COUNT < 0:
    raise ImproperlyConfigured(
        "Environment variable TRUSTED_PROXY_COUNT must be a whole number: the proxies in front "
        "of the app (0 when none, 1 for one nginx or Caddy)."
    )
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": optional("LOG_LEVEL", "INFO")},
}
