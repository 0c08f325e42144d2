"""Test data for the base layer: its page types and taxonomy (factory-boy, wagtail-factories).

Test-only (factory-boy is a dev dependency): nothing in the running site imports this module.

home = HomePageFactory(parent=root, translations=["en"])   # plus its published translations
page = StandardPageFactory(parent=home, title="Veilig internetten", body=[("text", "<p>…</p>")])
audience_page = AudiencePageFactory(parent=home, audience=audience)   # its title, slug, intro
theme = ThemeFactory(name="Meldcode")                      # in the default locale
site = SiteFactory(root_page=home, hostname="localhost", port=80, is_default_site=True)

A page's locale is its parent's unless given. An app's factories subclass `PortalPageFactory`
for its page types, in `<app>/factories.py`.
"""

from datetime import date

import factory
import wagtail_factories
from django.utils.text import slugify
from wagtail.models import Locale

from .models import (
    AccessibilityStatementPage,
    Audience,
    AudiencePage,
    ContactPage,
    HomePage,
    Municipality,
    PrivacyStatementPage,
    StandardPage,
    Theme,
)

SiteFactory = wagtail_factories.SiteFactory


class PortalPageFactory(wagtail_factories.PageFactory):
    """A live page under `parent`; `translations=["en"]` also publishes copies in those
    languages (the parent must have them already)."""

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    @factory.post_generation
    def translations(page, create: bool, languages, **kwargs) -> None:
        if not create or not languages:
            return
        for language in languages:
            locale = Locale.objects.get(language_code=language)
            page.copy_for_translation(locale).save_revision().publish()


class HomePageFactory(PortalPageFactory):
    title = "Steiger"
    slug = "home"
    intro = "Kennis en training"

    class Meta:
        model = HomePage


class AudiencePageFactory(PortalPageFactory):
    """An audience's entrance page, named after the audience (pass `audience`)."""

    title = factory.LazyAttribute(lambda page: page.audience.name)
    slug = factory.LazyAttribute(lambda page: page.audience.slug)
    intro = factory.LazyAttribute(
        lambda page: f"Kennis, training en hulp voor {page.audience.name.lower()}."
    )

    class Meta:
        model = AudiencePage


class StandardPageFactory(PortalPageFactory):
    title = factory.Sequence(lambda number: f"Pagina {number}")
    intro = "Wat u hier leest."

    class Meta:
        model = StandardPage


class ContactPageFactory(PortalPageFactory):
    title = "Contact"
    slug = "contact"

    class Meta:
        model = ContactPage


class PrivacyStatementPageFactory(PortalPageFactory):
    title = "Privacyverklaring"
    slug = "privacy"

    class Meta:
        model = PrivacyStatementPage


class AccessibilityStatementPageFactory(PortalPageFactory):
    title = "Toegankelijkheidsverklaring"
    slug = "toegankelijkheid"
    statement_date = factory.LazyFunction(date.today)

    class Meta:
        model = AccessibilityStatementPage


class TaxonomyTermFactory(factory.django.DjangoModelFactory):
    """A term in the default locale; the migrations already seed the region's terms."""

    name = factory.Sequence(lambda number: f"Term {number}")
    slug = factory.LazyAttribute(lambda term: slugify(term.name))
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        abstract = True


class ThemeFactory(TaxonomyTermFactory):
    class Meta:
        model = Theme


class AudienceFactory(TaxonomyTermFactory):
    class Meta:
        model = Audience


class MunicipalityFactory(TaxonomyTermFactory):
    class Meta:
        model = Municipality
