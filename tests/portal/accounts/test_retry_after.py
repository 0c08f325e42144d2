"""Issue 5, item 10: every 429 from allauth says when to try again (Retry-After, in seconds)."""

import pytest

from portal.accounts.factories import DEFAULT_PASSWORD

from .conftest import log_in
from .test_entrance import _sign_up


def _retry_after(response) -> int:
    assert response.status_code == 429
    return int(response["Retry-After"])


def test_failed_logins_say_when_the_address_may_try_again(client, user):
    for _attempt in range(5):
        log_in(client, user.email, "fout-wachtwoord")

    response = log_in(client, user.email, "fout-wachtwoord")

    # "5/5m/key": the oldest failure leaves the window five minutes after it was made.
    assert 290 <= _retry_after(response) <= 300


def test_too_many_logins_from_one_address_say_when(client, db, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login": "2/m/ip"}
    for attempt in range(2):
        log_in(client, f"iemand{attempt}@example.org", "x")

    response = log_in(client, "iemand@example.org", "x")

    assert 50 <= _retry_after(response) <= 60


def test_too_many_sign_ups_say_when(client, db):
    for n in range(10):
        _sign_up(client, f"massa{n}@example.org")

    response = _sign_up(client, "nog-een@example.org")

    assert 3590 <= _retry_after(response) <= 3600


def test_too_many_password_reset_requests_say_when(client, user):
    for _attempt in range(5):
        client.post("/nl/account/password/reset/", {"email": user.email})

    response = client.post("/nl/account/password/reset/", {"email": user.email})

    assert 290 <= _retry_after(response) <= 300


@pytest.mark.parametrize("path", ["/nl/account/reauthenticate/"])
def test_too_many_reauthentications_say_when(client, user, path):
    client.force_login(user)
    for _attempt in range(10):
        client.post(path, {"password": "fout"})

    response = client.post(path, {"password": DEFAULT_PASSWORD})

    assert 50 <= _retry_after(response) <= 60
