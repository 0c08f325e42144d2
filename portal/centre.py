"""The Centre as every page shows it: name, address, how to reach it, and its fixed pages.

The details come from the site setting `CentreSettings` (one place for the Centre to change
them); the links point at the live contact page, privacy and accessibility statements,
advice question page and newsletter page of the visitor's language. The footer shows all of
it on every page, so the result is cached until content or a setting changes (the content
version in the key, like the menus in portal.navigation).
"""

import re
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.conf import settings as django_settings
from django.core.cache import cache
from django.db.models import Exists, F, OuterRef, Subquery
from django.db.models.functions import Coalesce, Substr
from django.http import HttpRequest
from django.utils import translation
from wagtail.models import Page, PageViewRestriction, Site

from portal.models.site_settings import CentreSettings, CentreText
from portal.page_cache import content_version

CACHE_SECONDS = 60 * 60

# The pages the footer and the statements link to, by role; the sub-apps' pages are optional.
_LINKED_PAGE_MODELS = {
    "contact": ("portal", "ContactPage"),
    "privacy": ("portal", "PrivacyStatementPage"),
    "accessibility": ("portal", "AccessibilityStatementPage"),
    "advice": ("advice", "AdviceQuestionPage"),
    "newsletter": ("newsletter", "NewsletterSignupPage"),
}


@dataclass(frozen=True)
class CentreLinks:
    contact: str = ""
    privacy: str = ""
    accessibility: str = ""
    advice: str = ""
    newsletter: str = ""


@dataclass(frozen=True)
class Centre:
    name: str = ""
    controller: str = ""
    visiting_address: tuple[str, ...] = ()
    visiting_note: str = ""
    postal_address: tuple[str, ...] = ()
    phone: str = ""
    email: str = ""
    privacy_email: str = ""
    opening_hours: tuple[str, ...] = ()
    links: CentreLinks = CentreLinks()

    @property
    def phone_href(self) -> str:
        return phone_href(self.phone)

    @property
    def has_address(self) -> bool:
        return bool(self.visiting_address or self.postal_address)


def phone_href(number: str) -> str:
    """A tel: link for a number as people write it ("013 123 45 67" -> "tel:0131234567")."""
    digits = re.sub(r"[^0-9+]", "", number)
    return f"tel:{digits}" if digits else ""


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def _linked_pages(site: Site, language_code: str, models: list[type[Page]]) -> list[Page]:
    """Live, public pages of `models` under the site's home in this language, in one query
    (the footer needs them on every page, and a cold cache must stay cheap)."""
    root = Page.objects.filter(pk=site.root_page_id)
    localized_home = Page.objects.filter(
        translation_key=Subquery(root.values("translation_key")[:1]),
        locale__language_code=language_code,
    )
    # A page is private when it or one of its ancestors has a view restriction: the
    # restricted page's path is a prefix of this page's path.
    restriction_above = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, F("page__depth") * Page.steplen)
    )
    return list(
        Page.objects.live()
        .type(*models)
        .annotate(
            home_path=Coalesce(
                Subquery(localized_home.values("path")[:1]), Subquery(root.values("path")[:1])
            )
        )
        .filter(path__startswith=F("home_path"))
        .exclude(Exists(restriction_above))
        .order_by("path")
    )


def _links(site: Site, language_code: str, request: HttpRequest | None) -> CentreLinks:
    models = {
        role: model
        for role, (app_label, name) in _LINKED_PAGE_MODELS.items()
        if (model := _model(app_label, name)) is not None
    }
    urls: dict[str, str] = {}
    for page in _linked_pages(site, language_code, list(models.values())):
        for role, model in models.items():
            if role not in urls and issubclass(page.specific_class, model):
                urls[role] = page.get_url(request)
    return CentreLinks(**urls)


def _model(app_label: str, name: str) -> type[Page] | None:
    try:
        return apps.get_model(app_label, name)
    except LookupError:
        return None


def _settings_and_text(site: Site, language_code: str) -> tuple[CentreSettings | None, Any]:
    """The site's Centre settings and its texts in this language (or the default one)."""
    wanted = (language_code, django_settings.LANGUAGE_CODE)
    texts = list(
        CentreText.objects.filter(centre__site=site, language_code__in=wanted).select_related(
            "centre"
        )
    )
    if texts:
        texts.sort(key=lambda text: wanted.index(text.language_code))
        return texts[0].centre, texts[0]
    # Not CentreSettings.for_site: that creates the row on a GET, and saving a setting empties
    # every cache (the content version), the page being rendered included.
    settings = CentreSettings.objects.filter(site=site).first()
    return settings, (settings.text_for(language_code) if settings else None)


def build_centre(site: Site, language_code: str, request: HttpRequest | None = None) -> Centre:
    links = _links(site, language_code, request)
    settings, text = _settings_and_text(site, language_code)
    if settings is None:
        return Centre(links=links)
    visiting = _lines(
        "\n".join(
            [
                settings.visiting_street,
                f"{settings.visiting_postcode} {settings.visiting_city}".strip(),
            ]
        )
    )
    name = text.name if text else ""
    return Centre(
        name=name,
        controller=(text.controller if text else "") or name,
        visiting_address=visiting,
        visiting_note=text.visiting_note if text else "",
        postal_address=_lines(settings.postal_address),
        phone=settings.phone,
        email=settings.email,
        privacy_email=settings.privacy_officer_email or settings.email,
        opening_hours=_lines(text.opening_hours) if text else (),
        links=links,
    )


def centre_for(site: Site | None, request: HttpRequest | None = None) -> Centre | None:
    """The Centre in the active language, for pages of `site`; cached until content changes."""
    if site is None:
        return None
    language_code = translation.get_language() or django_settings.LANGUAGE_CODE
    key = f"portal:centre:{content_version()}:{site.pk}:{language_code}"
    centre = cache.get(key)
    if centre is None:
        centre = build_centre(site, language_code, request)
        cache.set(key, centre, CACHE_SECONDS)
    return centre
