"""Test settings: the embedded defaults, fast hashing, no outside world.

DATABASE_URL switches the suite to PostgreSQL (CI runs it on both).
"""

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import dj_database_url

from .base import *  # noqa: F403
from .base import BASE_DIR

DEBUG = False
SECRET_KEY = "test-only-not-secret-" + "x" * 40
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"])}
else:
    DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}

# Django's test set-up points every mailer at locmem; tests that need the outbox in front use
# the `outbox_email` fixture (tests/conftest.py).
MAILERS = {
    "default": {"BACKEND": "portal.mail.backend.OutboxBackend"},
    "delivery": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"},
}
STATICFILES_DIRS = [BASE_DIR / "static" / "build"]
# Each test run uploads into a folder of its own, removed when the run ends: documents and
# images made by one run never pile up, nor let a later run pass on a file it did not make.
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="steiger-test-media-"))
atexit.register(shutil.rmtree, MEDIA_ROOT, ignore_errors=True)
WAGTAILADMIN_BASE_URL = "http://testserver"
