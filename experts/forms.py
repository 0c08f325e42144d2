"""The public forms of the expert pool: the request, and on the status page a message, the
withdrawal and the feedback. The expert's own forms (decline with a reason, pause, aftercare,
expenses) are in inbox_forms.py."""

import datetime

from django import forms
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from portal.form_pages import PageForm, SubmissionFailed, ThankYou
from portal.forms import PublicForm
from portal.mail.addresses import TOO_LONG_MESSAGE, validate_deliverable_address
from portal.models import Municipality, Theme

from .choices import AgeGroup, HostKind
from .models import AwarenessOfferPage
from .records import Feedback, SessionRequest
from .services.requests import RequestDetails, RequestError, submit_request

# A coordinator needs time to find an expert and the expert to prepare.
MINIMUM_NOTICE_DAYS = 14
# Further ahead than this, nobody can say yet whether they are free.
MAXIMUM_AHEAD_DAYS = 365

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _date_field(label, *, required: bool) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        widget=DATE_WIDGET,
        error_messages={
            "required": _("Give at least one date that suits you."),
            "invalid": _("Enter a date like 14-03-2027."),
        },
    )


class SessionRequestForm(PageForm):
    host_kind = forms.ChoiceField(
        label=_("Who is asking?"),
        choices=HostKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a school, sports club or organisation.")},
    )
    organisation = forms.CharField(
        label=_("Name of the school, club or organisation"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
        error_messages={"required": _("Fill in the name of your school, club or organisation.")},
    )
    municipality = forms.ModelChoiceField(
        label=_("Municipality"),
        queryset=Municipality.objects.none(),
        empty_label=_("Choose a municipality"),
        error_messages={
            "required": _("Choose the municipality where the session takes place."),
            "invalid_choice": _("Choose a municipality from the list."),
        },
    )
    contact_name = forms.CharField(
        label=_("Contact person"),
        max_length=120,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": _("Fill in who we can contact about the request.")},
    )
    contact_email = forms.EmailField(
        label=_("Email address"),
        max_length=SessionRequest._meta.get_field("contact_email").max_length,
        validators=[validate_deliverable_address],
        help_text=_("We send the reference and the link to follow your request here."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": _("Fill in an email address, so we can tell you where things stand."),
            "invalid": _("Enter an email address like name@example.nl."),
            "max_length": TOO_LONG_MESSAGE,
        },
    )
    contact_phone = forms.CharField(
        label=_("Phone number"),
        max_length=30,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    age_group = forms.ChoiceField(
        label=_("For which group?"),
        choices=[("", _("Choose a group")), *AgeGroup.choices],
        error_messages={
            "required": _("Choose the group the session is for."),
            "invalid_choice": _("Choose a group from the list."),
        },
    )
    group_size = forms.IntegerField(
        label=_("Number of participants"),
        min_value=1,
        max_value=500,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "required": _("Fill in about how many participants there will be."),
            "invalid": _("Fill in a number, like 28."),
            "min_value": _("Fill in at least 1 participant."),
            "max_value": _("For more than 500 participants, please call us."),
        },
    )
    theme = forms.ModelChoiceField(
        label=_("Theme"),
        queryset=Theme.objects.none(),
        empty_label=_("Choose a theme"),
        error_messages={
            "required": _("Choose the theme of the session."),
            "invalid_choice": _("Choose a theme from the list."),
        },
    )
    preferred_date_1 = _date_field(_("First preferred date"), required=True)
    preferred_date_2 = _date_field(_("Second preferred date"), required=False)
    preferred_date_3 = _date_field(_("Third preferred date"), required=False)
    wishes = forms.CharField(
        label=_("Wishes"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Times that suit you, what the group already knows, what you hope for."),
        error_messages={
            "max_length": _("At most %(limit_value)d characters, you typed %(show_value)d.")
        },
    )
    expert_wanted = forms.TypedChoiceField(
        label=_("Would you like a lived-experience expert to come?"),
        choices=[("yes", _("Yes, please")), ("no", _("No, a trainer is enough"))],
        coerce=lambda value: value == "yes",
        initial="yes",
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose whether you would like an expert to come.")},
    )
    offer = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        locale_id = self.page.locale_id
        self.fields["municipality"].queryset = Municipality.objects.filter(locale_id=locale_id)
        self.fields["theme"].queryset = Theme.objects.filter(locale_id=locale_id)
        earliest = timezone.localdate() + datetime.timedelta(days=MINIMUM_NOTICE_DAYS)
        for name in ("preferred_date_1", "preferred_date_2", "preferred_date_3"):
            self.fields[name].widget.attrs["min"] = earliest.isoformat()
        self.fields["preferred_date_1"].help_text = _(
            "At least %(days)s days from today, so we can find an expert."
        ) % {"days": MINIMUM_NOTICE_DAYS}

    def _clean_date(self, name: str) -> datetime.date | None:
        day = self.cleaned_data.get(name)
        if day is None:
            return None
        today = timezone.localdate()
        if day < today + datetime.timedelta(days=MINIMUM_NOTICE_DAYS):
            raise forms.ValidationError(
                _("Choose a date at least %(days)s days from today."),
                params={"days": MINIMUM_NOTICE_DAYS},
            )
        if day > today + datetime.timedelta(days=MAXIMUM_AHEAD_DAYS):
            raise forms.ValidationError(_("Choose a date within a year from today."))
        if day.weekday() >= 5:
            raise forms.ValidationError(
                _("Choose a weekday: sessions take place Monday to Friday.")
            )
        return day

    def clean_preferred_date_1(self):
        return self._clean_date("preferred_date_1")

    def clean_preferred_date_2(self):
        return self._clean_date("preferred_date_2")

    def clean_preferred_date_3(self):
        return self._clean_date("preferred_date_3")

    def clean_offer(self) -> int | None:
        offer_id = self.cleaned_data.get("offer")
        if offer_id is None:
            return None
        # A made-up or unpublished offer is ignored, not an error: the request still counts.
        exists = AwarenessOfferPage.objects.live().public().filter(pk=offer_id).exists()
        return offer_id if exists else None

    def submit(self, request: HttpRequest) -> ThankYou:
        data = self.cleaned_data
        dates = [
            data[name]
            for name in ("preferred_date_1", "preferred_date_2", "preferred_date_3")
            if data.get(name)
        ]
        details = RequestDetails(
            host_kind=data["host_kind"],
            organisation=data["organisation"].strip(),
            contact_name=data["contact_name"].strip(),
            contact_email=data["contact_email"],
            contact_phone=data["contact_phone"].strip(),
            municipality=data["municipality"],
            age_group=data["age_group"],
            group_size=data["group_size"],
            theme=data["theme"],
            preferred_dates=dates,
            wishes=data["wishes"].strip(),
            expert_wanted=data["expert_wanted"],
            offer_id=data.get("offer"),
        )
        try:
            sent = submit_request(details, language=get_language() or "nl")
        except RequestError as error:
            raise SubmissionFailed(error.message) from error
        # The thank-you waits in the session for one GET, then is gone (portal/form_pages.py).
        return {
            "reference": sent.request.reference,
            "status_path": reverse("experts:request_status", args=(sent.status_token,)),
        }

    def decoy_thank_you(self) -> ThankYou:
        return {"reference": "VL-XXXXXX", "status_path": ""}


class RequesterMessageForm(PublicForm):
    body = forms.CharField(
        label=_("Your message"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": _("Type a message."),
            "max_length": _("At most %(limit_value)d characters, you typed %(show_value)d."),
        },
    )


class WithdrawForm(PublicForm):
    confirm = forms.BooleanField(
        label=_("Yes, withdraw my request"),
        error_messages={"required": _("Tick the box to confirm that you withdraw the request.")},
    )


class FeedbackForm(PublicForm):
    rating = forms.TypedChoiceField(
        label=_("How would you rate the session?"),
        choices=[
            (str(n), label)
            for n, label in [
                (5, _("5: very good")),
                (4, _("4: good")),
                (3, _("3: fair")),
                (2, _("2: poor")),
                (1, _("1: very poor")),
            ]
        ],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a rating.")},
    )
    went_well = forms.CharField(
        label=Feedback._meta.get_field("went_well").verbose_name.capitalize(),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    could_improve = forms.CharField(
        label=Feedback._meta.get_field("could_improve").verbose_name.capitalize(),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class NewStatusLinkForm(PublicForm):
    reference = forms.CharField(
        label=_("Reference"),
        max_length=20,
        help_text=_("In our first email, for example VL-7K3M9Q."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
        error_messages={"required": _("Fill in the reference of your request.")},
    )
    contact_email = forms.EmailField(
        label=_("Email address"),
        max_length=SessionRequest._meta.get_field("contact_email").max_length,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": _("Fill in the email address you used for the request."),
            "invalid": _("Enter an email address like name@example.nl."),
            "max_length": TOO_LONG_MESSAGE,
        },
    )
