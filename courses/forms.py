"""The learner's forms: typing a resume code, an address to mail one's own code to, the name
for a certificate and a certificate code to verify."""

from django import forms
from django.utils.translation import gettext_lazy as _

from . import codes
from .services import certificates


class ResumeForm(forms.Form):
    code = forms.CharField(
        label=_("Your code"),
        help_text=_("The code you got when you started, for example K7QM-3XW9-0BRT-M4ZD."),
        max_length=codes.MAX_TYPED_LENGTH,
        strip=True,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )


class MailCodeForm(forms.Form):
    email = forms.EmailField(
        label=_("Your email address"),
        help_text=_("We send the code once and do not keep your address."),
        max_length=254,
    )


UNKNOWN_CODE = _("We do not know this code. Check it against what you wrote down and try again.")


class CertificateForm(forms.Form):
    """The name to print on a certificate (courses/services/certificates.py cleans it)."""

    name = forms.CharField(
        label=_("Name on the certificate"),
        help_text=_(
            "As it should be printed, for example with your initials or middle name. Only the "
            "certificate and its verification page show it."
        ),
        # No max_length here: a browser would cut a pasted name short without a word; the
        # service says how long it may be.
        strip=True,
        error_messages={"required": certificates.NAME_REQUIRED},
        widget=forms.TextInput(attrs={"autocomplete": "name", "spellcheck": "false"}),
    )

    def clean_name(self) -> str:
        return certificates.clean_learner_name(self.cleaned_data["name"])


NOT_A_CODE = _(
    "A verification code has 16 letters and digits, for example K7QM-3XW9-0BRT-M4ZD. Check "
    "what you typed against the certificate."
)


class VerifyForm(forms.Form):
    """A certificate's verification code, as someone copies it from the paper."""

    code = forms.CharField(
        label=_("Verification code"),
        help_text=_("On the certificate, next to the QR code, for example K7QM-3XW9-0BRT-M4ZD."),
        max_length=codes.MAX_TYPED_LENGTH,
        strip=True,
        error_messages={
            "required": _("Type the verification code from the certificate."),
            "max_length": NOT_A_CODE,
        },
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )

    def clean_code(self) -> str:
        code = codes.normalise(self.cleaned_data["code"])
        if code is None:
            raise forms.ValidationError(NOT_A_CODE, code="invalid")
        return code
