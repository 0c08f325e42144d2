"""Load the demo site: every app's demo content (the demo door, door.py), in dependency order.

Idempotent: every page is found by a translation_key derived from its demo key, every account
by email, before anything is created. A demo page that a person has changed (any revision with a
user) is left exactly as it is. A page that only this loader ever wrote is brought up to date
with the current demo content, so a database loaded before a change of the demo texts gets the
new ones; when the page type itself changed (a plain page became a modelled statement), the
old page is replaced. Loading twice in a row changes nothing the second time: a page is only
saved when its content differs. Pages of all apps are made in two passes, because calls to
action and the home page's featured list point at pages that may not exist yet in the first
pass; then each app's `load(demo)` runs, in the same order.
"""

import json
import secrets
import uuid
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

from allauth.account.models import EmailAddress
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.fields import StreamField
from wagtail.models import Locale, Page

from portal.demo.discovery import DemoContentError, depends_on, discover, in_dependency_order
from portal.demo.door import LANGUAGES, DemoPage
from portal.demo.taxonomy import term_key

DEMO_NAMESPACE = uuid.UUID("0c3f7f3e-1a55-5e53-8d1f-3f0f5c2f9a61")


def page_key(key: str) -> uuid.UUID:
    """The translation_key of a demo page: the same in every run and every database."""
    return uuid.uuid5(DEMO_NAMESPACE, f"page/{key}")


@dataclass
class LoadReport:
    # The apps whose demo content was loaded, in order.
    apps: list[str] = field(default_factory=list)
    created_pages: list[str] = field(default_factory=list)
    # Pages only the loader had written, brought up to date with the current demo content.
    updated_pages: list[str] = field(default_factory=list)
    # Pages whose demo content changed but that a person edited: left alone.
    kept_pages: list[str] = field(default_factory=list)
    # (email, role, password); password is None when the account existed and was left alone.
    accounts: list[tuple[str, str, str | None]] = field(default_factory=list)
    # What apps' load() functions did besides pages and accounts.
    notes: list[str] = field(default_factory=list)

    @property
    def pages_changed(self) -> bool:
        return bool(self.created_pages or self.updated_pages)


@dataclass(frozen=True)
class _Plan:
    """A demo page with the app that declared it and its model class."""

    app: str
    spec: DemoPage
    model: type[Page]


class DemoLoader:
    """Loads the demo modules and is the DemoContext (door.py) their pages and load() see."""

    languages = LANGUAGES

    def __init__(
        self, modules: list[tuple[str, ModuleType]], *, reset_passwords: bool = False
    ) -> None:
        self.modules = modules
        self.reset_passwords = reset_passwords
        self.locales = {
            code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGES
        }
        self.report = LoadReport(apps=[label for label, _module in modules])

    # --- the DemoContext -------------------------------------------------------------------
    def locale(self, language: str) -> Locale:
        return self.locales[language]

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

    def terms(self, kind: str, slugs: tuple[str, ...], language: str) -> list:
        model = apps.get_model("portal", kind)
        keys = [term_key(kind, slug) for slug in slugs]
        return list(model.objects.filter(translation_key__in=keys, locale=self.locales[language]))

    def account(
        self, email: str, first_name: str, *, role: str | None = None, superuser: bool = False
    ):
        User = get_user_model()
        user = User.objects.filter(email=email).first()
        password = None
        if user is None:
            password = _new_password()
            create = User.objects.create_superuser if superuser else User.objects.create_user
            user = create(email=email, password=password, first_name=first_name)
        elif self.reset_passwords:
            password = _new_password()
            user.set_password(password)
            user.save(update_fields=["password"])
        if role and not user.groups.filter(name=role).exists():
            user.groups.add(Group.objects.get(name=role))
        # Verified already, so the mandatory email confirmation does not block a local login.
        EmailAddress.objects.get_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        self.report.accounts.append((email, "superuser" if superuser else (role or ""), password))
        return user

    def note(self, line: str) -> None:
        self.report.notes.append(line)

    # --- the plan --------------------------------------------------------------------------
    def plans(self) -> list[_Plan]:
        """Every app's pages, in load order, checked before anything is written."""
        plans: list[_Plan] = []
        declared_by: dict[str, str] = {}
        for label, module in self.modules:
            # A page may go under a page of its own app or of an app it depends on (directly
            # or not), so DEPENDS_ON says everything the content needs.
            visible = self._apps_visible_to(label)
            for spec in getattr(module, "PAGES", ()):
                if spec.key in declared_by:
                    raise DemoContentError(
                        f"Demo page key {spec.key!r} is declared by {declared_by[spec.key]!r} "
                        f"and by {label!r}; keys are shared by all apps (prefix yours)."
                    )
                if spec.parent is not None and declared_by.get(spec.parent) not in visible:
                    raise DemoContentError(
                        f"Demo page {spec.key!r} of {label!r} goes under {spec.parent!r}, which "
                        f"is no demo page declared before it by {label!r} or an app in its "
                        "DEPENDS_ON."
                    )
                try:
                    model = apps.get_model(spec.model)
                except (LookupError, ValueError) as error:
                    raise DemoContentError(
                        f"Demo page {spec.key!r} of {label!r}: {spec.model!r} is no model "
                        '("app_label.ModelName").'
                    ) from error
                declared_by[spec.key] = label
                plans.append(_Plan(label, spec, model))
        return plans

    def _apps_visible_to(self, label: str) -> set[str]:
        modules = dict(self.modules)
        visible, todo = set(), [label]
        while todo:
            current = todo.pop()
            if current not in visible:
                visible.add(current)
                todo.extend(depends_on(current, modules[current]))
        return visible

    # --- filling a language version before it is published ------------------------------
    def _body(self, blocks: list[dict], language: str) -> list[dict]:
        resolved = []
        for block in blocks:
            if block["type"] == "call_to_action" and block["value"].get("page"):
                value = {**block["value"], "page": self.page_id(block["value"]["page"], language)}
                block = {**block, "value": value}
            resolved.append(block)
        return resolved

    def _apply_terms(self, page: Page, spec: DemoPage, language: str, *, many: bool) -> None:
        """Set taxonomy fields: foreign keys (many=False) or many-to-many relations (many=True)."""
        for name, slugs in spec.terms.items():
            model_field = page._meta.get_field(name)
            if model_field.many_to_many != many:
                continue
            kind = model_field.related_model._meta.model_name
            terms = self.terms(kind, tuple(slugs), language)
            if len(terms) != len(set(slugs)) or not (many or len(terms) == 1):
                raise DemoContentError(
                    f"Demo page {spec.key!r}: {name}={tuple(slugs)!r} must name "
                    f"{'seeded' if many else 'exactly one seeded'} {kind} by its Dutch slug."
                )
            if many:
                getattr(page, name).set(terms)
            else:
                setattr(page, name, terms[0])

    def _apply_translation(self, page: Page, spec: DemoPage, language: str) -> None:
        translation = spec.translation(language)
        page.title = translation.title
        page.slug = translation.slug
        page.search_description = translation.search_description
        page.seo_title = translation.seo_title
        if hasattr(page, "intro"):
            page.intro = translation.intro
        for name, value in {**spec.fields, **translation.extra}.items():
            setattr(page, name, value)

    def _fill(self, plan: _Plan, language: str, page: Page) -> None:
        spec = plan.spec
        self._apply_translation(page, spec, language)
        self._apply_terms(page, spec, language, many=False)
        self._apply_terms(page, spec, language, many=True)
        if _has_field(page, "body"):
            page.body = self._body(spec.translation(language).body, language)
        if spec.fill is not None:
            spec.fill(page, language, self)

    # --- pages -----------------------------------------------------------------------------
    def _remove_wagtail_welcome_page(self) -> None:
        """Wagtail's first migration leaves a plain "Welcome" page where our home goes."""
        plain = ContentType.objects.get_for_model(Page)
        Page.objects.filter(depth=2, content_type=plain, numchild=0).delete()

    def _create(self, plan: _Plan, language: str) -> Page:
        spec = plan.spec
        if language == "nl":
            if spec.parent is None:
                self._remove_wagtail_welcome_page()
                parent = Page.get_first_root_node()
            else:
                parent = self.page(spec.parent, "nl")
            page = plan.model(
                translation_key=page_key(spec.key), locale=self.locales["nl"], live=False
            )
            self._apply_translation(page, spec, language)
            # Required foreign keys (an entrance page's audience, an app's own object set by
            # `fill`) before the first save.
            self._apply_terms(page, spec, language, many=False)
            if spec.fill is not None:
                spec.fill(page, language, self)
            parent.add_child(instance=page)
            return page
        source = self.page(spec.key, "nl")
        page = source.copy_for_translation(self.locales[language]).specific
        self._apply_translation(page, spec, language)
        if spec.fill is not None:
            spec.fill(page, language, self)
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
            existing = {language: self.page(plan.spec.key, language) for language in LANGUAGES}
            if not self._replace_if_retyped(plan, existing):
                continue
            for language in plan.spec.languages:
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

    def run_loaders(self) -> None:
        for _label, module in self.modules:
            load = getattr(module, "load", None)
            if load is not None:
                load(self)


def _new_password() -> str:
    return secrets.token_urlsafe(12)


def _has_field(page: Page, name: str) -> bool:
    return any(model_field.name == name for model_field in page._meta.concrete_fields)


def load_demo_content(
    *, reset_passwords: bool = False, modules: dict[str, ModuleType] | None = None
) -> LoadReport:
    """Load the demo content of every app (or of `modules`, by app label) in one transaction.

    Raises DemoContentError, before writing anything, when the modules' declarations do not
    fit together (a missing or circular dependency, a page under an unknown page).
    """
    ordered = in_dependency_order(discover() if modules is None else modules)
    loader = DemoLoader(ordered, reset_passwords=reset_passwords)
    loader.plans()  # checks every declaration before the first write
    with transaction.atomic():
        loader.load_pages()
        loader.run_loaders()
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
