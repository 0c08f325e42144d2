"""Browser journeys through the public forms and the accounts: errors, success, sign-up, MFA.

Each page the journey passes is checked with axe-core (WCAG 2.1 AA) by ``axe_check``; the
``browser_page`` fixture fails the test if any page tried to reach another host.
"""

import re

import pytest
from django.core import mail

from portal.accounts.factories import DEFAULT_PASSWORD, UserFactory, enable_totp, totp_code
from portal.advice.factories import AdviceQuestionPageFactory
from portal.advice.models import AdviceQuestion, AdviceQuestionPage

from .conftest import submit

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def advice_page(home) -> AdviceQuestionPage:
    return AdviceQuestionPageFactory(parent=home)


def test_advice_form_shows_errors_keeps_input_then_succeeds_anonymously(
    browser_page, live_server, advice_page, axe_check
):
    page = browser_page
    page.goto(live_server.url + advice_page.url)
    axe_check(page)

    # An email address without consent, and no role: two errors, nothing typed is lost.
    page.fill("textarea[name=question]", "Mijn buurjongen heeft vaak blauwe plekken.")
    page.fill("input[name=email]", "niet-een-adres")
    submit(page, page.get_by_role("button", name=re.compile("versturen", re.I)))

    assert page.locator("textarea[name=question]").input_value() == (
        "Mijn buurjongen heeft vaak blauwe plekken."
    )
    assert page.locator("input[name=email]").input_value() == "niet-een-adres"
    # Both problems are explained next to their field, and announced to assistive technology.
    assert page.locator(".utrecht-form-field-error-message").count() >= 2
    assert page.locator("[aria-invalid=true]").count() >= 2
    axe_check(page)
    assert AdviceQuestion.objects.count() == 0

    # Fixed: ask anonymously as a resident.
    page.get_by_label("Inwoner").check()
    page.fill("input[name=email]", "")
    submit(page, page.get_by_role("button", name=re.compile("versturen", re.I)))

    question = AdviceQuestion.objects.get()
    assert question.email == ""
    assert question.reference in page.locator("main").inner_text()
    # The reference is shown from the session, never put in the address bar.
    assert question.reference not in page.url
    axe_check(page)


def test_sign_up_verify_and_sign_in(browser_page, live_server, home, axe_check, settings):
    settings.ACCOUNT_EMAIL_VERIFICATION = "mandatory"
    page = browser_page
    page.goto(live_server.url + "/nl/account/signup/")
    axe_check(page)

    page.fill("input[name=email]", "mehmet@example.org")
    page.fill("input[name=password1]", "een-lang-en-sterk-wachtwoord")
    page.fill("input[name=password2]", "een-ander-wachtwoord-dus-fout")
    submit(page, page.locator("main form button[type=submit]").last)
    # Mismatch: an error, and the email address is kept.
    assert page.locator("input[name=email]").input_value() == "mehmet@example.org"
    assert page.locator("[aria-invalid=true]").count() >= 1
    axe_check(page)

    page.fill("input[name=password1]", "een-lang-en-sterk-wachtwoord")
    page.fill("input[name=password2]", "een-lang-en-sterk-wachtwoord")
    submit(page, page.locator("main form button[type=submit]").last)
    page.wait_for_url(re.compile(r"/nl/account/confirm-email/"))
    axe_check(page)

    link = re.search(r"https?://\S+/account/confirm-email/\S+/", mail.outbox[-1].body)
    assert link, mail.outbox[-1].body
    path = "/" + link.group(0).split("/", 3)[3]
    page.goto(live_server.url + path)
    axe_check(page)
    submit(page, page.locator("main form button[type=submit]").last)
    # Confirming signs the new user in and lands on their account overview.
    page.wait_for_url(re.compile(r"/nl/mijn-account/"))
    assert "mehmet@example.org" in page.locator("main").inner_text()
    axe_check(page)


def test_staff_login_with_mfa_reaches_the_admin(browser_page, live_server, home, axe_check):
    staff = UserFactory(email="fatima@example.org", is_staff=True, is_superuser=True)
    secret = enable_totp(staff)
    page = browser_page

    page.goto(live_server.url + "/admin/")
    page.wait_for_url(re.compile(r"/nl/account/login/"))
    axe_check(page)
    page.fill("#id_login", staff.email)
    page.fill("#id_password", DEFAULT_PASSWORD)
    submit(page, page.locator("main form button[type=submit]").last)

    # The second factor is asked before anything else.
    page.wait_for_url(re.compile(r"/nl/account/2fa/authenticate/"))
    axe_check(page)
    page.fill("#id_code", "000000" if totp_code(secret) != "000000" else "111111")
    submit(page, page.locator("form:has(#id_code) button[type=submit]").first)
    assert page.locator("[aria-invalid=true]").count() >= 1
    assert "/2fa/authenticate/" in page.url

    page.fill("#id_code", totp_code(secret))
    submit(page, page.locator("form:has(#id_code) button[type=submit]").first)
    page.wait_for_url(re.compile(r"/admin/$"))
    # Wagtail's dashboard, not a redirect to MFA set-up or back to the login page.
    assert page.locator("body.wagtail-dashboard, .w-dashboard, #wagtail").count() >= 1
