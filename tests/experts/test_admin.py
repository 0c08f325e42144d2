"""The expert-pool coordinator's admin (experts/wagtail_hooks.py): new requests, the experts
who fit, proposing, the other steps of a request, expert records, expense claims with their
export, and the load per month; expert-pool coordinators only."""

import csv
import datetime
import io
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
from django.utils.formats import date_format
from django.utils.translation import gettext

from experts.choices import ExpenseStatus, InvitationStatus, RequestStatus
from experts.factories import (
    ExpenseClaimFactory,
    ExpertFactory,
    ExpertPauseFactory,
    ExpertProfileFactory,
    InvitationFactory,
    SessionRequestFactory,
    dutch_term,
)
from experts.records import Expert, ExpertPause, Invitation, SessionRequest
from portal import roles
from portal.models import Municipality, Theme
from tests.portal.test_taxonomy import _signed_in_with_mfa

pytestmark = pytest.mark.django_db


def _user_in(group_name: str, email: str):
    user = get_user_model().objects.create_user(email=email, password="x" * 12)
    user.groups.add(Group.objects.get(name=group_name))
    return get_user_model().objects.get(pk=user.pk)


@pytest.fixture
def coordinator(client):
    """Inge, expert-pool coordinator, signed in with her second factor."""
    _signed_in_with_mfa(client, _user_in(roles.EXPERT_POOL_COORDINATOR, "inge@example.org"))
    return client


@pytest.fixture
def day() -> datetime.date:
    """A weekday from the 15th of the month after next on: a week earlier is the same month,
    still ahead, and the same weekday."""
    day = (timezone.localdate() + datetime.timedelta(days=62)).replace(day=15)
    while day.weekday() >= 5:
        day += datetime.timedelta(days=1)
    return day


def _confirmed_session(expert, on: datetime.date) -> Invitation:
    """An accepted invitation on `on` for another, confirmed request."""
    other = SessionRequestFactory(
        status=RequestStatus.CONFIRMED, preferred_date_1=on, confirmed_date=on
    )
    return InvitationFactory(
        request=other, expert=expert, session_date=on, status=InvitationStatus.ACCEPTED
    )


def _nl(msgid: str) -> str:
    """The admin speaks Dutch."""
    with translation.override("nl"):
        return gettext(msgid)


def _inspect(request: SessionRequest) -> str:
    return reverse("experts_requests:inspect", args=[request.pk])


def _action(request: SessionRequest, action: str) -> str:
    return reverse("experts_requests:action", args=[request.pk, action])


# --- Requests ------------------------------------------------------------------------------------


def test_the_coordinator_sees_new_requests_newest_first(coordinator):
    older = SessionRequestFactory(organisation="Basisschool De Eik")
    SessionRequest.objects.filter(pk=older.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=3)
    )
    newer = SessionRequestFactory(organisation="Voetbalclub Dongen")
    SessionRequestFactory(organisation="Afgerond College", status=RequestStatus.EVALUATED)

    response = coordinator.get(reverse("experts_requests:index"), {"status": "new"})

    assert response.status_code == 200
    assert [row.pk for row in response.context["object_list"]] == [newer.pk, older.pk]
    html = response.text
    assert html.index("Voetbalclub Dongen") < html.index("Basisschool De Eik")
    assert "Afgerond College" not in html
    with translation.override("nl"):
        assert date_format(newer.preferred_date_1) in html  # the first preferred date


def test_suggestions_leave_out_the_full_the_paused_the_booked_and_the_wrong_theme(coordinator, day):
    request = SessionRequestFactory(preferred_date_1=day)
    fits = ExpertFactory(real_name="Anna Past")
    ExpertProfileFactory(expert=fits, pseudonym="Merel")
    full = ExpertFactory(real_name="Bea Vol", max_sessions_per_month=1)
    _confirmed_session(full, day - datetime.timedelta(days=7))
    paused = ExpertFactory(real_name="Cor Pauze")
    ExpertPauseFactory(expert=paused, starts_on=day - datetime.timedelta(days=2), ends_on=day)
    booked = ExpertFactory(real_name="Dina Bezet", max_sessions_per_month=5)
    _confirmed_session(booked, day)
    ExpertFactory(real_name="Eva Anderthema", themes=[dutch_term(Theme, "ouderenmishandeling")])

    response = coordinator.get(_inspect(request))

    assert response.status_code == 200
    assert [(s.expert, s.day) for s in response.context["suggestions"]] == [(fits, day)]
    html = response.text
    assert "Anna Past" in html and "Merel" in html
    for name in ("Bea Vol", "Cor Pauze", "Dina Bezet", "Eva Anderthema"):
        assert name not in html
    assert "0 / 2" in html  # her sessions that month against her maximum


def _query_count(client, url: str) -> int:
    client.get(url)  # warm the admin's own caches
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_request_page_costs_the_same_queries_however_many_experts_fit(coordinator, day):
    request = SessionRequestFactory(preferred_date_1=day, status=RequestStatus.IN_REVIEW)
    ExpertProfileFactory(expert=ExpertFactory())
    _confirmed_session(ExpertFactory(max_sessions_per_month=5), day + datetime.timedelta(days=1))
    few = _query_count(coordinator, _inspect(request))

    for _number in range(5):
        ExpertProfileFactory(expert=ExpertFactory())
    many = _query_count(coordinator, _inspect(request))

    assert len(coordinator.get(_inspect(request)).context["suggestions"]) == 7
    assert many == few


def test_an_english_request_finds_the_experts_of_the_dutch_terms(coordinator, day):
    english = SessionRequestFactory(
        preferred_date_1=day,
        language="en",
        theme=Theme.objects.get(locale__language_code="en", slug="child-abuse"),
        municipality=Municipality.objects.get(
            locale__language_code="en",
            translation_key=dutch_term(Municipality, "dongen").translation_key,
        ),
    )
    expert = ExpertFactory(languages=["nl", "en"])

    response = coordinator.get(_inspect(english))

    assert [s.expert for s in response.context["suggestions"]] == [expert]


def test_proposing_invites_the_experts_and_tells_them_and_the_requester(
    coordinator, day, outbox_email, django_capture_on_commit_callbacks
):
    request = SessionRequestFactory(preferred_date_1=day, contact_email="lotte@school.example.org")
    first = ExpertFactory(real_name="Anna Past", email="anna.past@example.org")
    ExpertProfileFactory(expert=first, pseudonym="Merel")
    second = ExpertFactory(real_name="Fleur Tweede", email="fleur@example.org")
    values = [f"{first.pk}:{day.isoformat()}", f"{second.pk}:{day.isoformat()}"]

    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator.post(_action(request, "propose"), {"proposal": values})

    assert response.status_code == 302
    assert response["Location"] == _inspect(request)
    request.refresh_from_db()
    assert request.status == RequestStatus.PROPOSED
    invitations = Invitation.objects.filter(request=request)
    assert {(i.expert_id, i.session_date, i.status) for i in invitations} == {
        (first.pk, day, InvitationStatus.PENDING),
        (second.pk, day, InvitationStatus.PENDING),
    }
    assert {i.proposed_by.email for i in invitations} == {"inge@example.org"}
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == ["anna.past@example.org", "fleur@example.org", "lotte@school.example.org"]
    [to_requester] = [m for m in mail.outbox if m.to == ["lotte@school.example.org"]]
    assert "Anna Past" not in to_requester.body + to_requester.subject
    assert "anna.past@example.org" not in to_requester.body
    page = coordinator.get(_inspect(request))
    [done] = list(page.context["messages"])
    assert str(done).strip() == _nl(
        "Proposed to %(count)s expert(s); each is asked in her inbox."
    ) % {"count": 2}


def test_an_expert_who_no_longer_fits_is_not_proposed(coordinator, day):
    request = SessionRequestFactory(preferred_date_1=day)
    expert = ExpertFactory()
    ExpertPauseFactory(expert=expert, starts_on=day, ends_on=day)

    response = coordinator.post(
        _action(request, "propose"), {"proposal": [f"{expert.pk}:{day.isoformat()}"]}, follow=True
    )

    assert not Invitation.objects.exists()
    request.refresh_from_db()
    assert request.status == RequestStatus.NEW
    [message] = list(response.context["messages"])
    assert message.level_tag == "error"


def test_the_steps_of_a_request_through_its_buttons(
    coordinator, day, outbox_email, django_capture_on_commit_callbacks
):
    request = SessionRequestFactory(preferred_date_1=day)

    coordinator.post(_action(request, "review"))
    request.refresh_from_db()
    assert request.status == RequestStatus.IN_REVIEW

    coordinator.post(
        _action(request, "prepare"),
        {
            "host_professional_present": "on",
            "no_recording": "on",
            "no_press": "on",
            "audience_prepared": "on",
            "briefing": "Meld u bij de conciërge, lokaal 12.",
            "coordinator_note": "Graag een beamer klaarzetten.",
        },
    )
    request.refresh_from_db()
    assert request.safety_checklist_complete()
    assert request.briefing == "Meld u bij de conciërge, lokaal 12."

    with django_capture_on_commit_callbacks(execute=True):
        coordinator.post(_action(request, "message"), {"body": "Past 9 uur ook?"})
    assert request.messages.get().body == "Past 9 uur ook?"
    assert any("Past 9 uur ook?" in m.body for m in mail.outbox)

    # A decline needs a reason for the requester.
    coordinator.post(_action(request, "decline"), {"reason": ""})
    request.refresh_from_db()
    assert request.status == RequestStatus.IN_REVIEW
    coordinator.post(_action(request, "decline"), {"reason": "Geen ervaringsdeskundige vrij."})
    request.refresh_from_db()
    assert request.status == RequestStatus.DECLINED
    assert request.coordinator_note == "Geen ervaringsdeskundige vrij."

    history = coordinator.get(_inspect(request)).text
    assert "Taken up by a coordinator" in history
    assert "Declined by a coordinator" in history
    assert "inge@example.org" in history


def test_a_confirmed_session_is_completed_or_cancelled(coordinator, day):
    expert = ExpertFactory()
    confirmed = _confirmed_session(expert, day).request
    confirmed.confirmed_expert = expert
    confirmed.save()

    page = coordinator.get(_inspect(confirmed)).text
    assert _nl("The session took place") in page
    coordinator.post(_action(confirmed, "complete"))
    confirmed.refresh_from_db()
    assert confirmed.status == RequestStatus.COMPLETED

    other = _confirmed_session(ExpertFactory(), day).request
    coordinator.post(_action(other, "cancel"), {"reason": "De school is die dag dicht."})
    other.refresh_from_db()
    assert other.status == RequestStatus.CANCELLED
    assert other.invitations.get().status == InvitationStatus.RELEASED


def test_the_invitations_show_their_answer_and_reason(coordinator, day):
    request = SessionRequestFactory(preferred_date_1=day, status=RequestStatus.IN_REVIEW)
    InvitationFactory(
        request=request,
        expert=ExpertFactory(real_name="Gonny Nee"),
        status=InvitationStatus.DECLINED,
        decline_reason="Te dichtbij mijn eigen school.",
    )

    html = coordinator.get(_inspect(request)).text

    assert "Gonny Nee" in html
    assert "Te dichtbij mijn eigen school." in html


def test_the_coordinator_confirms_for_an_expert_who_said_yes_by_phone(
    coordinator, day, django_capture_on_commit_callbacks, mailoutbox
):
    request = SessionRequestFactory(preferred_date_1=day, status=RequestStatus.PROPOSED)
    yes, other = (InvitationFactory(request=request, session_date=day) for _ in range(2))
    # A button per invitation that waits for an answer.
    assert coordinator.get(_inspect(request)).text.count("Zij zei ja aan de telefoon") == 2

    with django_capture_on_commit_callbacks(execute=True):
        answer = coordinator.post(_action(request, "confirm"), {"invitation": yes.pk})
        again = coordinator.post(_action(request, "confirm"), {"invitation": other.pk})

    assert answer.status_code == again.status_code == 302
    request.refresh_from_db()
    assert (request.status, request.confirmed_expert_id) == (RequestStatus.CONFIRMED, yes.expert_id)
    other.refresh_from_db()
    assert other.status == InvitationStatus.RELEASED
    assert request.events.filter(actor="coordinator", status=RequestStatus.CONFIRMED).count() == 1
    assert any(request.contact_email in message.to for message in mailoutbox)


# --- Who gets in ---------------------------------------------------------------------------------


@pytest.mark.parametrize("role", [roles.EDITOR, roles.TRAINING_COORDINATOR, roles.EXPERT])
def test_without_the_coordinator_role_nothing_opens_and_nothing_changes(client, day, role):
    _signed_in_with_mfa(client, _user_in(role, "iemand@example.org"))
    request = SessionRequestFactory(preferred_date_1=day)
    expert = ExpertFactory()
    claim = ExpenseClaimFactory()
    urls = [
        reverse("experts_requests:index"),
        _inspect(request),
        reverse("experts_experts:index"),
        reverse("experts_experts:edit", args=[expert.pk]),
        reverse("experts_profiles:index"),
        reverse("experts_pauses:index"),
        reverse("experts_expenses:index"),
        reverse("experts_expenses:inspect", args=[claim.pk]),
        reverse("experts_load:index"),
    ]

    for url in urls:
        response = client.get(url)
        assert response.status_code in (302, 403), url
        if response.status_code == 302:
            # Back to the dashboard (admin users) or to the sign-in (an expert: no admin).
            assert response["Location"].split("?")[0] in (
                reverse("wagtailadmin_home"),
                reverse("account_login"),
            ), url
        assert expert.real_name not in response.content.decode(), url

    client.post(_action(request, "propose"), {"proposal": [f"{expert.pk}:{day.isoformat()}"]})
    client.post(_action(request, "review"))
    client.post(reverse("experts_expenses:decide", args=[claim.pk, "approve"]))
    request.refresh_from_db()
    claim.refresh_from_db()
    assert request.status == RequestStatus.NEW
    assert not Invitation.objects.filter(request=request).exists()
    assert claim.status == ExpenseStatus.SUBMITTED


def test_the_admin_menu_shows_the_expert_pool_to_its_coordinators_only(coordinator):
    editor = Client()
    _signed_in_with_mfa(editor, _user_in(roles.EDITOR, "redacteur@example.org"))

    assert "expertpool/requests" in coordinator.get(reverse("wagtailadmin_home")).text
    assert "expertpool/" not in editor.get(reverse("wagtailadmin_home")).text


# --- Experts -------------------------------------------------------------------------------------


def test_the_coordinator_adds_an_expert_and_links_her_account(coordinator):
    account = get_user_model().objects.create_user(email="sam@example.org", password="x" * 12)
    theme = dutch_term(Theme, "kindermishandeling")
    dongen = dutch_term(Municipality, "dongen")

    response = coordinator.post(
        reverse("experts_experts:add"),
        {
            "real_name": "Sam Jansen",
            "email": "sam.prive@example.org",
            "phone": "",
            "account_email": "SAM@example.org",
            "themes": [theme.pk],
            "municipalities": [dongen.pk],
            "age_groups": ["groups_7_8", "secondary_lower"],
            "languages": ["nl", "en"],
            "max_sessions_per_month": "3",
            "available_weekdays": ["1", "3"],
            "consent_public_profile": "on",
            "notes": "",
            "active": "on",
        },
    )

    assert response.status_code == 302, response.text[:3000]
    expert = Expert.objects.get(real_name="Sam Jansen")
    assert expert.age_groups == ["groups_7_8", "secondary_lower"]
    assert expert.languages == ["nl", "en"]
    assert expert.available_weekdays == [1, 3]
    assert list(expert.themes.all()) == [theme]
    assert list(expert.municipalities.all()) == [dongen]
    assert expert.user == account
    assert expert.consents_recorded_at is not None
    # Her account is in the experts' role, which asks for the second factor.
    assert account.groups.filter(name=roles.EXPERT).exists()

    form = coordinator.get(reverse("experts_experts:edit", args=[expert.pk]))
    assert form.context["form"]["age_groups"].value() == ["groups_7_8", "secondary_lower"]
    assert form.context["form"]["account_email"].value() == "sam@example.org"


def test_an_unknown_account_address_is_refused(coordinator):
    response = coordinator.post(
        reverse("experts_experts:add"),
        {
            "real_name": "Sam Jansen",
            "email": "sam.prive@example.org",
            "account_email": "niemand@example.org",
            "themes": [dutch_term(Theme, "kindermishandeling").pk],
            "municipalities": [dutch_term(Municipality, "dongen").pk],
            "languages": ["nl"],
            "max_sessions_per_month": "2",
            "active": "on",
        },
    )

    assert response.status_code == 200
    assert not Expert.objects.exists()


def test_a_pause_set_by_the_coordinator_declines_her_open_invitations(coordinator, day):
    expert = ExpertFactory()
    invitation = InvitationFactory(expert=expert, request__preferred_date_1=day)

    response = coordinator.post(
        reverse("experts_pauses:add"),
        {"expert": expert.pk, "starts_on": day.isoformat(), "ends_on": day.isoformat()},
    )

    assert response.status_code == 302, response.text[:3000]
    pause = ExpertPause.objects.get()
    assert (pause.expert, pause.set_by_expert) == (expert, False)
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.DECLINED


def test_a_profile_records_when_it_was_approved(coordinator):
    expert = ExpertFactory()

    response = coordinator.post(
        reverse("experts_profiles:add"),
        {
            "expert": expert.pk,
            "pseudonym": "Merel",
            "themes": [dutch_term(Theme, "huiselijk-geweld").pk],
            "short_story": "Wat mij hielp.",
            "approved": "on",
        },
    )

    assert response.status_code == 302, response.text[:3000]
    assert expert.profile.approved_at is not None


# --- Expense claims ------------------------------------------------------------------------------


def test_the_coordinator_approves_a_claim_once(coordinator):
    claim = ExpenseClaimFactory()

    coordinator.post(reverse("experts_expenses:decide", args=[claim.pk, "approve"]))
    response = coordinator.post(
        reverse("experts_expenses:decide", args=[claim.pk, "reject"]), follow=True
    )

    claim.refresh_from_db()
    assert claim.status == ExpenseStatus.APPROVED
    assert claim.decided_by.email == "inge@example.org"
    assert [m.level_tag for m in response.context["messages"]][-1] == "error"


def test_the_claims_export_holds_the_administrations_columns(coordinator, day):
    expert = ExpertFactory(real_name="Anna Past")
    invitation = _confirmed_session(expert, day)
    claim = ExpenseClaimFactory(
        invitation=invitation,
        travel_km=Decimal("24.0"),
        travel_costs=Decimal("5.28"),
        fee=Decimal("75.00"),
    )
    ExpenseClaimFactory(status=ExpenseStatus.SUBMITTED)
    coordinator.post(reverse("experts_expenses:decide", args=[claim.pk, "approve"]))
    claim.refresh_from_db()

    response = coordinator.get(
        reverse("experts_expenses:index"), {"status": "approved", "export": "csv"}
    )

    assert response.status_code == 200
    assert "onkostendeclaraties.csv" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(rows) == 2
    assert rows[1] == [
        invitation.request.reference,
        day.isoformat(),
        "Anna Past",
        "24.0",
        "5.28",
        "75.00",
        "80.28",
        _nl("Approved"),
        timezone.localtime(claim.decided_at).strftime("%Y-%m-%d %H:%M"),
    ]


# --- Load per month ------------------------------------------------------------------------------


def test_the_load_per_month_shows_sessions_against_the_maximum_and_pauses(coordinator):
    today = timezone.localdate()
    busy = ExpertFactory(real_name="Anna Past", max_sessions_per_month=1)
    _confirmed_session(busy, today + datetime.timedelta(days=1) if today.day < 28 else today)
    resting = ExpertFactory(real_name="Cor Pauze")
    ExpertPauseFactory(expert=resting, starts_on=today, ends_on=today)

    response = coordinator.get(reverse("experts_load:index"))

    assert response.status_code == 200
    rows = {row["expert"].real_name: row for row in response.context["rows"]}
    assert rows["Anna Past"]["months"][0]["count"] == 1
    assert rows["Anna Past"]["months"][0]["full"]
    assert rows["Cor Pauze"]["paused_now"]
    assert rows["Cor Pauze"]["months"][0]["paused"]
    assert "1 / 1" in response.text
