"""Care for the expert and the money after a session: her aftercare check-in, her expense
claim, and the coordinator's approval of it."""

import datetime
from decimal import Decimal

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext

from ..choices import ExpenseStatus, InvitationStatus, RequestStatus
from ..records import Actor, ExpenseClaim, Invitation, SessionRequest
from . import history, messages
from .requests import RequestError

# What the coordinator agrees with the host before the session: the safety checklist, the
# expert's briefing and the note to the requester (shown on the status page).
PREPARATION_FIELDS = (
    "host_professional_present",
    "no_recording",
    "no_press",
    "audience_prepared",
    "briefing",
    "coordinator_note",
)

# The expert's briefing reminder goes this many days before her session.
BRIEFING_DAYS_BEFORE = 3

# A session is behind the expert once its request got this far.
_AFTER_SESSION = (RequestStatus.COMPLETED, RequestStatus.EVALUATED)


def session_is_behind(invitation: Invitation) -> bool:
    return (
        invitation.status == InvitationStatus.ACCEPTED
        and invitation.request.status in _AFTER_SESSION
    )


def record_aftercare(invitation: Invitation, *, wellbeing: str, note: str = "") -> Invitation:
    """How it went for the expert; "hard" asks the coordinators to call her."""
    if not session_is_behind(invitation):
        raise RequestError(gettext("You can tell us how it went once the session is behind you."))
    with transaction.atomic():
        invitation.aftercare_wellbeing = wellbeing
        invitation.aftercare_note = note.strip()
        invitation.aftercare_at = timezone.now()
        invitation.save(update_fields=["aftercare_wellbeing", "aftercare_note", "aftercare_at"])
        history.record(invitation.request, Actor.EXPERT, "Aftercare check-in by the expert")
        if wellbeing == "hard":
            messages.queue_pool_notice("expert_paused", invitation.expert_id)
    return invitation


def submit_expense(
    invitation: Invitation,
    *,
    travel_km: Decimal,
    travel_costs: Decimal,
    fee: Decimal,
    note: str = "",
) -> ExpenseClaim:
    """The expert's claim for one session; she may correct it until a coordinator decided."""
    if not session_is_behind(invitation):
        raise RequestError(gettext("You can claim expenses once the session is behind you."))
    values = {"travel_km": travel_km, "travel_costs": travel_costs, "fee": fee, "note": note}
    with transaction.atomic():
        claim = ExpenseClaim.objects.select_for_update().filter(invitation=invitation).first()
        if claim is not None and claim.status != ExpenseStatus.SUBMITTED:
            raise RequestError(gettext("This claim has been decided and can no longer change."))
        if claim is None:
            try:
                with transaction.atomic():
                    return ExpenseClaim.objects.create(invitation=invitation, **values)
            except IntegrityError:
                claim = ExpenseClaim.objects.select_for_update().get(invitation=invitation)
        for field, value in values.items():
            setattr(claim, field, value)
        claim.save(update_fields=list(values))
    return claim


def decide_expense(claim: ExpenseClaim, *, approve: bool, user: AbstractBaseUser) -> ExpenseClaim:
    with transaction.atomic():
        claim = ExpenseClaim.objects.select_for_update().get(pk=claim.pk)
        if claim.status != ExpenseStatus.SUBMITTED:
            raise RequestError(gettext("This claim has already been decided."))
        claim.status = ExpenseStatus.APPROVED if approve else ExpenseStatus.REJECTED
        claim.decided_at = timezone.now()
        claim.decided_by = user
        claim.save(update_fields=["status", "decided_at", "decided_by"])
    return claim


def update_preparation(
    request: SessionRequest, values: dict, *, user: AbstractBaseUser
) -> SessionRequest:
    """Save the safety checklist, the briefing and the note to the requester (other keys in
    `values` are ignored); the history says a coordinator changed them."""
    with transaction.atomic():
        request = SessionRequest.objects.select_for_update().get(pk=request.pk)
        changed = [
            field
            for field in PREPARATION_FIELDS
            if field in values and getattr(request, field) != values[field]
        ]
        if not changed:
            return request
        for field in changed:
            setattr(request, field, values[field])
        request.save(update_fields=[*changed, "updated_at"])
        history.record(
            request, Actor.COORDINATOR, "Safety checklist or briefing changed", user=user
        )
    return request


def send_due_briefings(today: datetime.date | None = None) -> int:
    """A few days before each confirmed session: the expert is reminded of it and of her
    briefing (in her inbox, behind her second factor), and the coordinators are told when the
    safety checklist is not complete yet. Once per session; the number of sessions."""
    today = today or timezone.localdate()
    last_day = today + datetime.timedelta(days=BRIEFING_DAYS_BEFORE)
    due = SessionRequest.objects.filter(
        status=RequestStatus.CONFIRMED,
        confirmed_date__range=(today, last_day),
        briefing_sent_at__isnull=True,
    ).values_list("pk", flat=True)
    sent = 0
    for request_id in list(due):
        with transaction.atomic():
            request = (
                SessionRequest.objects.select_for_update()
                .filter(pk=request_id, briefing_sent_at__isnull=True)
                .first()
            )
            if request is None:
                continue
            request.briefing_sent_at = timezone.now()
            request.save(update_fields=["briefing_sent_at"])
            invitation = request.invitations.filter(status=InvitationStatus.ACCEPTED).first()
            if invitation is not None:
                messages.queue_expert("briefing", invitation.pk)
            if not request.safety_checklist_complete():
                messages.queue_coordinators("checklist_incomplete", request.pk)
            history.record(request, Actor.SYSTEM, "Briefing reminder sent to the expert")
        sent += 1
    return sent
