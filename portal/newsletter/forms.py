"""The newsletter sign-up form: an address, and the start of the double opt-in."""

from django import forms
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from portal.form_pages import PageForm, ThankYou
from portal.mail.addresses import TOO_LONG_MESSAGE, validate_deliverable_address

from .models import NewsletterSubscription
from .services import request_subscription


class NewsletterSignupForm(PageForm):
    email = forms.EmailField(
        label=_("Email address"),
        # The column's length, not the form default of 320: a longer address must be a message
        # here, not a database error on PostgreSQL.
        max_length=NewsletterSubscription._meta.get_field("email").max_length,
        # Its domain must also be writable for the mail server (portal/mail/addresses.py).
        validators=[validate_deliverable_address],
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("You will receive an email with a link to confirm your subscription."),
        error_messages={
            "required": _("Enter your email address."),
            "invalid": _("Enter an email address like name@example.nl."),
            "max_length": TOO_LONG_MESSAGE,
        },
    )

    def submit(self, request: HttpRequest) -> ThankYou:
        # The same thank-you for a new, pending or subscribed address: the page tells nobody
        # who is on the list.
        request_subscription(self.cleaned_data["email"], language=self.page.locale.language_code)
        return {}
