"""The expert's own inbox: the invitations offered to her, her answer, her pauses, the
aftercare check-in and expenses after a session.

Signed in with the second factor (`require_mfa`), and only for an account that is an expert's:
anyone else gets a 403. An invitation is looked up among the signed-in expert's own
(matching.invitation_of), so another expert's id answers 404, the same as an unknown one.
Never stored, private (not crawled, no history rewriting by the quick exit).
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from portal import roles
from portal.accounts.decorators import require_mfa
from portal.security.areas import never_stored, private_area

from .choices import InvitationStatus
from .inbox_forms import AftercareForm, DeclineForm, ExpenseForm, PauseForm
from .records import Expert, Invitation
from .services import care, matching
from .services.requests import RequestError


def _expert(request: HttpRequest) -> Expert:
    # Only an account in the expert role: a role means the second factor (require_mfa), so an
    # account linked to an expert record some other way cannot open her inbox on a password.
    expert = (
        Expert.objects.in_pool().filter(user=request.user, user__groups__name=roles.EXPERT).first()
    )
    if expert is None:
        raise PermissionDenied
    return expert


def _invitation(expert: Expert, invitation_id: int) -> Invitation:
    invitation = matching.invitation_of(expert, invitation_id)
    if invitation is None:
        raise Http404
    return invitation


def _see_other(url: str) -> HttpResponse:
    response = redirect(url)
    response.status_code = 303
    return response


@require_mfa
@private_area
@never_stored
@require_http_methods(["GET", "HEAD"])
def inbox(request: HttpRequest) -> HttpResponse:
    expert = _expert(request)
    invitations = list(matching.invitations_for(expert).select_related("expense"))
    today = timezone.localdate()
    pauses = list(expert.pauses.filter(ends_on__gte=today))
    return TemplateResponse(
        request,
        "experts/inbox.html",
        {
            "expert": expert,
            "open_invitations": [i for i in invitations if i.status == InvitationStatus.PENDING],
            "upcoming": [
                i
                for i in invitations
                if i.status == InvitationStatus.ACCEPTED and i.session_date >= today
            ],
            "past": [
                i
                for i in invitations
                if i.status != InvitationStatus.PENDING
                and not (i.status == InvitationStatus.ACCEPTED and i.session_date >= today)
            ],
            "pauses": pauses,
            "paused_today": any(p.covers(today) for p in pauses),
            "pause_form": PauseForm(),
            "notice": request.GET.get("gedaan", ""),
        },
    )


@require_mfa
@private_area
@never_stored
@require_http_methods(["GET", "HEAD", "POST"])
def invitation_detail(request: HttpRequest, invitation_id: int) -> HttpResponse:
    expert = _expert(request)
    invitation = _invitation(expert, invitation_id)
    decline_form = DeclineForm(request.POST if request.POST.get("action") == "decline" else None)
    aftercare_form = AftercareForm(
        request.POST if request.POST.get("action") == "aftercare" else None,
        initial={"wellbeing": invitation.aftercare_wellbeing, "note": invitation.aftercare_note},
    )
    claim = getattr(invitation, "expense", None) if hasattr(invitation, "expense") else None
    expense_form = ExpenseForm(
        request.POST if request.POST.get("action") == "expense" else None, instance=claim
    )
    error = ""
    status = 200
    if request.method == "POST":
        action = request.POST.get("action", "")
        try:
            done = _answer(request, invitation, action, decline_form, aftercare_form, expense_form)
        except RequestError as failure:
            error = failure.message
            done = False
        if done:
            return _see_other(f"{request.path}?gedaan={action}")
        status = 400
    return TemplateResponse(
        request,
        "experts/invitation.html",
        {
            "expert": expert,
            "invitation": invitation,
            "session_request": invitation.request,
            "decline_form": decline_form,
            "aftercare_form": aftercare_form,
            "expense_form": expense_form,
            "claim": claim,
            "session_is_behind": care.session_is_behind(invitation),
            "error": error,
            "notice": request.GET.get("gedaan", ""),
        },
        status=status,
    )


def _answer(request, invitation, action, decline_form, aftercare_form, expense_form) -> bool:
    if action == "accept":
        matching.accept(invitation, user=request.user)
        return True
    if action == "decline" and decline_form.is_valid():
        matching.decline(invitation, reason=decline_form.cleaned_data["reason"], user=request.user)
        return True
    if action == "aftercare" and aftercare_form.is_valid():
        care.record_aftercare(
            invitation,
            wellbeing=aftercare_form.cleaned_data["wellbeing"],
            note=aftercare_form.cleaned_data["note"],
        )
        return True
    if action == "expense" and expense_form.is_valid():
        data = expense_form.cleaned_data
        care.submit_expense(
            invitation,
            travel_km=data["travel_km"],
            travel_costs=data["travel_costs"],
            fee=data["fee"],
            note=data["note"],
        )
        return True
    return False


@require_mfa
@private_area
@never_stored
@require_http_methods(["GET", "HEAD", "POST"])
def pause(request: HttpRequest) -> HttpResponse:
    expert = _expert(request)
    form = PauseForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            matching.pause(
                expert,
                starts_on=form.cleaned_data["starts_on"],
                ends_on=form.cleaned_data["ends_on"],
            )
        except RequestError as failure:
            form.add_error(None, failure.message)
        else:
            return _see_other(_inbox_path("pauze"))
    return TemplateResponse(
        request,
        "experts/pause.html",
        {"expert": expert, "form": form},
        status=400 if form.is_bound else 200,
    )


@require_mfa
@private_area
@never_stored
@require_POST
def end_pause(request: HttpRequest) -> HttpResponse:
    matching.end_pause(_expert(request))
    return _see_other(_inbox_path("beschikbaar"))


def _inbox_path(notice: str) -> str:
    from django.urls import reverse  # noqa: PLC0415 (kept next to its one use)

    return f"{reverse('experts:inbox')}?gedaan={notice}"
