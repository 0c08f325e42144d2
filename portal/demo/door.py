"""The demo door: how an app brings its own demo content to `manage.py load_demo_content`.

An app adds a `demo.py` module; the loader finds it in every app of the project, loads the apps
in the order their DEPENDS_ON asks for, and treats its pages exactly like the base layer's:
created once, brought up to date while only the loader ever saved them, left alone once a
person saved one. Three optional names:

    DEPENDS_ON = ["portal"]          # app labels whose demo content must exist first
    PAGES = [DemoPage(...), ...]     # pages (bilingual, or Dutch only), each under a demo page
    def load(demo: DemoContext) -> None: ...   # anything else, after all pages; idempotent

For example, a course catalogue under the professionals' entrance page:

    PAGES = [DemoPage(key="courses/catalogue", model="courses.CatalogPage",
                      parent="professionals", nl=Translation("Trainingen", "trainingen"),
                      en=Translation("Courses", "courses"), terms={"themes": ("meldcode",)})]

Page keys are one namespace for all apps (prefix yours: "courses/..."); the base layer's keys
are in portal/demo/content.py and centre.py ("home", "inwoners", "professionals", "contact").
The helpers in portal/demo/blocks.py build StreamField data for a `body`.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from portal.demo.blocks import Block

if TYPE_CHECKING:
    from wagtail.models import Locale, Page

    from portal.accounts.models import User

LANGUAGES = ("nl", "en")


@dataclass(frozen=True)
class Translation:
    """One language version of a demo page."""

    title: str
    slug: str
    intro: str = ""
    # StreamField data for the page's `body`, if it has one; a call to action may point at
    # another demo page by key ({"page": "contact"}), the loader puts in the page's id.
    body: list[Block] = field(default_factory=list)
    search_description: str = ""
    # The browser tab shows this instead of the title: neutral wording for pages whose title
    # names the subject, so a glance at someone's screen or tab bar reveals nothing.
    seo_title: str = ""
    # Further fields of the page model in this language, e.g. {"thank_you_text": "..."}.
    extra: dict[str, Any] = field(default_factory=dict)


class DemoContext(Protocol):
    """What the loader offers an app's `load(demo)` and a page's `fill`."""

    languages: tuple[str, ...]

    def locale(self, language: str) -> "Locale": ...

    def page(self, key: str, language: str) -> "Page | None":
        """The demo page with this key in this language (its specific class), if loaded."""

    def page_id(self, key: str, language: str) -> int | None: ...

    def terms(self, kind: str, slugs: tuple[str, ...], language: str) -> list:
        """Seeded labels by kind ("theme", "audience", "municipality") and Dutch slug."""

    def account(
        self, email: str, first_name: str, *, role: str | None = None, superuser: bool = False
    ) -> "User":
        """A local account (verified address, in the role's group), created once; its
        password is printed when it is made."""

    def note(self, line: str) -> None:
        """A line for the command's report."""


@dataclass(frozen=True, kw_only=True)
class DemoPage:
    """A demo page in Dutch and English, or in Dutch only (en=None: no English version).

    key     stable and unique over all apps; the page's translation_key derives from it
    model   the page type, "app_label.ModelName"
    parent  key of the demo page it goes under (declared by this app or one it depends on);
            None only for a home page, which goes under the tree's root
    fields  model fields with the same value in both languages, e.g. {"show_in_menus": True}
    terms   taxonomy fields by the Dutch slugs of seeded labels, e.g. {"themes": ("meldcode",)}
            or {"audience": ("inwoners",)} for a foreign key; the loader picks each language's
    fill    for anything else: fill(page, language, demo) sets fields (foreign keys to the
            app's own objects too): before a new page is first saved, and again before each
            publish, so it must give the same result when called twice
    """

    key: str
    model: str
    parent: str | None
    nl: Translation
    en: Translation | None
    fields: Mapping[str, Any] = field(default_factory=dict)
    terms: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    fill: Callable[["Page", str, DemoContext], None] | None = None

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages this page has a version in, the source language first."""
        return tuple(language for language in LANGUAGES if getattr(self, language) is not None)

    def translation(self, language: str) -> Translation:
        return getattr(self, language)
