"""Facts about pages asked once per request (portal/page_lookups.py), read with plain SELECTs:
each answers what Wagtail's own ORM query answered."""

import pytest
from django.utils import translation
from wagtail.models import Locale, Page

from portal.page_lookups import active_locale, live_translations, localized


@pytest.fixture
def translated(home, locales):
    """A Dutch page with a live English translation."""
    page = home.add_child(instance=Page(title="Hulp", slug="hulp"))
    page.save_revision().publish()
    page.copy_for_translation(locales["en"]).save_revision().publish()
    return page


def test_a_pages_live_translations_are_what_the_orm_answered_with_their_locales(
    translated, rf, django_assert_num_queries
):
    expected = list(
        Page.objects.filter(translation_key=translated.translation_key)
        .live()
        .select_related("locale")
        .order_by("locale__language_code")
    )
    request = rf.get("/")

    with django_assert_num_queries(1):
        found = live_translations(translated, request)
        languages = [page.locale.language_code for page in found]  # no query per locale
        assert live_translations(translated, request) is found  # once per request

    assert [(page.pk, page.url_path, page.title, page.locale_id) for page in found] == [
        (page.pk, page.url_path, page.title, page.locale_id) for page in expected
    ]
    assert languages == [page.locale.language_code for page in expected] == ["en", "nl"]
    assert [type(page) for page in found] == [Page, Page]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_active_locale_is_wagtails_once_per_request(
    locales, language, rf, django_assert_num_queries
):
    request = rf.get("/")
    with translation.override(language):
        with django_assert_num_queries(1):
            found = active_locale(request)
            assert active_locale(request) is found
        assert (found.pk, found.language_code) == (
            Locale.get_active().pk,
            Locale.get_active().language_code,
        )


def test_the_locale_follows_the_active_language_within_one_request(locales, rf):
    request = rf.get("/")
    with translation.override("nl"):
        assert active_locale(request).language_code == "nl"
    with translation.override("en"):
        assert active_locale(request).language_code == "en"


def test_a_page_is_localized_as_wagtail_localizes_it(translated, rf):
    for language in ("nl", "en"):
        with translation.override(language):
            assert localized(translated, rf.get("/")) == translated.localized
    # A language the site has no content in leaves the page as it is, as Wagtail does.
    with translation.override("de"):
        assert localized(translated, rf.get("/")) == translated == translated.localized


def test_a_draft_translation_is_not_where_a_page_is_localized(translated, locales, rf):
    english = translated.get_translation(locales["en"])
    english.unpublish()
    translated.refresh_from_db()

    with translation.override("en"):
        assert localized(translated, rf.get("/")) == translated == translated.localized
