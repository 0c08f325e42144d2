from django import template
from wagtail.models import Site

from portal.centre import Centre, centre_for

register = template.Library()


@register.simple_tag(takes_context=True)
def centre(context) -> Centre | None:
    """The Centre's name, address, contact details and fixed pages, in the active language."""
    request = context.get("request")
    if request is None:
        return None
    return centre_for(Site.find_for_request(request), request)
