"""Articles nobody reviewed for a year: in the admin report "Toe aan herziening" and in a weekly
email to the editors and moderators (portal/content_review.py, which any page type with a
`last_reviewed` date joins)."""

import datetime
from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from knowledge.factories import ArticlePageFactory
from portal import roles
from portal.accounts.factories import UserFactory
from portal.content_review import pages_due_for_review, send_review_reminders
from portal.mail.models import OutboxMessage
from tests.portal.test_taxonomy import _signed_in_with_mfa

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 30)  # a Monday


def _reviewed(days_ago: int) -> datetime.date:
    return TODAY - datetime.timedelta(days=days_ago)


@pytest.fixture
def articles(index):
    return {
        "stale": ArticlePageFactory(parent=index, title="Oud advies", last_reviewed=_reviewed(400)),
        "older": ArticlePageFactory(
            parent=index, title="Ouder advies", last_reviewed=_reviewed(900)
        ),
        "fresh": ArticlePageFactory(parent=index, title="Vers advies", last_reviewed=_reviewed(30)),
    }


def _member_of(role: str, email: str, *, verified: bool = True):
    user = UserFactory(email=email)
    user.groups.add(Group.objects.get(name=role))
    EmailAddress.objects.filter(user=user).delete()
    EmailAddress.objects.create(user=user, email=email, verified=verified, primary=True)
    return user


def test_articles_older_than_the_review_period_are_due_oldest_first(articles, settings):
    settings.CONTENT_REVIEW_DAYS = 365
    due = list(pages_due_for_review(TODAY))
    assert [page.title for page in due] == ["Ouder advies", "Oud advies"]
    assert due[0].last_reviewed == _reviewed(900)

    settings.CONTENT_REVIEW_DAYS = 1000
    assert not pages_due_for_review(TODAY).exists()


def test_the_weekly_email_goes_to_editors_and_moderators_once_a_week(articles, outbox_email):
    _member_of(roles.EDITOR, "fatima@example.org")
    _member_of(roles.MODERATOR, "eindredactie@example.org")
    _member_of(roles.TRANSLATOR, "vertaler@example.org")
    _member_of(roles.EDITOR, "onbevestigd@example.org", verified=False)

    assert send_review_reminders(TODAY) == 2
    recipients = sorted(address for m in OutboxMessage.objects.all() for address in m.to)
    assert recipients == ["eindredactie@example.org", "fatima@example.org"]
    body = OutboxMessage.objects.first().body
    assert "Ouder advies" in body and "Oud advies" in body
    assert "Vers advies" not in body
    assert "/admin/pages/" in body
    assert "/admin/reports/te-herzien/" in body

    # The maintenance timer runs every 15 minutes: the same week sends nothing more.
    assert send_review_reminders(TODAY + datetime.timedelta(days=3)) == 0
    assert send_review_reminders(TODAY + datetime.timedelta(days=7)) == 2


def test_nothing_due_sends_nothing(index, outbox_email):
    ArticlePageFactory(parent=index, last_reviewed=_reviewed(10))
    _member_of(roles.EDITOR, "fatima@example.org")

    assert send_review_reminders(TODAY) == 0
    assert not OutboxMessage.objects.exists()


def test_the_report_lists_what_the_user_may_edit(articles, client):
    moderator = _member_of(roles.MODERATOR, "eindredactie@example.org")
    _signed_in_with_mfa(client, moderator)

    response = client.get(reverse("content_review_report"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Oud advies" in html and "Ouder advies" in html
    assert "Vers advies" not in html


def test_an_editor_sees_only_their_own_overdue_articles(index):
    editor = _member_of(roles.EDITOR, "fatima@example.org")
    ArticlePageFactory(parent=index, title="Van Fatima", last_reviewed=_reviewed(800), owner=editor)
    ArticlePageFactory(parent=index, title="Van een ander", last_reviewed=_reviewed(800))
    client = Client()
    _signed_in_with_mfa(client, editor)

    html = client.get(reverse("content_review_report")).content.decode()

    assert "Van Fatima" in html
    assert "Van een ander" not in html


def test_a_visitor_cannot_open_the_report():
    response = Client().get(reverse("content_review_report"))
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_run_maintenance_publishes_scheduled_articles_and_sends_the_reminder(
    index, articles, outbox_email
):
    _member_of(roles.EDITOR, "fatima@example.org")
    scheduled = ArticlePageFactory(parent=index, title="Gepland artikel", live=False)
    scheduled.go_live_at = timezone.now() + datetime.timedelta(days=1)
    scheduled.save_revision().publish()  # scheduled: not live yet
    scheduled.refresh_from_db()
    assert not scheduled.live
    # The moment comes: the revision (and the date in its content) is now in the past.
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision = scheduled.latest_revision
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save()

    call_command("run_maintenance", stdout=StringIO())

    scheduled.refresh_from_db()
    assert scheduled.live
    subjects = list(OutboxMessage.objects.values_list("subject", flat=True))
    assert subjects == ["Steiger: pagina's die toe zijn aan herziening"]
