"""Failure pages look like the site, speak the visitor's language, offer the quick exit, and a
refused form keeps what was typed.

A CSRF failure is what a resident meets after the quick exit cleared the cookies of another
open tab, or after a page sat open while the session expired: the form must come back with
their question and a fresh token, so the second try works.
"""

import re

import pytest
from django.test import Client, RequestFactory

from portal.advice.factories import AdviceQuestionPageFactory
from portal.advice.models import AdviceQuestion, AdviceQuestionPage
from portal.newsletter.factories import NewsletterSignupPageFactory
from portal.newsletter.models import NewsletterSignupPage, NewsletterSubscription

QUESTION = "Mijn buurjongen huilt vaak 's nachts. Wat kan ik doen?"
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def assert_site_layout(response, language: str) -> None:
    html = response.content.decode()
    assert f'<html lang="{language}"' in html
    assert "data-quick-exit-link" in html  # the quick exit, with its own endpoint
    assert 'class="steiger-header' in html
    assert "tel:08002000" in html
    assert "Django" not in html and "CSRF" not in html


@pytest.fixture
def advice_page(home) -> AdviceQuestionPage:
    return AdviceQuestionPageFactory(parent=home)


@pytest.fixture
def english_advice_page(advice_page, locales) -> AdviceQuestionPage:
    english = advice_page.copy_for_translation(locales["en"])
    english.save_revision().publish()
    return english


@pytest.fixture
def signup_page(home) -> NewsletterSignupPage:
    return NewsletterSignupPageFactory(parent=home)


@pytest.fixture
def csrf_client() -> Client:
    return Client(enforce_csrf_checks=True)


def open_form(client: Client, url: str) -> str:
    return TOKEN.search(client.get(url).content.decode()).group(1)


# --- A refused form post keeps what was typed --------------------------------------------------


def test_after_the_quick_exit_the_question_comes_back_and_sends_the_second_time(
    csrf_client, advice_page
):
    token = open_form(csrf_client, advice_page.url)
    csrf_client.cookies.clear()  # what the quick exit's Clear-Site-Data does to every tab
    data = {"role": "resident", "question": QUESTION, "csrfmiddlewaretoken": token}

    refused = csrf_client.post(advice_page.url, data)

    assert refused.status_code == 403
    html = refused.content.decode()
    assert "Uw sessie was verlopen" in html
    assert "Mijn buurjongen huilt vaak &#x27;s nachts. Wat kan ik doen?</textarea>" in html
    assert re.search(r'<input[^>]* value="resident" id="id_role_0"[^>]* checked', html)
    assert "no-store" in refused["Cache-Control"]
    assert_site_layout(refused, "nl")
    assert not AdviceQuestion.objects.exists()

    # The page carries a fresh token and set a matching cookie: sending again works.
    fresh = TOKEN.search(html).group(1)
    again = csrf_client.post(advice_page.url, {**data, "csrfmiddlewaretoken": fresh})
    assert again.status_code == 302
    assert AdviceQuestion.objects.get().question == QUESTION.strip()


def test_a_refused_question_on_the_english_page_is_explained_in_english(
    csrf_client, english_advice_page
):
    data = {"role": "resident", "question": "My neighbour's child cries every night."}
    refused = csrf_client.post(english_advice_page.url, data)
    assert refused.status_code == 403
    assert "Your session had expired" in refused.content.decode()
    assert "My neighbour&#x27;s child cries every night.</textarea>" in refused.content.decode()
    assert_site_layout(refused, "en")


def test_a_refused_newsletter_sign_up_keeps_the_address(csrf_client, signup_page):
    refused = csrf_client.post(signup_page.url, {"email": "lotte@example.org"})
    assert refused.status_code == 403
    html = refused.content.decode()
    assert 'value="lotte@example.org"' in html
    assert "Uw sessie was verlopen" in html

    fresh = TOKEN.search(html).group(1)
    again = csrf_client.post(
        signup_page.url, {"email": "lotte@example.org", "csrfmiddlewaretoken": fresh}
    )
    assert again.status_code == 302
    assert NewsletterSubscription.objects.filter(email="lotte@example.org").exists()


@pytest.mark.parametrize(
    ("language", "words"), [("nl", "Uw sessie was verlopen"), ("en", "Your session had expired")]
)
def test_any_other_refused_post_gets_the_site_page_in_its_language(
    csrf_client, home, locales, language, words
):
    refused = csrf_client.post(f"/{language}/account/login/", {"login": "a@example.org"})
    assert refused.status_code == 403
    assert words in refused.content.decode()
    assert f'href="/{language}/account/login/"' in refused.content.decode()
    assert_site_layout(refused, language)


def test_the_too_many_posts_answer_keeps_the_question(client, advice_page):
    data = {"role": "resident", "question": QUESTION}
    for _ in range(5):
        client.post(advice_page.url, data, REMOTE_ADDR="203.0.113.7")

    limited = client.post(advice_page.url, data, REMOTE_ADDR="203.0.113.7")

    assert limited.status_code == 429
    assert limited["Retry-After"] == "60"
    html = limited.content.decode()
    assert "Mijn buurjongen huilt vaak &#x27;s nachts. Wat kan ik doen?</textarea>" in html
    assert "Wacht een minuut" in html
    assert_site_layout(limited, "nl")


@pytest.mark.parametrize(
    ("language", "words"), [("nl", "Even geduld"), ("en", "Please wait a moment")]
)
def test_too_many_sign_in_attempts_get_the_site_page_in_their_language(
    client, home, locales, language, words
):
    for _ in range(6):
        response = client.post(
            f"/{language}/account/login/", {"login": "anna@example.org", "password": "fout"}
        )
    assert response.status_code == 429
    assert words in response.content.decode()
    assert_site_layout(response, language)


# --- 400, 403, 500 --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "words"), [("nl", "Er ging iets mis"), ("en", "Something went wrong")]
)
def test_a_server_error_shows_the_site_page_in_the_visitors_language(
    home, locales, settings, language, words
):
    settings.ROOT_URLCONF = "tests.portal.failing_urls"
    response = Client(raise_request_exception=False).get(f"/{language}/stuk/")
    assert response.status_code == 500
    assert words in response.content.decode()
    assert_site_layout(response, language)
    assert "Permissions-Policy" in response  # and the security headers still apply
    assert "Content-Security-Policy" in response


def test_the_server_error_page_needs_no_database():
    # No django_db mark: any query here would fail the test.
    from portal.security.error_views import server_error

    response = server_error(RequestFactory().get("/en/kapot/"))
    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()
    assert_site_layout(response, "en")


def test_the_bad_request_page_needs_no_database_or_valid_host():
    from portal.security.error_views import bad_request

    request = RequestFactory().get("/nl/", HTTP_HOST="evil.example")
    response = bad_request(request)
    assert response.status_code == 400
    assert "Dit verzoek kon niet worden verwerkt" in response.content.decode()
    assert_site_layout(response, "nl")


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_request_for_an_unknown_host_gets_the_site_page(home, settings, language):
    settings.ALLOWED_HOSTS = ["steiger.example"]
    response = Client().get(f"/{language}/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert_site_layout(response, language)


@pytest.mark.parametrize(("language", "words"), [("nl", "Geen toegang"), ("en", "No access")])
def test_forbidden_shows_the_site_page(home, locales, settings, language, words):
    settings.ROOT_URLCONF = "tests.portal.failing_urls"
    response = Client().get(f"/{language}/verboden/")
    assert response.status_code == 403
    assert words in response.content.decode()
    assert_site_layout(response, language)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_not_found_shows_the_site_page(client, home, locales, language):
    response = client.get(f"/{language}/bestaat-niet/")
    assert response.status_code == 404
    assert_site_layout(response, language)
