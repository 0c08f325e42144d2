"""The messages of the expert pool: to the requester, the expert and the coordinators.

Like the classroom bookings' messages (courses/services/booking_mail.py): the use cases call a
`queue_*` function that enqueues a task once their transaction commits, with ids and a message
kind only (the task queue holds no personal data); the task reads the request as it is then
and queues the email in the outbox (portal/mail).

The one exception is the requester's first message: it carries the status link, whose token
exists only in that moment (status_links.py), so it goes to the outbox at once.

A message to a requester names the expert by her pseudonym only (`expert_pseudonym`); the
context of those messages never holds the Expert record. Subjects stay neutral ("Uw aanvraag
VL-…"): a school's shared inbox need not read more.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import translation
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

from portal import roles
from portal.mail.services import absolute_url, send_templated_mail

from ..records import Expert, Invitation, SessionRequest
from . import status_links

# kind: (subject, first paragraph). The body template adds the request's details.
REQUESTER_TEXTS = {
    "request_in_review": (
        _("Your request %(reference)s is being looked at"),
        _("A coordinator of the expert pool has taken up your request."),
    ),
    "request_proposed": (
        _("Your request %(reference)s: we are asking an expert"),
        _(
            "We have asked one or more lived-experience experts whether they can come. "
            "You will hear from us as soon as one says yes."
        ),
    ),
    "request_confirmed": (
        _("Your request %(reference)s is confirmed"),
        _("Good news: the session is confirmed."),
    ),
    "request_declined": (
        _("Your request %(reference)s"),
        _("Unfortunately we cannot provide this session."),
    ),
    "request_cancelled": (
        _("Your session %(reference)s is cancelled"),
        _("Unfortunately the session cannot take place."),
    ),
    "request_completed": (
        _("How did the session go? (%(reference)s)"),
        _(
            "Thank you for welcoming us. Would you tell us how the session went? It takes two "
            "minutes: use the link in our first email about this request."
        ),
    ),
    "coordinator_message": (
        _("A message about your request %(reference)s"),
        _("A coordinator has written to you about your request:"),
    ),
}

EXPERT_TEXTS = {
    "invitation": (
        _("A new invitation in your inbox"),
        _("You have been asked for an awareness session. Please answer in your inbox."),
    ),
    "invitation_confirmed": (
        _("Your session is confirmed"),
        _("Thank you for saying yes. The session is confirmed; the briefing is in your inbox."),
    ),
    "invitation_released": (
        _("An invitation is no longer needed"),
        _("An invitation in your inbox is no longer needed. Thank you all the same."),
    ),
    "briefing": (
        _("Your session is coming up"),
        _(
            "Your session is in a few days. Read the briefing in your inbox: where to go, who "
            "receives you and what the group knows. Is anything unclear, or do you not feel up "
            "to it? Call the coordinator; that is always fine."
        ),
    ),
    "aftercare": (
        _("How did it go for you?"),
        _(
            "The session is behind you. How did it go for you? Tell us in your inbox; if you "
            "would like to talk about it, we will call you."
        ),
    ),
}

COORDINATOR_TEXTS = {
    "new_request": _("New request %(reference)s"),
    "request_withdrawn": _("Request %(reference)s withdrawn"),
    "requester_message": _("Message from the requester of %(reference)s"),
    "request_confirmed": _("Request %(reference)s confirmed by an expert"),
    "invitation_declined": _("An expert declined request %(reference)s"),
    "feedback_given": _("Feedback on request %(reference)s"),
    "expert_paused": _("An expert paused her availability"),
    "checklist_incomplete": _(
        "Safety checklist of %(reference)s not complete, and the session is in a few days"
    ),
}


# Set by `muted()`: the demo content goes through the use cases (so its history is right) but
# emails nobody.
_muted: ContextVar[bool] = ContextVar("experts_messages_muted", default=False)


@contextmanager
def muted() -> Iterator[None]:
    """Within this block the use cases queue no message and send no email (the demo loader)."""
    token = _muted.set(True)
    try:
        yield
    finally:
        _muted.reset(token)


def _enqueue_after_commit(task_name: str, *args) -> None:
    if _muted.get():
        return

    def enqueue() -> None:
        # By name: experts/tasks.py imports this module.
        import_string(f"experts.tasks.{task_name}").enqueue(*args)

    transaction.on_commit(enqueue, robust=True)


def queue_requester(kind: str, request_id: int) -> None:
    _enqueue_after_commit("send_requester_message", kind, request_id)


def queue_expert(kind: str, invitation_id: int) -> None:
    _enqueue_after_commit("send_expert_message", kind, invitation_id)


def queue_expert_aftercare(request_id: int) -> None:
    _enqueue_after_commit("send_aftercare_message", request_id)


def queue_coordinators(kind: str, request_id: int) -> None:
    _enqueue_after_commit("send_coordinator_message", kind, request_id)


def queue_pool_notice(kind: str, expert_id: int) -> None:
    _enqueue_after_commit("send_pool_notice", kind, expert_id)


def _pseudonym(request: SessionRequest) -> str:
    expert = request.confirmed_expert
    profile = getattr(expert, "profile", None) if expert is not None else None
    return profile.pseudonym if profile is not None else ""


def requester_context(request: SessionRequest) -> dict:
    """What a message to the requester may show: the request and the expert's pseudonym."""
    return {
        "reference": request.reference,
        "organisation": request.organisation,
        "contact_name": request.contact_name,
        "status": request.get_status_display(),
        "confirmed_date": request.confirmed_date,
        "expert_pseudonym": _pseudonym(request),
        "coordinator_note": request.coordinator_note,
        "offer_title": request.offer.title if request.offer_id and request.offer else "",
        "theme": request.theme.name,
        "new_link_url": absolute_url("experts:new_status_link", language=request.language),
    }


def send_request_received(request: SessionRequest, token: str) -> bool:
    """The first message: the reference and the private status link (made only now)."""
    if _muted.get():
        return False
    with translation.override(request.language):
        context = requester_context(request) | {
            "status_url": status_links.status_url(token, request.language),
            "preferred_dates": request.preferred_dates(),
        }
    return send_templated_mail(
        "experts/mail/request_received",
        context,
        request.contact_email,
        language=request.language,
    )


def send_new_status_link(request: SessionRequest, token: str) -> bool:
    """A new status link, asked for on the site (the old one no longer opens anything).
    Straight to the outbox, like the first message: the token exists only now."""
    context = requester_context(request) | {
        "status_url": status_links.status_url(token, request.language),
    }
    # Not worth delivering a day late: by then she may have asked again.
    return send_templated_mail(
        "experts/mail/new_status_link",
        context,
        request.contact_email,
        language=request.language,
        useful_for=timedelta(hours=24),
    )


def send_requester_message(kind: str, request_id: int) -> bool:
    request = (
        SessionRequest.objects.select_related("theme", "confirmed_expert__profile", "offer")
        .filter(pk=request_id, anonymised_at__isnull=True)
        .first()
    )
    if request is None or kind not in REQUESTER_TEXTS:
        return False
    subject, opening = REQUESTER_TEXTS[kind]
    with translation.override(request.language):
        # In the requester's language: the status label is translated when it is read.
        context = requester_context(request)
        context |= {
            "subject": str(subject) % {"reference": request.reference},
            "opening": str(opening),
            "last_message": (
                request.messages.filter(sender="coordinator").order_by("-created_at").first()
                if kind == "coordinator_message"
                else None
            ),
        }
    return send_templated_mail(
        "experts/mail/requester", context, request.contact_email, language=request.language
    )


def _expert_language(expert: Expert) -> str:
    return "nl" if "nl" in (expert.languages or []) else "en"


def send_expert_message(kind: str, invitation_id: int) -> bool:
    invitation = (
        Invitation.objects.select_related(
            "expert", "request__theme", "request__municipality", "request__offer"
        )
        .filter(pk=invitation_id, expert__left_at__isnull=True)
        .first()
    )
    if invitation is None or kind not in EXPERT_TEXTS:
        return False
    return _send_to_expert(kind, invitation.expert, invitation)


def send_aftercare_message(request_id: int) -> bool:
    invitation = (
        Invitation.objects.select_related("expert", "request")
        .filter(request_id=request_id, status="accepted", expert__left_at__isnull=True)
        .first()
    )
    if invitation is None:
        return False
    return _send_to_expert("aftercare", invitation.expert, invitation)


def _send_to_expert(kind: str, expert: Expert, invitation: Invitation) -> bool:
    language = _expert_language(expert)
    subject, opening = EXPERT_TEXTS[kind]
    with translation.override(language):
        context = {
            "subject": str(subject),
            "opening": str(opening),
            "inbox_url": absolute_url("experts:inbox", language=language),
            "session_date": invitation.session_date,
            "municipality": invitation.request.municipality.name,
        }
    # Useful while the answer matters: an invitation after its date is noise.
    return send_templated_mail(
        "experts/mail/expert",
        context,
        expert.email,
        language=language,
        useful_for=timedelta(days=14),
    )


def _coordinator_addresses() -> list[str]:
    users = get_user_model().objects.filter(
        groups__name=roles.EXPERT_POOL_COORDINATOR, is_active=True
    )
    addresses = sorted({user.email for user in users if user.email})
    return addresses or [settings.CENTRE_NOTIFICATION_EMAIL]


def send_coordinator_message(kind: str, request_id: int) -> bool:
    request = SessionRequest.objects.filter(pk=request_id).first()
    if request is None or kind not in COORDINATOR_TEXTS:
        return False
    return _send_to_coordinators(
        kind,
        {"reference": request.reference},
        absolute_url("experts_requests:inspect", args=(request.pk,)),
    )


def send_pool_notice(kind: str, expert_id: int) -> bool:
    if kind not in COORDINATOR_TEXTS or not Expert.objects.filter(pk=expert_id).exists():
        return False
    return _send_to_coordinators(kind, {"reference": ""}, "")


def _send_to_coordinators(kind: str, values: dict, admin_url: str) -> bool:
    sent = False
    with translation.override("nl"):
        subject = str(COORDINATOR_TEXTS[kind]) % values
    # The message says what happened and links to the admin; the details are behind MFA.
    for address in _coordinator_addresses():
        sent = (
            send_templated_mail(
                "experts/mail/coordinator",
                {"subject": subject, "admin_url": admin_url},
                address,
                language="nl",
            )
            or sent
        )
    return sent
