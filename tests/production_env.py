"""Production settings (portal.settings.production) under an environment a test chooses."""

import importlib
import sys
from types import ModuleType

MODULE = "portal.settings.production"

# A complete environment with dummy values: nothing connects to these hosts.
COMPLETE_ENV = {
    "SECRET_KEY": "test-deploy-only-8f3Kq2LmZx7Vb1NcR4tYw9PdE6sHjU0aGiO5",
    "ALLOWED_HOSTS": "steiger.example, www.steiger.example",
    "DATABASE_URL": "postgres://steiger:dummy@db.invalid:5432/steiger",
    "EMAIL_URL": "smtp+tls://mailer:p%40ss@mail.invalid:587",
    "CENTRE_NOTIFICATION_EMAIL": "advies@steiger.example",
}
OPTIONAL = ["REDIS_URL", "SECURE_SSL_REDIRECT", "STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET"]


def load_production_settings(monkeypatch, **overrides: str | None) -> ModuleType:
    """Import the production settings module afresh, with COMPLETE_ENV plus `overrides` (None
    removes a variable) as the environment. Django's own settings stay those of the tests."""
    for name in [*COMPLETE_ENV, *OPTIONAL]:
        monkeypatch.delenv(name, raising=False)
    for name, value in {**COMPLETE_ENV, **overrides}.items():
        if value is not None:
            monkeypatch.setenv(name, value)
    sys.modules.pop(MODULE, None)
    try:
        return importlib.import_module(MODULE)
    finally:
        sys.modules.pop(MODULE, None)
