"""The learner's forms: typing a resume code, and an address to mail one's own code to."""

from django import forms
from django.utils.translation import gettext_lazy as _

from . import codes


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
