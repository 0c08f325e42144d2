"""Shared protection for public forms: a honeypot field against simple spam bots.

No third party (no CAPTCHA service) is involved. The honeypot is a normal text field that people
never see or reach: it is visually hidden by the `steiger-honeypot` class, hidden from assistive
technology with aria-hidden on its wrapper, skipped by the keyboard (tabindex=-1) and by
autofill (autocomplete=off). A bot that fills every field fills it too; the view then discards
the submission but shows the normal success page, so the bot learns nothing.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

HONEYPOT_FIELD = "website"


class HoneypotFormMixin(forms.Form):
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "off",
                "tabindex": "-1",
                "class": "utrecht-textbox utrecht-textbox--html-input",
            }
        ),
    )

    @property
    def honeypot_field(self) -> forms.BoundField:
        return self[HONEYPOT_FIELD]

    def is_spam(self) -> bool:
        """True when the honeypot was filled. Call after is_valid()."""
        return bool((self.data.get(self.add_prefix(HONEYPOT_FIELD)) or "").strip())

    def visible_fields(self) -> list[forms.BoundField]:
        # Templates loop over visible_fields(); the honeypot is rendered separately.
        return [field for field in super().visible_fields() if field.name != HONEYPOT_FIELD]


class AccessibleFormMixin:
    """Links each input to its help text and error message (aria-describedby, aria-invalid).

    The templates render help text with id "<field id>-help" and errors with "<field id>-error";
    this mixin puts the matching references on the widgets, before and after validation.
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._link_descriptions()

    def full_clean(self) -> None:
        super().full_clean()
        self._link_descriptions()

    def _link_descriptions(self) -> None:
        errors = getattr(self, "_errors", None) or {}
        for name, field in self.fields.items():
            if name == HONEYPOT_FIELD:
                continue
            auto_id = self[name].auto_id
            described_by = []
            if field.help_text:
                described_by.append(f"{auto_id}-help")
            if name in errors:
                described_by.append(f"{auto_id}-error")
                field.widget.attrs["aria-invalid"] = "true"
            else:
                field.widget.attrs.pop("aria-invalid", None)
            if described_by:
                field.widget.attrs["aria-describedby"] = " ".join(described_by)
            else:
                field.widget.attrs.pop("aria-describedby", None)


class PublicForm(AccessibleFormMixin, HoneypotFormMixin):
    """Base for every public form: accessible error linking plus the honeypot."""
