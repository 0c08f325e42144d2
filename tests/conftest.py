"""Fixtures shared by the whole suite: a site with a Dutch and an English home page."""

import pytest
from django.core.cache import cache
from wagtail.models import Locale, Page, Site

from portal.models import HomePage


@pytest.fixture(autouse=True)
def _clear_cache():
    # Rate limits and cached navigation live in the cache; every test starts from nothing.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def locales(db) -> dict[str, Locale]:
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in ("nl", "en")}


@pytest.fixture
def home(locales) -> HomePage:
    """A Dutch home page as the default site's root, with its English translation."""
    # A transactional test flushes what the migrations created, the tree root included.
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=locales["nl"])
    )
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
