"""Sessions are personal data: registered, short-lived, and gone with the account."""

from datetime import timedelta
from importlib import import_module

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client
from django.utils import timezone

from portal.accounts.factories import DEFAULT_PASSWORD, UserFactory
from portal.privacy.registry import registry
from portal.privacy.services import erase_user_data, export_user_data, purge_expired_data

pytestmark = pytest.mark.django_db


def signed_in_client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def session_key(client: Client) -> str:
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def anonymous_session_with(data: dict) -> str:
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store.update(data)
    store.save()
    return store.session_key


def test_sessions_are_in_the_registry_with_a_retention_of_at_most_a_day():
    owner = registry.get("session")
    assert owner.retention <= timedelta(days=1)
    assert settings.SESSION_COOKIE_AGE <= 24 * 60 * 60


def test_deleting_an_account_ends_its_sessions_on_every_device():
    anna = UserFactory(email="anna@example.org")
    EmailAddress.objects.update_or_create(
        user=anna, email="anna@example.org", defaults={"verified": True, "primary": True}
    )
    bob = UserFactory(email="bob@example.org")
    phone, laptop, bobs = signed_in_client(anna), signed_in_client(anna), signed_in_client(bob)
    # A browser where Anna started a password reset without signing in: the address is there.
    reset_tab = anonymous_session_with({"account_user_email": "Anna@Example.org"})
    laptop_key = session_key(laptop)

    response = phone.post(
        "/nl/mijn-account/verwijderen/", {"password": DEFAULT_PASSWORD, "confirm": "on"}
    )

    assert response.status_code == 302
    remaining = set(Session.objects.values_list("session_key", flat=True))
    assert laptop_key not in remaining
    assert reset_tab not in remaining
    assert session_key(bobs) in remaining  # somebody else stays signed in
    assert laptop.get("/nl/mijn-account/").status_code == 302  # to the login


def test_the_data_download_lists_the_sessions_without_their_contents():
    anna = UserFactory(email="anna@example.org")
    signed_in_client(anna)
    signed_in_client(anna)
    signed_in_client(UserFactory(email="bob@example.org"))

    section = next(part for part in export_user_data(anna)["sections"] if part["key"] == "session")

    assert len(section["records"]) == 2
    assert all(record["signed_in"] for record in section["records"])
    assert all(set(record) == {"expires_at", "signed_in"} for record in section["records"])


def test_erasing_counts_the_sessions_it_ended():
    anna = UserFactory(email="anna@example.org")
    signed_in_client(anna)
    assert erase_user_data(anna)["session"] == 1


def test_purge_removes_expired_sessions_and_keeps_live_ones():
    anna = UserFactory(email="anna@example.org")
    live = session_key(signed_in_client(anna))
    expired = session_key(signed_in_client(anna))
    Session.objects.filter(session_key=expired).update(
        expire_date=timezone.now() - timedelta(minutes=1)
    )

    counts = purge_expired_data()

    assert counts["session"] == 1
    assert list(Session.objects.values_list("session_key", flat=True)) == [live]


def test_a_new_session_expires_on_the_server_within_a_day():
    before = timezone.now()
    key = session_key(signed_in_client(UserFactory()))
    expires = Session.objects.get(session_key=key).expire_date
    assert expires <= before + timedelta(days=1, minutes=1)
