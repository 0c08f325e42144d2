"""The expert-pool coordinator's tools in the admin: "Expertpool" in the admin menu.

- Requests: newest first, filtered by status; a request's page shows what the requester asked,
  its history, the messages, the invitations with their answers and the experts who fit it
  (experts/services/matching.py: theme, age group, municipality, language, weekday, pauses,
  one session a day, room that month). Its buttons are the services' use cases: take up,
  propose experts on a date, decline, cancel, mark completed, write to the requester, and the
  safety checklist with the briefing.
- Experts: the private records (real name, contact, what, where, how often, consents, the
  account she signs in with), their public profiles and pauses.
- Expense claims: approve or reject; exported (CSV or Excel) for the administration with
  Wagtail's own spreadsheet export.
- Load per month: each expert's confirmed sessions against her maximum.

Who reaches them: whoever has the models' permissions, which experts/migrations/0002_roles.py
gives the expert-pool coordinators (portal.roles.EXPERT_POOL_COORDINATOR); the admin asks for
MFA (portal/urls.py). The expert herself works in her inbox on the site, never here. The
views parse, call a service and answer; a service's refusal (RequestError) is shown as a
message.
"""

import datetime
from collections.abc import Callable

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db.models import prefetch_related_objects
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.dates import WEEKDAYS
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.auth import permission_denied
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem as AdminMenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import CreateView, IndexView, InspectView
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Locale

from portal import roles
from portal.accounts.links import ACCOUNT_LINKS_HOOK, AccountLink
from portal.models import Audience, Municipality, Theme

from .choices import AgeGroup, ExpenseStatus, Language, RequestStatus
from .records import ExpenseClaim, Expert, ExpertPause, ExpertProfile, SessionRequest
from .services import care, matching, requests
from .services.requests import RequestError

# Proposing experts and every other step of a request.
MATCH_PERMISSION = "experts.match_sessionrequest"
# Approving or rejecting an expense claim.
EXPENSE_PERMISSION = "experts.change_expenseclaim"
# The load report: whoever may see the experts' records.
EXPERT_VIEW_PERMISSION = "experts.view_expert"

# A request can still get (more) experts proposed, or be declined, in these states.
OPEN_FOR_PROPOSALS = (RequestStatus.NEW, RequestStatus.IN_REVIEW, RequestStatus.PROPOSED)


def _default_locale_terms(model):
    # The region's terms once, in the site's main language: a select offering each term in
    # Dutch and in English invites picking both. Matching compares translation keys.
    return model.objects.filter(locale=Locale.get_default()).order_by("name")


class ReadOnlyModelViewSet(ModelViewSet):
    """A listing with an inspect page and no add, edit or delete: the records change through
    the services, by the buttons on the inspect page."""

    inspect_view_enabled = True
    copy_view_enabled = False

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            **{
                "add_url_name": None,
                "edit_url_name": None,
                "delete_url_name": None,
                "history_url_name": None,
                "usage_url_name": None,
                **kwargs,
            }
        )

    @property
    def url_finder_class(self):
        # "Where is this object in the admin": its inspect page.
        finder = super().url_finder_class
        finder.edit_url_name = self.get_url_name("inspect")
        return finder

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
            *self.get_action_urlpatterns(),
        ]

    def get_action_urlpatterns(self) -> list:
        return []


@hooks.register(ACCOUNT_LINKS_HOOK)
def my_invitations_link(request: HttpRequest) -> AccountLink | None:
    """The link to her inbox on the account page, for an expert in the pool."""
    user = request.user
    if not user.is_authenticated or not Expert.objects.in_pool().filter(user=user).exists():
        return None
    return AccountLink(_("My invitations"), reverse("experts:inbox"))


# --- Requests ------------------------------------------------------------------------------------


class RequestIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("municipality", "theme")


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason, for the requester"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Shown on the request's status page and sent in the email."),
    )


class CoordinatorMessageForm(forms.Form):
    body = forms.CharField(
        label=gettext_lazy("Message to the requester"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class PreparationForm(forms.ModelForm):
    """The safety checklist, the expert's briefing and the note to the requester."""

    class Meta:
        model = SessionRequest
        fields = list(care.PREPARATION_FIELDS)
        widgets = {
            "briefing": forms.Textarea(attrs={"rows": 4}),
            "coordinator_note": forms.Textarea(attrs={"rows": 3}),
        }


class RequestInspectView(InspectView):
    template_name = "experts/admin/request_inspect.html"

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        return "—" if value is None or value == "" else value

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        session_request = self.object
        may_match = self.request.user.has_perm(MATCH_PERMISSION)
        status = session_request.status
        open_for_proposals = status in OPEN_FOR_PROPOSALS
        suggestions = matching.suggest(session_request) if may_match and open_for_proposals else []
        prefetch_related_objects([suggestion.expert for suggestion in suggestions], "themes")
        context.update(
            {
                "session_request": session_request,
                "events": session_request.events.select_related("user"),
                "request_messages": session_request.messages.all(),
                "invitations": session_request.invitations.select_related(
                    "expert__profile", "proposed_by"
                ).order_by("created_at", "pk"),
                "suggestions": suggestions,
                "may_match": may_match,
                "may_review": status == RequestStatus.NEW,
                "may_propose": open_for_proposals,
                "may_decline": open_for_proposals,
                "may_cancel": status in (RequestStatus.PROPOSED, RequestStatus.CONFIRMED),
                "may_complete": status == RequestStatus.CONFIRMED,
                "checklist": session_request.safety_checklist(),
                "reason_form": ReasonForm(auto_id="id_decline_%s"),
                "cancel_form": ReasonForm(auto_id="id_cancel_%s"),
                "message_form": CoordinatorMessageForm(),
                "preparation_form": PreparationForm(instance=session_request),
            }
        )
        return context


class RequestViewSet(ReadOnlyModelViewSet):
    model = SessionRequest
    # experts/services/messages.py links the coordinators' emails to "experts_requests:inspect".
    name = "experts_requests"
    url_prefix = "expertpool/requests"
    icon = "mail"
    menu_label = gettext_lazy("Requests")
    index_view_class = RequestIndexView
    inspect_view_class = RequestInspectView
    list_display = [
        "reference",
        "organisation",
        "municipality",
        "theme",
        "status",
        "preferred_date_1",
        "created_at",
    ]
    list_filter = ["status"]
    search_fields = ["reference", "organisation", "contact_name", "contact_email"]
    inspect_view_fields = [
        "reference",
        "status",
        "created_at",
        "host_kind",
        "organisation",
        "contact_name",
        "contact_email",
        "contact_phone",
        "municipality",
        "offer",
        "theme",
        "age_group",
        "group_size",
        "preferred_date_1",
        "preferred_date_2",
        "preferred_date_3",
        "expert_wanted",
        "wishes",
        "language",
        "confirmed_date",
        "confirmed_expert",
    ]

    def get_action_urlpatterns(self):
        return [path("<int:pk>/<slug:action>/", request_action_view, name="action")]


def _first_error(form: forms.Form) -> str:
    for errors in form.errors.values():
        return f"{errors[0]}"
    return _("Please check the form.")


def _review(request: HttpRequest, session_request: SessionRequest) -> str:
    requests.start_review(session_request, user=request.user)
    return _("The request is in review; the requester sees it is being looked at.")


def _propose(request: HttpRequest, session_request: SessionRequest) -> str:
    proposals = _proposals(request.POST.getlist("proposal"))
    matching.propose(session_request, proposals, user=request.user)
    return _("Proposed to %(count)s expert(s); each is asked in her inbox.") % {
        "count": len(proposals)
    }


def _proposals(values: list[str]) -> list[tuple[Expert, datetime.date]]:
    """ "<expert id>:<YYYY-MM-DD>" per ticked suggestion; one date per expert."""
    wanted: dict[int, datetime.date] = {}
    for value in values:
        expert_id, _sep, day = value.partition(":")
        try:
            expert_pk, date = int(expert_id), datetime.date.fromisoformat(day)
        except ValueError:
            raise RequestError(_("Choose experts from the suggestions.")) from None
        if expert_pk in wanted and wanted[expert_pk] != date:
            raise RequestError(_("Choose one date per expert."))
        wanted[expert_pk] = date
    experts = Expert.objects.in_pool().in_bulk(list(wanted))
    if len(experts) != len(wanted):
        raise RequestError(_("Choose experts from the suggestions."))
    return [(experts[pk], day) for pk, day in wanted.items()]


def _confirm(request: HttpRequest, session_request: SessionRequest) -> str:
    """The expert said yes by phone or in person: the coordinator confirms for her."""
    raw = request.POST.get("invitation", "")
    invitation = session_request.invitations.filter(pk=int(raw)).first() if raw.isdigit() else None
    if invitation is None:
        raise RequestError(_("Choose one of this request's invitations."))
    matching.accept(invitation, user=request.user, by_coordinator=True)
    return _("Confirmed for the expert; the requester and the expert are told.")


def _reason(request: HttpRequest) -> str:
    form = ReasonForm(request.POST)
    if not form.is_valid():
        raise RequestError(_("Give a reason for the requester."))
    return form.cleaned_data["reason"]


def _decline(request: HttpRequest, session_request: SessionRequest) -> str:
    requests.decline(session_request, user=request.user, reason=_reason(request))
    return _("The request is declined; the requester is told why.")


def _cancel(request: HttpRequest, session_request: SessionRequest) -> str:
    requests.cancel(session_request, user=request.user, reason=_reason(request))
    return _("The session is cancelled; the requester and the expert are told.")


def _complete(request: HttpRequest, session_request: SessionRequest) -> str:
    requests.complete(session_request, user=request.user)
    return _("Marked as taken place: the requester is asked for feedback, the expert how it went.")


def _message(request: HttpRequest, session_request: SessionRequest) -> str:
    form = CoordinatorMessageForm(request.POST)
    if not form.is_valid():
        raise RequestError(_first_error(form))
    requests.add_coordinator_message(session_request, form.cleaned_data["body"], user=request.user)
    return _("The message is sent to the requester.")


def _prepare(request: HttpRequest, session_request: SessionRequest) -> str:
    form = PreparationForm(request.POST, instance=session_request)
    if not form.is_valid():
        raise RequestError(_first_error(form))
    care.update_preparation(session_request, form.cleaned_data, user=request.user)
    return _("The safety checklist and the briefing are saved.")


REQUEST_ACTIONS: dict[str, Callable[[HttpRequest, SessionRequest], str]] = {
    "review": _review,
    "propose": _propose,
    "confirm": _confirm,
    "decline": _decline,
    "cancel": _cancel,
    "complete": _complete,
    "message": _message,
    "prepare": _prepare,
}


@require_POST
def request_action_view(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """One step of a request, by its button on the request's page; back to that page."""
    if not request.user.has_perm(MATCH_PERMISSION) or action not in REQUEST_ACTIONS:
        return permission_denied(request)
    session_request = get_object_or_404(SessionRequest, pk=pk)
    try:
        done = REQUEST_ACTIONS[action](request, session_request)
    except RequestError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, done)
    return redirect("experts_requests:inspect", pk=session_request.pk)


# --- Experts -------------------------------------------------------------------------------------


class ExpertForm(WagtailAdminModelForm):
    """What she speaks about, where and how often; the account she signs in with is found by
    its email address and put in the experts' role (which asks for the second factor)."""

    age_groups = forms.MultipleChoiceField(
        label=gettext_lazy("Age groups"),
        choices=AgeGroup.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=gettext_lazy("Age groups she speaks to."),
    )
    languages = forms.MultipleChoiceField(
        label=gettext_lazy("Languages"),
        choices=Language.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": gettext_lazy("Choose at least one language.")},
    )
    available_weekdays = forms.TypedMultipleChoiceField(
        label=gettext_lazy("Available weekdays"),
        choices=[(number, WEEKDAYS[number]) for number in range(7)],
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    account_email = forms.EmailField(
        label=gettext_lazy("Her account"),
        required=False,
        help_text=gettext_lazy(
            "The email address of the account she signs in with to see her invitations. "
            "Leave empty when she has no account (yet)."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = _default_locale_terms(Theme)
        self.fields["audiences"].queryset = _default_locale_terms(Audience)
        self.fields["municipalities"].queryset = _default_locale_terms(Municipality)
        if self.instance.user_id:
            self.initial.setdefault("account_email", self.instance.user.email)

    def clean_account_email(self):
        email = self.cleaned_data.get("account_email", "").strip()
        if not email:
            return None
        user = get_user_model().objects.filter(email__iexact=email).first()
        if user is None:
            raise ValidationError(
                gettext_lazy("No account has this email address; ask her to sign up first.")
            )
        linked = Expert.objects.filter(user=user).exclude(pk=self.instance.pk)
        if linked.exists():
            raise ValidationError(gettext_lazy("This account belongs to another expert."))
        return user

    def save(self, commit=True):
        expert = self.instance
        previous_user = Expert.objects.filter(pk=expert.pk).values_list("user", flat=True).first()
        if {"consent_public_profile", "consent_photo"} & set(self.changed_data):
            expert.consents_recorded_at = timezone.now()
        expert.user = self.cleaned_data.get("account_email")
        expert = super().save(commit=commit)
        if commit:
            _sync_expert_role(expert, previous_user)
        return expert


def _sync_expert_role(expert: Expert, previous_user_id: int | None) -> None:
    """The linked account is in the experts' role (so it needs TOTP, like any role); an account
    no expert record links any more leaves it."""
    group = Group.objects.get(name=roles.EXPERT)
    if expert.user_id:
        expert.user.groups.add(group)
    previous_gone = previous_user_id and previous_user_id != expert.user_id
    if previous_gone and not Expert.objects.filter(user_id=previous_user_id).exists():
        group.user_set.remove(previous_user_id)


class PseudonymColumn(Column):
    def get_value(self, instance):
        profile = getattr(instance, "profile", None)
        return profile.pseudonym if profile is not None else "—"


class ExpertIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("profile")

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        profile = getattr(instance, "profile", None)
        profile_url = (
            reverse("experts_profiles:edit", args=[profile.pk])
            if profile is not None
            else f"{reverse('experts_profiles:add')}?expert={instance.pk}"
        )
        pauses_url = f"{reverse('experts_pauses:index')}?expert={instance.pk}"
        buttons += [
            MenuItem(_("Public profile"), url=profile_url, icon_name="user", priority=40),
            MenuItem(_("Pauses"), url=pauses_url, icon_name="time", priority=41),
        ]
        return buttons


class ExpertViewSet(ModelViewSet):
    model = Expert
    name = "experts_experts"
    url_prefix = "expertpool/experts"
    icon = "group"
    menu_label = gettext_lazy("Experts")
    index_view_class = ExpertIndexView
    copy_view_enabled = False
    list_display = [
        "real_name",
        PseudonymColumn("pseudonym", label=gettext_lazy("Pseudonym")),
        "max_sessions_per_month",
        "active",
        "left_at",
    ]
    list_filter = ["active"]
    search_fields = ["real_name", "email", "profile__pseudonym"]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("real_name"),
                    FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
                    FieldPanel("account_email"),
                ],
                heading=gettext_lazy("Who she is"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                    FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
                    FieldPanel("age_groups"),
                    FieldPanel("languages"),
                ],
                heading=gettext_lazy("What she speaks about"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("municipalities", widget=forms.CheckboxSelectMultiple),
                    FieldPanel("max_sessions_per_month"),
                    FieldPanel("available_weekdays"),
                ],
                heading=gettext_lazy("Where and how often"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("consent_public_profile"),
                    FieldPanel("consent_photo"),
                    FieldPanel("consents_recorded_at", read_only=True),
                ],
                heading=gettext_lazy("Consents"),
            ),
            FieldPanel("notes"),
            FieldRowPanel([FieldPanel("active"), FieldPanel("left_at")]),
        ],
        base_form_class=ExpertForm,
    )


class ExpertProfileForm(WagtailAdminModelForm):
    """Only what the expert approved; "approved" records when."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = _default_locale_terms(Theme)
        experts = Expert.objects.filter(profile__isnull=True)
        if self.instance.expert_id:
            experts = experts | Expert.objects.filter(pk=self.instance.expert_id)
        self.fields["expert"].queryset = experts.distinct()

    def save(self, commit=True):
        profile = self.instance
        if "approved" in self.changed_data:
            profile.approved_at = timezone.now() if profile.approved else None
        return super().save(commit=commit)


class ProfileCreateView(CreateView):
    def get_initial(self):
        initial = super().get_initial()
        expert = self.request.GET.get("expert", "")
        if expert.isdigit():
            initial["expert"] = int(expert)
        return initial


class ExpertProfileViewSet(ModelViewSet):
    model = ExpertProfile
    name = "experts_profiles"
    url_prefix = "expertpool/profiles"
    icon = "user"
    menu_label = gettext_lazy("Public profiles")
    add_view_class = ProfileCreateView
    copy_view_enabled = False
    list_display = [
        "pseudonym",
        Column("expert", label=gettext_lazy("Expert")),
        "approved",
        "approved_at",
    ]
    list_filter = ["approved"]
    search_fields = ["pseudonym", "expert__real_name"]
    edit_handler = ObjectList(
        [
            FieldPanel("expert", widget=forms.Select),
            FieldPanel("pseudonym"),
            FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
            FieldPanel("short_story"),
            FieldPanel("photo"),
            FieldPanel("approved"),
        ],
        base_form_class=ExpertProfileForm,
    )

    def get_queryset(self, request):
        return ExpertProfile.objects.select_related("expert")


class PauseForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["expert"].queryset = Expert.objects.in_pool()


class PauseCreateView(CreateView):
    """A coordinator's pause goes through the service: her open invitations in the period are
    declined, as when she pauses herself."""

    def get_initial(self):
        initial = super().get_initial()
        expert = self.request.GET.get("expert", "")
        if expert.isdigit():
            initial["expert"] = int(expert)
        return initial

    def save_instance(self):
        data = self.form.cleaned_data
        return matching.pause(
            data["expert"], starts_on=data["starts_on"], ends_on=data["ends_on"], by_expert=False
        )


class ExpertPauseViewSet(ModelViewSet):
    model = ExpertPause
    name = "experts_pauses"
    url_prefix = "expertpool/pauses"
    icon = "time"
    menu_label = gettext_lazy("Pauses")
    add_view_class = PauseCreateView
    copy_view_enabled = False
    list_display = ["expert", "starts_on", "ends_on", "set_by_expert"]
    list_filter = ["expert"]
    edit_handler = ObjectList(
        [
            FieldPanel("expert", widget=forms.Select),
            FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
        ],
        base_form_class=PauseForm,
    )

    def get_queryset(self, request):
        return ExpertPause.objects.select_related("expert").order_by("-starts_on", "-pk")


# --- Expense claims ------------------------------------------------------------------------------


def _local_time(value):
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""


def _local_naive(value):
    return timezone.make_naive(timezone.localtime(value)) if value else None


class ExpenseIndexView(IndexView):
    custom_field_preprocess = {"decided_at": {"csv": _local_time, "xlsx": _local_naive}}

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("invitation__request", "invitation__expert", "decided_by")
        )


class ExpenseInspectView(InspectView):
    template_name = "experts/admin/expense_inspect.html"

    def get_object(self, queryset=None):
        return get_object_or_404(
            ExpenseClaim.objects.select_related(
                "invitation__request", "invitation__expert__profile", "decided_by"
            ),
            pk=self.pk,
        )

    def get_fields(self):
        return ["travel_km", "travel_costs", "fee", "note", "status", "submitted_at"]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["claim"] = self.object
        context["may_decide"] = (
            self.request.user.has_perm(EXPENSE_PERMISSION)
            and self.object.status == ExpenseStatus.SUBMITTED
        )
        return context


class ExpenseClaimViewSet(ReadOnlyModelViewSet):
    model = ExpenseClaim
    name = "experts_expenses"
    url_prefix = "expertpool/expenses"
    icon = "doc-full"
    menu_label = gettext_lazy("Expense claims")
    index_view_class = ExpenseIndexView
    inspect_view_class = ExpenseInspectView
    list_display = [
        Column("reference", accessor="invitation.request.reference", label=gettext_lazy("Request")),
        Column("session_date", accessor="invitation.session_date", label=gettext_lazy("Date")),
        Column("expert", accessor="invitation.expert", label=gettext_lazy("Expert")),
        Column("total", label=gettext_lazy("Total (EUR)")),
        "status",
        "submitted_at",
    ]
    list_filter = ["status"]
    list_export = [
        "invitation.request.reference",
        "invitation.session_date",
        "invitation.expert.real_name",
        "travel_km",
        "travel_costs",
        "fee",
        "total",
        "get_status_display",
        "decided_at",
    ]
    export_headings = {
        "invitation.request.reference": gettext_lazy("Reference"),
        "invitation.session_date": gettext_lazy("Session date"),
        "invitation.expert.real_name": gettext_lazy("Expert"),
        "travel_km": gettext_lazy("Kilometres"),
        "travel_costs": gettext_lazy("Travel costs (EUR)"),
        "fee": gettext_lazy("Fee (EUR)"),
        "total": gettext_lazy("Total (EUR)"),
        "get_status_display": gettext_lazy("Status"),
        "decided_at": gettext_lazy("Decided at"),
    }
    export_filename = "onkostendeclaraties"

    def get_queryset(self, request):
        return ExpenseClaim.objects.order_by("-submitted_at", "-pk")

    def get_action_urlpatterns(self):
        return [path("<int:pk>/<slug:decision>/", decide_expense_view, name="decide")]


@require_POST
def decide_expense_view(request: HttpRequest, pk: int, decision: str) -> HttpResponse:
    if not request.user.has_perm(EXPENSE_PERMISSION) or decision not in ("approve", "reject"):
        return permission_denied(request)
    claim = get_object_or_404(ExpenseClaim, pk=pk)
    try:
        care.decide_expense(claim, approve=decision == "approve", user=request.user)
    except RequestError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("The claim is approved.") if decision == "approve" else _("The claim is rejected."),
        )
    return redirect("experts_expenses:inspect", pk=claim.pk)


# --- Load per month ------------------------------------------------------------------------------

LOAD_MONTHS = 3


@require_GET
def load_view(request: HttpRequest) -> HttpResponse:
    """Each expert's confirmed sessions in this month and the next two, against her maximum;
    a pause in a month is shown with it."""
    if not request.user.has_perm(EXPERT_VIEW_PERMISSION):
        return permission_denied(request)
    today = timezone.localdate()
    rows = matching.load_per_month(today, LOAD_MONTHS)
    experts = [row["expert"] for row in rows]
    prefetch_related_objects(experts, "pauses")
    months = [start for start, _count in rows[0]["months"]] if rows else []
    table = []
    for row in rows:
        expert = row["expert"]
        table.append(
            {
                "expert": expert,
                "pseudonym": getattr(getattr(expert, "profile", None), "pseudonym", ""),
                "paused_now": expert.is_paused_on(today),
                "months": [
                    {
                        "count": count,
                        "full": count >= expert.max_sessions_per_month,
                        "paused": _paused_in_month(expert, start),
                    }
                    for start, count in row["months"]
                ],
            }
        )
    return TemplateResponse(
        request,
        "experts/admin/load.html",
        {"months": months, "rows": table, "header_icon": "table"},
    )


def _paused_in_month(expert: Expert, start: datetime.date) -> bool:
    following = (start + datetime.timedelta(days=32)).replace(day=1)
    return any(
        pause.starts_on < following and pause.ends_on >= start for pause in expert.pauses.all()
    )


class LoadReportViewSet(ViewSet):
    name = "experts_load"
    url_prefix = "expertpool/load"
    icon = "table"
    menu_label = gettext_lazy("Load per month")

    def get_urlpatterns(self):
        return [path("", load_view, name="index")]

    @cached_property
    def menu_item_class(self):
        def is_shown(_item, request):
            return request.user.has_perm(EXPERT_VIEW_PERMISSION)

        return type("LoadReportMenuItem", (AdminMenuItem,), {"is_shown": is_shown})


class ExpertPoolGroup(ViewSetGroup):
    menu_label = gettext_lazy("Expert pool")
    menu_icon = "group"
    menu_order = 260
    items = (
        RequestViewSet,
        ExpertViewSet,
        ExpertProfileViewSet,
        ExpertPauseViewSet,
        ExpenseClaimViewSet,
        LoadReportViewSet,
    )


@hooks.register("register_admin_viewset")
def register_expert_pool_viewsets():
    return ExpertPoolGroup()
