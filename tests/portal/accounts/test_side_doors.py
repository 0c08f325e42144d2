"""Issue 5, item 1: a password alone never opens the admin of a staff member who uses TOTP.

The takeover seen in the wild: with only a staff member's password, sign in at Wagtail's own
front-end login (/<lang>/_util/login/, no second factor), deactivate their TOTP (the
re-authentication asked the password again), enrol your own TOTP, and /admin/ opens.
"""

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import generate_totp_secret
from wagtail.models import PageViewRestriction

from portal.accounts.factories import DEFAULT_PASSWORD, UserFactory, enable_totp, totp_code
from portal.models import StandardPage


def _is_signed_in(client) -> bool:
    return "_auth_user_id" in client.session


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_wagtail_front_end_login_sends_to_allauth_keeping_next(client, db, lang):
    response = client.get(f"/{lang}/_util/login/?next=/{lang}/besloten/")

    assert response.status_code == 302
    assert response["Location"] == f"/{lang}/account/login/?next=/{lang}/besloten/"


def test_wagtail_front_end_login_does_not_accept_a_password(client, db):
    staff = UserFactory(is_staff=True, is_superuser=True)
    enable_totp(staff)

    client.post("/nl/_util/login/", {"username": staff.email, "password": DEFAULT_PASSWORD})

    assert not _is_signed_in(client)


def test_the_takeover_with_only_a_password_no_longer_works(client, db):
    staff = UserFactory(is_staff=True, is_superuser=True)
    enable_totp(staff)
    original_totp = Authenticator.objects.get(user=staff, type=Authenticator.Type.TOTP)

    # Step 1: the password at Wagtail's front-end login.
    client.post("/nl/_util/login/", {"username": staff.email, "password": DEFAULT_PASSWORD})
    assert not _is_signed_in(client)

    # Whatever other door a password-only session might come from (here: force_login), the
    # rest of the path stays closed too.
    client.force_login(staff)

    # Step 2: deactivate their TOTP. Refused outright: a staff account keeps its second factor.
    deactivate = "/nl/account/2fa/totp/deactivate/"
    response = client.post(deactivate)
    assert response.status_code == 200
    assert "twee-factor-authenticatie blijft aan" in response.content.decode()
    assert Authenticator.objects.filter(pk=original_totp.pk).exists()
    # Nor does the password count as re-authentication for any other MFA change.
    generate = "/nl/account/2fa/recovery-codes/generate/"
    response = client.post(generate)
    assert response["Location"].startswith("/nl/account/2fa/reauthenticate/")
    response = client.post(
        "/nl/account/reauthenticate/?next=" + generate, {"password": DEFAULT_PASSWORD}
    )
    assert response["Location"].startswith("/nl/account/2fa/reauthenticate/")

    # Step 3: enrol an own TOTP. Not possible while theirs is active.
    response = client.get("/nl/account/2fa/totp/activate/")
    assert response.status_code == 302
    client.post("/nl/account/2fa/totp/activate/", {"code": totp_code(generate_totp_secret())})
    assert list(
        Authenticator.objects.filter(user=staff, type=Authenticator.Type.TOTP).values_list(
            "pk", flat=True
        )
    ) == [original_totp.pk]

    # Step 4: the admin stays shut.
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/nl/account/2fa/reauthenticate/")


def test_a_page_for_signed_in_users_sends_visitors_to_allauths_login(client, home):
    page = home.add_child(instance=StandardPage(title="Voor medewerkers", slug="medewerkers"))
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)

    response = client.get("/nl/medewerkers/")

    assert response.status_code == 302
    assert response["Location"] == "/nl/account/login/?next=/nl/medewerkers/"
