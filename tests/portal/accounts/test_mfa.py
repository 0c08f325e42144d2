"""MFA is enforced for everyone who can reach the admins or a role's protected area."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.http import HttpResponse
from django.test import RequestFactory, override_settings

from portal.accounts.decorators import require_mfa
from portal.accounts.factories import DEFAULT_PASSWORD, UserFactory, enable_totp, totp_code
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
def test_staff_sets_up_totp_and_then_reaches_the_admin(client):
    staff = UserFactory(is_staff=True, is_superuser=True)
    log_in(client, staff.email)
    activate_url = client.get("/admin/")["Location"]

    # allauth asks for the password again before a new second factor is added.
    response = client.get(activate_url)
    assert response["Location"].startswith("/nl/account/reauthenticate/")
    response = client.post(response["Location"], {"password": DEFAULT_PASSWORD})
    response = client.get(response["Location"])
    assert response.status_code == 200
    secret = response.context["form"].secret

    response = client.post(activate_url, {"code": totp_code(secret)})
    assert response.status_code == 302

    # Typing the code while activating counts as the second factor for this session.
    assert client.get("/admin/").status_code == 200


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


@override_settings(MFA_REQUIRED_PATH_PREFIXES=["/admin/", "/inbox/"])
def test_apps_can_add_protected_paths_with_or_without_language():
    assert is_mfa_required_path("/nl/inbox/verzoek/")
    assert is_mfa_required_path("/inbox/")
    assert is_mfa_required_path("/admin/pages/")
    assert not is_mfa_required_path("/nl/zoeken/")


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
