"""Production settings: read the environment only, refuse to start half-configured, and pass
Django's deployment checklist."""

import importlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string

REPO = Path(__file__).resolve().parents[2]
MODULE = "portal.settings.production"

# A complete environment with dummy values: nothing connects to these hosts.
COMPLETE_ENV = {
    "SECRET_KEY": "test-deploy-only-8f3Kq2LmZx7Vb1NcR4tYw9PdE6sHjU0aGiO5",
    "ALLOWED_HOSTS": "steiger.example, www.steiger.example",
    "DATABASE_URL": "postgres://steiger:dummy@db.invalid:5432/steiger",
    "EMAIL_URL": "smtp+tls://mailer:p%40ss@mail.invalid:587",
    "CENTRE_NOTIFICATION_EMAIL": "advies@steiger.example",
}
REQUIRED = ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "EMAIL_URL", "CENTRE_NOTIFICATION_EMAIL"]


def run_manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    """Run manage.py in a fresh process that sees only `env` (plus what Python needs)."""
    base = {key: os.environ[key] for key in ("PATH", "HOME", "LANG") if key in os.environ}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO,
        env={**base, "DJANGO_SETTINGS_MODULE": MODULE, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def load(monkeypatch, **overrides: str | None):
    """Import the production settings module afresh under a given environment."""
    for name in [
        *COMPLETE_ENV,
        "REDIS_URL",
        "SECURE_SSL_REDIRECT",
        "STRIPE_SECRET_KEY",
        "STRIPE_WEBHOOK_SECRET",
    ]:
        monkeypatch.delenv(name, raising=False)
    for name, value in {**COMPLETE_ENV, **overrides}.items():
        if value is not None:
            monkeypatch.setenv(name, value)
    sys.modules.pop(MODULE, None)
    try:
        return importlib.import_module(MODULE)
    finally:
        sys.modules.pop(MODULE, None)


def test_deploy_check_passes_with_a_complete_environment():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=COMPLETE_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_missing_secret_key_stops_the_process_naming_the_variable():
    env = {key: value for key, value in COMPLETE_ENV.items() if key != "SECRET_KEY"}
    result = run_manage("check", "--deploy", env=env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY" in result.stderr


@pytest.mark.parametrize("name", REQUIRED)
@pytest.mark.parametrize("value", [None, "", "   "])
def test_each_required_variable_is_named_when_missing_or_blank(monkeypatch, name, value):
    with pytest.raises(ImproperlyConfigured, match=name):
        load(monkeypatch, **{name: value})


def test_allowed_hosts_without_a_host_is_refused(monkeypatch):
    with pytest.raises(ImproperlyConfigured, match="ALLOWED_HOSTS"):
        load(monkeypatch, ALLOWED_HOSTS=" , ")


def test_background_tasks_go_to_the_database_queue(monkeypatch):
    settings = load(monkeypatch)
    backend = settings.TASKS["default"]["BACKEND"]
    assert backend == "django_tasks_db.DatabaseBackend"
    assert import_string(backend).__module__.startswith("django_tasks_db")


def test_transport_security_and_cookies(monkeypatch):
    settings = load(monkeypatch)
    assert settings.DEBUG is False
    assert settings.SECURE_SSL_REDIRECT is True
    assert settings.SECURE_HSTS_SECONDS >= 365 * 24 * 3600
    assert settings.SECURE_HSTS_INCLUDE_SUBDOMAINS is True
    assert settings.SECURE_HSTS_PRELOAD is True
    assert settings.SESSION_COOKIE_SECURE is True
    assert settings.CSRF_COOKIE_SECURE is True
    assert settings.LANGUAGE_COOKIE_SECURE is True
    assert settings.SESSION_COOKIE_HTTPONLY is True
    assert settings.ALLOWED_HOSTS == ["steiger.example", "www.steiger.example"]
    assert settings.CSRF_TRUSTED_ORIGINS == [
        "https://steiger.example",
        "https://www.steiger.example",
    ]


def test_ssl_redirect_can_be_switched_off_only_explicitly(monkeypatch):
    assert load(monkeypatch, SECURE_SSL_REDIRECT="false").SECURE_SSL_REDIRECT is False
    with pytest.raises(ImproperlyConfigured, match="SECURE_SSL_REDIRECT"):
        load(monkeypatch, SECURE_SSL_REDIRECT="off-ish")


def test_email_url_gives_the_smtp_connection(monkeypatch):
    settings = load(monkeypatch)
    delivery = settings.MAILERS["delivery"]
    assert delivery["BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    options = delivery["OPTIONS"]
    assert (options["host"], options["port"]) == ("mail.invalid", 587)
    assert (options["username"], options["password"]) == ("mailer", "p@ss")
    assert options["use_tls"] is True
    assert options["use_ssl"] is False
    # Everything Django, allauth and Wagtail send goes through the outbox first.
    assert settings.MAILERS["default"]["BACKEND"] == "portal.mail.backend.OutboxBackend"


def test_an_email_url_with_an_unknown_scheme_is_refused(monkeypatch):
    with pytest.raises(ImproperlyConfigured, match="EMAIL_URL"):
        load(monkeypatch, EMAIL_URL="mail.invalid:25")


def test_database_and_cache_come_from_the_environment(monkeypatch):
    settings = load(monkeypatch, REDIS_URL="redis://cache.invalid:6379/0")
    database = settings.DATABASES["default"]
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert (database["HOST"], database["NAME"]) == ("db.invalid", "steiger")
    # Wagtail's search index needs PostgreSQL's full-text support there.
    assert "django.contrib.postgres" in settings.INSTALLED_APPS
    assert settings.CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert settings.CACHES["default"]["LOCATION"] == "redis://cache.invalid:6379/0"


def test_stripe_key_without_webhook_secret_is_refused(monkeypatch):
    with pytest.raises(ImproperlyConfigured, match="STRIPE_WEBHOOK_SECRET"):
        load(monkeypatch, STRIPE_SECRET_KEY="sk_test_dummy")
