"""The expert's own forms in her inbox: decline with a reason, pause, aftercare, expenses."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .choices import Wellbeing
from .records import ExpenseClaim

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Only the coordinators read this."),
    )


class PauseForm(forms.Form):
    starts_on = forms.DateField(
        label=_("Pause from"),
        widget=DATE_WIDGET,
        error_messages={
            "required": _("Fill in the first day of your pause."),
            "invalid": _("Enter a date like 14-03-2027."),
        },
    )
    ends_on = forms.DateField(
        label=_("Until and including"),
        widget=DATE_WIDGET,
        error_messages={
            "required": _("Fill in the last day of your pause."),
            "invalid": _("Enter a date like 14-03-2027."),
        },
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            today = timezone.localdate()
            self.initial.setdefault("starts_on", today)
            self.initial.setdefault("ends_on", today + datetime.timedelta(days=30))

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and starts < timezone.localdate():
            self.add_error("starts_on", _("A pause starts today or later."))
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("The end of the pause must be on or after its start."))
        if starts and ends and (ends - starts).days > 366:
            self.add_error("ends_on", _("A pause lasts at most a year; you can always add one."))
        return data


class AftercareForm(forms.Form):
    wellbeing = forms.ChoiceField(
        label=_("How did it go for you?"),
        choices=Wellbeing.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose how it went for you.")},
    )
    note = forms.CharField(
        label=_("Anything you want us to know"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, **kwargs) -> None:
        # Its own ids: the expense form on the same page has a "note" too.
        kwargs.setdefault("auto_id", "id_aftercare_%s")
        super().__init__(*args, **kwargs)


class ExpenseForm(forms.ModelForm):
    class Meta:
        model = ExpenseClaim
        fields = ["travel_km", "travel_costs", "fee", "note"]
        error_messages = {
            field: {
                "invalid": _("Fill in an amount like 12.50."),
                "min_value": _("An amount cannot be negative."),
                "max_digits": _("That amount is too large."),
                "max_decimal_places": _("Use at most two decimals."),
            }
            for field in ("travel_costs", "fee")
        }
