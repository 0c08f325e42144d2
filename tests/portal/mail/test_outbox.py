"""Email goes through the outbox: stored, delivered by a task, kept for a retry on failure."""

from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.mail import EmailMultiAlternatives, send_mail
from django.core.management import call_command
from django.utils import timezone

from portal.mail.models import OutboxMessage
from portal.privacy import retention
from portal.privacy.registry import registry
from tests.mailers import BROKEN, LOCMEM, deliver_with

pytestmark = pytest.mark.django_db


def rich_message() -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject="Uw aanmelding",
        body="Platte tekst",
        from_email="Steiger <noreply@example.org>",
        to=["Deelnemer <deelnemer@example.org>"],
        cc=["kopie@example.org"],
        reply_to=["antwoord@example.org"],
        headers={"X-Steiger": "1"},
    )
    message.attach_alternative("<p>HTML tekst</p>", "text/html")
    message.attach("agenda.ics", "BEGIN:VCALENDAR\nEND:VCALENDAR\n", "text/calendar")
    message.attach("bewijs.pdf", b"%PDF-1.4 \x00\xff", "application/pdf")
    return message


def test_a_message_is_stored_until_commit_then_delivered_intact(
    outbox_email, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        rich_message().send()
        # Until the transaction commits nothing leaves: a rolled-back form sends nothing.
        stored = OutboxMessage.objects.get()
        assert stored.status == OutboxMessage.Status.PENDING
        assert mail.outbox == []

    [sent] = mail.outbox
    assert sent.subject == "Uw aanmelding"
    assert sent.body == "Platte tekst"
    assert sent.from_email == "Steiger <noreply@example.org>"
    assert sent.to == ["Deelnemer <deelnemer@example.org>"]
    assert sent.cc == ["kopie@example.org"]
    assert sent.reply_to == ["antwoord@example.org"]
    assert sent.extra_headers["X-Steiger"] == "1"
    assert sent.alternatives[0] == ("<p>HTML tekst</p>", "text/html")
    assert sent.attachments[0] == (
        "agenda.ics",
        "BEGIN:VCALENDAR\nEND:VCALENDAR\n",
        "text/calendar",
    )
    assert sent.attachments[1] == ("bewijs.pdf", b"%PDF-1.4 \x00\xff", "application/pdf")
    # Delivered messages are deleted: the outbox keeps no personal data it does not need.
    assert not OutboxMessage.objects.exists()


def test_failed_delivery_is_kept_logged_without_addresses_and_not_raised(
    outbox_email, django_capture_on_commit_callbacks, caplog
):
    deliver_with(outbox_email, BROKEN)
    with django_capture_on_commit_callbacks(execute=True):
        sent = send_mail("Onderwerp", "Tekst", None, ["ontvanger@example.org"])

    assert sent == 1  # the caller sees success: the message is safe in the outbox
    message = OutboxMessage.objects.get()
    assert message.status == OutboxMessage.Status.FAILED
    assert message.attempts == 1
    assert message.last_error == "SMTPRecipientsRefused"
    assert f"outbox message {message.pk} failed" in caplog.text
    assert "example.org" not in caplog.text


def test_retry_command_delivers_failed_messages_once_mail_works_again(
    outbox_email, django_capture_on_commit_callbacks
):
    deliver_with(outbox_email, BROKEN)
    with django_capture_on_commit_callbacks(execute=True):
        send_mail("Onderwerp", "Tekst", None, ["ontvanger@example.org"])
    call_command("retry_failed_email", stdout=None)
    assert OutboxMessage.objects.get().attempts == 2  # still broken: tried again, kept

    deliver_with(outbox_email, LOCMEM)
    call_command("retry_failed_email")

    assert [m.to for m in mail.outbox] == [["ontvanger@example.org"]]
    assert not OutboxMessage.objects.exists()


def test_retry_picks_up_a_message_whose_task_was_lost(outbox_email):
    # Queued but never committed-and-enqueued (e.g. the worker died): pending for a while.
    send_mail("Onderwerp", "Tekst", None, ["ontvanger@example.org"])
    OutboxMessage.objects.update(created_at=timezone.now() - timedelta(hours=1))

    call_command("retry_failed_email")

    assert len(mail.outbox) == 1
    assert not OutboxMessage.objects.exists()


def test_privacy_registry_exports_erases_and_purges_outbox_messages(outbox_email):
    user = get_user_model().objects.create_user(email="Anna@Example.org", password="x" * 12)
    # Found by the addresses the account verified (issue 5, item 2).
    EmailAddress.objects.create(user=user, email="anna@example.org", verified=True, primary=True)
    send_mail("Voor Anna", "Tekst", None, ["Anna <anna@example.org>"])
    send_mail("Voor Bob", "Tekst", None, ["bob@example.org"])
    owner = registry.get("outbox_message")

    exported = owner.exporter(user)
    assert [item["subject"] for item in exported] == ["Voor Anna"]

    assert owner.eraser(user) == 1
    assert list(OutboxMessage.objects.values_list("subject", flat=True)) == ["Voor Bob"]

    assert owner.purger(timezone.now() - timedelta(days=1)) == 0
    assert owner.purger(timezone.now() + timedelta(seconds=1)) == 1


# --- Usefulness: mail that can no longer help anyone is dropped, not sent late -----------------


def wait_of(message: OutboxMessage) -> timedelta:
    return message.useful_until - message.created_at


def about(actual: timedelta, expected: timedelta) -> bool:
    return abs(actual - expected) < timedelta(seconds=1)


def test_a_password_reset_mail_that_could_not_be_sent_before_its_link_expired_is_dropped(
    client, outbox_email, django_capture_on_commit_callbacks
):
    from portal.accounts.factories import UserFactory

    outbox_email.PASSWORD_RESET_TIMEOUT = 60 * 60  # the link works for an hour
    UserFactory(email="anna@example.org")
    deliver_with(outbox_email, BROKEN)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/nl/account/password/reset/", {"email": "anna@example.org"})
    message = OutboxMessage.objects.get()
    assert message.status == OutboxMessage.Status.FAILED
    assert about(wait_of(message), timedelta(hours=1))

    # The mail server works again, but only after the link expired: nothing is sent.
    deliver_with(outbox_email, LOCMEM)
    call_command("retry_failed_email", stdout=None)  # within the hour: not yet expired
    assert len(mail.outbox) == 1
    mail.outbox.clear()

    deliver_with(outbox_email, BROKEN)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/nl/account/password/reset/", {"email": "anna@example.org"})
    deliver_with(outbox_email, LOCMEM)
    from portal.mail.services import retry_failed

    retry_failed(now=timezone.now() + timedelta(hours=1, minutes=1))

    assert mail.outbox == []
    assert not OutboxMessage.objects.exists()


def test_a_failed_message_never_waits_longer_than_the_outbox_retention(outbox_email, settings):
    deliver_with(outbox_email, BROKEN)
    send_mail("Onderwerp", "Tekst", None, ["ontvanger@example.org"])
    message = OutboxMessage.objects.get()
    kept = retention("outbox_message")
    assert about(wait_of(message), kept)
    assert kept <= timedelta(days=7)


def test_delivery_drops_a_message_past_its_usefulness_instead_of_sending_it(outbox_email):
    from portal.mail.delivery import deliver

    send_mail("Onderwerp", "Tekst", None, ["ontvanger@example.org"])
    message = OutboxMessage.objects.get()
    OutboxMessage.objects.update(useful_until=timezone.now() - timedelta(seconds=1))

    assert deliver(message.pk) is False
    assert mail.outbox == []
    assert not OutboxMessage.objects.exists()


def test_a_declared_usefulness_shortens_but_never_lengthens_the_wait(outbox_email, settings):
    from portal.mail.usefulness import useful_for

    with useful_for(timedelta(minutes=15)):
        send_mail("Code", "Tekst", None, ["a@example.org"])
    with useful_for(timedelta(days=365)):
        send_mail("Lang", "Tekst", None, ["b@example.org"])
    waits = {message.subject: wait_of(message) for message in OutboxMessage.objects.all()}
    assert about(waits["Code"], timedelta(minutes=15))
    assert about(waits["Lang"], retention("outbox_message"))


def test_purge_drops_messages_past_their_usefulness(outbox_email):
    send_mail("Verlopen", "Tekst", None, ["a@example.org"])
    send_mail("Nog nuttig", "Tekst", None, ["b@example.org"])
    OutboxMessage.objects.filter(subject="Verlopen").update(
        useful_until=timezone.now() - timedelta(seconds=1)
    )

    purged = registry.get("outbox_message").purger(timezone.now() - timedelta(days=30))

    assert purged == 1
    assert list(OutboxMessage.objects.values_list("subject", flat=True)) == ["Nog nuttig"]
