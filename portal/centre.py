"""The Centre as every page shows it: name, address, how to reach it, and its fixed pages.

The details come from the site setting `CentreSettings` (one place for the Centre to change
them); the links point at the live contact page, privacy and accessibility statements,
advice question page and newsletter page of the visitor's language. The footer shows all of
it on every page, so the result is cached until content or a setting changes (the content
version in the key, like the menus in portal.navigation).
"""

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from django.apps import apps
from django.conf import settings as django_settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connections, router
from django.http import HttpRequest
from django.utils import translation
from wagtail.models import Locale, Page, Site

from portal import plain_select
from portal.models.site_settings import CentreSettings, CentreText
from portal.page_cache import content_version
from portal.page_sql import no_view_restriction

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


# What a linked page needs for its role and its address (Page.get_url reads url_path only).
_LINKED_PAGE_COLUMNS = plain_select.Columns(
    Page,
    [
        field
        for field in Page._meta.concrete_fields
        if field.attname in {"id", "path", "url_path", "content_type_id"}
    ],
)


def _linked_pages(site: Site, language_code: str, models: list[type[Page]]) -> list[Page]:
    """Live, public pages of `models` (or their subclasses) under the site's home in this
    language (the site's own home when it has no translation in it), by tree path, in one
    query; every other column is left deferred.

    The footer needs them on every page. Written out as the ORM wrote it (a Coalesce of two
    Subqueries and an Exists), building and compiling the query took 1.5 ms of every uncached
    render (issue 7); tests/portal/test_centre.py holds this to that query's answers."""
    content_types = ContentType.objects.get_for_models(*_with_subclasses(tuple(models)))
    if not content_types:
        return []
    connection = connections[router.db_for_read(Page)]
    quote = connection.ops.quote_name
    page, locale = quote(Page._meta.db_table), quote(Locale._meta.db_table)
    columns = _LINKED_PAGE_COLUMNS.select_list(connection, "p")
    marks = ", ".join(["%s"] * len(content_types))
    sql = (
        f"SELECT {columns} FROM {page} p,"  # noqa: S608 (quoted names; values are parameters)
        " (SELECT COALESCE("
        f"(SELECT h.path FROM {page} h INNER JOIN {locale} l ON l.id = h.locale_id"
        f" WHERE l.language_code = %s AND h.translation_key ="
        f" (SELECT r.translation_key FROM {page} r WHERE r.id = %s) ORDER BY h.path LIMIT 1),"
        f" (SELECT r.path FROM {page} r WHERE r.id = %s)) AS path) home"
        f" WHERE p.live = %s AND p.content_type_id IN ({marks})"
        " AND SUBSTR(p.path, 1, LENGTH(home.path)) = home.path"
        f" AND {no_view_restriction(connection)} ORDER BY p.path"
    )
    params = [language_code, site.root_page_id, site.root_page_id, True]
    params += [content_type.pk for content_type in content_types.values()]
    return _LINKED_PAGE_COLUMNS.instances(sql, params)


@lru_cache(maxsize=8)
def _with_subclasses(models: tuple[type[Page], ...]) -> tuple[type[Page], ...]:
    """The models and every installed model below them, as Wagtail's `PageQuerySet.type()`
    takes them (the installed models are fixed once the apps are loaded)."""
    return tuple(model for model in apps.get_models() if issubclass(model, models))


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
