"""The requester's status page, opened by the private link from the first email.

Thin: find the request by the token's digest, render; a POST withdraws the request, adds a
message or gives feedback through experts/services/requests.py. An unknown, guessed or
mistyped token gets the same neutral 404 as any missing page, and lookups are rate limited
per IP, so guessing is pointless twice over. The page is private (not crawled, never stored,
no Referer leaves it): its address is the key.
"""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_http_methods

from portal.ratelimit import RATE_LIMITED_MESSAGE, allow_request, mark_rate_limited
from portal.security.areas import never_stored, private_area

from .choices import WITHDRAWABLE_STATUSES, RequestStatus
from .forms import FeedbackForm, NewStatusLinkForm, RequesterMessageForm, WithdrawForm
from .records import SessionRequest
from .services import requests, status_links

STATUS_ACTION = "experts_request_status"
STATUS_RATE = "60/m/ip"
NEW_LINK_ACTION = "experts_new_status_link"
# Each sent link is an email to someone: few per connection.
NEW_LINK_RATE = "5/h/ip"
ACTIONS = ("message", "withdraw", "feedback")


def _private(response: HttpResponse) -> HttpResponse:
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@private_area
@never_stored
@require_http_methods(["GET", "HEAD", "POST"])
def request_status(request: HttpRequest, token: str) -> HttpResponse:
    if not allow_request(request, STATUS_ACTION, STATUS_RATE):
        response = TemplateResponse(
            request, "experts/status_limited.html", {"message": RATE_LIMITED_MESSAGE}, status=429
        )
        return _private(mark_rate_limited(response))
    session_request = status_links.request_for_token(token)
    if session_request is None:
        raise Http404
    # Three forms on one page: each its own ids (their honeypots share a field name).
    forms = {
        "message": RequesterMessageForm(auto_id="message_%s"),
        "withdraw": WithdrawForm(auto_id="withdraw_%s"),
        "feedback": FeedbackForm(auto_id="feedback_%s"),
    }
    status = 200
    notice = ""
    if request.method == "POST":
        action = request.POST.get("action", "")
        if action not in ACTIONS:
            return _private(redirect(request.path))
        form_class = type(forms[action])
        form = form_class(request.POST, auto_id=f"{action}_%s")
        forms[action] = form
        if form.is_valid() and not form.is_spam():
            try:
                _act(session_request, action, form.cleaned_data)
            except requests.RequestError as error:
                form.add_error(None, error.message)
                status = 400
            else:
                response = redirect(f"{request.path}?gedaan={action}")
                response.status_code = 303
                return _private(response)
        elif form.is_valid():
            return _private(redirect(request.path))
        else:
            status = 400
    else:
        notice = request.GET.get("gedaan", "")
    return _private(
        TemplateResponse(
            request,
            "experts/request_status.html",
            _status_context(session_request, forms, notice if notice in ACTIONS else ""),
            status=status,
        )
    )


def _act(session_request: SessionRequest, action: str, data: dict) -> None:
    if action == "message":
        requests.add_requester_message(session_request, data["body"])
    elif action == "withdraw":
        requests.withdraw(session_request)
    else:
        requests.give_feedback(
            session_request,
            rating=data["rating"],
            went_well=data["went_well"],
            could_improve=data["could_improve"],
        )


def _status_context(session_request: SessionRequest, forms: dict, notice: str) -> dict:
    profile = None
    if session_request.confirmed_expert_id is not None:
        profile = getattr(session_request.confirmed_expert, "profile", None)
    return {
        "session_request": session_request,
        # What the requester may know of the expert: her pseudonym, nothing of her record.
        "expert_pseudonym": profile.pseudonym if profile is not None else "",
        "steps": _steps(session_request),
        "messages_list": list(session_request.messages.all()),
        "history": _status_changes(session_request),
        "can_withdraw": session_request.status in WITHDRAWABLE_STATUSES,
        "can_give_feedback": session_request.status == RequestStatus.COMPLETED,
        "message_form": forms["message"],
        "withdraw_form": forms["withdraw"],
        "feedback_form": forms["feedback"],
        "notice": notice,
    }


def _status_changes(session_request: SessionRequest) -> list:
    """When the request reached each status: the first entry of every change of status. Who
    did it and why stays in the admin (an expert's decline with its reason is no business of
    the requester's); an expert's acceptance is the moment the session was confirmed."""
    changes = []
    for event in session_request.events.only("at", "status", "request_id"):
        if not changes or changes[-1].status != event.status:
            changes.append(event)
    return changes


# The way a request normally goes, as the requester sees it.
_PATH = [
    RequestStatus.NEW,
    RequestStatus.IN_REVIEW,
    RequestStatus.PROPOSED,
    RequestStatus.CONFIRMED,
    RequestStatus.COMPLETED,
    RequestStatus.EVALUATED,
]


def _steps(session_request: SessionRequest) -> list[dict]:
    """The progress steps for the status page: done, current or to come."""
    if session_request.status not in _PATH:
        return []
    current = _PATH.index(session_request.status)
    return [
        {"label": RequestStatus(value).label, "done": index < current, "current": index == current}
        for index, value in enumerate(_PATH)
    ]


@never_stored
@require_http_methods(["GET", "HEAD", "POST"])
def new_status_link(request: HttpRequest) -> HttpResponse:
    """Lost the link: the reference and the address send a new one to that address. The
    answer is the same whether they matched or not (nobody learns whose request is whose)."""
    form = NewStatusLinkForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        if not allow_request(request, NEW_LINK_ACTION, NEW_LINK_RATE):
            form.add_error(None, RATE_LIMITED_MESSAGE)
            response = TemplateResponse(
                request, "experts/new_status_link.html", {"form": form}, status=429
            )
            return mark_rate_limited(response)
        if form.is_valid():
            if not form.is_spam():
                requests.send_new_status_link(
                    form.cleaned_data["reference"], form.cleaned_data["contact_email"]
                )
            response = redirect(f"{request.path}?verstuurd=1")
            response.status_code = 303
            return response
        status = 400
    return TemplateResponse(
        request,
        "experts/new_status_link.html",
        {"form": form, "sent": request.method == "GET" and request.GET.get("verstuurd") == "1"},
        status=status,
    )
