"""The form kit: one way to render every form, and the protection every public form has.

Rendering. settings.FORM_RENDERER is `DesignSystemFormRenderer`, so `{{ form }}` (ours and
allauth's) and `{{ field.as_field_group }}` give NL Design System markup from
templates/portal/forms/: the error summary linking to each field with a problem, and per field
a label, description, error message and input. The ids follow Django's own convention, which
Django already points aria-describedby at: "<input id>_helptext" and "<input id>_error"; an
input with an error also gets aria-invalid. Nothing to do per form: a field's label, help_text
and error messages are all it takes.

Spam. `PublicForm` adds a honeypot: a normal text field that people never see or reach: it is
visually hidden by the `steiger-honeypot` class, hidden from assistive technology with
aria-hidden on its wrapper, skipped by the keyboard (tabindex=-1) and by autofill
(autocomplete=off). A bot that fills every field fills it too; the view then discards the
submission but shows the normal success page, so the bot learns nothing. No third party (no
CAPTCHA service) is involved.
"""

from django import forms
from django.forms.renderers import TemplatesSetting
from django.utils.translation import gettext_lazy as _

HONEYPOT_FIELD = "website"


class DesignSystemFormRenderer(TemplatesSetting):
    """Forms and fields in the NL Design System's markup (templates/portal/forms/).

    Widgets keep Django's own templates; the design system's classes are added where the field
    template renders the input (portal/templatetags/steiger_forms.py).
    """

    form_template_name = "portal/forms/form.html"
    field_template_name = "portal/forms/field.html"


class HoneypotFormMixin(forms.Form):
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    @property
    def honeypot_field(self) -> forms.BoundField:
        return self[HONEYPOT_FIELD]

    def is_spam(self) -> bool:
        """True when the honeypot was filled. Call after is_valid()."""
        return bool((self.data.get(self.add_prefix(HONEYPOT_FIELD)) or "").strip())

    def visible_fields(self) -> list[forms.BoundField]:
        # The form template renders the honeypot separately, hidden, after the real fields.
        return [field for field in super().visible_fields() if field.name != HONEYPOT_FIELD]


class PublicForm(HoneypotFormMixin):
    """Base for every public form (a form page's form is a portal.form_pages.PageForm)."""
