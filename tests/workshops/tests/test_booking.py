"""The form and mail kit, used by an app: a booking form on the form-page base
(portal/form_pages.py) that books through a service, which sends its confirmation with one call
(portal.mail.services.send_templated_mail); test data from the app's wagtail-factories."""

import pytest
from django.core import mail
from django.test import Client

from tests.workshops.factories import WorkshopBookingFactory
from tests.workshops.models import WorkshopBooking

pytestmark = pytest.mark.django_db


def test_a_visitor_books_a_seat_and_gets_a_confirmation_with_the_status_link(
    client, booking_page, workshop, outbox_email, django_capture_on_commit_callbacks
):
    form = client.get(booking_page.url)
    assert form.status_code == 200
    assert "no-store" in form["Cache-Control"]  # the form page base: never kept anywhere
    assert "3 seats free" in form.text

    with django_capture_on_commit_callbacks(execute=True):
        answer = client.post(booking_page.url, {"name": "Sam de Vries", "email": "Sam@Example.org"})
    assert answer.status_code == 302  # post/redirect/get

    booking = WorkshopBooking.objects.get()
    assert (booking.workshop, booking.name, booking.email) == (
        workshop,
        "Sam de Vries",
        "sam@example.org",
    )
    thank_you = client.get(booking_page.url).text
    assert "Your seat is booked" in thank_you
    assert f"/nl/workshops/boeking/{booking.reference}/" in thank_you

    [sent] = mail.outbox
    assert sent.to == ["sam@example.org"]
    assert sent.subject == "Your booking"  # neutral, on one line
    status_link = f"http://testserver/nl/workshops/boeking/{booking.reference}/"
    assert status_link in sent.body
    status = Client().get(status_link.removeprefix("http://testserver"))
    assert status.status_code == 200
    assert workshop.title in status.text


def test_a_full_workshop_keeps_what_was_typed_and_books_nothing(client, booking_page, workshop):
    for _ in range(workshop.capacity):
        WorkshopBookingFactory(workshop=workshop)

    response = client.post(booking_page.url, {"name": "Sam de Vries", "email": "sam@example.org"})

    assert response.status_code == 200
    assert "This workshop is full." in response.text
    assert 'value="Sam de Vries"' in response.text
    assert WorkshopBooking.objects.count() == workshop.capacity
    assert mail.outbox == []


def test_a_missing_name_is_said_in_the_form_and_nothing_is_booked(client, booking_page):
    response = client.post(booking_page.url, {"name": "", "email": "sam@example.org"})

    assert response.status_code == 200
    assert "Enter your name." in response.text
    assert 'value="sam@example.org"' in response.text
    assert not WorkshopBooking.objects.exists()
