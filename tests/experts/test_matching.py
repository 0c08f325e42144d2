"""Who fits a request (experts/services/matching.py): theme, age group, municipality and
language; the weekdays she takes sessions; never when paused, never twice on one day, never
beyond her monthly maximum; and the first "yes" confirms, once, whatever happens at the same
moment."""

import datetime

import pytest
from django.db import connection
from django.utils import timezone

from experts.choices import AgeGroup, InvitationStatus, RequestStatus
from experts.factories import (
    ExpertFactory,
    ExpertPauseFactory,
    InvitationFactory,
    SessionRequestFactory,
    dutch_term,
)
from experts.records import Invitation
from experts.services import matching
from experts.services.requests import RequestError
from portal.models import Municipality, Theme
from tests.concurrency import at_once_each

pytestmark = pytest.mark.django_db


@pytest.fixture
def day() -> datetime.date:
    """A Wednesday in the month after next, after its first week."""
    day = (timezone.localdate() + datetime.timedelta(days=62)).replace(day=8)
    while day.weekday() != 2:
        day += datetime.timedelta(days=1)
    return day


def _suggested(request) -> list[tuple[int, datetime.date]]:
    return [(s.expert.pk, s.day) for s in matching.suggest(request)]


def _booked(expert, on: datetime.date, status: str = RequestStatus.CONFIRMED) -> Invitation:
    """An accepted invitation of `expert` on `on`, for another request."""
    other = SessionRequestFactory(status=status, preferred_date_1=on, confirmed_date=on)
    return InvitationFactory(
        request=other, expert=expert, session_date=on, status=InvitationStatus.ACCEPTED
    )


def test_an_expert_who_covers_everything_fits_on_each_preferred_date(day):
    later = day + datetime.timedelta(days=7)
    request = SessionRequestFactory(preferred_date_1=day, preferred_date_2=later)
    expert = ExpertFactory()

    assert _suggested(request) == [(expert.pk, day), (expert.pk, later)]
    assert matching.fits(request, expert, day)


@pytest.mark.parametrize(
    "mismatch",
    [
        {"themes": ["ouderenmishandeling"]},
        {"municipalities": ["tilburg"]},
        {"age_groups": [AgeGroup.ADULTS]},
        {"languages": ["en"]},
    ],
    ids=["theme", "municipality", "age group", "language"],
)
def test_what_she_does_not_speak_about_or_where_she_does_not_go(day, mismatch):
    request = SessionRequestFactory(preferred_date_1=day)
    fields = dict(mismatch)
    if "themes" in fields:
        fields["themes"] = [dutch_term(Theme, slug) for slug in fields["themes"]]
    if "municipalities" in fields:
        fields["municipalities"] = [
            dutch_term(Municipality, slug) for slug in fields["municipalities"]
        ]
    ExpertFactory(**fields)

    assert _suggested(request) == []


def test_a_request_in_english_needs_an_expert_who_speaks_english(day):
    request = SessionRequestFactory(preferred_date_1=day, language="en")
    ExpertFactory(languages=["nl"])
    bilingual = ExpertFactory(languages=["nl", "en"])

    assert _suggested(request) == [(bilingual.pk, day)]


def test_only_on_the_weekdays_she_takes_sessions(day):
    thursday = day + datetime.timedelta(days=1)
    request = SessionRequestFactory(preferred_date_1=day, preferred_date_2=thursday)
    expert = ExpertFactory(available_weekdays=[3])  # Thursdays

    assert _suggested(request) == [(expert.pk, thursday)]


def test_never_while_she_pauses(day):
    later = day + datetime.timedelta(days=7)
    request = SessionRequestFactory(preferred_date_1=day, preferred_date_2=later)
    expert = ExpertFactory()
    ExpertPauseFactory(expert=expert, starts_on=day - datetime.timedelta(days=3), ends_on=day)

    assert _suggested(request) == [(expert.pk, later)]


def test_never_twice_on_one_day(day):
    request = SessionRequestFactory(preferred_date_1=day)
    expert = ExpertFactory(max_sessions_per_month=5)
    _booked(expert, day)

    assert _suggested(request) == []


def test_a_cancelled_session_frees_the_day(day):
    request = SessionRequestFactory(preferred_date_1=day)
    expert = ExpertFactory()
    _booked(expert, day, status=RequestStatus.CANCELLED)

    assert _suggested(request) == [(expert.pk, day)]


def test_never_beyond_her_monthly_maximum(day):
    next_month = day + datetime.timedelta(days=28)
    request = SessionRequestFactory(preferred_date_1=day, preferred_date_2=next_month)
    expert = ExpertFactory(max_sessions_per_month=2)
    _booked(expert, day - datetime.timedelta(days=7))
    _booked(expert, day + datetime.timedelta(days=1))

    # Full in the month of the first date, room in the next.
    assert _suggested(request) == [(expert.pk, next_month)]
    [suggestion] = matching.suggest(request)
    assert (suggestion.sessions_that_month, suggestion.room_that_month) == (0, 2)


def test_most_room_first(day):
    request = SessionRequestFactory(preferred_date_1=day)
    busy = ExpertFactory(max_sessions_per_month=2)
    _booked(busy, day - datetime.timedelta(days=7))
    free = ExpertFactory(max_sessions_per_month=2)

    assert _suggested(request) == [(free.pk, day), (busy.pk, day)]


def test_not_the_experts_already_asked_nor_those_who_left(day):
    request = SessionRequestFactory(preferred_date_1=day, status=RequestStatus.PROPOSED)
    asked = ExpertFactory()
    InvitationFactory(request=request, expert=asked)
    ExpertFactory(active=False)
    ExpertFactory(left_at=timezone.now())
    released = ExpertFactory()
    InvitationFactory(request=request, expert=released, status=InvitationStatus.RELEASED)

    assert _suggested(request) == [(released.pk, day)]


def test_proposing_an_expert_who_does_not_fit_is_refused(day):
    request = SessionRequestFactory(preferred_date_1=day)
    paused = ExpertFactory()
    ExpertPauseFactory(expert=paused, starts_on=day, ends_on=day)
    fits = ExpertFactory()

    with pytest.raises(RequestError):
        matching.propose(request, [(paused, day)], user=None)
    with pytest.raises(RequestError):
        matching.propose(request, [(fits, day + datetime.timedelta(days=1))], user=None)
    assert not Invitation.objects.exists()


def test_the_first_yes_confirms_and_a_second_is_refused(day):
    request = SessionRequestFactory(preferred_date_1=day, status=RequestStatus.PROPOSED)
    first = InvitationFactory(request=request)
    second = InvitationFactory(request=request)

    matching.accept(first)
    with pytest.raises(RequestError):
        matching.accept(second)

    request.refresh_from_db()
    assert request.confirmed_expert == first.expert
    second.refresh_from_db()
    assert second.status == InvitationStatus.RELEASED


def test_a_yes_on_a_day_she_is_already_booked_is_refused(day):
    expert = ExpertFactory(max_sessions_per_month=5)
    _booked(expert, day)
    invitation = InvitationFactory(
        request=SessionRequestFactory(preferred_date_1=day, status=RequestStatus.PROPOSED),
        expert=expert,
    )

    with pytest.raises(RequestError):
        matching.accept(invitation)
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.PENDING


# --- At the same moment --------------------------------------------------------------------------
# Each in its own thread and database connection. PostgreSQL only, like the bookings' race
# tests (tests/courses/test_booking_concurrency.py): SQLite's in-memory test database answers
# "table is locked" at once instead of waiting. CI runs the suite on PostgreSQL too
# (scripts/with_postgres.sh).

needs_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL (run with scripts/with_postgres.sh); see the comment above",
)
transactional = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _at_once(count: int, work) -> list:
    return at_once_each(count, work, timeout=60)


def _outcome(results: list) -> list[str]:
    return sorted(
        "refused" if isinstance(result, RequestError) else type(result).__name__
        for result in results
    )


@needs_postgres
@transactional
@pytest.mark.parametrize("answers", [2, 6])
def test_experts_saying_yes_at_once_confirm_the_request_once(day, answers):
    request = SessionRequestFactory(preferred_date_1=day, status=RequestStatus.PROPOSED)
    invitations = [InvitationFactory(request=request) for _ in range(answers)]

    results = _at_once(
        answers, lambda index: matching.accept(Invitation.objects.get(pk=invitations[index].pk))
    )

    assert _outcome(results) == ["Invitation"] + ["refused"] * (answers - 1)
    request.refresh_from_db()
    assert request.status == RequestStatus.CONFIRMED
    statuses = sorted(Invitation.objects.filter(request=request).values_list("status", flat=True))
    assert statuses == [InvitationStatus.ACCEPTED] + [InvitationStatus.RELEASED] * (answers - 1)
    assert request.confirmed_expert_id == next(
        i.expert_id for i in Invitation.objects.filter(request=request, status="accepted")
    )
    assert request.events.filter(description="Accepted by the expert").count() == 1


@needs_postgres
@transactional
def test_a_double_click_on_yes_accepts_once(day):
    invitation = InvitationFactory(
        request=SessionRequestFactory(preferred_date_1=day, status=RequestStatus.PROPOSED)
    )

    results = _at_once(2, lambda _index: matching.accept(Invitation.objects.get(pk=invitation.pk)))

    assert _outcome(results) == ["Invitation", "refused"]
    assert Invitation.objects.get(pk=invitation.pk).status == InvitationStatus.ACCEPTED
    assert invitation.request.events.filter(description="Accepted by the expert").count() == 1


@needs_postgres
@transactional
def test_one_expert_saying_yes_to_two_requests_on_one_day_at_once_goes_to_one(day):
    expert = ExpertFactory(max_sessions_per_month=5)
    invitations = [
        InvitationFactory(
            request=SessionRequestFactory(preferred_date_1=day, status=RequestStatus.PROPOSED),
            expert=expert,
        )
        for _ in range(2)
    ]

    results = _at_once(
        2, lambda index: matching.accept(Invitation.objects.get(pk=invitations[index].pk))
    )

    assert _outcome(results) == ["Invitation", "refused"]
    assert Invitation.objects.filter(expert=expert, status="accepted").count() == 1


@needs_postgres
@transactional
def test_two_coordinators_confirming_the_same_request_at_once_confirm_it_once(day):
    """Both heard a yes on the phone, from two experts, and press "confirm" at once."""
    request = SessionRequestFactory(preferred_date_1=day, status=RequestStatus.PROPOSED)
    invitations = [InvitationFactory(request=request, session_date=day) for _ in range(2)]

    results = _at_once(
        2,
        lambda index: matching.accept(
            Invitation.objects.get(pk=invitations[index].pk), by_coordinator=True
        ),
    )

    assert _outcome(results) == ["Invitation", "refused"]
    request.refresh_from_db()
    assert request.status == RequestStatus.CONFIRMED
    assert Invitation.objects.filter(request=request, status="accepted").count() == 1
    assert request.events.filter(status=RequestStatus.CONFIRMED).count() == 1
