"""The page cache door, used by an app that portal/ never names (portal/page_cache.py).

The catalogue declares its page parameter; the workshop page declares that its seat count is a
live number; publishing a workshop (a draft-state snippet) or saving a venue (a model that
declares `cache_invalidates`) makes cached pages stale. The app registers nothing anywhere.
"""

import re

import pytest
from django.test import Client

from tests.workshops.factories import WorkshopBookingFactory, WorkshopFactory, WorkshopPageFactory
from tests.workshops.models import WorkshopIndexPage, WorkshopPage

from .conftest import CACHE_HEADER, page_cache_size

pytestmark = pytest.mark.django_db


def seats(html: str) -> str:
    found = re.search(r"(\d+) of (\d+) seats free", html)
    assert found, "the page shows no seat count"
    return found.group(0)


# --- a page type that declares its query parameter -------------------------------------------


def test_the_catalogue_stores_its_declared_page_parameter_and_no_other(
    client, catalogue, workshop_page, monkeypatch
):
    monkeypatch.setattr(WorkshopIndexPage, "per_page", 1)
    WorkshopPageFactory(parent=catalogue, workshop=WorkshopFactory(title="Tweede workshop"))

    assert client.get(f"{catalogue.url}?pagina=2")[CACHE_HEADER] == "miss"
    second = client.get(f"{catalogue.url}?pagina=2")
    assert second[CACHE_HEADER] == "hit"
    assert "Tweede workshop" in second.text
    assert "Signalen bespreken" not in second.text

    size = page_cache_size()
    # An undeclared parameter, a value outside the pattern, the parameter twice: served, and
    # never stored.
    for query in ("utm_x=1", "pagina=x", "pagina=1234", "pagina=1&pagina=2", "pagina=2&q=geheim"):
        response = client.get(f"{catalogue.url}?{query}")
        assert response.status_code == 200, query
        assert CACHE_HEADER not in response, query
    assert page_cache_size() == size


def test_publishing_or_unpublishing_the_apps_page_shows_at_once(client, catalogue):
    assert client.get(catalogue.url)[CACHE_HEADER] == "miss"
    assert client.get(catalogue.url)[CACHE_HEADER] == "hit"

    catalogue.intro = "Nieuwe data in het voorjaar."
    catalogue.save_revision().publish()
    response = client.get(catalogue.url)
    assert response[CACHE_HEADER] == "miss"
    assert "Nieuwe data in het voorjaar." in response.text

    catalogue.unpublish()
    assert client.get(catalogue.url).status_code == 410  # gone (portal/gone.py)


# --- a snippet with live numbers -------------------------------------------------------------


def test_a_seat_count_is_never_stale(client, workshop_page, workshop):
    assert seats(client.get(workshop_page.url).text) == "3 of 3 seats free"

    for free in (2, 1, 0):
        WorkshopBookingFactory(workshop=workshop)  # saved; nothing is published
        response = client.get(workshop_page.url)
        assert seats(response.text) == f"{free} of 3 seats free"
        assert CACHE_HEADER not in response
        # Nor does a browser or a proxy in front keep it.
        assert "no-cache" in response["Cache-Control"]


def test_a_booking_through_the_form_shows_at_once_to_the_next_visitor(
    client, workshop_page, booking_page
):
    visitor = client
    assert seats(visitor.get(workshop_page.url).text) == "3 of 3 seats free"

    booker = Client()
    answer = booker.post(booking_page.url, {"name": "Sam de Vries", "email": "sam@example.org"})
    assert answer.status_code == 302
    assert "Your seat is booked" in booker.get(booking_page.url).text

    assert seats(visitor.get(workshop_page.url).text) == "2 of 3 seats free"


def test_without_its_declaration_the_seat_count_would_be_stale(
    client, workshop_page, workshop, monkeypatch
):
    """Why live numbers declare themselves: the same page without CachePolicy(max_age=0)."""
    monkeypatch.setattr(WorkshopPage, "cache_policy", None)
    client.get(workshop_page.url)
    WorkshopBookingFactory(workshop=workshop)

    stale = client.get(workshop_page.url)
    assert stale[CACHE_HEADER] == "hit"
    assert seats(stale.text) == "3 of 3 seats free"


def test_publishing_a_workshops_new_title_shows_at_once_on_the_cached_catalogue(
    client, catalogue, workshop_page, workshop
):
    assert "Signalen bespreken" in client.get(catalogue.url).text

    # A draft is not for visitors: the stored catalogue is still right.
    workshop.title = "Signalen bespreken met ouders"
    workshop.save_revision()
    draft = client.get(catalogue.url)
    assert draft[CACHE_HEADER] == "hit"
    assert "Signalen bespreken met ouders" not in draft.text

    workshop.get_latest_revision().publish()
    published = client.get(catalogue.url)
    assert published[CACHE_HEADER] == "miss"
    assert "Signalen bespreken met ouders" in published.text

    # Unpublishing takes it off the catalogue at once.
    workshop.unpublish()
    assert "Signalen bespreken" not in client.get(catalogue.url).text


def test_renaming_a_venue_shows_at_once_on_the_cached_catalogue(client, catalogue, workshop_page):
    venue = workshop_page.workshop.venue
    assert venue.name in client.get(catalogue.url).text

    venue.name = "Wijkcentrum De Boomgaard"
    venue.save()  # a plain model: no revision, no publish, only `cache_invalidates = True`

    response = client.get(catalogue.url)
    assert response[CACHE_HEADER] == "miss"
    assert "Wijkcentrum De Boomgaard" in response.text
