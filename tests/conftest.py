"""Fixtures shared by the whole suite: a site with a Dutch and an English home page."""

import os
from collections.abc import Iterator
from io import StringIO
from pathlib import Path

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import transaction
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from wagtail.models import Locale, Page, Site

from portal.factories import HomePageFactory, SiteFactory
from portal.models import HomePage
from tests.mailers import LOCMEM, deliver_with

# Property-based tests: few enough examples to keep the suite quick, the same examples on every
# run (derandomize; no example database is written or committed), no per-example deadline (a
# request through the whole stack varies with the machine). HYPOTHESIS_PROFILE=deep explores
# more and differently on a developer's machine.
_HEALTH_CHECKS_OFF = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
hypothesis_settings.register_profile(
    "steiger",
    max_examples=25,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=_HEALTH_CHECKS_OFF,
)
hypothesis_settings.register_profile(
    "deep", max_examples=500, deadline=None, database=None, suppress_health_check=_HEALTH_CHECKS_OFF
)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "steiger"))


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


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker) -> Iterator[str]:
    """The demo content, loaded once for a module whose tests only read it; yields the
    command's output (it lists the accounts and their printed passwords).

    A load takes seconds; a module of tests that each loaded it cost most of a minute. It is
    loaded in a transaction rolled back after the module's last test, and each test's own
    transaction is a savepoint inside it, so what a test changes is undone as usual. Use it only
    in a module where every database test wants the demo: another test there would find it too.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        output = StringIO()
        call_command("load_demo_content", "--force", stdout=output)
        yield output.getvalue()
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def _clear_cache():
    # Rate limits, cached navigation and (in their own cache) pages: every test starts from
    # nothing.
    for each in caches.all():
        each.clear()
    yield
    for each in caches.all():
        each.clear()


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
    for child in root.get_children():  # Wagtail's welcome page, and its site with it
        child.delete()
    Site.objects.all().delete()
    home = HomePageFactory(parent=root, locale=locales["nl"], translations=["en"])
    SiteFactory(root_page=home, hostname="localhost", port=80, is_default_site=True)
    return home
