"""Which installed apps belong to this project, as opposed to the libraries it installs.

The doors that look into every app (personal data owners, demo content) look into these only:
portal and its sub-apps, the domain apps next to it, and apps under tests/ that the test
settings install. An app is ours when its code lives in the repository.
"""

from pathlib import Path

from django.apps import AppConfig, apps
from django.conf import settings


def is_project_app(app_config: AppConfig) -> bool:
    path = Path(app_config.path).resolve()
    base = Path(settings.BASE_DIR).resolve()
    return path.is_relative_to(base) and "site-packages" not in path.parts


def project_app_configs() -> list[AppConfig]:
    """Our apps, in INSTALLED_APPS order."""
    return [config for config in apps.get_app_configs() if is_project_app(config)]
