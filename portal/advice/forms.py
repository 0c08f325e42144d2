"""The advice question form: what a resident, professional or volunteer asks, and sending it."""

from django import forms
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from portal.form_pages import PageForm, SubmissionFailed, ThankYou
from portal.mail.addresses import TOO_LONG_MESSAGE, validate_deliverable_address
from portal.models import Municipality

from .models import QUESTION_MAX_LENGTH, AdviceQuestion
from .services import AdviceQuestionError, new_reference, submit_advice_question

SUBMIT_FAILED = _(
    "Your question could not be saved just now. Please try again; what you typed is still here."
)


class AdviceQuestionForm(PageForm):
    role = forms.ChoiceField(
        label=_("Who are you?"),
        choices=AdviceQuestion.Role.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose whether you ask as a resident, professional or volunteer.")
        },
    )
    question = forms.CharField(
        label=_("Your question"),
        max_length=QUESTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={
            "required": _("Type your question."),
            "max_length": _(
                "Your question is too long: at most %(limit_value)d characters, "
                "you typed %(show_value)d."
            ),
        },
    )
    email = forms.EmailField(
        label=_("Email address for an answer"),
        required=False,
        # The column's length, not the form default of 320: a longer address must be a message
        # here, not a database error on PostgreSQL.
        max_length=AdviceQuestion._meta.get_field("email").max_length,
        # Its domain must also be writable for the mail server (portal/mail/addresses.py).
        validators=[validate_deliverable_address],
        help_text=_(
            "You may ask anonymously: leave this empty and we will not know who you are, "
            "but we cannot answer you either."
        ),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "invalid": _("Enter an email address like name@example.nl."),
            "max_length": TOO_LONG_MESSAGE,
        },
    )
    municipality = forms.ModelChoiceField(
        label=_("Municipality"),
        queryset=Municipality.objects.none(),
        required=False,
        empty_label=_("I would rather not say"),
        error_messages={"invalid_choice": _("Choose a municipality from the list.")},
    )
    email_consent = forms.BooleanField(
        label=_("I agree that the Centre stores my email address to answer my question."),
        required=False,
        help_text=_("Only needed when you leave an email address."),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Municipalities in the page's language only (by id: no extra query for the locale).
        self.fields["municipality"].queryset = Municipality.objects.filter(
            locale_id=self.page.locale_id
        )
        # Interpolated per form, not at import, so the help text follows the active language.
        self.fields["question"].help_text = _("At most %(max)s characters.") % {
            "max": QUESTION_MAX_LENGTH
        }

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("email") and not cleaned.get("email_consent"):
            self.add_error(
                "email_consent",
                _(
                    "To answer you by email we need your consent to store your address. "
                    "Or leave the email address empty to ask anonymously."
                ),
            )
        if not cleaned.get("email"):
            # Consent without an address means nothing: do not store it.
            cleaned["email_consent"] = False
        return cleaned

    def submit(self, request: HttpRequest) -> ThankYou:
        try:
            question = submit_advice_question(
                role=self.cleaned_data["role"],
                question=self.cleaned_data["question"],
                email=self.cleaned_data["email"],
                email_consent=self.cleaned_data["email_consent"],
                municipality=self.cleaned_data["municipality"],
                locale=self.page.locale,
                user=request.user,
            )
        except AdviceQuestionError:
            raise SubmissionFailed(SUBMIT_FAILED) from None
        return {"reference": question.reference}

    def decoy_thank_you(self) -> ThankYou:
        return {"reference": new_reference()}
