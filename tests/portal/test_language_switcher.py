"""The language switcher on a page: to its translation, or, where there is none, to the other
language's home page with a note saying so, never to a 404."""

import re

import pytest
from django.apps import apps
from django.test import Client
from wagtail.models import Page

from portal.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def _switcher(html: str) -> str:
    found = re.search(r'<nav class="steiger-language".*?</nav>', html, re.S)
    assert found, "no language switcher"
    return found.group(0)


def test_a_translated_page_links_to_its_translation(locales, home):
    page = StandardPageFactory(parent=home, title="Veilig internetten", slug="veilig-internetten")
    english = page.copy_for_translation(locales["en"])
    english.title = "Browsing safely"
    english.slug = "browsing-safely"
    english.save_revision().publish()

    switcher = _switcher(Client().get(page.url).text)

    assert 'href="/en/browsing-safely/"' in switcher
    assert "not translated" not in switcher
    assert Client().get("/en/browsing-safely/").status_code == 200


def test_a_page_without_translation_says_so_and_offers_the_home_page(locales, home):
    page = StandardPageFactory(parent=home, title="Alleen Nederlands", slug="alleen-nederlands")

    switcher = _switcher(Client().get(page.url).text)

    assert 'href="/en/"' in switcher
    assert "(this page is not translated)" in switcher  # in the language the reader looks for
    assert Client().get("/en/").status_code == 200


def test_an_english_page_without_dutch_says_so_in_dutch(locales, home):
    home_en = home.get_translation(locales["en"])
    page = StandardPageFactory(parent=home_en, title="English only", slug="english-only")

    switcher = _switcher(Client().get(page.url).text)

    assert 'href="/nl/"' in switcher
    assert "(deze pagina is niet vertaald)" in switcher


def test_a_draft_translation_is_not_offered(locales, home):
    page = StandardPageFactory(parent=home, title="Concept", slug="concept")
    english = page.copy_for_translation(locales["en"])
    english.save_revision()  # a draft: not live

    switcher = _switcher(Client().get(page.url).text)

    assert 'href="/en/"' in switcher
    assert "not translated" in switcher


def test_every_page_type_has_its_address_as_a_plain_page_has_it():
    """The switcher and the hreflang links read translations as plain pages
    (portal.page_lookups.live_translations): a page type that worked out its address in a way
    of its own would be linked at Page's address instead."""
    own_ways = [
        model.__name__
        for model in apps.get_models()
        if issubclass(model, Page)
        and any(
            getattr(model, name) is not getattr(Page, name)
            for name in ("get_url_parts", "get_url", "get_full_url", "relative_url", "url")
        )
    ]
    assert own_ways == []
