"""Issue 5, item 5: every way out ends the session on the server, not only in the browser.

`GET /admin/logout/` answered 405 but deleted the cookie, while the session stayed valid: whoever
had copied the cookie (or restored it) was still signed in. Each door below is checked the way an
attacker would: the session row is gone and the old cookie no longer opens the account.
"""

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client

from portal.accounts.factories import UserFactory, enable_totp, totp_code

from .conftest import log_in


@pytest.fixture
def staff_client(client, db):
    """A staff member signed in with password and code, as in real life."""
    staff = UserFactory(is_staff=True, is_superuser=True)
    secret = enable_totp(staff)
    log_in(client, staff.email)
    client.post("/nl/account/2fa/authenticate/", {"code": totp_code(secret)})
    assert client.get("/admin/").status_code == 200
    return client


def _old_cookie_still_opens_the_account(session_key: str) -> bool:
    thief = Client()
    thief.cookies[settings.SESSION_COOKIE_NAME] = session_key
    return thief.get("/nl/mijn-account/").status_code == 200


def _session_key(client) -> str:
    return client.cookies[settings.SESSION_COOKIE_NAME].value


@pytest.mark.parametrize(
    "door",
    [
        "/nl/account/logout/",
        "/en/account/logout/",
        "/admin/logout/",
        "/django-admin/logout/",
        "/snel-weg/",
    ],
)
def test_signing_out_ends_the_server_session(staff_client, door):
    key = _session_key(staff_client)
    assert _old_cookie_still_opens_the_account(key)

    response = staff_client.post(door)

    assert response.status_code == 302
    assert not Session.objects.filter(session_key=key).exists()
    assert not _old_cookie_still_opens_the_account(key)
    assert staff_client.get("/admin/").status_code == 302


@pytest.mark.parametrize("door", ["/nl/account/logout/", "/admin/logout/", "/django-admin/logout/"])
def test_a_get_on_a_logout_door_changes_nothing(staff_client, door):
    key = _session_key(staff_client)

    response = staff_client.get(door, follow=True)

    assert response.status_code == 200
    # allauth's page asks to confirm; the browser keeps its cookie and the session its sign-in.
    assert response.redirect_chain in ([], [("/nl/account/logout/", 302)])
    assert 'action="/nl/account/logout/"' in response.content.decode()
    assert _session_key(staff_client) == key
    assert staff_client.get("/admin/").status_code == 200


def test_a_get_on_the_quick_exit_ends_the_session_too(staff_client):
    key = _session_key(staff_client)

    staff_client.get("/snel-weg/")

    assert not Session.objects.filter(session_key=key).exists()
    assert not _old_cookie_still_opens_the_account(key)
