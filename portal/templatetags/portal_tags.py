from django import template
from django.urls import translate_url
from wagtail.models import Locale, Site

from portal.navigation import SiteNavigation, site_navigation

register = template.Library()


@register.simple_tag(takes_context=True)
def navigation(context) -> SiteNavigation | None:
    request = context.get("request")
    if request is None:
        return None
    return site_navigation(Site.find_for_request(request), Locale.get_active())


@register.simple_tag(takes_context=True)
def path_in_language(context, language_code: str) -> str:
    """This same non-page view (account, search...) in another language, or that language's
    home when the view has no counterpart there."""
    request = context.get("request")
    if request is None:
        return f"/{language_code}/"
    translated = translate_url(request.get_full_path(), language_code)
    return translated if translated != request.get_full_path() else f"/{language_code}/"
