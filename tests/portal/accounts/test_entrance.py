"""Sign-up, login, logout and password reset as a visitor experiences them."""

import re

from django.core import mail

from portal.accounts.factories import UserFactory
from portal.accounts.models import User

from .conftest import log_in

PASSWORD = "Zeer-geheim-2026!"


def _sign_up(client, email: str, **extra):
    return client.post(
        "/nl/account/signup/",
        {"email": email, "password1": PASSWORD, "password2": PASSWORD},
        **extra,
    )


def _is_signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_sign_up_sends_verification_and_login_waits_for_it(client, db, mailoutbox):
    response = _sign_up(client, "nieuw@example.org")

    assert response.status_code == 302
    assert response["Location"] == "/nl/account/confirm-email/"
    assert not _is_signed_in(client)
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["nieuw@example.org"]
    # Neutral subject: the site name and what to do, nothing about the subject of the site.
    assert message.subject == "Steiger: Bevestig uw e-mailadres"
    assert "geweld" not in message.subject + message.body

    # Before verifying, the right password does not sign in: it re-sends the link instead.
    client.logout()
    response = log_in(client, "nieuw@example.org", PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == "/nl/account/confirm-email/"
    assert not _is_signed_in(client)

    confirm_url = re.search(r"http://testserver(/nl/account/confirm-email/\S+/)", message.body)
    client.post(confirm_url.group(1))
    client.logout()

    response = log_in(client, "nieuw@example.org", PASSWORD)
    assert response.status_code == 302
    assert _is_signed_in(client)


def test_sign_up_with_a_taken_address_answers_like_a_new_one(client, user, mailoutbox):
    taken = _sign_up(client, user.email)
    client.cookies.clear()
    fresh = _sign_up(client, "nog-niet-bekend@example.org")

    assert (taken.status_code, taken["Location"]) == (fresh.status_code, fresh["Location"])
    assert User.objects.filter(email=user.email).count() == 1
    # Each address gets one email; only the owner of the taken one learns it already exists.
    assert sorted(m.to[0] for m in mailoutbox) == [user.email, "nog-niet-bekend@example.org"]


def test_login_and_logout(client, user):
    response = log_in(client, user.email)
    assert response.status_code == 302
    assert response["Location"] == "/nl/mijn-account/"
    assert client.get("/nl/mijn-account/").status_code == 200

    response = client.post("/nl/account/logout/")
    assert response.status_code == 302
    assert not _is_signed_in(client)
    assert client.get("/nl/mijn-account/").status_code == 302


def test_wrong_password_keeps_the_address_and_says_so_in_dutch(client, user):
    response = log_in(client, user.email, "niet-het-wachtwoord")

    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="anna@example.org"' in html
    assert "wachtwoord is niet correct" in html
    assert "utrecht-alert--error" in html
    assert not _is_signed_in(client)


def _without_csrf(html: str) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


def test_password_reset_answers_the_same_for_known_and_unknown_addresses(client, user):
    known = client.post("/nl/account/password/reset/", {"email": user.email}, follow=True)
    client.cookies.clear()
    unknown = client.post(
        "/nl/account/password/reset/", {"email": "onbekend@example.org"}, follow=True
    )

    assert known.redirect_chain == unknown.redirect_chain
    assert known.status_code == unknown.status_code == 200
    assert _without_csrf(known.content.decode()) == _without_csrf(unknown.content.decode())
    # Both get an email (the unknown address hears there is no account), so even the mail
    # traffic does not tell them apart.
    assert [m.to for m in mail.outbox] == [[user.email], ["onbekend@example.org"]]


def test_six_failed_logins_give_429_even_with_a_new_forwarded_for_each_time(client, user):
    for attempt in range(5):
        response = log_in(
            client, user.email, "fout-wachtwoord", HTTP_X_FORWARDED_FOR=f"203.0.113.{attempt}"
        )
        assert response.status_code == 200

    response = log_in(client, user.email, "fout-wachtwoord", HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert response.status_code == 429
    # Our own page, in the site layout, pointing to the way out.
    assert 'href="/nl/account/password/reset/"' in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    # Locked for this address: even the right password waits now.
    response = log_in(client, user.email, HTTP_X_FORWARDED_FOR="198.51.100.8")
    assert response.status_code == 429
    assert not _is_signed_in(client)


def test_password_reset_requests_for_one_address_are_limited_despite_forwarded_for(client, user):
    statuses = [
        client.post(
            "/nl/account/password/reset/",
            {"email": user.email},
            HTTP_X_FORWARDED_FOR=f"203.0.113.{n}",
        ).status_code
        for n in range(6)
    ]
    assert statuses == [302] * 5 + [429]
    assert len(mail.outbox) == 5


def test_too_many_sign_ups_from_one_address_give_429(client, db):
    statuses = [_sign_up(client, f"massa{n}@example.org").status_code for n in range(11)]
    assert statuses[:10] == [302] * 10
    assert statuses[10] == 429


def test_login_page_is_dutch_and_in_the_site_layout(client, db):
    response = client.get("/nl/account/login/")

    html = response.content.decode()
    assert 'lang="nl"' in html
    assert "Inloggen" in html  # "Aanmelden" is the newsletter's word
    assert "Wachtwoord" in html
    assert 'class="utrecht-form-label" for="id_login"' in html
    assert "utrecht-button--primary-action" in html


def test_login_errors_are_linked_to_their_field(client, db):
    response = client.post("/nl/account/signup/", {"email": "geen-adres", "password1": "x"})

    html = response.content.decode()
    assert 'id="id_email_error"' in html
    assert re.search(r'<input[^>]*aria-describedby="[^"]*id_email_error', html)
    assert 'value="geen-adres"' in html


def test_account_pages_are_never_stored(client, user):
    assert "no-store" in client.get("/nl/account/login/")["Cache-Control"]
    assert "no-store" in client.get("/en/account/password/reset/")["Cache-Control"]
    client.force_login(user)
    assert "no-store" in client.get("/nl/mijn-account/")["Cache-Control"]
    assert "no-store" in client.get("/nl/account/2fa/")["Cache-Control"]


def test_admin_password_doors_lead_to_allauth(client, db):
    assert client.get("/admin/")["Location"] == "/nl/account/login/?next=/admin/"
    assert client.get("/admin/login/")["Location"].startswith("/nl/account/login/")
    assert client.get("/django-admin/login/")["Location"].startswith("/nl/account/login/")
    assert client.get("/admin/password_reset/")["Location"] == "/nl/account/password/reset/"
    assert (
        client.get("/django-admin/password_change/")["Location"] == "/nl/account/password/change/"
    )


def test_unverified_factory_user_cannot_sign_in(client, db):
    pending = UserFactory(verified_email=False)
    log_in(client, pending.email)
    assert not _is_signed_in(client)
