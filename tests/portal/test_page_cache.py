"""The anonymous full-page cache: fast for the many, never wrong or personal for anyone."""

import time

import pytest

from portal.accounts.factories import UserFactory
from portal.advice.models import AdviceQuestionPage
from portal.models import StandardPage
from portal.page_cache import CachePolicy, invalidates_cache
from tests.workshops.factories import WorkshopBookingFactory, WorkshopFactory

CACHE_HEADER = "X-Page-Cache"


@pytest.fixture
def standard_page(home, django_capture_on_commit_callbacks) -> StandardPage:
    # Indexed for search by the upkeep's task after the commit (when the block ends).
    with django_capture_on_commit_callbacks(execute=True):
        return home.add_child(
            instance=StandardPage(
                title="Signalen herkennen", slug="signalen", intro="Eerste versie."
            )
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


# --- What the cache keeps: known pages only, never what someone typed -------------------------


def page_cache_size() -> int:
    # LocMemCache keeps its entries in a dict; counting them is what "the cache grows" means.
    from django.core.cache import caches

    return len(caches["pages"]._cache)


def test_an_unknown_query_parameter_is_served_but_never_stored(client, standard_page):
    client.get(standard_page.url)  # the page itself is stored once
    size = page_cache_size()

    for number in range(5):
        response = client.get(f"{standard_page.url}?utm_x=r{number}")
        assert response.status_code == 200
        assert "Signalen herkennen" in response.text
        assert CACHE_HEADER not in response

    assert page_cache_size() == size
    # The page without the parameter is still served from the cache.
    assert client.get(standard_page.url)[CACHE_HEADER] == "hit"


def test_search_results_are_never_stored_anywhere(client, standard_page):
    size = page_cache_size()
    for _ in range(2):
        response = client.get("/nl/zoeken/?q=signalen")
        assert response.status_code == 200
        assert "Signalen herkennen" in response.text
        assert CACHE_HEADER not in response
        # Not by a proxy or the browser either: someone else may use the same computer.
        assert "no-store" in response["Cache-Control"]
    assert page_cache_size() == size


def test_a_parameter_a_page_type_declares_is_cached_once_per_bounded_value(
    client, standard_page, monkeypatch
):
    # How a listing page type declares its paging parameter (no settings involved).
    monkeypatch.setattr(
        StandardPage, "cache_policy", CachePolicy(query={"pagina": r"[1-9][0-9]?"}), raising=False
    )
    assert client.get(f"{standard_page.url}?pagina=2")[CACHE_HEADER] == "miss"
    assert client.get(f"{standard_page.url}?pagina=2")[CACHE_HEADER] == "hit"
    # Values outside the pattern, the parameter twice, or another one: served, not stored.
    for query in ("pagina=999", "pagina=x", "pagina=2&pagina=3", "pagina=2&utm_x=1"):
        response = client.get(f"{standard_page.url}?{query}")
        assert response.status_code == 200
        assert CACHE_HEADER not in response


def test_a_page_type_that_declares_nothing_is_never_stored_with_a_parameter(client, standard_page):
    for _ in range(2):
        assert CACHE_HEADER not in client.get(f"{standard_page.url}?pagina=2")


def test_a_view_declares_its_parameter_where_it_reads_it(client, db):
    # The test-only app's agenda (tests/workshops/views.py): @CachePolicy(query={"maand": ...}).
    agenda = "/nl/workshops/agenda/"
    assert client.get(f"{agenda}?maand=2026-03")[CACHE_HEADER] == "miss"
    response = client.get(f"{agenda}?maand=2026-03")
    assert response[CACHE_HEADER] == "hit"
    assert "Agenda 2026-03" in response.text
    assert CACHE_HEADER not in client.get(f"{agenda}?maand=2026-03&q=geheim")


# --- Live numbers -----------------------------------------------------------------------------


def test_a_live_number_a_view_declares_is_never_stale(client, db):
    # The test-only app's free seats (tests/workshops/views.py): @CachePolicy(max_age=0).
    # The app's own tests show the same for a page type, and what happens without it.
    workshop = WorkshopFactory(title="Signalen bespreken", capacity=5)
    live = "/nl/workshops/vrije-plaatsen/"
    assert "Signalen bespreken: 5 of 5 free" in client.get(live).text
    for free in (4, 3, 2):
        WorkshopBookingFactory(workshop=workshop)  # no publish, no content version change
        response = client.get(live)
        assert f"Signalen bespreken: {free} of 5 free" in response.text
        assert CACHE_HEADER not in response
        # Nor does a browser or proxy in front keep it.
        assert "no-cache" in response["Cache-Control"]


def test_a_live_page_type_is_never_served_from_the_cache(client, standard_page, monkeypatch):
    monkeypatch.setattr(StandardPage, "cache_policy", CachePolicy(max_age=0), raising=False)
    for _ in range(2):
        response = client.get(standard_page.url)
        assert response.status_code == 200
        assert CACHE_HEADER not in response
        assert "no-cache" in response["Cache-Control"]


def test_a_short_lived_answer_is_kept_no_longer_than_it_declared(client, db, monkeypatch):
    # The test-only app's programme of today, @CachePolicy(max_age=5), and its about page.
    short, long = "/nl/workshops/vandaag/", "/nl/workshops/over/"
    for url in (short, long):
        assert client.get(url)[CACHE_HEADER] == "miss"
    hit = client.get(short)
    assert hit[CACHE_HEADER] == "hit"
    assert "max-age=5" in hit["Cache-Control"]
    assert 0 <= int(hit["Age"]) <= 5

    now = time.time()
    monkeypatch.setattr(time, "time", lambda: now + 6)  # six seconds later
    assert client.get(short)[CACHE_HEADER] == "miss"
    assert client.get(long)[CACHE_HEADER] == "hit"


# --- What makes cached pages stale ------------------------------------------------------------


def test_unpublishing_a_page_shows_at_once(client, standard_page):
    client.get(standard_page.url)
    standard_page.unpublish()
    assert client.get(standard_page.url).status_code == 410  # gone, not a stale copy


def test_making_a_page_private_hides_the_cached_copy_at_once(client, standard_page):
    from wagtail.models import PageViewRestriction

    assert client.get(standard_page.url)[CACHE_HEADER] == "miss"
    PageViewRestriction.objects.create(
        page=standard_page, restriction_type=PageViewRestriction.LOGIN
    )
    response = client.get(standard_page.url)
    assert response.status_code == 302
    assert "/account/login/" in response["Location"]


def test_every_snippet_and_site_setting_says_whether_it_makes_pages_stale():
    """A snippet or setting an app adds must declare `cache_invalidates` (or have draft state,
    whose publishing empties the cache): otherwise an edit would silently stay invisible for
    up to PAGE_CACHE_SECONDS."""
    from wagtail.contrib.settings.registry import registry as settings_registry
    from wagtail.models import DraftStateMixin
    from wagtail.snippets.models import get_snippet_models

    undeclared = [
        model._meta.label
        for model in [*get_snippet_models(), *settings_registry]
        if not issubclass(model, DraftStateMixin)
        and not hasattr(model, "cache_invalidates")
        and not invalidates_cache(model)
    ]
    assert undeclared == []


def test_filling_the_page_cache_never_evicts_rate_limit_counters(client, home, settings):
    from portal.advice.models import AdviceQuestionPage

    small = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {}}
    settings.CACHES = {
        "default": {**small, "LOCATION": "limits", "OPTIONS": {"MAX_ENTRIES": 20}},
        "pages": {**small, "LOCATION": "pages", "OPTIONS": {"MAX_ENTRIES": 5}},
    }
    pages = [
        home.add_child(instance=StandardPage(title=f"Pagina {number}", slug=f"pagina-{number}"))
        for number in range(25)
    ]
    advice = home.add_child(instance=AdviceQuestionPage(title="Stel uw vraag", slug="vraag"))
    question = {"role": "resident", "question": "Mag ik iets vragen?"}
    for _ in range(5):
        client.post(advice.url, question, REMOTE_ADDR="203.0.113.7")
    assert client.post(advice.url, question, REMOTE_ADDR="203.0.113.7").status_code == 429

    client.cookies.clear()  # an anonymous reader fills the page cache
    for page in pages:
        assert client.get(page.url)[CACHE_HEADER] == "miss"

    assert client.post(advice.url, question, REMOTE_ADDR="203.0.113.7").status_code == 429


def test_a_lost_content_version_never_brings_back_a_stale_page(client, standard_page):
    from django.core.cache import cache

    client.get(standard_page.url)  # stored under the first version
    standard_page.intro = "Tweede versie."
    standard_page.save_revision().publish()
    cache.clear()  # the shared cache lost the version (restart, eviction)

    response = client.get(standard_page.url)
    assert "Tweede versie." in response.text


@pytest.mark.parametrize("redis_url", [None, "redis://cache.invalid:6379/0"])
def test_production_gives_the_page_cache_its_own_bounded_cache(monkeypatch, redis_url):
    from tests.portal.test_production_settings import load

    production = load(monkeypatch, REDIS_URL=redis_url, CACHE_DIR="/srv/cache")
    pages = production.CACHES[production.PAGE_CACHE_ALIAS]
    default = production.CACHES["default"]
    assert production.PAGE_CACHE_ALIAS != "default"
    assert pages["LOCATION"] != default["LOCATION"]
    assert pages["LOCATION"].startswith("/srv/cache")
    assert pages["OPTIONS"]["MAX_ENTRIES"] <= 5_000
