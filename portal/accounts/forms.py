from allauth.account.adapter import get_adapter
from django import forms
from django.utils.translation import gettext_lazy as _


class DeleteAccountForm(forms.Form):
    """Deleting an account cannot be undone: the password proves it is the owner asking."""

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    confirm = forms.BooleanField(
        label=_("I understand that my account and all my data will be deleted."),
        required=True,
    )

    def __init__(self, *args, request, **kwargs) -> None:
        self.request = request
        super().__init__(*args, **kwargs)

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        # Through allauth, so wrong guesses count against the same failed-login limit.
        if not get_adapter(self.request).reauthenticate(self.request.user, password):
            raise forms.ValidationError(
                _("This password is not correct."), code="password_mismatch"
            )
        return password
