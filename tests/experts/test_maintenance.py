"""The maintenance timer completes awareness sessions whose date has passed: the school is asked
for feedback, the expert how it went for her; a session still to come stays confirmed."""

import datetime
from io import StringIO

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from experts.choices import RequestStatus
from experts.factories import ExpertFactory, ExpertProfileFactory, submit_test_request
from experts.records import SessionRequest
from tests.experts.conftest import confirm


def test_the_timer_completes_past_sessions_and_asks_for_feedback(
    home, coordinator, outbox_email, django_capture_on_commit_callbacks
):
    past, _token = submit_test_request()
    coming, _token = submit_test_request(contact_email="later@example.org")
    expert = ExpertProfileFactory(pseudonym="Merel", expert=ExpertFactory()).expert
    confirm(past, expert, coordinator)
    confirm(coming, ExpertProfileFactory(pseudonym="Daan").expert, coordinator)
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    SessionRequest.objects.filter(pk=past.pk).update(confirmed_date=yesterday)
    mail.outbox.clear()
    output = StringIO()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("run_maintenance", stdout=output)

    assert "== complete_awareness_sessions" in output.getvalue()
    past.refresh_from_db()
    coming.refresh_from_db()
    assert past.status == RequestStatus.COMPLETED
    assert coming.status == RequestStatus.CONFIRMED
    assert [m for m in mail.outbox if m.to == [past.contact_email]]
    assert [m for m in mail.outbox if m.to == [expert.email]]
    assert not [m for m in mail.outbox if m.to == [coming.contact_email]]
