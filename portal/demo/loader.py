"""Load the demo site: pages in Dutch and English, the Site, the Centre's details, and one
local user per role.

Idempotent: every page is found by a translation_key derived from its demo key, every user by
email, before anything is created. A demo page that a person has changed (any revision with a
user) is left exactly as it is. A page that only this loader ever wrote is brought up to date
with the current demo content, so a database loaded before a change of the demo texts gets the
new ones; when the page type itself changed (a plain page became a modelled statement), the
old page is replaced. Loading twice in a row changes nothing the second time: a page is only
saved when its content differs. Pages are made in two passes, because calls to action and the
home page's featured list point at pages that may not exist yet in the first pass.
"""

import json
import secrets
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.fields import StreamField
from wagtail.models import Locale, Page, Site

from portal.demo import centre, content, users
from portal.demo.content import DemoAudiencePage, DemoPage, Translation
from portal.demo.taxonomy import term_key
from portal.models import (
    Audience,
    AudiencePage,
    CentreSettings,
    CentreText,
    HomePage,
    Municipality,
    StandardPage,
    Theme,
)

DEMO_NAMESPACE = uuid.UUID("0c3f7f3e-1a55-5e53-8d1f-3f0f5c2f9a61")
LANGUAGES = ("nl", "en")


def page_key(key: str) -> uuid.UUID:
    """The translation_key of a demo page: the same in every run and every database."""
    return uuid.uuid5(DEMO_NAMESPACE, f"page/{key}")


@dataclass
class LoadReport:
    created_pages: list[str] = field(default_factory=list)
    # Pages only the loader had written, brought up to date with the current demo content.
    updated_pages: list[str] = field(default_factory=list)
    # Pages whose demo content changed but that a person edited: left alone.
    kept_pages: list[str] = field(default_factory=list)
    # (email, role, password); password is None when the account existed and was left alone.
    accounts: list[tuple[str, str, str | None]] = field(default_factory=list)
    site_changed: bool = False
    centre_filled: bool = False

    @property
    def pages_changed(self) -> bool:
        return bool(self.created_pages or self.updated_pages)


@dataclass
class _Plan:
    """One demo page: how to create it, and how to fill a language version of it."""

    key: str
    model: type[Page]
    parent_key: str | None  # None: under the tree's root
    translations: dict[str, Translation]
    fill: Callable[[Page, str], None] = lambda page, language: None
    extra: dict[str, Any] = field(default_factory=dict)


class DemoLoader:
    def __init__(self) -> None:
        self.locales = {
            code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGES
        }
        self.report = LoadReport()

    # --- lookups ---------------------------------------------------------------------------
    def page(self, key: str, language: str) -> Page | None:
        return (
            Page.objects.filter(translation_key=page_key(key), locale=self.locales[language])
            .specific()
            .first()
        )

    def page_id(self, key: str, language: str) -> int | None:
        return (
            Page.objects.filter(translation_key=page_key(key), locale=self.locales[language])
            .values_list("pk", flat=True)
            .first()
        )

    def terms(self, model, kind: str, slugs: tuple[str, ...], language: str) -> list:
        keys = [term_key(kind, slug) for slug in slugs]
        return list(model.objects.filter(translation_key__in=keys, locale=self.locales[language]))

    # --- the plan --------------------------------------------------------------------------
    def plans(self) -> list[_Plan]:
        plans = [
            _Plan(
                "home",
                HomePage,
                None,
                {"nl": content.HOME.nl, "en": content.HOME.en},
                fill=self._fill_home,
            )
        ]
        for spec in content.AUDIENCE_PAGES:
            plans.append(
                _Plan(
                    spec.key,
                    AudiencePage,
                    "home",
                    {"nl": spec.nl, "en": spec.en},
                    fill=self._audience_filler(spec),
                    extra={"show_in_menus": True},
                )
            )
        for spec in content.STANDARD_PAGES:
            plans.append(
                _Plan(
                    spec.key,
                    StandardPage,
                    "home",
                    {"nl": spec.nl, "en": spec.en},
                    fill=self._standard_filler(spec),
                    extra={"show_in_footer": spec.show_in_footer},
                )
            )
        for spec in centre.CENTRE_PAGES:
            plans.append(
                _Plan(
                    spec.key,
                    apps.get_model(spec.model),
                    "home",
                    {"nl": spec.nl, "en": spec.en},
                    fill=self._body_filler(spec),
                )
            )
        plans.extend(self._sub_app_plans())
        return plans

    def _sub_app_plans(self) -> list[_Plan]:
        """Pages of portal's own sub-apps (advice, newsletter), when those apps have them."""
        from portal.demo import extra_pages

        return [
            _Plan(spec.key, spec.model, "home", {"nl": spec.nl, "en": spec.en})
            for spec in extra_pages.available()
        ]

    # --- fillers: set a language version's content before it is published ----------------
    def _body(self, blocks: list[dict], language: str) -> list[dict]:
        resolved = []
        for block in blocks:
            if block["type"] == "call_to_action" and block["value"].get("page"):
                value = {**block["value"], "page": self.page_id(block["value"]["page"], language)}
                block = {**block, "value": value}
            resolved.append(block)
        return resolved

    def _fill_home(self, page: Page, language: str) -> None:
        page.featured = [
            {"type": "page", "value": page_id}
            for key in content.FEATURED
            if (page_id := self.page_id(key, language)) is not None
        ]

    def _audience_filler(self, spec: DemoAudiencePage) -> Callable[[Page, str], None]:
        def fill(page: Page, language: str) -> None:
            (page.audience,) = self.terms(Audience, "audience", (spec.audience,), language)
            page.body = self._body(getattr(spec, language).body, language)

        return fill

    def _body_filler(self, spec: Any) -> Callable[[Page, str], None]:
        def fill(page: Page, language: str) -> None:
            page.body = self._body(getattr(spec, language).body, language)

        return fill

    def _standard_filler(self, spec: DemoPage) -> Callable[[Page, str], None]:
        def fill(page: Page, language: str) -> None:
            page.body = self._body(getattr(spec, language).body, language)
            page.themes.set(self.terms(Theme, "theme", spec.themes, language))
            page.audiences.set(self.terms(Audience, "audience", spec.audiences, language))
            page.municipalities.set(
                self.terms(Municipality, "municipality", spec.municipalities, language)
            )

        return fill

    # --- pages -----------------------------------------------------------------------------
    def _apply_translation(self, page: Page, translation: Translation) -> None:
        page.title = translation.title
        page.slug = translation.slug
        page.search_description = translation.search_description
        page.seo_title = translation.seo_title
        if hasattr(page, "intro"):
            page.intro = translation.intro
        for name, value in translation.extra.items():
            setattr(page, name, value)

    def _remove_wagtail_welcome_page(self) -> None:
        """Wagtail's first migration leaves a plain "Welcome" page where our home goes."""
        plain = ContentType.objects.get_for_model(Page)
        Page.objects.filter(depth=2, content_type=plain, numchild=0).delete()

    def _create(self, plan: _Plan, language: str) -> Page | None:
        translation = plan.translations[language]
        if language == "nl":
            if plan.parent_key is None:
                self._remove_wagtail_welcome_page()
                parent = Page.get_first_root_node()
            else:
                parent = self.page(plan.parent_key, "nl")
            page = plan.model(
                translation_key=page_key(plan.key),
                locale=self.locales["nl"],
                live=False,
                **plan.extra,
            )
            self._apply_translation(page, translation)
            if plan.model is AudiencePage:
                # Required field; the filler sets the right one before publishing.
                page.audience = Audience.objects.filter(locale=self.locales["nl"]).first()
            parent.add_child(instance=page)
            return page
        source = self.page(plan.key, "nl")
        page = source.copy_for_translation(self.locales[language])
        page = page.specific
        self._apply_translation(page, translation)
        page.save()
        return page

    def _written_by_a_person(self, page: Page) -> bool:
        return page.revisions.exclude(user=None).exists()

    def _replace_if_retyped(self, plan: _Plan, existing: dict[str, Page | None]) -> bool:
        """An older demo page of another type: replace it unless a person changed it.

        Returns False when the plan must be skipped (the old page stays).
        """
        old = [page for page in existing.values() if page is not None]
        if all(isinstance(page, plan.model) for page in old):
            return True
        if any(self._written_by_a_person(page) for page in old):
            self.report.kept_pages.extend(
                f"{page.locale.language_code}: {page.title}" for page in old
            )
            return False
        for language in reversed(LANGUAGES):  # translations before their source
            if existing[language] is not None:
                existing[language].delete()
                existing[language] = None
        return True

    def load_pages(self) -> None:
        # (plan, language, page, new): pages to fill, then publish when their content changed.
        to_fill: list[tuple[_Plan, str, Page, bool]] = []
        for plan in self.plans():
            existing = {language: self.page(plan.key, language) for language in LANGUAGES}
            if not self._replace_if_retyped(plan, existing):
                continue
            for language in LANGUAGES:
                page = existing[language]
                if page is None:
                    to_fill.append((plan, language, self._create(plan, language), True))
                elif not self._written_by_a_person(page):
                    to_fill.append((plan, language, page, False))
                else:
                    before = _snapshot(Page.objects.get(pk=page.pk).specific)
                    page = Page.objects.get(pk=page.pk).specific
                    self._fill(plan, language, page)
                    if _snapshot(page) != before:
                        self.report.kept_pages.append(f"{language}: {page.title}")
        for plan, language, page, new in to_fill:
            page = Page.objects.get(pk=page.pk).specific
            before = None if new else _snapshot(page)
            self._fill(plan, language, page)
            if not new and _snapshot(page) == before:
                continue
            page.save_revision().publish()
            pages = self.report.created_pages if new else self.report.updated_pages
            pages.append(f"{language}: {page.title}")

    def _fill(self, plan: _Plan, language: str, page: Page) -> None:
        self._apply_translation(page, plan.translations[language])
        for name, value in plan.extra.items():
            setattr(page, name, value)
        plan.fill(page, language)

    def ensure_site(self) -> None:
        home = self.page("home", "nl")
        site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
        wanted = {
            "hostname": "localhost",
            "port": 80,
            "site_name": "Steiger",
            "root_page_id": home.pk,
        }
        if site.pk and all(getattr(site, name) == value for name, value in wanted.items()):
            return
        for name, value in wanted.items():
            setattr(site, name, value)
        site.save()
        self.report.site_changed = True

    def ensure_centre(self) -> None:
        """The Centre's details in the site setting, unless the Centre filled them in already."""
        site = Site.objects.get(is_default_site=True)
        settings = CentreSettings.for_site(site)
        if settings.texts.exists() or settings.visiting_street or settings.email:
            return
        spec = centre.CENTRE
        for name in (
            "visiting_street",
            "visiting_postcode",
            "visiting_city",
            "postal_address",
            "phone",
            "email",
            "privacy_officer_email",
        ):
            setattr(settings, name, getattr(spec, name))
        settings.texts = [
            CentreText(
                language_code=language,
                name=text.name,
                controller=text.controller,
                opening_hours=text.opening_hours,
                visiting_note=text.visiting_note,
            )
            for language, text in spec.texts.items()
        ]
        settings.save()
        self.report.centre_filled = True

    # --- accounts --------------------------------------------------------------------------
    def load_accounts(self, *, reset_passwords: bool) -> None:
        from allauth.account.models import EmailAddress

        User = get_user_model()
        for spec in users.USERS:
            user = User.objects.filter(email=spec.email).first()
            password = None
            if user is None:
                password = _new_password()
                if spec.superuser:
                    user = User.objects.create_superuser(
                        email=spec.email, password=password, first_name=spec.first_name
                    )
                else:
                    user = User.objects.create_user(
                        email=spec.email, password=password, first_name=spec.first_name
                    )
            elif reset_passwords:
                password = _new_password()
                user.set_password(password)
                user.save(update_fields=["password"])
            if spec.role and not user.groups.filter(name=spec.role).exists():
                user.groups.add(Group.objects.get(name=spec.role))
            # Verified already, so the mandatory email confirmation does not block a local login.
            EmailAddress.objects.get_or_create(
                user=user, email=spec.email, defaults={"verified": True, "primary": True}
            )
            role = "superuser" if spec.superuser else (spec.role or "")
            self.report.accounts.append((spec.email, role, password))


def _new_password() -> str:
    return secrets.token_urlsafe(12)


def load_demo_content(*, reset_passwords: bool = False) -> LoadReport:
    loader = DemoLoader()
    with transaction.atomic():
        loader.load_pages()
        loader.ensure_site()
        loader.ensure_centre()
        loader.load_accounts(reset_passwords=reset_passwords)
    return loader.report


# Page fields the loader never sets, or that change on every save.
_UNCOMPARED_PAGE_FIELDS = {
    "id",
    "page_ptr",
    "path",
    "depth",
    "numchild",
    "translation_key",
    "locale",
    "live",
    "has_unpublished_changes",
    "url_path",
    "owner",
    "locked",
    "locked_at",
    "locked_by",
    "latest_revision",
    "live_revision",
    "latest_revision_created_at",
    "first_published_at",
    "last_published_at",
    "draft_title",
    "content_type",
    "go_live_at",
    "expire_at",
    "expired",
    "alias_of",
}


def _without_ids(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _without_ids(item) for key, item in value.items() if key != "id"}
    if isinstance(value, list):
        return [_without_ids(item) for item in value]
    return value


def _stream_data(stream) -> str:
    """A StreamField's content in one canonical form, whatever shape it was assigned in."""
    data = [
        {"type": child.block_type, "value": child.block.get_prep_value(child.value)}
        for child in stream
    ]
    return json.dumps(_without_ids(data), sort_keys=True, default=str)


def _snapshot(page: Page) -> dict[str, Any]:
    """What the demo content decides about a page: its fields, streams and tags."""
    snapshot: dict[str, Any] = {}
    for model_field in page._meta.concrete_fields:
        if model_field.name in _UNCOMPARED_PAGE_FIELDS:
            continue
        if isinstance(model_field, StreamField):
            snapshot[model_field.name] = _stream_data(getattr(page, model_field.name))
        else:
            snapshot[model_field.name] = getattr(page, model_field.attname)
    for relation in page._meta.many_to_many:
        snapshot[relation.name] = sorted(item.pk for item in getattr(page, relation.name).all())
    return snapshot
