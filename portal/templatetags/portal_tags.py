from django import template
from wagtail.models import Locale, Site

from portal.navigation import SiteNavigation, site_navigation

register = template.Library()


@register.simple_tag(takes_context=True)
def navigation(context) -> SiteNavigation | None:
    request = context.get("request")
    if request is None:
        return None
    return site_navigation(Site.find_for_request(request), Locale.get_active())
