"""Filters for text as visitors read it: tappable phone numbers and titles that break well."""

from django import template
from django.utils import translation
from django.utils.safestring import SafeString

from portal.hyphenation import hyphenate_html
from portal.phone_links import link_phone_numbers

register = template.Library()


@register.filter(is_safe=True)
def phone_links(value) -> SafeString:
    """Link the phone numbers in `value` (HTML, or plain text that is escaped first)."""
    return link_phone_numbers("" if value is None else value)


@register.filter(is_safe=True)
def hyphenate(value, language_code: str = "") -> SafeString:
    """Soft hyphens in the long words of a title, for the given or the active language."""
    return hyphenate_html(
        "" if value is None else value, language_code or translation.get_language() or ""
    )
