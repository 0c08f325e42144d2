"""One call renders an app's email in the recipient's language and queues it in the outbox."""

import logging
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone, translation

from portal.mail.models import OutboxMessage
from portal.mail.services import send_templated_mail
from portal.privacy import retention
from tests.mailers import BROKEN, LOCMEM

pytestmark = pytest.mark.django_db

TEMPLATE = "mail/advice/sender_confirmation"


def test_the_email_is_written_in_the_recipients_language_and_waits_in_the_outbox(
    outbox_email, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True), translation.override("nl"):
        # A Dutch page (the active language) sends an English visitor their confirmation.
        queued = send_templated_mail(
            TEMPLATE, {"reference": "AV-ABC234"}, "vrager@example.org", language="en"
        )
        stored = OutboxMessage.objects.get()
        assert mail.outbox == []  # nothing leaves before the transaction commits

    assert queued is True
    assert stored.to == ["vrager@example.org"]
    [sent] = mail.outbox
    assert sent.subject == "Your question to Steiger"  # one line: no newline in the header
    assert "We received it under reference AV-ABC234." in sent.body
    assert sent.to == ["vrager@example.org"]


def test_a_message_with_a_link_is_dropped_once_the_link_has_expired(outbox_email):
    before = timezone.now()
    send_templated_mail(
        TEMPLATE,
        {"reference": "AV-ABC234"},
        "vrager@example.org",
        language="nl",
        useful_for=timedelta(hours=2),
    )
    send_templated_mail(TEMPLATE, {"reference": "AV-DEF567"}, "ander@example.org", language="nl")

    limited, default = OutboxMessage.objects.order_by("pk")
    assert (
        before + timedelta(hours=2) <= limited.useful_until <= timezone.now() + timedelta(hours=2)
    )
    longest = retention("outbox_message")
    assert default.useful_until >= before + longest


def test_a_mail_outage_is_logged_without_addresses_and_never_raised(settings, caplog):
    # Queuing itself fails (here: a mailer that refuses like an SMTP server quoting addresses).
    settings.MAILERS = {"default": {"BACKEND": BROKEN}, "delivery": {"BACKEND": LOCMEM}}
    with caplog.at_level(logging.WARNING):
        queued = send_templated_mail(
            TEMPLATE, {"reference": "AV-ABC234"}, "vrager@example.org", language="nl"
        )

    assert queued is False
    assert TEMPLATE in caplog.text
    assert "SMTPRecipientsRefused" in caplog.text
    assert "@example.org" not in caplog.text
    assert "AV-ABC234" not in caplog.text
