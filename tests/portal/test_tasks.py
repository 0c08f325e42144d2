"""Background work under production's TASKS setting (the database queue, drained by db_worker).

Wagtail 8 and modelsearch decorate their tasks with the django-tasks backport (`django_tasks`),
our own code with Django 6's `django.tasks`. Both read the one TASKS setting. The backport's
decorator asks the configured backend for its task class, and the database backend is built on
`django.tasks`, so Wagtail's tasks become `django.tasks.Task`s that the database worker accepts.
These tests prove it end to end: publish -> rows in the queue -> worker -> found by search.
"""

import pytest
from django.core import mail
from django.core.mail import send_mail
from django.core.management import call_command
from django.tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from wagtail.models import Page, ReferenceIndex

from portal.mail.models import OutboxMessage
from portal.models import StandardPage
from tests.mailers import LOCMEM, deliver_with
from tests.production_env import load_production_settings

SEARCH_TASK = "modelsearch.tasks.insert_or_update_object_task"
REFERENCE_TASK = "wagtail.tasks.update_reference_index_task"
EMAIL_TASK = "portal.mail.tasks.deliver_outbox_message"


def run_worker() -> None:
    call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)


@pytest.fixture
def database_tasks(settings, monkeypatch):
    # Production's own value. Changing TASKS fires setting_changed; django.tasks and the
    # django_tasks backport both drop their cached backends on it, so both now enqueue into
    # the database.
    settings.TASKS = load_production_settings(monkeypatch).TASKS
    return settings


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_publishing_queues_wagtail_index_tasks_that_the_worker_runs(home, database_tasks):
    page = StandardPage(title="Zwaluwstaartverbinding", slug="zwaluw", intro="Xylofoonles")
    home.add_child(instance=page)
    page.save_revision().publish()
    home.featured = [("page", page)]
    home.save_revision().publish()

    queued = DBTaskResult.objects.filter(status=TaskResultStatus.READY)
    assert queued.filter(task_path=SEARCH_TASK).exists()
    assert queued.filter(task_path=REFERENCE_TASK).exists()
    # Queued, not run: nothing is in the search index or the reference index yet.
    assert not Page.objects.live().search("Xylofoonles").results()
    assert not ReferenceIndex.get_references_to(page).exists()

    run_worker()

    assert not DBTaskResult.objects.exclude(status=TaskResultStatus.SUCCESSFUL).exists()
    found = list(Page.objects.live().search("Xylofoonles"))
    assert [result.pk for result in found] == [page.pk]
    assert ReferenceIndex.get_references_to(page).exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_email_is_delivered_by_the_worker_with_only_an_id_in_the_queue(database_tasks, mailoutbox):
    deliver_with(database_tasks, LOCMEM)

    send_mail("Uw vraag aan Steiger", "Referentie AV-ABCDEF", None, ["anna@example.org"])

    message = OutboxMessage.objects.get()
    row = DBTaskResult.objects.get(task_path=EMAIL_TASK)
    # No personal data in the queue: the task argument is the outbox id, nothing else.
    assert row.args_kwargs == {"args": [message.pk], "kwargs": {}}
    assert mail.outbox == []

    run_worker()

    row.refresh_from_db()
    assert row.status == TaskResultStatus.SUCCESSFUL
    assert [m.to for m in mail.outbox] == [["anna@example.org"]]
    assert not OutboxMessage.objects.exists()
