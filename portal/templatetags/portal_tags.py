from django import template
from django.conf import settings
from django.urls import Resolver404, resolve, translate_url
from django.utils import translation
from wagtail.models import Page, Site

from portal.navigation import SiteNavigation, breadcrumb_trail, site_navigation
from portal.page_lookups import active_locale, live_translations
from portal.security import areas

register = template.Library()


@register.simple_tag(takes_context=True)
def navigation(context) -> SiteNavigation | None:
    request = context.get("request")
    if request is None:
        return None
    return site_navigation(Site.find_for_request(request), active_locale(request), request)


@register.simple_tag
def breadcrumbs(page: Page) -> list[Page]:
    return breadcrumb_trail(page)


@register.simple_tag(takes_context=True)
def path_in_language(context, language_code: str) -> str:
    """This same non-page view (account, search...) in another language, or that language's
    home when the view has no counterpart there."""
    request = context.get("request")
    if request is None:
        return f"/{language_code}/"
    # A Wagtail path without a page (page not found): the same path in the other language
    # does not exist either.
    match = getattr(request, "resolver_match", None) or _resolve(request.path_info)
    if match is None or match.url_name == "wagtail_serve":
        return f"/{language_code}/"
    translated = translate_url(request.get_full_path(), language_code)
    return translated if translated != request.get_full_path() else f"/{language_code}/"


@register.simple_tag(takes_context=True)
def page_in_other_languages(context, page: Page) -> list[dict]:
    """For the language switcher: each other language with this page's live translation, or,
    where there is none, that language's home page and `translated` False, so the switcher
    says so instead of leading to a 404. One query."""
    request = context.get("request")
    current = translation.get_language()
    # Shared with the page's hreflang links (portal.page_lookups): one query for both.
    live = {
        other.locale.language_code: other
        for other in live_translations(page, request)
        if other.pk != page.pk
    }
    choices = []
    for code, _name in settings.LANGUAGES:
        if code == current:
            continue
        other = live.get(code)
        choices.append(
            {
                "code": code,
                "name": translation.get_language_info(code)["name_local"],
                "url": other.get_url(request) if other is not None else f"/{code}/",
                "translated": other is not None,
            }
        )
    return choices


def _resolve(path: str):
    try:
        return resolve(path)
    except Resolver404:
        return None


@register.simple_tag
def private_path_prefixes() -> str:
    """Paths that are not public pages, space-separated, for quick-exit.js: every area whose
    views declared themselves private (the admins, the account area, the login and password
    doors of restricted pages, the exit itself, any app's MFA area; portal/security/areas.py),
    and the files: downloads, media and static. Moving to them keeps the browser's normal
    history; moving between public pages does not."""
    prefixes = [
        *areas.private_path_prefixes(),
        # Files, not pages: Wagtail's document downloads (portal/urls.py), media and static.
        "/documents/",
        settings.MEDIA_URL,
        settings.STATIC_URL,
    ]
    return " ".join(dict.fromkeys(prefix for prefix in prefixes if prefix.startswith("/")))
