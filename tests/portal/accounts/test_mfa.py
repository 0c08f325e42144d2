"""MFA is enforced for everyone who can reach the admins or a role's protected area."""

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Group, Permission
from django.http import HttpResponse
from django.test import RequestFactory

from portal.accounts.decorators import require_mfa
from portal.accounts.factories import (
    DEFAULT_PASSWORD,
    UserFactory,
    enable_totp,
    recovery_codes,
    totp_code,
)
from portal.accounts.services import is_mfa_required_path

from .conftest import log_in

ADMIN_AREAS = ["/admin/", "/django-admin/"]


@pytest.mark.parametrize("area", ADMIN_AREAS)
def test_staff_without_mfa_is_sent_to_set_up_totp(client, db, area):
    staff = UserFactory(is_staff=True, is_superuser=True)
    log_in(client, staff.email)

    response = client.get(area)

    assert response.status_code == 302
    assert response["Location"].startswith("/nl/account/2fa/totp/activate/")


@pytest.mark.parametrize("area", ADMIN_AREAS)
def test_role_member_without_mfa_is_sent_to_set_up_totp(client, db, area):
    editor = UserFactory()
    editor.groups.add(Group.objects.create(name="Testrol redactie"))
    client.force_login(editor)

    assert client.get(area)["Location"].startswith("/nl/account/2fa/totp/activate/")


def test_wagtail_admin_permission_alone_requires_mfa(client, db):
    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)

    assert client.get("/admin/")["Location"].startswith("/nl/account/2fa/totp/activate/")


# Transactional: allauth finishes the activation in on_commit hooks, inside the request.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_staff_sets_up_totp_right_after_signing_in_and_continues_to_the_admin(client):
    staff = UserFactory(is_staff=True, is_superuser=True)
    log_in(client, staff.email)
    activate_url = client.get("/admin/pages/")["Location"]
    assert activate_url == "/nl/account/2fa/totp/activate/?next=%2Fadmin%2Fpages%2F"

    # Signing in a moment ago is the recent authentication: no second password prompt.
    response = client.get(activate_url)
    assert response.status_code == 200
    assert f'action="{activate_url}"' in response.content.decode()
    secret = response.context["form"].secret

    response = client.post(activate_url, {"code": totp_code(secret)})
    assert response["Location"] == "/nl/account/2fa/recovery-codes/?next=%2Fadmin%2Fpages%2F"

    # The recovery codes, then a clear way on to where the staff member was going.
    response = client.get(response["Location"])
    html = response.content.decode()
    assert response.context["unused_codes"][0] in html
    assert 'href="/admin/pages/"' in html

    # Typing the code while activating counts as the second factor for this session.
    assert client.get("/admin/pages/").status_code == 200


def test_totp_set_up_long_after_signing_in_asks_the_password_again(client, db):
    staff = UserFactory(is_staff=True, is_superuser=True)
    log_in(client, staff.email)
    session = client.session
    for record in session["account_authentication_methods"]:
        record["at"] -= 301  # ACCOUNT_REAUTHENTICATION_TIMEOUT is 300 seconds
    session.save()

    response = client.get("/nl/account/2fa/totp/activate/?next=/admin/")

    assert response["Location"].startswith("/nl/account/reauthenticate/")
    response = client.post(response["Location"], {"password": DEFAULT_PASSWORD})
    assert client.get(response["Location"]).status_code == 200


def test_recovery_codes_page_continues_to_the_account_for_a_resident(client, user):
    enable_totp(user)
    client.force_login(user)
    session = client.session
    session["account_authentication_methods"] = []
    session.save()
    # Viewing codes is an MFA change: the resident proves the second factor first.
    response = client.get("/nl/account/2fa/recovery-codes/")
    assert response["Location"].startswith("/nl/account/2fa/reauthenticate/")

    client.post(response["Location"], {"code": recovery_codes(user)[0]})
    response = client.get("/nl/account/2fa/recovery-codes/?next=https://elders.example/")

    assert response.status_code == 200
    # Only our own pages are a way on.
    html = response.content.decode()
    assert 'href="/nl/mijn-account/"' in html
    assert 'href="https://elders.example/"' not in html


def test_staff_with_totp_signs_in_with_password_and_code_and_reaches_both_admins(client, db):
    staff = UserFactory(is_staff=True, is_superuser=True)
    secret = enable_totp(staff)

    response = log_in(client, staff.email)
    assert response["Location"] == "/nl/account/2fa/authenticate/"
    assert "_auth_user_id" not in client.session  # the password alone is not enough

    response = client.post("/nl/account/2fa/authenticate/", {"code": totp_code(secret)})
    assert response.status_code == 302

    assert client.get("/admin/").status_code == 200
    assert client.get("/django-admin/").status_code == 200


def test_staff_with_totp_whose_session_skipped_the_code_is_asked_for_it(client, db):
    staff = UserFactory(is_staff=True, is_superuser=True)
    secret = enable_totp(staff)
    client.force_login(staff)  # e.g. a session from before TOTP was set up

    response = client.get("/admin/pages/")
    assert response["Location"] == "/nl/account/2fa/reauthenticate/?next=%2Fadmin%2Fpages%2F"

    response = client.post(response["Location"], {"code": totp_code(secret)})
    assert response["Location"] == "/admin/pages/"
    assert client.get("/admin/").status_code == 200


def test_a_resident_account_is_not_bothered_with_mfa(client, user):
    client.force_login(user)
    assert client.get("/nl/mijn-account/").status_code == 200
    # Not staff: Wagtail itself refuses, and that is not our MFA redirect.
    assert "/2fa/" not in client.get("/admin/").get("Location", "")


def test_the_admins_declare_mfa_and_their_doors_out_stay_open():
    assert is_mfa_required_path("/admin/pages/")
    assert is_mfa_required_path("/django-admin/auth/group/")
    # Signing in and out of the admins goes through allauth, before any second factor.
    assert not is_mfa_required_path("/admin/login/")
    assert not is_mfa_required_path("/django-admin/logout/")
    assert not is_mfa_required_path("/nl/zoeken/")
    assert not is_mfa_required_path("/nl/account/login/")


def test_require_mfa_decorator_guards_a_view(db):
    @require_mfa
    def inbox(request):
        return HttpResponse("inbox")

    expert = UserFactory()
    expert.groups.add(Group.objects.create(name="Testrol deskundige"))
    request = RequestFactory().get("/nl/deskundige/inbox/")
    request.user = expert
    request.session = {}

    response = inbox(request)

    assert response.status_code == 302
    assert response["Location"].startswith("/nl/account/2fa/totp/activate/")


def _forget_authentication(client) -> None:
    """A session that is signed in but has not proved anything recently."""
    session = client.session
    session["account_authentication_methods"] = []
    session.save()


@pytest.mark.parametrize(
    "change",
    [
        "/nl/account/2fa/totp/deactivate/",
        "/nl/account/2fa/recovery-codes/",
        "/nl/account/2fa/recovery-codes/generate/",
        "/nl/account/2fa/recovery-codes/download/",
    ],
)
def test_every_mfa_change_asks_for_the_second_factor_not_the_password(client, user, change):
    enable_totp(user)
    client.force_login(user)
    _forget_authentication(client)

    response = client.post(change) if change.endswith("/deactivate/") else client.get(change)
    assert response["Location"].startswith("/nl/account/2fa/reauthenticate/")

    # allauth's password page is no longer a way around the code.
    response = client.post(
        f"/nl/account/reauthenticate/?next={change}", {"password": DEFAULT_PASSWORD}
    )
    assert response["Location"].startswith("/nl/account/2fa/reauthenticate/")
    assert client.get(change)["Location"].startswith("/nl/account/2fa/reauthenticate/")


def test_a_resident_switches_totp_off_after_typing_a_code(client, db):
    resident = UserFactory()
    secret = enable_totp(resident)
    client.force_login(resident)
    _forget_authentication(client)

    response = client.post("/nl/account/2fa/totp/deactivate/")
    assert Authenticator.objects.filter(user=resident, type=Authenticator.Type.TOTP).exists()

    # The code page carries the deactivation out once the code is right.
    response = client.post(response["Location"], {"code": totp_code(secret)})

    assert response.status_code == 302
    assert not Authenticator.objects.filter(user=resident).exists()


def test_staff_cannot_switch_off_their_only_second_factor(client, db):
    staff = UserFactory(is_staff=True, is_superuser=True)
    secret = enable_totp(staff)
    log_in(client, staff.email)
    client.post("/nl/account/2fa/authenticate/", {"code": totp_code(secret)})

    response = client.get("/nl/account/2fa/totp/deactivate/")
    html = response.content.decode()
    assert "twee-factor-authenticatie blijft aan" in html
    assert 'href="/nl/account/2fa/"' in html  # the way back, and no button to press
    assert "utrecht-button--danger" not in html
    response = client.post("/nl/account/2fa/totp/deactivate/")

    assert response.status_code == 200
    assert "twee-factor-authenticatie blijft aan" in response.content.decode()
    assert Authenticator.objects.filter(user=staff, type=Authenticator.Type.TOTP).exists()
    assert client.get("/admin/").status_code == 200


def test_staff_are_told_why_without_typing_a_code_first(client, db):
    staff = UserFactory(is_staff=True, is_superuser=True)
    enable_totp(staff)
    client.force_login(staff)
    _forget_authentication(client)

    response = client.get("/nl/account/2fa/totp/deactivate/")

    assert response.status_code == 200
    assert "twee-factor-authenticatie blijft aan" in response.content.decode()
    assert client.post("/nl/account/2fa/totp/deactivate/").status_code == 200
    assert Authenticator.objects.filter(user=staff, type=Authenticator.Type.TOTP).exists()
