"""Sam's inbox (experts/inbox_views.py, journey 4): signed in with her second factor she sees
the invitations offered to her and nobody else's, accepts one (which confirms the request and
releases the other experts), declines one with a reason, pauses and comes back; after the
session she says how it went and claims her expenses."""

import datetime
import re
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from experts.choices import ExpenseStatus, InvitationStatus, RequestStatus
from experts.factories import (
    ExpertFactory,
    ExpertPauseFactory,
    ExpertProfileFactory,
    InvitationFactory,
    SessionRequestFactory,
    next_weekday,
)
from experts.records import ExpenseClaim, ExpertPause, Invitation
from portal import roles
from tests.portal.test_taxonomy import _signed_in_with_mfa

pytestmark = pytest.mark.django_db


def _account(email: str, *groups: str):
    user = get_user_model().objects.create_user(email=email, password="x" * 12)
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


@pytest.fixture
def sam(home):
    """Sam's record, linked to her account in the experts' role."""
    expert = ExpertFactory(
        real_name="Samira Echtenaam", user=_account("sam@example.org", roles.EXPERT)
    )
    ExpertProfileFactory(expert=expert, pseudonym="Sam")
    return expert


@pytest.fixture
def sam_client(client, sam):
    _signed_in_with_mfa(client, sam.user)
    return client


@pytest.fixture
def other_expert():
    return ExpertFactory(real_name="Olga Ander", user=_account("olga@example.org", roles.EXPERT))


def _invitation_url(invitation: Invitation) -> str:
    return reverse("experts:invitation", args=[invitation.pk])


def _invite(expert, **request_fields) -> Invitation:
    request = SessionRequestFactory(status=RequestStatus.PROPOSED, **request_fields)
    return InvitationFactory(request=request, expert=expert)


# --- Who sees what -------------------------------------------------------------------------------


def test_sam_sees_only_her_own_invitations(sam_client, sam, other_expert):
    _invite(sam, organisation="Basisschool De Regenboog")
    _invite(other_expert, organisation="Voetbalclub Oisterwijk")

    response = sam_client.get(reverse("experts:inbox"))

    assert response.status_code == 200
    assert "Basisschool De Regenboog" in response.text
    assert "Voetbalclub Oisterwijk" not in response.text
    assert "no-store" in response["Cache-Control"]


def test_another_experts_invitation_is_not_found(sam_client, other_expert):
    theirs = _invite(other_expert, organisation="Voetbalclub Oisterwijk")

    assert sam_client.get(_invitation_url(theirs)).status_code == 404
    assert sam_client.post(_invitation_url(theirs), {"action": "accept"}).status_code == 404
    assert sam_client.get(reverse("experts:invitation", args=[theirs.pk + 999])).status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == InvitationStatus.PENDING


def test_an_account_that_is_no_experts_gets_403(client, home):
    _signed_in_with_mfa(client, _account("redacteur@example.org", roles.EDITOR))

    assert client.get(reverse("experts:inbox")).status_code == 403
    assert client.get(reverse("experts:pause")).status_code == 403


def test_an_account_linked_without_the_experts_role_cannot_open_the_inbox(client, sam):
    """Linked from a shell or an import without the role: the role is what makes the second
    factor compulsory, so without it the inbox stays shut, even to a password that fits."""
    sam.user.groups.clear()
    client.force_login(sam.user)

    assert client.get(reverse("experts:inbox")).status_code == 403


def test_the_inbox_asks_for_the_second_factor(client, sam):
    anonymous = Client().get(reverse("experts:inbox"))
    assert anonymous.status_code == 302
    assert reverse("account_login") in anonymous["Location"]

    client.force_login(sam.user)
    response = client.get(reverse("experts:inbox"))

    assert response.status_code == 302
    assert "mfa" in response["Location"] or "totp" in response["Location"]


def test_an_expert_who_left_the_pool_sees_nothing(sam_client, sam):
    _invite(sam)
    sam.left_at = timezone.now()
    sam.active = False
    sam.save()

    assert sam_client.get(reverse("experts:inbox")).status_code == 403


# --- Her answer ----------------------------------------------------------------------------------


def test_accepting_confirms_the_request_and_releases_the_others(
    sam_client, sam, other_expert, outbox_email, django_capture_on_commit_callbacks
):
    mine = _invite(sam, contact_email="lotte@school.example.org", contact_phone="013 123 45 67")
    theirs = InvitationFactory(request=mine.request, expert=other_expert)

    page = sam_client.get(_invitation_url(mine))
    # Before she said yes: the request, not the requester's contact details.
    assert mine.request.organisation in page.text
    assert "lotte@school.example.org" not in page.text
    assert "013 123 45 67" not in page.text

    with django_capture_on_commit_callbacks(execute=True):
        response = sam_client.post(_invitation_url(mine), {"action": "accept"})

    assert response.status_code == 303
    assert response["Location"].endswith("?gedaan=accept")
    mine.refresh_from_db()
    theirs.refresh_from_db()
    request = mine.request
    request.refresh_from_db()
    assert mine.status == InvitationStatus.ACCEPTED
    assert theirs.status == InvitationStatus.RELEASED
    assert (request.status, request.confirmed_expert, request.confirmed_date) == (
        RequestStatus.CONFIRMED,
        sam,
        mine.session_date,
    )
    [to_requester] = [m for m in mail.outbox if m.to == ["lotte@school.example.org"]]
    assert "Sam" in to_requester.body
    assert "Samira Echtenaam" not in to_requester.body
    assert [m for m in mail.outbox if m.to == [other_expert.email]]
    confirmed = sam_client.get(response["Location"])
    assert "lotte@school.example.org" in confirmed.text
    assert "013 123 45 67" in confirmed.text


def test_once_another_expert_said_yes_sam_is_told_and_nothing_changes(
    sam_client, sam, other_expert
):
    mine = _invite(sam)
    theirs = InvitationFactory(request=mine.request, expert=other_expert)
    # Olga answered first, in her own inbox.
    _signed_in_with_mfa(olga := Client(), other_expert.user)
    assert olga.post(_invitation_url(theirs), {"action": "accept"}).status_code == 303

    response = sam_client.post(_invitation_url(mine), {"action": "accept"})

    assert response.status_code == 400
    assert 'role="alert"' in response.text
    mine.refresh_from_db()
    mine.request.refresh_from_db()
    assert mine.status == InvitationStatus.RELEASED
    assert mine.request.confirmed_expert == other_expert


def test_declining_with_a_reason(sam_client, sam, outbox_email, django_capture_on_commit_callbacks):
    mine = _invite(sam)

    with django_capture_on_commit_callbacks(execute=True):
        response = sam_client.post(
            _invitation_url(mine), {"action": "decline", "reason": "Te dicht bij huis."}
        )

    assert response.status_code == 303
    mine.refresh_from_db()
    assert (mine.status, mine.decline_reason) == (InvitationStatus.DECLINED, "Te dicht bij huis.")
    mine.request.refresh_from_db()
    # Nobody left to answer: back to the coordinators, who are told.
    assert mine.request.status == RequestStatus.IN_REVIEW
    assert mail.outbox
    page = sam_client.get(response["Location"]).text
    assert 'value="accept"' not in page


# --- Pauses --------------------------------------------------------------------------------------


def test_sam_pauses_and_her_open_invitations_in_it_are_declined(sam_client, sam):
    start = timezone.localdate()
    inside = _invite(sam, preferred_date_1=start + datetime.timedelta(days=10))
    after = _invite(sam, preferred_date_1=start + datetime.timedelta(days=60))

    response = sam_client.post(
        reverse("experts:pause"),
        {
            "starts_on": start.isoformat(),
            "ends_on": (start + datetime.timedelta(days=30)).isoformat(),
        },
    )

    assert response.status_code == 303
    assert response["Location"].endswith("?gedaan=pauze")
    pause = ExpertPause.objects.get(expert=sam)
    assert pause.set_by_expert
    inside.refresh_from_db()
    after.refresh_from_db()
    assert inside.status == InvitationStatus.DECLINED
    assert after.status == InvitationStatus.PENDING
    inbox = sam_client.get(response["Location"]).text
    with translation.override("nl"):
        assert gettext("I am available again") in inbox


def test_a_pause_that_ends_before_it_starts_is_refused(sam_client, sam):
    start = timezone.localdate() + datetime.timedelta(days=5)

    response = sam_client.post(
        reverse("experts:pause"),
        {
            "starts_on": start.isoformat(),
            "ends_on": (start - datetime.timedelta(days=1)).isoformat(),
        },
    )

    assert response.status_code == 400
    assert 'id="error-summary"' in response.text
    assert not ExpertPause.objects.exists()


def test_sam_is_available_again(sam_client, sam):
    today = timezone.localdate()
    ExpertPauseFactory(
        expert=sam,
        starts_on=today - datetime.timedelta(days=3),
        ends_on=today + datetime.timedelta(days=20),
    )
    ExpertPauseFactory(
        expert=sam,
        starts_on=today + datetime.timedelta(days=40),
        ends_on=today + datetime.timedelta(days=50),
    )

    response = sam_client.post(reverse("experts:end_pause"))

    assert response.status_code == 303
    assert not sam.is_paused_on(today)
    assert list(sam.pauses.values_list("ends_on", flat=True)) == [
        today - datetime.timedelta(days=1)
    ]
    assert sam_client.get(reverse("experts:end_pause")).status_code == 405


# --- After the session ---------------------------------------------------------------------------


@pytest.fixture
def session_behind(sam):
    day = timezone.localdate() - datetime.timedelta(days=2)
    request = SessionRequestFactory(
        status=RequestStatus.COMPLETED,
        preferred_date_1=day,
        confirmed_date=day,
        confirmed_expert=sam,
        briefing="Meld u bij de conciërge.",
    )
    return InvitationFactory(
        request=request, expert=sam, session_date=day, status=InvitationStatus.ACCEPTED
    )


def test_after_the_session_sam_says_how_it_went_and_claims_expenses(sam_client, session_behind):
    url = _invitation_url(session_behind)
    page = sam_client.get(url).text
    ids = re.findall(r'\bid="([^"]+)"', page)
    assert len(ids) == len(set(ids)), "every id on the page is unique"
    assert "Meld u bij de conciërge." in page

    answered = sam_client.post(
        url, {"action": "aftercare", "wellbeing": "mixed", "note": "Pittig."}
    )
    claimed = sam_client.post(
        url,
        {
            "action": "expense",
            "travel_km": "24",
            "travel_costs": "5.28",
            "fee": "75",
            "note": "Trein en bus.",
        },
    )

    assert (answered.status_code, claimed.status_code) == (303, 303)
    session_behind.refresh_from_db()
    assert (session_behind.aftercare_wellbeing, session_behind.aftercare_note) == (
        "mixed",
        "Pittig.",
    )
    claim = ExpenseClaim.objects.get(invitation=session_behind)
    assert (claim.total, claim.status) == (Decimal("80.28"), ExpenseStatus.SUBMITTED)


def test_a_claim_with_a_negative_amount_is_refused(sam_client, session_behind):
    response = sam_client.post(
        _invitation_url(session_behind),
        {"action": "expense", "travel_km": "0", "travel_costs": "-5", "fee": "75", "note": ""},
    )

    assert response.status_code == 400
    assert 'id="error-summary"' in response.text
    assert not ExpenseClaim.objects.exists()


# --- Queries -------------------------------------------------------------------------------------


def _inbox_queries(client) -> int:
    client.get(reverse("experts:inbox"))  # menus and the like warm
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("experts:inbox")).status_code == 200
    return len(queries)


def test_the_inbox_queries_do_not_grow_with_the_invitations(sam_client, sam, session_behind):
    _invite(sam)
    one = _inbox_queries(sam_client)
    for days in (30, 31, 32, 33, 34):
        _invite(sam, preferred_date_1=next_weekday(days))
    ExpertPauseFactory(expert=sam, starts_on=next_weekday(90), ends_on=next_weekday(95))

    many = _inbox_queries(sam_client)

    assert many == one == QUERIES_INBOX


# Session, user, her role and her TOTP (the second-factor gate), the expert, her invitations
# with their requests, themes, municipalities and claims (one query), her pauses; the site and
# its locale (header, language switcher) and her permissions (the Wagtail user bar).
QUERIES_INBOX = 11
