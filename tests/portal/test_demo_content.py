"""`manage.py load_demo_content`: a realistic bilingual site, safely repeatable."""

from io import StringIO
from types import ModuleType

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import override_settings
from wagtail.models import Locale, Page, Revision

from portal import roles
from portal.demo.blocks import cta
from portal.demo.discovery import DemoContentError, discover, in_dependency_order
from portal.demo.door import DemoPage, Translation
from portal.demo.loader import load_demo_content, page_key
from portal.demo.taxonomy import term_key
from portal.models import (
    AccessibilityStatementPage,
    AudiencePage,
    ContactPage,
    HomePage,
    StandardPage,
)

SHY = "\u00ad"  # soft hyphen


def _load(*args: str) -> str:
    out = StringIO()
    call_command("load_demo_content", "--force", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_refuses_to_run_with_debug_off_without_force():
    # Tests run with DEBUG off, like production: without --force nothing may happen.
    with pytest.raises(CommandError, match="DEBUG is off"):
        call_command("load_demo_content", stdout=StringIO())
    assert not HomePage.objects.exists()
    assert not get_user_model().objects.exists()


@pytest.mark.django_db
def test_loading_twice_changes_nothing_the_second_time(client):
    first = _load()
    pages = Page.objects.count()
    revisions = Revision.objects.count()
    users = get_user_model().objects.count()
    passwords = dict(get_user_model().objects.values_list("email", "password"))

    second = _load()

    assert "Created" in first
    assert "nothing changed" in second
    assert Page.objects.count() == pages
    assert Revision.objects.count() == revisions
    assert get_user_model().objects.count() == users
    assert dict(get_user_model().objects.values_list("email", "password")) == passwords
    for path in ("/nl/", "/en/"):
        assert client.get(path).status_code == 200


@pytest.mark.django_db
def test_reset_passwords_gives_new_ones():
    _load()
    editor = get_user_model().objects.get(email="redacteur@steiger.localhost")
    output = _load("--reset-passwords")
    line = next(line for line in output.splitlines() if "redacteur@steiger.localhost" in line)
    editor.refresh_from_db()
    assert editor.check_password(line.split()[-1])


@pytest.mark.django_db
@override_settings(DEBUG=True)
def test_runs_without_force_when_debug_is_on():
    call_command("load_demo_content", stdout=StringIO())
    assert HomePage.objects.filter(locale__language_code="nl").live().count() == 1


def _publish_as(page, user, **changes):
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision(user=user).publish()


@pytest.mark.django_db
def test_reloading_updates_untouched_demo_pages_and_keeps_what_an_editor_changed():
    _load()
    editor = get_user_model().objects.get(email="redacteur@steiger.localhost")
    untouched = AudiencePage.objects.get(slug="inwoners")
    demo_intro = untouched.intro
    # A database loaded before the demo texts changed: the loader's own, older words.
    _publish_as(untouched, None, intro="Hier vindt u een gratis online training.")
    edited = StandardPage.objects.get(slug="de-meldcode-in-vijf-stappen")
    _publish_as(edited, editor, intro="Door de redactie herschreven.")

    output = _load()

    untouched.refresh_from_db()
    edited.refresh_from_db()
    assert untouched.intro == demo_intro
    assert edited.intro == "Door de redactie herschreven."
    assert "nl: Inwoners" in output.split("Updated")[1]
    assert "nl: De meldcode in vijf stappen" in output.split("left as they are")[1]
    assert "nothing changed" in _load()


@pytest.mark.django_db
def test_reloading_replaces_a_demo_page_whose_type_changed_unless_a_person_edited_it():
    _load()
    # An older demo site had the accessibility statement as a plain page.
    for statement in AccessibilityStatementPage.objects.order_by("-locale__language_code"):
        statement.delete()
    home = HomePage.objects.get(locale__language_code="nl")
    old = home.add_child(
        instance=StandardPage(
            title="Toegankelijkheidsverklaring",
            slug="toegankelijkheidsverklaring",
            translation_key=page_key("toegankelijkheid"),
            locale=home.locale,
            show_in_footer=True,
        )
    )
    old.save_revision().publish()
    old.copy_for_translation(Locale.objects.get(language_code="en")).save_revision().publish()

    _load()

    assert not StandardPage.objects.filter(translation_key=page_key("toegankelijkheid")).exists()
    statement = AccessibilityStatementPage.objects.get(locale__language_code="nl")
    assert statement.slug == "toegankelijkheidsverklaring"
    assert statement.translation_key == page_key("toegankelijkheid")

    # Once a person has worked on the old page, it stays, and so does their work.
    ContactPage.objects.filter(locale__language_code="en").delete()
    ContactPage.objects.filter(locale__language_code="nl").delete()
    kept = home.add_child(
        instance=StandardPage(
            title="Contact",
            slug="contact",
            translation_key=page_key("contact"),
            locale=home.locale,
        )
    )
    _publish_as(kept, get_user_model().objects.first(), intro="Bel ons gerust.")

    output = _load()

    assert StandardPage.objects.filter(pk=kept.pk, intro="Bel ons gerust.").exists()
    assert not ContactPage.objects.exists()
    assert "nl: Contact" in output.split("left as they are")[1]


# --- the demo door: every app's demo.py, in dependency order ------------------------------


def _demo_module(name: str, **attributes) -> ModuleType:
    """An app's demo.py, as the loader sees it: a module with DEPENDS_ON, PAGES and load."""
    module = ModuleType(f"{name}.demo")
    for attribute, value in attributes.items():
        setattr(module, attribute, value)
    return module


def test_demo_modules_load_after_the_ones_they_depend_on():
    base = _demo_module("portal", DEPENDS_ON=[])
    catalogue = _demo_module("courses", DEPENDS_ON=["portal", "experts"])
    pool = _demo_module("experts", DEPENDS_ON=["portal"])
    search = _demo_module("search")  # no DEPENDS_ON: no dependencies

    order = in_dependency_order(
        {"courses": catalogue, "search": search, "experts": pool, "portal": base}
    )

    labels = [label for label, _module in order]
    assert labels.index("portal") < labels.index("experts") < labels.index("courses")
    assert sorted(labels) == ["courses", "experts", "portal", "search"]


def test_a_missing_or_circular_dependency_is_a_clear_error():
    base = _demo_module("portal")
    with pytest.raises(DemoContentError, match="'courses' depends on 'experts', which has none"):
        in_dependency_order({"portal": base, "courses": _demo_module("c", DEPENDS_ON=["experts"])})
    with pytest.raises(DemoContentError, match=r"in a circle: .*courses.*experts"):
        in_dependency_order(
            {
                "portal": base,
                "courses": _demo_module("c", DEPENDS_ON=["experts"]),
                "experts": _demo_module("e", DEPENDS_ON=["courses"]),
            }
        )
    with pytest.raises(
        DemoContentError, match=r'must be a list of app labels, e\.g\. \["portal"\]'
    ):
        in_dependency_order({"portal": base, "courses": _demo_module("c", DEPENDS_ON="portal")})


@pytest.mark.django_db
def test_every_app_with_a_demo_module_takes_part_portal_first():
    output = _load()
    assert "Demo content of: portal, advice, newsletter" in output


def _extra_app() -> ModuleType:
    """A domain app's demo content: a page under the professionals' entrance, an account."""

    def load_more(demo):
        demo.account("extra@steiger.localhost", "Mila", role=roles.TRAINER)
        demo.note("Extra demo content loaded.")

    return _demo_module(
        "extra",
        DEPENDS_ON=["portal"],
        PAGES=[
            DemoPage(
                key="extra/scholing",
                model="portal.StandardPage",
                parent="professionals",
                nl=Translation(
                    title="Scholing voor uw team",
                    slug="scholing-voor-uw-team",
                    intro="Zo leert uw team de meldcode toepassen.",
                    body=[cta("Vragen?", "Bel of mail ons.", "Neem contact op", page="contact")],
                ),
                en=Translation(
                    title="Training for your team",
                    slug="training-for-your-team",
                    intro="How your team learns to apply the meldcode.",
                ),
                terms={"themes": ("meldcode",)},
            )
        ],
        load=load_more,
    )


@pytest.mark.django_db
def test_an_app_adds_pages_under_the_base_layers_pages_by_key(client):
    report = load_demo_content(modules={**discover(), "extra": _extra_app()})

    assert report.apps.index("extra") > report.apps.index("portal")
    assert "Extra demo content loaded." in report.notes
    for language, title in (("nl", "Scholing voor uw team"), ("en", "Training for your team")):
        page = StandardPage.objects.get(
            translation_key=page_key("extra/scholing"), locale__language_code=language
        )
        assert page.title == title and page.live
        assert page.get_parent().translation_key == page_key("professionals")
        # Tagged with the seeded theme in the page's own language.
        assert [
            (theme.translation_key, theme.locale.language_code) for theme in page.themes.all()
        ] == [(term_key("theme", "meldcode"), language)]
        assert client.get(page.url).status_code == 200
    contact = ContactPage.objects.get(locale__language_code="nl")
    (call,) = [
        b.value
        for b in StandardPage.objects.get(slug="scholing-voor-uw-team").body
        if b.block_type == "call_to_action"
    ]
    assert call["page"].pk == contact.pk
    (account,) = [line for line in report.accounts if line[0] == "extra@steiger.localhost"]
    assert account[1] == roles.TRAINER and account[2]  # a printed password

    again = load_demo_content(modules={**discover(), "extra": _extra_app()})

    assert not again.pages_changed
    assert ("extra@steiger.localhost", roles.TRAINER, None) in again.accounts


@pytest.mark.django_db
def test_a_page_under_a_page_the_app_does_not_depend_on_is_refused_before_anything_is_written():
    stray = _demo_module(
        "stray",
        DEPENDS_ON=["portal"],
        PAGES=[
            DemoPage(
                key="stray/page",
                model="portal.StandardPage",
                parent="advies",  # the advice app's page: not in DEPENDS_ON
                nl=Translation("Verdwaald", "verdwaald"),
                en=Translation("Stray", "stray"),
            )
        ],
    )
    pages = Page.objects.count()

    with pytest.raises(DemoContentError, match="'stray/page' of 'stray' goes under 'advies'"):
        load_demo_content(modules={**discover(), "stray": stray})

    assert Page.objects.count() == pages


@pytest.mark.django_db
def test_a_dutch_only_demo_page_is_loaded_in_dutch_and_has_no_english_version(client):
    dutch_only = _demo_module(
        "dutch",
        DEPENDS_ON=["portal"],
        PAGES=[
            DemoPage(
                key="dutch/alleen-nederlands",
                model="portal.StandardPage",
                parent="professionals",
                nl=Translation("Alleen in het Nederlands", "alleen-in-het-nederlands"),
                en=None,
            )
        ],
    )

    report = load_demo_content(modules={**discover(), "dutch": dutch_only})

    versions = StandardPage.objects.filter(translation_key=page_key("dutch/alleen-nederlands"))
    (page,) = versions
    assert page.locale.language_code == "nl" and page.live
    assert client.get(page.url).status_code == 200
    assert "nl: Alleen in het Nederlands" in report.created_pages
    again = load_demo_content(modules={**discover(), "dutch": dutch_only})
    assert not again.pages_changed
    assert versions.count() == 1
