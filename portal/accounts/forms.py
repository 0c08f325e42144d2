from allauth.account.adapter import get_adapter
from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.contrib.auth.hashers import make_password
from django.utils.translation import gettext_lazy as _

from . import services


class SignupForm(AllauthSignupForm):
    """allauth's sign-up, taking as long for a taken address as for a new one.

    With a new address allauth hashes the password (deliberately slow) and stores the account;
    with a taken one it only sends the "you already have an account" email, so the answer came
    ten times sooner and told who has an account (issue 5, item 4). Hashing here too makes both
    paths do the same slow work; the database writes that still differ take milliseconds.
    """

    def try_save(self, request):
        if self.account_already_exists:
            make_password(self.cleaned_data["password1"])
        return super().try_save(request)


class DeleteAccountForm(forms.Form):
    """Deleting an account cannot be undone: the password proves it is the owner asking."""

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": _("Enter your password.")},
    )
    confirm = forms.BooleanField(
        label=_("I understand that my account and all my data will be deleted."),
        required=True,
        error_messages={
            "required": _("Tick the box to confirm that your account and data will be deleted.")
        },
    )

    def __init__(self, *args, request, **kwargs) -> None:
        self.request = request
        super().__init__(*args, **kwargs)

    def full_clean(self) -> None:
        super().full_clean()
        # A right password stays in the field when only the checkbox was missing, so the user
        # does not type it again; a wrong one is never sent back.
        if self.is_bound and self.errors and "password" not in self.errors:
            self.fields["password"].widget.render_value = True

    def clean(self) -> dict:
        cleaned_data = super().clean()
        try:
            services.ensure_account_can_be_deleted(self.request.user)
        except services.LastSuperuserError:
            raise forms.ValidationError(
                _(
                    "You are the only administrator of Steiger, so your account cannot be "
                    "deleted. Make someone else an administrator first."
                ),
                code="last_superuser",
            ) from None
        return cleaned_data

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        # Through allauth, so wrong guesses count against the same failed-login limit.
        if not get_adapter(self.request).reauthenticate(self.request.user, password):
            raise forms.ValidationError(
                _("This password is not correct."), code="password_mismatch"
            )
        return password
