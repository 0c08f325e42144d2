"""`manage.py run_maintenance`: the one command production's timer runs."""

from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.sessions.models import Session
from django.core import mail
from django.core.mail import send_mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from portal.accounts.factories import UserFactory
from portal.advice.models import AdviceQuestion
from portal.mail.models import OutboxMessage
from portal.privacy import retention
from tests.mailers import BROKEN, LOCMEM, deliver_with

pytestmark = pytest.mark.django_db


def test_one_run_retries_mail_applies_retention_and_clears_sessions(
    outbox_email, locales, settings, django_capture_on_commit_callbacks
):
    # A message that failed while the mail server was down, and one that is no longer useful.
    deliver_with(outbox_email, BROKEN)
    with django_capture_on_commit_callbacks(execute=True):
        send_mail("Nog nuttig", "Tekst", None, ["a@example.org"])
        send_mail("Te laat", "Tekst", None, ["b@example.org"])
    OutboxMessage.objects.filter(subject="Te laat").update(
        useful_until=timezone.now() - timedelta(minutes=1)
    )
    deliver_with(outbox_email, LOCMEM)
    # A question past its retention, and an expired session.
    old = AdviceQuestion.objects.create(
        reference="AV-OUD234", role="resident", question="Oude vraag", locale=locales["nl"]
    )
    AdviceQuestion.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - retention("advice_question") - timedelta(days=1)
    )
    client = Client()
    client.force_login(UserFactory())
    Session.objects.update(expire_date=timezone.now() - timedelta(minutes=1))

    output = StringIO()
    call_command("run_maintenance", stdout=output)

    assert [message.subject for message in mail.outbox] == ["Nog nuttig"]
    assert not OutboxMessage.objects.exists()
    assert not AdviceQuestion.objects.exists()
    assert not Session.objects.exists()
    text = output.getvalue()
    for step in ("retry_failed_email", "purge_expired_data", "clearsessions"):
        assert f"== {step}" in text
    assert "Maintenance done." in text


def test_with_the_database_task_queue_old_task_results_are_pruned_too(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    output = StringIO()
    call_command("run_maintenance", stdout=output)
    assert "== prune_db_task_results" in output.getvalue()
