"""Production settings: read the environment only, refuse to start half-configured, and pass
Django's deployment checklist."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from portal.accounts.factories import DEFAULT_PASSWORD, UserFactory
from tests.production_env import COMPLETE_ENV, MODULE
from tests.production_env import load_production_settings as load

REPO = Path(__file__).resolve().parents[2]
REQUIRED = ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "EMAIL_URL", "CENTRE_NOTIFICATION_EMAIL"]
# What a browser is told about HTTPS and cookies.
TRANSPORT_SETTING = re.compile(r"^(SECURE_[A-Z_]+|(SESSION|CSRF|LANGUAGE)_COOKIE_[A-Z_]+)$")
TWO_YEARS = 2 * 365 * 24 * 3600


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


def test_allowed_hosts_and_trusted_origins_come_from_one_variable(monkeypatch):
    settings = load(monkeypatch)
    assert settings.ALLOWED_HOSTS == ["steiger.example", "www.steiger.example"]
    assert settings.CSRF_TRUSTED_ORIGINS == [
        "https://steiger.example",
        "https://www.steiger.example",
    ]


@pytest.fixture
def production_transport(monkeypatch, settings):
    """The test site with production's settings for HTTPS and cookies."""
    production = load(monkeypatch)
    for name in dir(production):
        if TRANSPORT_SETTING.match(name):
            setattr(settings, name, getattr(production, name))
    return settings


@pytest.mark.django_db
def test_a_visitor_on_plain_http_is_sent_to_https(client, home, production_transport):
    response = client.get("/nl/")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/nl/"


@pytest.mark.django_db
def test_over_https_behind_the_proxy_the_browser_is_told_to_stay_on_https(
    client, home, production_transport
):
    # The TLS-terminating proxy says the visitor came over HTTPS.
    response = client.get("/nl/", HTTP_X_FORWARDED_PROTO="https")
    assert response.status_code == 200
    hsts = [part.strip() for part in response["Strict-Transport-Security"].split(";")]
    max_age = int(hsts[0].removeprefix("max-age="))
    # Two years, subdomains and the preload list: what hstspreload.org requires.
    assert max_age >= TWO_YEARS
    assert {"includeSubDomains", "preload"} <= set(hsts[1:])


@pytest.mark.django_db
def test_the_session_and_csrf_cookies_never_travel_over_plain_http(
    client, home, production_transport
):
    user = UserFactory(email="anna@example.org")
    login_page = client.get("/nl/account/login/", secure=True)
    csrf = login_page.cookies["csrftoken"]
    assert csrf["secure"] and csrf["httponly"]

    signed_in = client.post(
        "/nl/account/login/", {"login": user.email, "password": DEFAULT_PASSWORD}, secure=True
    )
    assert "_auth_user_id" in client.session
    session = signed_in.cookies["sessionid"]
    # Sent over HTTPS only, out of reach of page scripts.
    assert session["secure"] and session["httponly"]


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


def test_a_sqlite_database_waits_for_the_write_lock_instead_of_failing(monkeypatch, tmp_path):
    """On SQLite, concurrent bookings (courses/services/bookings.py) queue for the write lock;
    `make bench` books 50 seats at once on a SQLite file and counts the errors (0)."""
    settings = load(monkeypatch, DATABASE_URL=f"sqlite:///{tmp_path / 'site.sqlite3'}")

    options = settings.DATABASES["default"]["OPTIONS"]

    assert options["transaction_mode"] == "IMMEDIATE"
    assert options["timeout"] >= 10
    assert "journal_mode=WAL" in options["init_command"]
