"""Render form fields the NL Design System way, with errors tied to their input."""

from django import template
from django.forms import BoundField
from django.forms.widgets import CheckboxInput, RadioSelect, Select, Textarea
from django.utils.safestring import SafeString

register = template.Library()


def _widget_class(field: BoundField) -> str:
    widget = field.field.widget
    if isinstance(widget, CheckboxInput):
        return "utrecht-checkbox utrecht-checkbox--html-input"
    if isinstance(widget, RadioSelect):
        return "utrecht-radio-button utrecht-radio-button--html-input"
    if isinstance(widget, Select):
        return "utrecht-select utrecht-select--html-select"
    if isinstance(widget, Textarea):
        return "utrecht-textarea utrecht-textarea--html-textarea"
    return "utrecht-textbox utrecht-textbox--html-input"


@register.simple_tag
def utrecht_widget(field: BoundField) -> SafeString:
    """The input with design-system classes; aria-describedby points at help and error text."""
    attrs: dict[str, str] = {}
    widget_class = _widget_class(field)
    classes = [widget_class]
    described_by = []
    if field.help_text:
        described_by.append(f"{field.auto_id}_help")
    if field.errors:
        described_by.append(f"{field.auto_id}_error")
        attrs["aria-invalid"] = "true"
        classes.append(f"{widget_class.split()[0]}--invalid")
    existing = field.field.widget.attrs.get("class")
    if existing:
        classes.append(existing)
    attrs["class"] = " ".join(classes)
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    # allauth puts placeholders that repeat the label; a visible label is enough and placeholders
    # are read twice by screen readers.
    widget = field.field.widget
    widget.attrs.pop("placeholder", None)
    return field.as_widget(attrs=attrs)


@register.filter
def is_checkbox(field: BoundField) -> bool:
    return isinstance(field.field.widget, CheckboxInput)
