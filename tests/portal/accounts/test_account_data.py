"""The signed-in user's own data: overview, download, deletion, retention."""

import json
import re
from datetime import timedelta

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from portal.accounts.factories import DEFAULT_PASSWORD, UserFactory, enable_totp
from portal.accounts.models import User
from portal.privacy.services import purge_expired_data


def test_overview_links_to_every_account_task(client, user):
    client.force_login(user)
    client.get("/nl/mijn-account/")  # warm the layout's caches

    # The overview costs one query (the TOTP check) beyond the shared layout, which the delete
    # page renders too, and one for the expert pool's link (is this account an expert's?,
    # experts/wagtail_hooks.py); the layout's own cost is the layout's tests' business.
    with CaptureQueriesContext(connection) as layout:
        client.get("/nl/mijn-account/verwijderen/")
    with CaptureQueriesContext(connection) as overview:
        response = client.get("/nl/mijn-account/")
    assert len(overview) <= len(layout) + 2

    html = response.content.decode()
    for url in (
        "/nl/account/email/",
        "/nl/account/password/change/",
        "/nl/account/2fa/",
        "/nl/mijn-account/gegevens-downloaden/",
        "/nl/mijn-account/verwijderen/",
        "/nl/account/logout/",
    ):
        assert f'"{url}"' in html
    assert "no-store" in response["Cache-Control"]


def test_overview_needs_a_signed_in_user(client, db):
    response = client.get("/nl/mijn-account/")
    assert response["Location"].startswith("/nl/account/login/")


def test_data_download_holds_my_account_and_nobody_elses(client, user):
    other = UserFactory(email="buurman@example.org")
    client.force_login(user)

    response = client.get("/nl/mijn-account/gegevens-downloaden/")

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert "no-store" in response["Cache-Control"]
    body = response.content.decode()
    assert other.email not in body
    account = next(s for s in json.loads(body)["sections"] if s["key"] == "account")
    assert account["records"][0]["email"] == "anna@example.org"
    assert account["records"][0]["email_addresses"] == [
        {"email": "anna@example.org", "verified": True}
    ]


def test_deleting_the_account_needs_the_password(client, user):
    client.force_login(user)

    response = client.post(
        "/nl/mijn-account/verwijderen/", {"password": "niet-mijn-wachtwoord", "confirm": "on"}
    )

    assert response.status_code == 200
    assert 'id="id_password_error"' in response.content.decode()
    assert User.objects.filter(pk=user.pk).exists()


def test_deleting_the_account_erases_it_and_signs_out(client, user):
    enable_totp(user)
    neighbour = UserFactory()
    client.force_login(user)

    response = client.post(
        "/nl/mijn-account/verwijderen/", {"password": DEFAULT_PASSWORD, "confirm": "on"}
    )

    assert response.status_code == 302
    assert not User.objects.filter(email="anna@example.org").exists()
    assert not EmailAddress.objects.filter(email="anna@example.org").exists()
    assert not Authenticator.objects.filter(user_id=user.pk).exists()
    assert "_auth_user_id" not in client.session
    assert User.objects.filter(pk=neighbour.pk).exists()


def test_retention_deletes_accounts_unused_for_two_years_but_keeps_staff_and_roles(db):
    now = timezone.now()
    long_ago = now - timedelta(days=731)
    dormant = UserFactory(last_login=long_ago)
    never_logged_in = UserFactory(date_joined=long_ago, last_login=None)
    recent = UserFactory(last_login=now - timedelta(days=300))
    staff = UserFactory(is_staff=True, last_login=long_ago)
    coordinator = UserFactory(last_login=long_ago)
    coordinator.groups.add(Group.objects.create(name="Testrol coordinator"))

    counts = purge_expired_data(now=now)

    assert counts["account"] == 2
    remaining = set(User.objects.values_list("pk", flat=True))
    assert dormant.pk not in remaining and never_logged_in.pk not in remaining
    assert {recent.pk, staff.pk, coordinator.pk} <= remaining


def test_changing_the_email_address_asks_for_the_password_then_verifies_the_new_one(
    client, user, mailoutbox
):
    client.force_login(user)
    change = {"email": "anna.nieuw@example.org", "action_add": ""}

    response = client.post("/nl/account/email/", change)
    assert response["Location"].startswith("/nl/account/reauthenticate/")
    assert mailoutbox == []

    client.post(response["Location"], {"password": DEFAULT_PASSWORD})

    assert [m.to for m in mailoutbox] == [["anna.nieuw@example.org"]]
    assert "Steiger: " in mailoutbox[0].subject
    # Until the new address is confirmed, the old one stays the login.
    user.refresh_from_db()
    assert user.email == "anna@example.org"


def test_the_last_superuser_cannot_delete_their_account(client, db):
    admin = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(admin)

    response = client.post(
        "/nl/mijn-account/verwijderen/", {"password": DEFAULT_PASSWORD, "confirm": "on"}
    )

    assert response.status_code == 200
    assert "enige beheerder" in response.content.decode()
    assert User.objects.filter(pk=admin.pk).exists()
    assert "_auth_user_id" in client.session


def test_a_superuser_can_delete_their_account_when_another_remains(client, db):
    admin = UserFactory(is_staff=True, is_superuser=True)
    UserFactory(is_staff=True, is_superuser=True)
    client.force_login(admin)

    response = client.post(
        "/nl/mijn-account/verwijderen/", {"password": DEFAULT_PASSWORD, "confirm": "on"}
    )

    assert response.status_code == 302
    assert not User.objects.filter(pk=admin.pk).exists()


def test_a_missing_checkbox_is_summarised_and_keeps_the_right_password(client, user):
    client.force_login(user)

    response = client.post("/nl/mijn-account/verwijderen/", {"password": DEFAULT_PASSWORD})

    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="error-summary"' in html
    assert 'href="#id_confirm"' in html
    assert "Vink het vakje aan om te bevestigen" in html
    assert f'value="{DEFAULT_PASSWORD}"' in html
    assert User.objects.filter(pk=user.pk).exists()


def test_a_wrong_password_is_summarised_and_not_shown_again(client, user):
    client.force_login(user)

    response = client.post(
        "/nl/mijn-account/verwijderen/", {"password": "niet-mijn-wachtwoord", "confirm": "on"}
    )

    html = response.content.decode()
    assert 'href="#id_password"' in html
    assert "niet-mijn-wachtwoord" not in html
    assert re.search(r'<input[^>]*name="confirm"[^>]*checked', html)
