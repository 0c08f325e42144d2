"""Issue 5, item 2: an account's email address changes through allauth only (verified first)."""

from django.contrib import admin
from django.contrib.auth.models import Permission

from portal.accounts.factories import DEFAULT_PASSWORD, UserFactory, enable_totp, totp_code
from portal.accounts.models import User

from .conftest import log_in


def _editor_in_the_admin(client) -> User:
    editor = UserFactory(email="redacteur@example.org")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    secret = enable_totp(editor)
    log_in(client, editor.email, DEFAULT_PASSWORD)
    client.post("/nl/account/2fa/authenticate/", {"code": totp_code(secret)})
    return editor


def test_wagtails_account_page_no_longer_changes_the_email_address(client, db):
    editor = _editor_in_the_admin(client)

    response = client.get("/admin/account/")
    assert response.status_code == 200
    assert 'name="name_email-email"' not in response.content.decode()

    client.post(
        "/admin/account/",
        {
            "name_email-first_name": "Re",
            "name_email-last_name": "Dacteur",
            "name_email-email": "slachtoffer@example.org",
            "locale-preferred_language": "",
            "locale-current_time_zone": "",
            "theme-theme": "system",
            "theme-contrast": "system",
            "theme-density": "default",
        },
    )

    editor.refresh_from_db()
    assert editor.email == "redacteur@example.org"
    assert editor.first_name == "Re"  # the rest of the page still works


def test_the_django_admin_has_no_user_form_to_change_an_address():
    # If someone registers one, it must not offer the email field (or the data matching of
    # portal/*/privacy.py must be revisited): this test is the reminder.
    assert not admin.site.is_registered(User)


def _administrator_in_the_admin(client) -> User:
    administrator = UserFactory(email="beheer@example.org", is_staff=True, is_superuser=True)
    secret = enable_totp(administrator)
    log_in(client, administrator.email, DEFAULT_PASSWORD)
    client.post("/nl/account/2fa/authenticate/", {"code": totp_code(secret)})
    return administrator


def test_an_administrator_cannot_change_someone_elses_address(client, db):
    _administrator_in_the_admin(client)
    colleague = UserFactory(email="collega@example.org", first_name="Col")

    page = client.get(f"/admin/users/edit/{colleague.pk}/").content.decode()
    assert "collega@example.org" in page  # shown, so the administrator knows who it is
    response = client.post(
        f"/admin/users/edit/{colleague.pk}/",
        {
            "email": "slachtoffer@example.org",
            "first_name": "Collega",
            "last_name": colleague.last_name,
            "is_active": "on",
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    colleague.refresh_from_db()
    assert colleague.email == "collega@example.org"
    assert colleague.first_name == "Collega"  # the rest of the form still works


def test_administrators_never_choose_a_password_for_someone_else(client, db):
    _administrator_in_the_admin(client)
    colleague = UserFactory(email="collega@example.org")

    for url in ("/admin/users/new/", f"/admin/users/edit/{colleague.pk}/"):
        html = client.get(url).content.decode()
        assert 'name="email"' in html, url
        assert 'type="password"' not in html, url
