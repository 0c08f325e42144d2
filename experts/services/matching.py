"""Matching a request to experts: who fits, proposing, and the expert's answer.

An expert fits a request on a day when she speaks about its theme, to its age group, in its
municipality and language; when she is not paused that day, takes sessions on that weekday,
has no other session that day, and has room that month (her confirmed sessions in that month
below her maximum). Coordinators propose one or more fitting experts; each accepts or declines
in her inbox; the first acceptance confirms the request and releases the others.

Two answers at the same moment (two experts accepting, a coordinator confirming twice): the
request row is locked (select_for_update; on SQLite the IMMEDIATE transaction takes the write
lock) and the database's partial unique constraint allows one accepted invitation per request.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext

from ..choices import CLOSED_STATUSES, InvitationStatus, RequestStatus
from ..records import Actor, Expert, ExpertPause, Invitation, SessionRequest
from . import history, messages
from .requests import RequestError


@dataclass(frozen=True)
class Suggestion:
    expert: Expert
    day: datetime.date
    sessions_that_month: int

    @property
    def room_that_month(self) -> int:
        return self.expert.max_sessions_per_month - self.sessions_that_month


def _month_bounds(day: datetime.date) -> tuple[datetime.date, datetime.date]:
    first = day.replace(day=1)
    following = (first + datetime.timedelta(days=32)).replace(day=1)
    return first, following - datetime.timedelta(days=1)


def booked_days(expert_ids: list[int], first: datetime.date, last: datetime.date) -> dict:
    """{expert id: [days]} of accepted sessions between first and last (incl.)."""
    days: dict[int, list[datetime.date]] = defaultdict(list)
    rows = Invitation.objects.filter(
        expert_id__in=expert_ids,
        status=InvitationStatus.ACCEPTED,
        session_date__range=(first, last),
    ).exclude(request__status__in=[RequestStatus.CANCELLED, RequestStatus.WITHDRAWN])
    for expert_id, day in rows.values_list("expert_id", "session_date"):
        days[expert_id].append(day)
    return days


def _covers(values: list, wanted: str) -> bool:
    return wanted in (values or [])


def suggest(request: SessionRequest) -> list[Suggestion]:
    """Fitting experts per preferred date, those with most room first."""
    dates = request.preferred_dates()
    if not dates:
        return []
    # JSON containment is not portable across SQLite and PostgreSQL for lists of strings in
    # every version: filter the lists in Python, on the few experts the other filters leave.
    # By translation key: a request sent from the English form names the English theme and
    # municipality, the expert's record the Dutch ones; they are the same term.
    experts = [
        expert
        for expert in Expert.objects.in_pool()
        .filter(
            themes__translation_key=request.theme.translation_key,
            municipalities__translation_key=request.municipality.translation_key,
        )
        .prefetch_related("pauses", "profile")
        .distinct()
        if _covers(expert.age_groups, request.age_group)
        and _covers(expert.languages, request.language)
    ]
    if not experts:
        return []
    ids = [expert.pk for expert in experts]
    first = _month_bounds(min(dates))[0]
    last = _month_bounds(max(dates))[1]
    taken = booked_days(ids, first, last)
    already_invited = set(
        request.invitations.exclude(status=InvitationStatus.RELEASED).values_list(
            "expert_id", flat=True
        )
    )
    suggestions = []
    for day in dates:
        month_first, month_last = _month_bounds(day)
        for expert in experts:
            if expert.pk in already_invited:
                continue
            days = taken.get(expert.pk, [])
            if day in days or expert.is_paused_on(day):
                continue
            if day.weekday() not in (expert.available_weekdays or []):
                continue
            that_month = sum(1 for booked in days if month_first <= booked <= month_last)
            if that_month >= expert.max_sessions_per_month:
                continue
            suggestions.append(Suggestion(expert=expert, day=day, sessions_that_month=that_month))
    suggestions.sort(key=lambda item: (item.day, -item.room_that_month, item.expert.pk))
    return suggestions


def fits(request: SessionRequest, expert: Expert, day: datetime.date) -> bool:
    return any(
        suggestion.expert.pk == expert.pk and suggestion.day == day
        for suggestion in suggest(request)
    )


def propose(
    request: SessionRequest,
    proposals: list[tuple[Expert, datetime.date]],
    *,
    user: AbstractBaseUser,
) -> list[Invitation]:
    """Invite experts for a request, each on a day of the request's preferred dates."""
    if not proposals:
        raise RequestError(gettext("Choose at least one expert."))
    with transaction.atomic():
        request = SessionRequest.objects.select_for_update().get(pk=request.pk)
        if request.status not in (
            RequestStatus.NEW,
            RequestStatus.IN_REVIEW,
            RequestStatus.PROPOSED,
        ):
            raise RequestError(gettext("Experts can no longer be proposed for this request."))
        for expert, day in proposals:
            if day not in request.preferred_dates():
                raise RequestError(gettext("Propose a date the requester asked for."))
            if not fits(request, expert, day):
                raise RequestError(
                    gettext("This expert is no longer free on %(day)s.") % {"day": day}
                )
        invitations = []
        for expert, day in proposals:
            invitation, _created = Invitation.objects.update_or_create(
                request=request,
                expert=expert,
                defaults={
                    "session_date": day,
                    "status": InvitationStatus.PENDING,
                    "proposed_by": user,
                    "decline_reason": "",
                    "responded_at": None,
                },
            )
            invitations.append(invitation)
        request.status = RequestStatus.PROPOSED
        request.save(update_fields=["status", "updated_at"])
        history.record(
            request,
            Actor.COORDINATOR,
            f"Proposed to {len(invitations)} expert(s)",
            user=user,
        )
        for invitation in invitations:
            messages.queue_expert("invitation", invitation.pk)
        messages.queue_requester("request_proposed", request.pk)
    return invitations


def invitations_for(expert: Expert):
    """The expert's own invitations, newest first: her inbox."""
    return (
        Invitation.objects.filter(expert=expert)
        .select_related("request__municipality", "request__theme")
        .order_by("-created_at", "-pk")
    )


def invitation_of(expert: Expert, invitation_id: int) -> Invitation | None:
    """The invitation if it is this expert's; None for another's or an unknown id."""
    return invitations_for(expert).filter(pk=invitation_id).first()


def accept(
    invitation: Invitation,
    *,
    user: AbstractBaseUser | None = None,
    by_coordinator: bool = False,
) -> Invitation:
    """The expert says yes (in her inbox, or to a coordinator, who confirms for her with
    `by_coordinator`): the first acceptance confirms the request, once, however many answers
    and clicks arrive at the same moment."""
    try:
        with transaction.atomic():
            request = SessionRequest.objects.select_for_update().get(pk=invitation.request_id)
            invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
            if invitation.status != InvitationStatus.PENDING:
                raise RequestError(gettext("This invitation has already been answered."))
            # Her row too: two of her own yeses for one day at once must not both pass the
            # "already booked that day" check below (each locks only its own request).
            expert = Expert.objects.select_for_update().get(pk=invitation.expert_id)
            if request.status != RequestStatus.PROPOSED or request.confirmed_expert_id:
                raise RequestError(
                    gettext("Another expert has already said yes; thank you all the same.")
                )
            if invitation.session_date in booked_days(
                [invitation.expert_id], invitation.session_date, invitation.session_date
            ).get(invitation.expert_id, []):
                raise RequestError(gettext("You already have a session on that day."))
            month_first, month_last = _month_bounds(invitation.session_date)
            that_month = len(booked_days([expert.pk], month_first, month_last).get(expert.pk, []))
            if that_month >= expert.max_sessions_per_month:
                # Proposed for two requests in one month at her maximum: the second yes waits
                # for a coordinator, who can raise the maximum with her.
                raise RequestError(
                    gettext(
                        "You have reached your maximum number of sessions that month. "
                        "Please contact the coordinator if you still want to do this one."
                    )
                )
            invitation.status = InvitationStatus.ACCEPTED
            invitation.responded_at = timezone.now()
            invitation.save(update_fields=["status", "responded_at"])
            request.status = RequestStatus.CONFIRMED
            request.confirmed_expert_id = invitation.expert_id
            request.confirmed_date = invitation.session_date
            request.save(
                update_fields=["status", "confirmed_expert", "confirmed_date", "updated_at"]
            )
            others = list(
                request.invitations.filter(status=InvitationStatus.PENDING)
                .exclude(pk=invitation.pk)
                .values_list("pk", flat=True)
            )
            Invitation.objects.filter(pk__in=others).update(
                status=InvitationStatus.RELEASED, responded_at=timezone.now()
            )
            if by_coordinator:
                history.record(
                    request,
                    Actor.COORDINATOR,
                    "Accepted by the expert, confirmed for her by a coordinator",
                    user=user,
                )
            else:
                history.record(request, Actor.EXPERT, "Accepted by the expert", user=user)
            messages.queue_requester("request_confirmed", request.pk)
            messages.queue_coordinators("request_confirmed", request.pk)
            messages.queue_expert("invitation_confirmed", invitation.pk)
            for other in others:
                messages.queue_expert("invitation_released", other)
    except IntegrityError as error:
        # The unique constraint caught a second acceptance the lock did not (it cannot on
        # PostgreSQL, but the constraint is the last word).
        raise RequestError(
            gettext("Another expert has already said yes; thank you all the same.")
        ) from error
    return invitation


def decline(
    invitation: Invitation, *, reason: str = "", user: AbstractBaseUser | None = None
) -> Invitation:
    """The expert says no, with an optional reason the coordinators see."""
    with transaction.atomic():
        request = SessionRequest.objects.select_for_update().get(pk=invitation.request_id)
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if invitation.status != InvitationStatus.PENDING:
            raise RequestError(gettext("This invitation has already been answered."))
        invitation.status = InvitationStatus.DECLINED
        invitation.decline_reason = reason.strip()[:1000]
        invitation.responded_at = timezone.now()
        invitation.save(update_fields=["status", "decline_reason", "responded_at"])
        history.record(request, Actor.EXPERT, "Declined by an expert", user=user)
        nobody_left = not request.invitations.filter(status=InvitationStatus.PENDING).exists()
        if nobody_left and request.status == RequestStatus.PROPOSED:
            # Nobody left to answer: back to the coordinators.
            request.status = RequestStatus.IN_REVIEW
            request.save(update_fields=["status", "updated_at"])
            history.record(request, Actor.SYSTEM, "Every proposed expert declined")
        messages.queue_coordinators("invitation_declined", request.pk)
    return invitation


def pause(
    expert: Expert, *, starts_on: datetime.date, ends_on: datetime.date, by_expert: bool = True
) -> ExpertPause:
    """Take no sessions in this period. Existing confirmed sessions stay: the coordinator
    is told, so that she can talk it through with the expert."""
    if ends_on < starts_on:
        raise RequestError(gettext("The end of the pause must be on or after its start."))
    with transaction.atomic():
        pause = ExpertPause.objects.create(
            expert=expert, starts_on=starts_on, ends_on=ends_on, set_by_expert=by_expert
        )
        open_invitations = list(
            Invitation.objects.filter(
                expert=expert,
                status=InvitationStatus.PENDING,
                session_date__range=(starts_on, ends_on),
            ).values_list("pk", flat=True)
        )
        if by_expert:
            messages.queue_pool_notice("expert_paused", expert.pk)
    for invitation_id in open_invitations:
        try:
            decline(Invitation.objects.get(pk=invitation_id), reason=gettext("Paused"))
        except RequestError:
            continue
    return pause


def end_pause(expert: Expert, today: datetime.date | None = None) -> int:
    """The expert is available again from today: pauses from today on go, a running one ends
    yesterday. The number of pauses changed."""
    today = today or timezone.localdate()
    removed = expert.pauses.filter(starts_on__gte=today).delete()[0]
    shortened = expert.pauses.filter(starts_on__lt=today, ends_on__gte=today).update(
        ends_on=today - datetime.timedelta(days=1)
    )
    return removed + shortened


def load_per_month(first_month: datetime.date, months: int = 3) -> list[dict]:
    """Per expert in the pool: confirmed sessions per month, against her maximum."""
    starts = []
    month = first_month.replace(day=1)
    for _index in range(months):
        starts.append(month)
        month = (month + datetime.timedelta(days=32)).replace(day=1)
    last = month - datetime.timedelta(days=1)
    experts = list(Expert.objects.in_pool().select_related("profile"))
    taken = booked_days([expert.pk for expert in experts], starts[0], last)
    rows = []
    for expert in experts:
        counts = [
            sum(1 for day in taken.get(expert.pk, []) if (day.year, day.month) == (m.year, m.month))
            for m in starts
        ]
        rows.append({"expert": expert, "months": list(zip(starts, counts, strict=True))})
    return rows


def open_requests_count() -> int:
    return SessionRequest.objects.exclude(status__in=CLOSED_STATUSES).aggregate(
        n=Count("pk", filter=~Q(status=RequestStatus.COMPLETED))
    )["n"]
