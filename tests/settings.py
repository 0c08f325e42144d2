"""The test settings: portal's (portal/settings/test.py) plus the test-only app tests/workshops.

The app proves that every door of the base layer works for an app that portal/ never names, so
it is installed here and nowhere in portal/settings. pytest (pyproject.toml) and the Makefile's
`makemigrations --check` use this module.
"""

from portal.settings.test import *  # noqa: F403
from portal.settings.test import INSTALLED_APPS

# tests.trainings: a tagged page type of another app, which the knowledge base finds by tag.
INSTALLED_APPS = [*INSTALLED_APPS, "tests.workshops", "tests.trainings"]
# portal/urls.py plus the one include the app adds, as an app adds it there.
ROOT_URLCONF = "tests.urls"
