"""The booker's pages: dates on the course page, the booking form, the booking's page,
cancelling, naming participants; hostile input and other people's bookings."""

import re

import pytest
from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from courses.classroom import Booking, BookingStatus
from courses.factories import BookingFactory, CourseSessionFactory
from courses.services import bookings, cancellations

pytestmark = pytest.mark.django_db


def _form(**overrides) -> dict:
    data = {
        "kind": "single",
        "contact_name": "Mehmet Yilmaz",
        "contact_email": "mehmet@example.org",
        "organisation": "OBS De Linde",
        "accreditation_register": "Registerplein",
        "registration_number": "RP-77881",
    }
    data.update(overrides)
    return data


def _book_url(session) -> str:
    with translation.override("nl"):
        return reverse("courses:book", args=[session.pk])


def _booking_url(booking, name: str = "courses:booking") -> str:
    with translation.override("nl"):
        return reverse(name, args=[bookings.booking_token(booking)])


def _warm_queries(client, url: str) -> CaptureQueriesContext:
    """The queries of `url` with the page cache missing but the menus warm."""
    client.get(url)
    caches[settings.PAGE_CACHE_ALIAS].clear()
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return queries


class TestCoursePage:
    def test_lists_the_dates_with_free_seats_and_a_full_one_with_its_waiting_list(
        self, client, classroom_course, free_session
    ):
        full = CourseSessionFactory(course=classroom_course, capacity=1)
        BookingFactory(session=full)
        BookingFactory(session=full, status=BookingStatus.WAITLISTED)

        response = client.get(classroom_course.url)

        html = response.content.decode()
        assert "10 plaatsen vrij" in html
        assert "Vol" in html and "1 persoon op de wachtlijst" in html
        assert _book_url(free_session) in html
        assert "Zet mij op de wachtlijst" in html or "wachtlijst" in html.lower()
        # Free seats are live numbers: a cache may keep them a few seconds at most.
        assert "max-age=5" in response["Cache-Control"]

    def test_filters_the_dates_by_municipality(
        self, client, classroom_course, free_session, municipalities
    ):
        CourseSessionFactory(
            course=classroom_course, municipality=municipalities["waalwijk"], city="Waalwijk"
        )

        all_dates = client.get(classroom_course.url).content.decode()
        tilburg = client.get(classroom_course.url, {"gemeente": "tilburg"}).content.decode()

        assert "Waalwijk" in all_dates
        assert "Vergadercentrum De Kring, Stationsstraat 10, Waalwijk" not in tilburg
        assert "Stationsstraat 10, Tilburg" in tilburg

    def test_costs_the_same_queries_for_one_date_or_many(self, client, classroom_course):
        CourseSessionFactory(course=classroom_course)
        one = _warm_queries(client, classroom_course.url)
        for _ in range(5):
            BookingFactory(session=CourseSessionFactory(course=classroom_course, days=2))
        many = _warm_queries(client, classroom_course.url)

        assert len(many) == len(one) == 12


class TestBookingForm:
    def test_a_booking_answers_at_once_with_its_reference(self, client, free_session):
        response = client.post(_book_url(free_session), _form())

        assert response.status_code == 303
        booking = Booking.objects.get()
        page = client.get(response["Location"]).content.decode()
        assert booking.reference in page
        assert "Uw boeking is bevestigd." in page
        assert "RP-77881" in page

    def test_errors_in_dutch_and_what_was_typed_stays(self, client, free_session):
        response = client.post(
            _book_url(free_session),
            _form(contact_email="mehmet@", kind="group", organisation="", seats=""),
        )

        html = response.content.decode()
        assert response.status_code == 400
        assert 'value="Mehmet Yilmaz"' in html
        assert 'value="mehmet@"' in html
        assert "Vul de organisatie in" in html or "organisatie" in html
        assert Booking.objects.count() == 0

    def test_a_group_too_large_for_the_seats_left_hears_how_many_are_left(
        self, client, free_session
    ):
        for _ in range(8):
            BookingFactory(session=free_session)

        response = client.post(_book_url(free_session), _form(kind="group", seats=3))

        assert response.status_code == 400
        assert "Er zijn nog maar 2 plaatsen" in response.content.decode()

    @pytest.mark.parametrize("session_id", ["0", "99999999"])
    def test_an_unknown_date_is_not_found(self, client, session_id):
        assert client.get(f"/nl/trainingen/boeken/{session_id}/").status_code == 404

    def test_a_cancelled_date_has_no_form(self, client, free_session):
        free_session.status = "cancelled"
        free_session.save()

        assert client.get(_book_url(free_session)).status_code == 404

    def test_an_empty_post_shows_what_is_missing(self, client, free_session):
        response = client.post(_book_url(free_session), {})

        assert response.status_code == 400
        assert (
            "Vul uw naam in" in response.content.decode()
            or "verplicht" in response.content.decode()
        )

    def test_the_honeypot_books_nothing(self, client, free_session):
        client.post(_book_url(free_session), _form(website="http://spam.example"))

        assert Booking.objects.count() == 0


class TestBookingPage:
    def test_another_bookings_token_or_a_forged_one_opens_nothing(self, client, free_session):
        mine = BookingFactory(session=free_session)
        theirs = BookingFactory(session=free_session, contact_name="Iemand Anders")
        token = bookings.booking_token(mine)
        their_payload = bookings.booking_token(theirs).split(":", 1)[0]
        forged = f"{their_payload}:{token.split(':', 1)[1]}"

        for path in ("courses:booking", "courses:booking_cancel", "courses:booking_participants"):
            with translation.override("nl"):
                url = reverse(path, args=[forged])
            assert client.get(url).status_code == 404
        assert "Iemand Anders" not in client.get(_booking_url(mine)).content.decode()

    def test_cancelling_asks_first_then_frees_the_seat(self, client, free_session):
        booking = BookingFactory(session=free_session)

        confirm_page = client.get(_booking_url(booking, "courses:booking_cancel"))
        assert "Ja, annuleer mijn boeking" in confirm_page.content.decode()
        response = client.post(_booking_url(booking, "courses:booking_cancel"))

        assert response.status_code == 303
        booking.refresh_from_db()
        assert booking.status == BookingStatus.CANCELLED
        assert "Deze boeking is geannuleerd." in client.get(response["Location"]).content.decode()

    def test_a_group_contact_names_the_participants(self, client, free_session):
        booking = bookings.book(
            bookings.BookingRequest(
                session_id=free_session.pk,
                contact_name="Joke",
                contact_email="joke@example.org",
                organisation="Wijkteam Noord",
                kind="group",
                seats=2,
            )
        )
        url = _booking_url(booking, "courses:booking_participants")
        data = {
            "seat-TOTAL_FORMS": "2",
            "seat-INITIAL_FORMS": "2",
            "seat-0-name": "Anouk",
            "seat-0-email": "anouk@example.org",
            "seat-1-name": "Bram",
            "seat-1-email": "niet-goed",
        }

        response = client.post(url, data)
        assert response.status_code == 400
        assert 'value="Anouk"' in response.content.decode()

        data["seat-1-email"] = "bram@example.org"
        assert client.post(url, data).status_code == 303
        names = list(booking.participants.order_by("pk").values_list("name", flat=True))
        assert names == ["Anouk", "Bram"]

    def test_pages_are_never_stored(self, client, free_session):
        booking = BookingFactory(session=free_session)

        response = client.get(_booking_url(booking))

        assert re.search(r"no-store|no-cache|private", response["Cache-Control"])


class TestCatalogue:
    def test_a_classroom_course_card_names_its_next_dates_in_the_municipality_chosen(
        self, client, catalogue, classroom_course, free_session, municipalities
    ):
        classroom_course.municipalities.add(municipalities["waalwijk"])
        classroom_course.save()
        CourseSessionFactory(
            course=classroom_course, municipality=municipalities["waalwijk"], city="Waalwijk"
        )

        everywhere = client.get(catalogue.url).content.decode()
        in_waalwijk = client.get(catalogue.url, {"gemeente": "waalwijk"}).content.decode()

        assert "Volgende data:" in everywhere
        assert "(Tilburg)" in everywhere and "(Waalwijk)" in everywhere
        assert "(Waalwijk)" in in_waalwijk and "(Tilburg)" not in in_waalwijk
        # The course's link keeps the municipality: its page lists the dates there.
        assert f'href="{classroom_course.url}?gemeente=waalwijk"' in in_waalwijk

    def test_a_cancelled_date_leaves_the_stored_catalogue_at_once(
        self, client, catalogue, classroom_course, free_session
    ):
        assert "(Tilburg)" in client.get(catalogue.url).content.decode()

        cancellations.cancel_session(free_session)

        assert "(Tilburg)" not in client.get(catalogue.url).content.decode()
