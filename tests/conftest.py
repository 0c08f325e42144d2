"""Fixtures shared by the whole suite: a site with a Dutch and an English home page."""

from pathlib import Path

import pytest
from django.core.cache import cache
from wagtail.models import Locale, Page, Site

from portal.models import HomePage
from tests.mailers import LOCMEM, deliver_with


def pytest_configure(config):
    # WhiteNoise warns on every request when STATIC_ROOT does not exist (nothing is collected
    # for tests: static files come from the build folder through the finders).
    from django.conf import settings

    Path(settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup):
    """Keep serialized rollback working inside Playwright's browser tests.

    Django stores the snapshot that `serialized_rollback=True` restores on the connection
    object. Playwright's sync API runs the test in another context, where Django hands out a
    new connection object to the same database, without that snapshot: the data the migrations
    made (locales, the page tree root, content types, roles) would silently stay flushed.
    Putting the snapshot on the connection class makes every connection object see it.
    """
    from django.db import connections

    connection = connections["default"]
    snapshot = getattr(connection, "_test_serialized_contents", None)
    if snapshot is not None:
        type(connection)._test_serialized_contents = snapshot
    return django_db_setup


@pytest.fixture(autouse=True)
def _clear_cache():
    # Rate limits and cached navigation live in the cache; every test starts from nothing.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def outbox_email(settings):
    """Send email the production way: stored in the outbox, delivered by a task on commit.

    Django's test set-up replaces the email backend with locmem; this puts the outbox back in
    front of it. Tests make delivery fail with `deliver_with(settings, BROKEN)`.
    """
    deliver_with(settings, LOCMEM)
    return settings


@pytest.fixture
def locales(db) -> dict[str, Locale]:
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in ("nl", "en")}


@pytest.fixture
def home(locales) -> HomePage:
    """A Dutch home page as the default site's root, with its English translation."""
    root = Page.get_first_root_node()
    for child in root.get_children():
        child.delete()
    home = root.add_child(
        instance=HomePage(
            title="Steiger", slug="home", intro="Kennis en training", locale=locales["nl"]
        )
    )
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    home.copy_for_translation(locales["en"]).save_revision().publish()
    return home
