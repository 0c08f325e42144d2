"""An app's views say what they need (second factor, never cached, private) where they are
defined; adding the app's include is all it takes, with nothing to list in portal/.

The app is the test-only tests/workshops (its views.py and urls.py), included by tests/urls.py
the way an app is included in portal/urls.py.
"""

import pytest
from django.contrib.auth.models import Group
from django.core.cache import caches

from portal import roles
from portal.accounts.factories import DEFAULT_PASSWORD, UserFactory, enable_totp, totp_code
from portal.accounts.services import is_mfa_required_path
from tests.workshops.factories import WorkshopBookingFactory

pytestmark = pytest.mark.django_db

CACHE_HEADER = "X-Page-Cache"
APP = "/nl/workshops/"
ACTIVATE_TOTP = "/nl/account/2fa/totp/activate/"


def coordinator(**extra):
    """A training coordinator: the role the app's migration granted the bookings to."""
    user = UserFactory(**extra)
    user.groups.add(Group.objects.get(name=roles.TRAINING_COORDINATOR))
    return user


def sign_in_with_totp(client, user) -> None:
    secret = enable_totp(user)
    client.post("/nl/account/login/", {"login": user.email, "password": DEFAULT_PASSWORD})
    client.post("/nl/account/2fa/authenticate/", {"code": totp_code(secret)})


def page_cache_size() -> int:
    return len(caches["pages"]._cache)


@pytest.mark.parametrize("area", ["mijn-boekingen/", "coordinatie/", "beheer/"])
def test_a_view_declared_mfa_in_a_new_include_sends_a_role_without_totp_to_set_it_up(client, area):
    client.force_login(coordinator(is_staff=True))
    response = client.get(APP + area)
    assert response.status_code == 302
    assert response["Location"].startswith(ACTIVATE_TOTP)
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("area", ["mijn-boekingen/", "coordinatie/"])
def test_a_view_declared_mfa_opens_after_the_code(client, area):
    sign_in_with_totp(client, coordinator())
    assert client.get(APP + area).status_code == 200


def test_the_coordinators_see_the_bookings_after_the_code_and_nobody_else_does(client):
    WorkshopBookingFactory(name="Sam de Vries")
    sign_in_with_totp(client, coordinator())
    assert "Sam de Vries" in client.get(APP + "coordinatie/").text

    # Someone without a role is not asked for a second factor they never needed: their own
    # bookings open, the coordinators' page is refused (no permission), without a detour.
    client.force_login(UserFactory())
    assert client.get(APP + "mijn-boekingen/").status_code == 200
    refused = client.get(APP + "coordinatie/")
    assert refused.status_code == 403
    assert "Sam de Vries" not in refused.text


def test_a_view_declared_mfa_sends_a_visitor_to_sign_in(client):
    for area in ("mijn-boekingen/", "coordinatie/"):
        response = client.get(APP + area)
        assert response.status_code == 302
        assert response["Location"].startswith("/nl/account/login/")


def test_staff_only_refuses_everyone_else_signed_in(client):
    client.force_login(UserFactory())
    assert client.get(APP + "beheer/").status_code == 403


def test_an_undeclared_view_is_not_wrongly_protected(client):
    client.force_login(coordinator(is_staff=True))  # would be sent to set up TOTP in an MFA area
    response = client.get(APP + "over/")
    assert response.status_code == 200
    assert "About the workshops" in response.text
    assert not is_mfa_required_path(APP + "over/")
    assert is_mfa_required_path(APP + "mijn-boekingen/")
    assert is_mfa_required_path("/en/workshops/coordinatie/")


def test_a_never_stored_view_is_never_stored(client):
    booking = WorkshopBookingFactory()
    status = f"{APP}boeking/{booking.reference}/"
    size = page_cache_size()
    for _ in range(2):
        response = client.get(status)
        assert response.status_code == 200
        assert booking.workshop.title in response.text
        assert CACHE_HEADER not in response
        assert "no-store" in response["Cache-Control"]
    assert page_cache_size() == size

    # ...while a view that declares nothing is stored like any public page.
    assert client.get(APP + "over/")[CACHE_HEADER] == "miss"
    assert client.get(APP + "over/")[CACHE_HEADER] == "hit"


def test_the_quick_exit_and_robots_know_the_new_private_areas_without_a_list(client, home):
    html = client.get("/nl/").text
    private = html.split('data-quick-exit-private="', 1)[1].split('"', 1)[0].split()
    for language in ("nl", "en"):
        assert f"/{language}/workshops/mijn-boekingen/" in private
        assert f"/{language}/workshops/coordinatie/" in private
        assert f"/{language}/workshops/beheer/" in private
        assert f"/{language}/workshops/boeking/" in private
        assert f"/{language}/workshops/over/" not in private
    # The base layer's own private areas are found the same way.
    for prefix in ("/admin/", "/django-admin/", "/nl/account/", "/en/mijn-account/", "/snel-weg/"):
        assert prefix in private

    robots = client.get("/robots.txt").text.splitlines()
    assert "Disallow: /nl/workshops/mijn-boekingen/" in robots
    assert "Disallow: /nl/workshops/over/" not in robots
