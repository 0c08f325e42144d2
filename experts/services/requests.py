"""Use cases of a request from a school, club or organisation: send it, follow it, withdraw it,
write to the coordinators, close it with feedback.

The requester has no account: the private status link (status_links.py) is the key. Every
change is written to the request's history (history.py) and the people concerned are told
through the outbox (messages.py) once the change is committed.
"""

import datetime
import secrets
from dataclasses import dataclass

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext

from portal.models import Municipality, Theme

from ..choices import WITHDRAWABLE_STATUSES, InvitationStatus, RequestStatus
from ..records import Actor, Feedback, RequestMessage, SessionRequest
from . import history, messages, status_links

# No 0/O, 1/I/L: a reference is read aloud on the phone and typed over from an email.
REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
REFERENCE_PREFIX = "VL-"
REFERENCE_LENGTH = 6


class RequestError(Exception):
    """The request cannot do this now; `message` says why, in the user's language."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class RequestDetails:
    host_kind: str
    organisation: str
    contact_name: str
    contact_email: str
    municipality: Municipality
    age_group: str
    group_size: int
    theme: Theme
    preferred_dates: list[datetime.date]
    contact_phone: str = ""
    wishes: str = ""
    expert_wanted: bool = True
    offer_id: int | None = None


@dataclass(frozen=True)
class SentRequest:
    request: SessionRequest
    # Shown once on the thank-you page and mailed once; never stored.
    status_token: str


def _new_reference() -> str:
    while True:
        reference = REFERENCE_PREFIX + "".join(
            secrets.choice(REFERENCE_ALPHABET) for _ in range(REFERENCE_LENGTH)
        )
        if not SessionRequest.objects.filter(reference=reference).exists():
            return reference


def submit_request(details: RequestDetails, *, language: str) -> SentRequest:
    """Store the request, tell the requester (with the status link) and the coordinators."""
    dates = sorted(set(details.preferred_dates))[:3]
    if not dates:
        raise RequestError(gettext("Give at least one date that suits you."))
    token, token_digest = status_links.new_token()
    for _attempt in range(3):
        try:
            with transaction.atomic():
                request = SessionRequest.objects.create(
                    reference=_new_reference(),
                    status_token_digest=token_digest,
                    offer_id=details.offer_id,
                    host_kind=details.host_kind,
                    organisation=details.organisation,
                    contact_name=details.contact_name,
                    contact_email=details.contact_email,
                    contact_phone=details.contact_phone,
                    municipality=details.municipality,
                    age_group=details.age_group,
                    group_size=details.group_size,
                    theme=details.theme,
                    preferred_date_1=dates[0],
                    preferred_date_2=dates[1] if len(dates) > 1 else None,
                    preferred_date_3=dates[2] if len(dates) > 2 else None,
                    wishes=details.wishes,
                    expert_wanted=details.expert_wanted,
                    language=language,
                )
                history.record(request, Actor.REQUESTER, "Request received")
                messages.send_request_received(request, token)
                messages.queue_coordinators("new_request", request.pk)
            return SentRequest(request=request, status_token=token)
        except IntegrityError:
            # Two requests drew the same reference at the same moment: draw again.
            continue
    raise RequestError(gettext("Your request could not be saved just now. Please try again."))


def send_new_status_link(reference: str, contact_email: str) -> bool:
    """A requester lost her link: when the reference and the address belong together, a new
    link goes to that address and the old one stops opening anything. True when sent.

    The caller answers the same either way, so nobody learns which references exist or whose
    address goes with one; the new link goes only to the address the request already has.
    """
    reference = reference.strip().upper()
    if not reference.startswith(REFERENCE_PREFIX):
        reference = REFERENCE_PREFIX + reference
    with transaction.atomic():
        request = (
            SessionRequest.objects.select_for_update()
            .filter(
                reference=reference,
                contact_email__iexact=contact_email.strip(),
                anonymised_at__isnull=True,
            )
            .first()
        )
        if request is None:
            return False
        token, token_digest = status_links.new_token()
        request.status_token_digest = token_digest
        request.save(update_fields=["status_token_digest", "updated_at"])
        history.record(request, Actor.REQUESTER, "New status link sent on request")
        messages.send_new_status_link(request, token)
    return True


def withdraw(request: SessionRequest) -> SessionRequest:
    """The requester no longer needs the session: invited experts are released."""
    with transaction.atomic():
        request = SessionRequest.objects.select_for_update().get(pk=request.pk)
        if request.status not in WITHDRAWABLE_STATUSES:
            raise RequestError(gettext("This request can no longer be withdrawn."))
        request.status = RequestStatus.WITHDRAWN
        request.save(update_fields=["status", "updated_at"])
        released = _release_invitations(request)
        history.record(request, Actor.REQUESTER, "Withdrawn by the requester")
        messages.queue_coordinators("request_withdrawn", request.pk)
        for invitation_id in released:
            messages.queue_expert("invitation_released", invitation_id)
    return request


def _release_invitations(request: SessionRequest) -> list[int]:
    """Release the request's open and accepted invitations; their ids, to tell the experts."""
    invitations = list(
        request.invitations.filter(
            status__in=[InvitationStatus.PENDING, InvitationStatus.ACCEPTED]
        ).values_list("pk", flat=True)
    )
    request.invitations.filter(pk__in=invitations).update(
        status=InvitationStatus.RELEASED, responded_at=timezone.now()
    )
    return invitations


def add_requester_message(request: SessionRequest, body: str) -> RequestMessage:
    body = body.strip()
    if not body:
        raise RequestError(gettext("Type a message."))
    with transaction.atomic():
        message = RequestMessage.objects.create(request=request, sender=Actor.REQUESTER, body=body)
        history.record(request, Actor.REQUESTER, "Message from the requester")
        messages.queue_coordinators("requester_message", request.pk)
    return message


def add_coordinator_message(
    request: SessionRequest, body: str, *, user: AbstractBaseUser
) -> RequestMessage:
    body = body.strip()
    if not body:
        raise RequestError(gettext("Type a message."))
    with transaction.atomic():
        message = RequestMessage.objects.create(
            request=request, sender=Actor.COORDINATOR, body=body
        )
        history.record(request, Actor.COORDINATOR, "Message to the requester", user=user)
        messages.queue_requester("coordinator_message", request.pk)
    return message


def start_review(request: SessionRequest, *, user: AbstractBaseUser) -> SessionRequest:
    """A coordinator takes the request up; the requester sees it is being looked at."""
    return _move(
        request,
        {RequestStatus.NEW},
        RequestStatus.IN_REVIEW,
        "Taken up by a coordinator",
        user=user,
        notify="request_in_review",
    )


def decline(request: SessionRequest, *, user: AbstractBaseUser, reason: str) -> SessionRequest:
    """The Centre cannot do this request (no expert free on any date, outside the region)."""
    request = _move(
        request,
        {RequestStatus.NEW, RequestStatus.IN_REVIEW, RequestStatus.PROPOSED},
        RequestStatus.DECLINED,
        "Declined by a coordinator",
        user=user,
        notify="request_declined",
        note=reason,
    )
    return request


def cancel(request: SessionRequest, *, user: AbstractBaseUser, reason: str) -> SessionRequest:
    """A confirmed session does not take place after all (the expert fell ill, the school
    closed): the requester and the expert are told."""
    return _move(
        request,
        {RequestStatus.PROPOSED, RequestStatus.CONFIRMED},
        RequestStatus.CANCELLED,
        "Cancelled by a coordinator",
        user=user,
        notify="request_cancelled",
        note=reason,
    )


def complete(request: SessionRequest, *, user: AbstractBaseUser | None = None) -> SessionRequest:
    """The session took place: the requester is asked for feedback, the expert how it went."""
    return _move(
        request,
        {RequestStatus.CONFIRMED},
        RequestStatus.COMPLETED,
        "Session took place",
        user=user,
        notify="request_completed",
    )


def _move(
    request: SessionRequest,
    allowed: set[str],
    target: str,
    description: str,
    *,
    user: AbstractBaseUser | None,
    notify: str,
    note: str = "",
) -> SessionRequest:
    with transaction.atomic():
        request = SessionRequest.objects.select_for_update().get(pk=request.pk)
        if request.status not in allowed:
            raise RequestError(
                gettext("This request is %(status)s; that cannot change this way.")
                % {"status": request.get_status_display().lower()}
            )
        request.status = target
        fields = ["status", "updated_at"]
        if target == RequestStatus.COMPLETED:
            request.feedback_requested_at = timezone.now()
            fields.append("feedback_requested_at")
        if note:
            request.coordinator_note = note
            fields.append("coordinator_note")
        request.save(update_fields=fields)
        released: list[int] = []
        if target in (RequestStatus.DECLINED, RequestStatus.CANCELLED):
            released = _release_invitations(request)
        actor = Actor.COORDINATOR if user is not None else Actor.SYSTEM
        history.record(request, actor, description, user=user)
        messages.queue_requester(notify, request.pk)
        for invitation_id in released:
            messages.queue_expert("invitation_released", invitation_id)
        if target == RequestStatus.COMPLETED:
            messages.queue_expert_aftercare(request.pk)
    return request


def give_feedback(
    request: SessionRequest, *, rating: int, went_well: str = "", could_improve: str = ""
) -> Feedback:
    """The requester's evaluation; once per request, after the session."""
    with transaction.atomic():
        request = SessionRequest.objects.select_for_update().get(pk=request.pk)
        if request.status != RequestStatus.COMPLETED:
            raise RequestError(gettext("Feedback can be given once the session has taken place."))
        feedback = Feedback.objects.create(
            request=request, rating=rating, went_well=went_well, could_improve=could_improve
        )
        request.status = RequestStatus.EVALUATED
        request.save(update_fields=["status", "updated_at"])
        history.record(request, Actor.REQUESTER, "Feedback given")
        messages.queue_coordinators("feedback_given", request.pk)
    return feedback


def complete_past_sessions(today: datetime.date | None = None) -> int:
    """Confirmed sessions whose date has passed are completed (from run_maintenance)."""
    today = today or timezone.localdate()
    done = 0
    for request in SessionRequest.objects.filter(
        status=RequestStatus.CONFIRMED, confirmed_date__lt=today
    ):
        try:
            complete(request)
        except RequestError:
            continue
        done += 1
    return done
