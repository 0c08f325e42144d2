"""Production: reads the environment only and fails loudly on a missing required value."""

import os

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


DEBUG = False
SECRET_KEY = required("SECRET_KEY")
ALLOWED_HOSTS = [host.strip() for host in required("ALLOWED_HOSTS").split(",") if host.strip()]
CSRF_TRUSTED_ORIGINS = [f"https://{host}" for host in ALLOWED_HOSTS]
WAGTAILADMIN_BASE_URL = optional("BASE_URL", f"https://{ALLOWED_HOSTS[0]}")

DATABASES = {"default": dj_database_url.parse(required("DATABASE_URL"), conn_max_age=60)}

# --- Email: EMAIL_URL like smtp+tls://user:password@host:587 --------------------------------
_email = dj_database_url.urlparse.urlsplit(required("EMAIL_URL"))
EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = _email.hostname or ""
EMAIL_PORT = _email.port or 25
EMAIL_HOST_USER = dj_database_url.urlparse.unquote(_email.username or "")
EMAIL_HOST_PASSWORD = dj_database_url.urlparse.unquote(_email.password or "")
EMAIL_USE_TLS = _email.scheme in {"smtp+tls", "submission"}
EMAIL_USE_SSL = _email.scheme == "smtps"
DEFAULT_FROM_EMAIL = optional("DEFAULT_FROM_EMAIL", "Steiger <noreply@" + ALLOWED_HOSTS[0] + ">")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
CENTRE_NOTIFICATION_EMAIL = required("CENTRE_NOTIFICATION_EMAIL")

# --- Cache: Redis when REDIS_URL is set, else per-process memory ---------------------------
if REDIS_URL := optional("REDIS_URL"):
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }

# --- Media: S3-compatible storage when MEDIA_BUCKET is set ----------------------------------
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
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
else:
    MEDIA_ROOT = optional("MEDIA_ROOT", "/var/lib/steiger/media")
    STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
STATIC_ROOT = optional("STATIC_ROOT", "/var/lib/steiger/static")

# --- Search: Meilisearch when MEILISEARCH_URL is set ---------------------------------------
MEILISEARCH_URL = optional("MEILISEARCH_URL")
MEILISEARCH_API_KEY = optional("MEILISEARCH_API_KEY")

# --- Payments: without STRIPE_SECRET_KEY paid courses offer "pay by invoice" ---------------
STRIPE_SECRET_KEY = optional("STRIPE_SECRET_KEY")
STRIPE_WEBHOOK_SECRET = optional("STRIPE_WEBHOOK_SECRET")
if STRIPE_SECRET_KEY and not STRIPE_WEBHOOK_SECRET:
    raise ImproperlyConfigured("STRIPE_WEBHOOK_SECRET is required when STRIPE_SECRET_KEY is set.")

# --- Background work: the database queue, drained by `manage.py db_worker` -----------------
TASKS = {**TASKS, "default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# --- Transport security --------------------------------------------------------------------
SECURE_SSL_REDIRECT = optional("SECURE_SSL_REDIRECT", "true").lower() != "false"
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 63072000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
TRUSTED_PROXY_COUNT = int(optional("TRUSTED_PROXY_COUNT", "1"))
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": optional("LOG_LEVEL", "INFO")},
}
