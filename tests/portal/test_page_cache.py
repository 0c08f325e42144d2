"""The anonymous full-page cache: fast for the many, never wrong or personal for anyone."""

import pytest

from portal.accounts.factories import UserFactory
from portal.advice.models import AdviceQuestionPage
from portal.models import StandardPage

CACHE_HEADER = "X-Page-Cache"


@pytest.fixture
def standard_page(home) -> StandardPage:
    return home.add_child(
        instance=StandardPage(title="Signalen herkennen", slug="signalen", intro="Eerste versie.")
    )


def test_second_anonymous_view_is_served_from_cache_without_queries(
    client, standard_page, django_assert_num_queries
):
    first = client.get(standard_page.url)
    assert first[CACHE_HEADER] == "miss"
    with django_assert_num_queries(0):
        second = client.get(standard_page.url)
    assert second[CACHE_HEADER] == "hit"
    assert second.content == first.content
    # The stored page keeps the headers the inner middlewares set, the CSP first of all.
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]


def test_publishing_a_change_shows_at_once(client, standard_page):
    client.get(standard_page.url)
    standard_page.intro = "Tweede versie."
    standard_page.save_revision().publish()

    response = client.get(standard_page.url)
    assert response[CACHE_HEADER] == "miss"
    assert "Tweede versie." in response.text


def test_renaming_a_theme_makes_cached_pages_stale(client, standard_page):
    from portal.models import Theme

    client.get(standard_page.url)
    theme = Theme.objects.filter(locale=standard_page.locale).first()
    theme.name = theme.name + " (nieuw)"
    theme.save()
    assert client.get(standard_page.url)[CACHE_HEADER] == "miss"


def test_signed_in_visitors_never_get_or_fill_the_cache(client, standard_page):
    user = UserFactory()
    client.force_login(user)
    first = client.get(standard_page.url)
    second = client.get(standard_page.url)
    assert CACHE_HEADER not in first
    assert CACHE_HEADER not in second

    # And what they saw was not stored for the next anonymous visitor either.
    client.logout()
    client.cookies.clear()
    assert client.get(standard_page.url)[CACHE_HEADER] == "miss"


def test_form_pages_are_never_cached(client, home):
    advice = home.add_child(instance=AdviceQuestionPage(title="Stel uw vraag", slug="vraag"))
    for _ in range(2):
        response = client.get(advice.url)
        assert response.status_code == 200
        assert CACHE_HEADER not in response
        assert "no-store" in response["Cache-Control"]
