"""The expert pool in the personal data registry (found by autodiscovery: portal/privacy).

Three owners:

- `session_request`: a request from a school, club or organisation (SessionRequest) with its
  messages, its history and the requester's feedback. The requester has no account; a request
  is a user's when it carries an address their account verified. Requests are anonymised, not
  deleted: the history, the expert's invitation and its expense claim refer to them, and the
  numbers (sessions per municipality, theme, kind of host) stay right. Two years after the
  session, or after the last change when there was none, the contact's name, email and phone,
  the wishes, the notes, the messages and the feedback's free text go; the private status link
  then opens nothing. The organisation's name stays: a school or club, not a person. The
  invitations' words about that session (an expert's reason to decline, how it went for her)
  go with it.
- `expert_pool`: an expert's private record (Expert) with her pauses, her public profile and
  her invitations. A user's when it is linked to the account or carries an address the account
  verified. An expert who leaves the pool (`left_at`) is erased once the retention period after
  leaving has passed (default 90 days: time to settle the last session's aftercare and
  expenses); erasing her account erases her at once. Erasing anonymises the record (the
  requests she spoke at and her expense claims point at it): contact details, notes, consents,
  themes and places go, the public profile and the pauses are deleted, invitations lose their
  free text and any open invitation is declined, so the coordinators can find someone else.
  Her real name stays only while an expense claim needs it (bookkeeping, below), and goes in
  the first run after the last claim is gone.
- `expert_bookkeeping`: the expense claims. The law (art. 52 AWR) obliges the Centre to keep
  what it paid, and to whom, for seven years; that overrides the right to erasure (art.
  17(3)(b) GDPR). Exported, never erased, deleted seven years after they were submitted.
"""

from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.privacy import PersonalDataOwner, register
from portal.privacy.identity import verified_email_addresses

from .choices import WITHDRAWABLE_STATUSES, InvitationStatus
from .records import (
    ExpenseClaim,
    Expert,
    ExpertPause,
    ExpertProfile,
    Feedback,
    Invitation,
    RequestEvent,
    RequestMessage,
    SessionRequest,
)
from .services import matching
from .services import requests as request_services
from .services.requests import RequestError

REQUEST_RETENTION = timedelta(days=2 * 365)
EXPERT_RETENTION = timedelta(days=90)
BOOKKEEPING_RETENTION = timedelta(days=7 * 366)  # seven years, leap days included
ANONYMISED = ""


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


# --- Requests -------------------------------------------------------------------------------------


def requests_of(user) -> QuerySet:
    """The requests sent with an address the user's account verified (never user.email)."""
    match = Q(pk__in=[])
    for address in verified_email_addresses(user):
        match |= Q(contact_email__iexact=address)
    return SessionRequest.objects.filter(match, anonymised_at__isnull=True)


def export_requests(user) -> list[dict[str, Any]]:
    records = []
    for request in requests_of(user).select_related("municipality", "theme").order_by("pk"):
        feedback = Feedback.objects.filter(request=request).first()
        records.append(
            {
                "reference": request.reference,
                "received_at": request.created_at.isoformat(),
                "status": request.status,
                "host_kind": request.host_kind,
                "organisation": request.organisation,
                "contact_name": request.contact_name,
                "contact_email": request.contact_email,
                "contact_phone": request.contact_phone,
                "municipality": request.municipality.name,
                "age_group": request.age_group,
                "group_size": request.group_size,
                "theme": request.theme.name,
                "preferred_dates": [day.isoformat() for day in request.preferred_dates()],
                "wishes": request.wishes,
                "expert_wanted": request.expert_wanted,
                "session_date": _iso(request.confirmed_date),
                "message_from_the_coordinators": request.coordinator_note,
                "messages": [
                    {
                        "from": message.sender,
                        "sent_at": message.created_at.isoformat(),
                        "message": message.body,
                    }
                    for message in request.messages.order_by("created_at", "pk")
                ],
                "history": [
                    {"at": event.at.isoformat(), "status": event.status}
                    for event in request.events.order_by("at", "pk")
                ],
                "feedback": (
                    {
                        "rating": feedback.rating,
                        "went_well": feedback.went_well,
                        "could_improve": feedback.could_improve,
                        "given_at": feedback.created_at.isoformat(),
                    }
                    if feedback is not None
                    else None
                ),
            }
        )
    return records


def anonymise_requests(requests: QuerySet) -> int:
    """Strip the requests of everything about the people in them; their numbers stay."""
    ids = list(requests.filter(anonymised_at__isnull=True).values_list("pk", flat=True))
    if not ids:
        return 0
    RequestMessage.objects.filter(request_id__in=ids).delete()
    Feedback.objects.filter(request_id__in=ids).update(went_well="", could_improve="")
    RequestEvent.objects.filter(request_id__in=ids).update(user=None)
    Invitation.objects.filter(request_id__in=ids).update(
        decline_reason="", aftercare_note="", aftercare_wellbeing=""
    )
    return SessionRequest.objects.filter(pk__in=ids).update(
        contact_name=ANONYMISED,
        contact_email=ANONYMISED,
        contact_phone=ANONYMISED,
        wishes=ANONYMISED,
        coordinator_note=ANONYMISED,
        briefing=ANONYMISED,
        anonymised_at=timezone.now(),
    )


@transaction.atomic
def erase_requests(user) -> int:
    """The user's requests, anonymised; one still running is withdrawn first, so its experts
    are released and the coordinators know nobody is waiting for it any more."""
    mine = requests_of(user)
    for request in mine.filter(status__in=WITHDRAWABLE_STATUSES):
        request_services.withdraw(request)
    return anonymise_requests(mine)


@transaction.atomic
def purge_requests(cutoff: datetime) -> int:
    """Requests whose session, and whose last change, lie before `cutoff`."""
    expired = (
        SessionRequest.objects.filter(anonymised_at__isnull=True, updated_at__lt=cutoff)
        .filter(Q(confirmed_date__isnull=True) | Q(confirmed_date__lt=cutoff.date()))
        .exclude(events__at__gte=cutoff)
    )
    return anonymise_requests(expired)


register(
    PersonalDataOwner(
        key="session_request",
        label=_("Awareness sessions: your requests"),
        models=[SessionRequest, RequestMessage, RequestEvent, Feedback],
        exporter=export_requests,
        eraser=erase_requests,
        default_retention=REQUEST_RETENTION,
        purger=purge_requests,
    )
)


# --- Experts --------------------------------------------------------------------------------------


def experts_of(user) -> QuerySet:
    """The expert record linked to the account, or carrying an address it verified."""
    match = Q(user=user) if user.pk else Q(pk__in=[])
    for address in verified_email_addresses(user):
        match |= Q(email__iexact=address)
    return Expert.objects.filter(match).exclude(email=ANONYMISED, user__isnull=True)


def export_experts(user) -> list[dict[str, Any]]:
    records = []
    for expert in experts_of(user).prefetch_related("themes", "audiences", "municipalities"):
        profile = ExpertProfile.objects.filter(expert=expert).prefetch_related("themes").first()
        records.append(
            {
                "real_name": expert.real_name,
                "email": expert.email,
                "phone": expert.phone,
                "themes": [theme.name for theme in expert.themes.all()],
                "audiences": [audience.name for audience in expert.audiences.all()],
                "age_groups": expert.age_groups,
                "languages": expert.languages,
                "municipalities": [place.name for place in expert.municipalities.all()],
                "max_sessions_per_month": expert.max_sessions_per_month,
                "available_weekdays": expert.available_weekdays,
                "consent_public_profile": expert.consent_public_profile,
                "consent_photo": expert.consent_photo,
                "consents_recorded_at": _iso(expert.consents_recorded_at),
                "coordinators_notes": expert.notes,
                "in_the_pool": expert.active and expert.left_at is None,
                "left_at": _iso(expert.left_at),
                "pauses": [
                    {
                        "from": pause.starts_on.isoformat(),
                        "until": pause.ends_on.isoformat(),
                        "set_by_expert": pause.set_by_expert,
                    }
                    for pause in expert.pauses.all()
                ],
                "public_profile": (
                    {
                        "pseudonym": profile.pseudonym,
                        "themes": [theme.name for theme in profile.themes.all()],
                        "short_story": profile.short_story,
                        "has_photo": profile.photo_id is not None,
                        "approved": profile.approved,
                        "approved_at": _iso(profile.approved_at),
                    }
                    if profile is not None
                    else None
                ),
                "invitations": [
                    {
                        "request": invitation.request.reference,
                        "date": invitation.session_date.isoformat(),
                        "status": invitation.status,
                        "reason": invitation.decline_reason,
                        "answered_at": _iso(invitation.responded_at),
                        "aftercare": invitation.aftercare_wellbeing,
                        "aftercare_note": invitation.aftercare_note,
                    }
                    for invitation in expert.invitations.select_related("request").order_by(
                        "session_date", "pk"
                    )
                ],
            }
        )
    return records


def _erase_expert(expert: Expert) -> int:
    # An open invitation is declined, so its request goes back to the coordinators.
    for invitation in expert.invitations.filter(status=InvitationStatus.PENDING):
        try:
            matching.decline(invitation)
        except RequestError:
            continue
    touched = 0
    profile = ExpertProfile.objects.filter(expert=expert).first()
    if profile is not None:
        profile.delete()  # one by one: the page cache and the search index follow
        touched += 1
    touched += ExpertPause.objects.filter(expert=expert).delete()[0]
    touched += expert.invitations.update(
        decline_reason="", aftercare_note="", aftercare_wellbeing=""
    )
    expert.themes.clear()
    expert.audiences.clear()
    expert.municipalities.clear()
    bookkeeping = ExpenseClaim.objects.filter(invitation__expert=expert).exists()
    now = timezone.now()
    Expert.objects.filter(pk=expert.pk).update(
        user=None,
        # Kept while an expense claim must say whom the Centre paid (bookkeeping).
        real_name=expert.real_name if bookkeeping else ANONYMISED,
        email=ANONYMISED,
        phone=ANONYMISED,
        notes=ANONYMISED,
        age_groups=[],
        languages=[],
        available_weekdays=[],
        consent_public_profile=False,
        consent_photo=False,
        consents_recorded_at=None,
        active=False,
        left_at=expert.left_at or now,
    )
    return touched + 1


def _erased() -> Q:
    return Q(email=ANONYMISED, user__isnull=True)


@transaction.atomic
def erase_experts(user) -> int:
    return sum(_erase_expert(expert) for expert in experts_of(user))


@transaction.atomic
def purge_experts(cutoff: datetime) -> int:
    """Experts who left the pool before `cutoff`; the names kept for bookkeeping once no claim
    needs them; pauses that ended before `cutoff`."""
    count = 0
    for expert in Expert.objects.filter(left_at__lt=cutoff).exclude(_erased()):
        count += _erase_expert(expert)
    count += (
        Expert.objects.filter(_erased())
        .exclude(real_name=ANONYMISED)
        .exclude(invitations__expense__isnull=False)
        .update(real_name=ANONYMISED)
    )
    count += ExpertPause.objects.filter(ends_on__lt=cutoff.date()).delete()[0]
    return count


register(
    PersonalDataOwner(
        key="expert_pool",
        label=_("Expert pool: your record, profile and invitations"),
        models=[Expert, ExpertPause, ExpertProfile, Invitation],
        exporter=export_experts,
        eraser=erase_experts,
        default_retention=EXPERT_RETENTION,
        purger=purge_experts,
    )
)


# --- Expense claims: bookkeeping ------------------------------------------------------------------


def export_expenses(user) -> list[dict[str, Any]]:
    match = Q(invitation__expert__user=user) if user.pk else Q(pk__in=[])
    for address in verified_email_addresses(user):
        match |= Q(invitation__expert__email__iexact=address)
    return [
        {
            "request": claim.invitation.request.reference,
            "session_date": claim.invitation.session_date.isoformat(),
            "travel_km": str(claim.travel_km),
            "travel_costs": str(claim.travel_costs),
            "fee": str(claim.fee),
            "note": claim.note,
            "status": claim.status,
            "submitted_at": claim.submitted_at.isoformat(),
            "decided_at": _iso(claim.decided_at),
        }
        for claim in ExpenseClaim.objects.filter(match)
        .select_related("invitation__request")
        .order_by("submitted_at", "pk")
    ]


def keep_expenses(user) -> int:
    """Nothing is erased: the fiscal obligation to keep them seven years (art. 52 AWR)
    overrides the right to erasure (art. 17(3)(b) GDPR). Retention ends them."""
    return 0


def purge_expenses(cutoff: datetime) -> int:
    return ExpenseClaim.objects.filter(submitted_at__lt=cutoff).delete()[0]


register(
    PersonalDataOwner(
        key="expert_bookkeeping",
        label=_("Expert pool: your expense claims"),
        models=[ExpenseClaim],
        exporter=export_expenses,
        eraser=keep_expenses,
        default_retention=BOOKKEEPING_RETENTION,
        purger=purge_expenses,
    )
)
