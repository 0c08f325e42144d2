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
