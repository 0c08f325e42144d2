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

    assert "== upkeep_awareness_sessions" in output.getvalue()
    past.refresh_from_db()
    coming.refresh_from_db()
    assert past.status == RequestStatus.COMPLETED
    assert coming.status == RequestStatus.CONFIRMED
    assert [m for m in mail.outbox if m.to == [past.contact_email]]
    assert [m for m in mail.outbox if m.to == [expert.email]]
    assert not [m for m in mail.outbox if m.to == [coming.contact_email]]


def test_three_days_ahead_the_expert_gets_her_briefing_reminder_once(
    home, coordinator, outbox_email, django_capture_on_commit_callbacks
):
    soon, _token = submit_test_request(contact_email="soon@example.org")
    ready, _token = submit_test_request(contact_email="ready@example.org")
    later, _token = submit_test_request(contact_email="later@example.org")
    roos = ExpertProfileFactory(pseudonym="Roos").expert
    confirm(soon, roos, coordinator)
    confirm(ready, ExpertProfileFactory(pseudonym="Merel").expert, coordinator)
    confirm(later, ExpertProfileFactory(pseudonym="Daan").expert, coordinator)
    today = timezone.localdate()
    SessionRequest.objects.filter(pk__in=[soon.pk, ready.pk]).update(
        confirmed_date=today + datetime.timedelta(days=2)
    )
    SessionRequest.objects.filter(pk=ready.pk).update(
        host_professional_present=True, no_recording=True, no_press=True, audience_prepared=True
    )
    SessionRequest.objects.filter(pk=later.pk).update(
        confirmed_date=today + datetime.timedelta(days=10)
    )
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("upkeep_awareness_sessions", stdout=StringIO())
        call_command("upkeep_awareness_sessions", stdout=StringIO())

    reminders = [m for m in mail.outbox if m.subject == "Uw sessie komt eraan"]
    assert sorted(m.to[0] for m in reminders) == sorted([roos.email, ready.confirmed_expert.email])
    checklist = [m for m in mail.outbox if "Veiligheidschecklist" in m.subject]
    assert [soon.reference in m.subject for m in checklist] == [True]
    # Nothing for the school, nothing yet for the session in ten days.
    schools = {"soon@example.org", "ready@example.org", "later@example.org"}
    assert not [m for m in mail.outbox if set(m.to) & schools]
    later.refresh_from_db()
    assert later.briefing_sent_at is None
