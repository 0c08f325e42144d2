from django import forms
from django.utils.translation import gettext_lazy as _

from portal.forms import PublicForm


class NewsletterSignupForm(PublicForm):
    email = forms.EmailField(
        label=_("Email address"),
        widget=forms.EmailInput(
            attrs={"autocomplete": "email", "class": "utrecht-textbox utrecht-textbox--html-input"}
        ),
        help_text=_("You will receive an email with a link to confirm your subscription."),
        error_messages={
            "required": _("Enter your email address."),
            "invalid": _("Enter an email address like name@example.nl."),
        },
    )
