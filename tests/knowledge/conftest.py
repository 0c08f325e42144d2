"""A knowledge base on the test site: the Dutch home page -> Kennisbank -> articles."""

import pytest
from wagtail.models import Locale

from knowledge.factories import ArticlePageFactory, KnowledgeIndexPageFactory
from portal.models import Audience, Theme


@pytest.fixture
def index(home):
    return KnowledgeIndexPageFactory(parent=home, translations=["en"])


@pytest.fixture
def themes(db) -> dict[str, Theme]:
    """The seeded Dutch themes by slug (portal's taxonomy migration)."""
    return {theme.slug: theme for theme in Theme.objects.filter(locale=Locale.get_default())}


@pytest.fixture
def audiences(db) -> dict[str, Audience]:
    return {term.slug: term for term in Audience.objects.filter(locale=Locale.get_default())}


@pytest.fixture
def article(index, themes, audiences):
    return ArticlePageFactory(
        parent=index,
        title="Signalen bij kinderen",
        slug="signalen-bij-kinderen",
        themes=[themes["kindermishandeling"]],
        audiences=[audiences["inwoners"]],
    )
