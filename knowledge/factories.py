"""Test data for the knowledge base (factory-boy, wagtail-factories).

index = KnowledgeIndexPageFactory(parent=home)
article = ArticlePageFactory(parent=index, themes=[theme], audiences=[audience])
article = ArticlePageFactory(parent=index, body=[("signals", {"heading": "…", "items": ["…"]})])
"""

import datetime

import factory

from portal.factories import PortalPageFactory

from .models import ArticlePage, KnowledgeIndexPage


class KnowledgeIndexPageFactory(PortalPageFactory):
    title = "Kennisbank"
    slug = "kennisbank"
    intro = "Actuele kennis over huiselijk geweld en kindermishandeling."

    class Meta:
        model = KnowledgeIndexPage


class ArticlePageFactory(PortalPageFactory):
    """A live article; `themes`, `audiences` and `municipalities` take lists of labels."""

    title = factory.Sequence(lambda number: f"Artikel {number}")
    slug = factory.Sequence(lambda number: f"artikel-{number}")
    intro = "Wat u moet weten en wat u kunt doen."
    last_reviewed = factory.LazyFunction(datetime.date.today)
    author_organisation = "Veilig Thuis Hart van Brabant"

    class Meta:
        model = ArticlePage

    @factory.post_generation
    def themes(article, create: bool, terms, **kwargs) -> None:
        if create and terms:
            article.themes.set(terms)
            article.save()

    @factory.post_generation
    def audiences(article, create: bool, terms, **kwargs) -> None:
        if create and terms:
            article.audiences.set(terms)
            article.save()

    @factory.post_generation
    def municipalities(article, create: bool, terms, **kwargs) -> None:
        if create and terms:
            article.municipalities.set(terms)
            article.save()
