"""The inputs of templates/portal/forms/field.html, with the NL Design System's classes.

`{% field_input field %}` renders a form field's widget (or one option of a radio group) with
Django's own widget templates, adding the design system's class and its `--invalid` modifier.
Django itself adds aria-invalid and aria-describedby ("<id>_helptext", "<id>_error").

allauth also writes some inputs by hand in its templates (`{% element field %}`: the
authenticator secret, an address to choose as primary). `{% element_field attrs slots as field %}`
turns one of those into an object that field.html renders like a form field, so there is one
field template with one id convention for both.
"""

from dataclasses import dataclass
from dataclasses import field as dataclass_field

from django import template
from django.forms import BoundField
from django.forms.boundfield import BoundWidget
from django.forms.utils import flatatt
from django.forms.widgets import (
    CheckboxInput,
    CheckboxSelectMultiple,
    RadioSelect,
    Select,
    Textarea,
    Widget,
)
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

# The design system's class for each kind of input, and the modifier for one with an error.
# Spelled out in full: the CSS build keeps the rules of the class names it finds in our files.
TEXTBOX = ("utrecht-textbox utrecht-textbox--html-input", "utrecht-textbox--invalid")
TEXTAREA = ("utrecht-textarea utrecht-textarea--html-textarea", "utrecht-textarea--invalid")
SELECT = ("utrecht-select utrecht-select--html-select", "utrecht-select--invalid")
CHECKBOX = ("utrecht-checkbox utrecht-checkbox--html-input", "utrecht-checkbox--invalid")
RADIO = ("utrecht-radio-button utrecht-radio-button--html-input", "utrecht-radio-button--invalid")
BY_INPUT_TYPE = {"textarea": TEXTAREA, "select": SELECT, "checkbox": CHECKBOX, "radio": RADIO}


def _widget_classes(widget: Widget) -> tuple[str, str]:
    if isinstance(widget, (CheckboxInput, CheckboxSelectMultiple)):
        return CHECKBOX
    if isinstance(widget, RadioSelect):
        return RADIO
    if isinstance(widget, Select):
        return SELECT
    if isinstance(widget, Textarea):
        return TEXTAREA
    return TEXTBOX


def _class_attr(classes: tuple[str, str], *, invalid: bool, existing: str = "") -> str:
    names = classes[0].split()
    if invalid:
        names.append(classes[1])
    names += [name for name in existing.split() if name not in names]
    return " ".join(names)


@register.simple_tag
def field_input(field: BoundField | BoundWidget) -> SafeString:
    """The input of a form field, or of one option of a radio or checkbox group."""
    if isinstance(field, BoundWidget):
        attrs = field.data["attrs"]
        css_class = _class_attr(
            _widget_classes(field.parent_widget),
            invalid="aria-invalid" in attrs,
            existing=attrs.get("class", ""),
        )
        data = {**field.data, "attrs": {**attrs, "class": css_class}}
        return BoundWidget(field.parent_widget, data, field.renderer).tag()
    if isinstance(field, ElementField):
        return field.input
    widget = field.field.widget
    attrs = {
        "class": _class_attr(
            _widget_classes(widget),
            invalid=bool(field.errors),
            existing=widget.attrs.get("class", ""),
        )
    }
    if "placeholder" in widget.attrs:
        # allauth repeats the label as a placeholder; screen readers would read it twice, and
        # the visible label is enough.
        attrs["placeholder"] = False
    return field.as_widget(attrs=attrs)


@dataclass
class ElementField:
    """One of allauth's hand-written inputs, shaped like the BoundField field.html expects."""

    auto_id: str
    label: str
    help_text: str
    errors: list
    widget_type: str
    input: SafeString
    use_fieldset: bool = False
    # allauth's own inputs are never optional ones: no "(optional)" after their label.
    field: dict = dataclass_field(default_factory=lambda: {"required": True})

    @property
    def id_for_label(self) -> str:
        return self.auto_id


@register.simple_tag
def element_field(attrs: dict, slots: dict) -> ElementField:
    """allauth's `{% element field %}` (its attrs and rendered slots) as a field for field.html."""
    input_type = attrs.get("type") or "text"
    auto_id = attrs.get("id") or ""
    help_text = mark_safe("".join(slots.get("help_text", [])).strip())
    errors = list(attrs.get("errors") or [])
    described_by = [f"{auto_id}_helptext"] if help_text else []
    if errors:
        described_by.append(f"{auto_id}_error")
    html_attrs = {
        "class": _class_attr(BY_INPUT_TYPE.get(input_type, TEXTBOX), invalid=bool(errors)),
        "id": auto_id or None,
        "name": attrs.get("name") or None,
        "autocomplete": attrs.get("autocomplete") or None,
        "rows": attrs.get("rows") or None,
        "required": bool(attrs.get("required")),
        "disabled": bool(attrs.get("disabled")),
        "readonly": bool(attrs.get("readonly")),
        "aria-describedby": " ".join(described_by) or None,
        "aria-invalid": "true" if errors else None,
    }
    html_attrs = {key: value for key, value in html_attrs.items() if value not in (None, False)}
    if input_type == "textarea":
        value = "".join(slots.get("value", []))
        html = format_html("<textarea{}>{}</textarea>", flatatt(html_attrs), mark_safe(value))
    else:
        html_attrs["type"] = input_type
        if attrs.get("checked"):
            html_attrs["checked"] = True
        if attrs.get("value") is not None:
            html_attrs["value"] = attrs["value"]
        html = format_html("<input{}>", flatatt(html_attrs))
    return ElementField(
        auto_id=auto_id,
        label=mark_safe("".join(slots.get("label", [])).strip()),
        help_text=help_text,
        errors=errors,
        widget_type=input_type,
        input=html,
    )
