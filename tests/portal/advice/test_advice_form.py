"""The advice question form as a resident, professional or volunteer uses it."""

import re

import pytest
from django.core import mail
from django.utils import translation
from django.utils.translation import gettext

from portal.accounts.models import User
from portal.advice.models import QUESTION_MAX_LENGTH, AdviceQuestion
from portal.mail.models import OutboxMessage
from portal.models import Municipality
from tests.mailers import BROKEN, deliver_with

VALID = {"role": "resident", "question": "Mijn buurjongen huilt vaak. Wat kan ik doen?"}


def post(client, page, data, capture, **extra):
    with capture(execute=True):
        return client.post(page.url, data, **extra)


def test_form_page_is_never_stored_and_renders_in_few_queries(
    client, advice_page, django_assert_max_num_queries
):
    client.get(advice_page.url)  # warm up the site and navigation caches
    # Wagtail routing and the site chrome take ten; the form adds one (the municipalities).
    with django_assert_max_num_queries(11):
        response = client.get(advice_page.url)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    # Every input has a label; the honeypot is hidden from assistive technology.
    for field in ("id_question", "id_email", "id_municipality", "id_email_consent"):
        assert f'for="{field}"' in html
    assert 'class="steiger-honeypot steiger-visually-hidden" aria-hidden="true"' in html
    assert 'tabindex="-1"' in html
    assert 'name="website" autocomplete="off"' in html


def test_anonymous_question_is_stored_and_sender_sees_reference(
    client, advice_page, outbox_email, django_capture_on_commit_callbacks
):
    response = post(client, advice_page, VALID, django_capture_on_commit_callbacks)

    assert response.status_code == 302
    assert response["Location"] == advice_page.url  # no reference or data in the URL
    question = AdviceQuestion.objects.get()
    assert question.email == ""
    assert question.user is None
    assert question.locale == advice_page.locale
    assert question.status == AdviceQuestion.Status.NEW
    assert re.fullmatch(r"AV-[2-9A-HJKMNP-Z]{6}", question.reference)

    thank_you = client.get(advice_page.url)
    assert question.reference in thank_you.content.decode()
    assert "We antwoorden binnen vijf werkdagen." in thank_you.content.decode()
    assert "no-store" in thank_you["Cache-Control"]
    # Post/redirect/get: a reload shows the empty form, not the reference again.
    assert question.reference not in client.get(advice_page.url).content.decode()


def test_centre_is_notified_without_the_question_text(
    client, advice_page, outbox_email, django_capture_on_commit_callbacks, settings
):
    post(client, advice_page, VALID, django_capture_on_commit_callbacks)

    question = AdviceQuestion.objects.get()
    assert len(mail.outbox) == 1
    notification = mail.outbox[0]
    assert notification.to == [settings.CENTRE_NOTIFICATION_EMAIL]
    assert question.reference in notification.body
    assert f"/admin/advice-questions/inspect/{question.pk}/" in notification.body
    assert "buurjongen" not in notification.body + notification.subject
    # Delivered, so the outbox no longer keeps the message.
    assert not OutboxMessage.objects.exists()


def test_sender_with_email_gets_reference_in_neutral_email(
    client, advice_page, outbox_email, django_capture_on_commit_callbacks
):
    data = {**VALID, "email": "vrager@example.org", "email_consent": "on"}
    post(client, advice_page, data, django_capture_on_commit_callbacks)

    question = AdviceQuestion.objects.get()
    assert question.email == "vrager@example.org"
    confirmation = next(m for m in mail.outbox if m.to == ["vrager@example.org"])
    assert question.reference in confirmation.body
    with translation.override("nl"):
        assert confirmation.subject == gettext("Your question to Steiger")
    text = (confirmation.subject + confirmation.body).lower()
    for word in ("geweld", "violence", "mishandeling", "abuse", "veilig thuis", "buurjongen"):
        assert word not in text


def test_email_without_consent_is_refused_and_input_kept(client, advice_page):
    data = {**VALID, "email": "vrager@example.org"}
    response = client.post(advice_page.url, data)

    assert response.status_code == 200
    assert not AdviceQuestion.objects.exists()
    html = response.content.decode()
    assert 'aria-describedby="id_email_consent_helptext id_email_consent_error"' in html
    assert 'value="vrager@example.org"' in html
    assert "Mijn buurjongen huilt vaak" in html


def test_missing_and_too_long_input_gives_messages_and_keeps_input(client, advice_page):
    long_question = "x" * (QUESTION_MAX_LENGTH + 1)
    response = client.post(advice_page.url, {"question": long_question, "email": "geen-adres"})

    assert response.status_code == 200
    assert not AdviceQuestion.objects.exists()
    html = response.content.decode()
    assert long_question in html  # what was typed is still there
    assert 'value="geen-adres"' in html
    assert 'id="error-summary"' in html
    assert 'id="id_question_error"' in html
    assert 'id="id_role_error"' in html
    assert 'id="id_email_error"' in html
    assert 'aria-invalid="true"' in html
    assert f"{QUESTION_MAX_LENGTH + 1}" in html  # the message says how long it was


def test_unknown_municipality_is_a_message_not_an_error_page(client, advice_page):
    response = client.post(advice_page.url, {**VALID, "municipality": "999999"})
    assert response.status_code == 200
    assert 'id="id_municipality_error"' in response.content.decode()


def test_municipality_choices_come_from_the_page_language(client, advice_page, locales):
    dutch = Municipality.objects.filter(locale=locales["nl"]).first()
    Municipality.objects.create(name="Alleen Engels", slug="only-english", locale=locales["en"])
    html = client.get(advice_page.url).content.decode()
    assert dutch.name in html
    assert "Alleen Engels" not in html

    post_data = {**VALID, "municipality": str(dutch.pk)}
    assert client.post(advice_page.url, post_data).status_code == 302
    assert AdviceQuestion.objects.get().municipality == dutch


def test_signed_in_user_question_is_linked_to_the_account(client, advice_page):
    user = User.objects.create_user(email="ingelogd@example.org", password="een-goed-wachtwoord")
    client.force_login(user)
    assert client.post(advice_page.url, VALID).status_code == 302
    assert AdviceQuestion.objects.get().user == user


def test_filled_honeypot_is_discarded_but_looks_like_success(
    client, advice_page, outbox_email, django_capture_on_commit_callbacks
):
    data = {**VALID, "website": "https://spam.example"}
    response = post(client, advice_page, data, django_capture_on_commit_callbacks)

    assert response.status_code == 302
    assert response["Location"] == advice_page.url
    assert "AV-" in client.get(advice_page.url).content.decode()
    assert not AdviceQuestion.objects.exists()
    assert mail.outbox == []


def test_sixth_post_from_one_address_is_refused_with_429(client, advice_page):
    for _ in range(5):
        response = client.post(advice_page.url, VALID, REMOTE_ADDR="203.0.113.7")
        assert response.status_code == 302
    response = client.post(advice_page.url, VALID, REMOTE_ADDR="203.0.113.7")

    assert response.status_code == 429
    assert "no-store" in response["Cache-Control"]
    assert AdviceQuestion.objects.count() == 5
    # Another visitor is not affected.
    assert client.post(advice_page.url, VALID, REMOTE_ADDR="203.0.113.8").status_code == 302


def test_broken_email_does_not_break_the_form_and_keeps_the_message(
    client, advice_page, outbox_email, django_capture_on_commit_callbacks, settings, caplog
):
    deliver_with(settings, BROKEN)
    data = {**VALID, "email": "vrager@example.org", "email_consent": "on"}

    response = post(client, advice_page, data, django_capture_on_commit_callbacks)

    assert response.status_code == 302
    reference = AdviceQuestion.objects.get().reference
    assert reference in client.get(advice_page.url).content.decode()
    failed = OutboxMessage.objects.all()
    assert failed.count() == 2
    assert {m.status for m in failed} == {OutboxMessage.Status.FAILED}
    assert {m.attempts for m in failed} == {1}
    assert "failed" in caplog.text
    assert "vrager@example.org" not in caplog.text
    assert "centrum@example.org" not in caplog.text


@pytest.mark.parametrize("language", ["nl"])
def test_error_messages_are_dutch(client, advice_page, language):
    with translation.override(language):
        translated = gettext("Type your question.")
    if translated == "Type your question.":
        pytest.fail(
            "locale/nl/LC_MESSAGES/django.mo is missing: run `make install` (compilemessages)."
        )
    response = client.post(advice_page.url, {"role": "resident", "question": ""})
    html = response.content.decode()
    assert translated in html
    assert "Type your question." not in html


def test_rotating_x_forwarded_for_does_not_dodge_the_limit(client, advice_page):
    # No trusted proxy in front (TRUSTED_PROXY_COUNT = 0): the header is the client's to forge.
    for number in range(5):
        response = client.post(
            advice_page.url,
            VALID,
            REMOTE_ADDR="203.0.113.7",
            HTTP_X_FORWARDED_FOR=f"10.0.0.{number}",
        )
        assert response.status_code == 302
    response = client.post(
        advice_page.url, VALID, REMOTE_ADDR="203.0.113.7", HTTP_X_FORWARDED_FOR="10.0.0.99"
    )
    assert response.status_code == 429


def test_behind_a_trusted_proxy_the_forwarded_client_address_counts(client, advice_page, settings):
    settings.TRUSTED_PROXY_COUNT = settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    for _ in range(5):
        client.post(
            advice_page.url, VALID, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.1"
        )
    blocked = client.post(
        advice_page.url, VALID, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.1"
    )
    other = client.post(
        advice_page.url, VALID, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.2"
    )
    assert blocked.status_code == 429
    assert other.status_code == 302
