"""An article's related content, and the bounded number of SQL queries both page types take."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from knowledge.factories import ArticlePageFactory, DownloadsPageFactory, MeldcodePageFactory


def related_titles(response) -> list[str]:
    return [page.title for page in response.context["related_articles"]]


def test_related_articles_share_the_most_themes_first(client, index, themes):
    article = ArticlePageFactory(
        parent=index,
        title="Hoofdartikel",
        themes=[themes["meldcode"], themes["kindermishandeling"], themes["signalen-herkennen"]],
    )
    ArticlePageFactory(
        parent=index,
        title="Drie gedeeld",
        themes=[themes["meldcode"], themes["kindermishandeling"], themes["signalen-herkennen"]],
    )
    ArticlePageFactory(parent=index, title="Eén gedeeld", themes=[themes["meldcode"]])
    ArticlePageFactory(
        parent=index,
        title="Twee gedeeld",
        themes=[themes["meldcode"], themes["kindermishandeling"]],
    )
    ArticlePageFactory(
        parent=index, title="Eén gedeeld, ook", themes=[themes["signalen-herkennen"]]
    )
    ArticlePageFactory(parent=index, title="Niets gedeeld", themes=[themes["ouderenmishandeling"]])
    ArticlePageFactory(parent=index, title="Concept", themes=[themes["meldcode"]]).unpublish()

    response = client.get(article.url)

    assert related_titles(response) == ["Drie gedeeld", "Twee gedeeld", "Eén gedeeld, ook"]
    assert "Gerelateerde artikelen" in response.text
    assert "Hoofdartikel" not in related_titles(response)


def test_an_article_without_themes_has_no_related_section(client, index):
    article = ArticlePageFactory(parent=index, title="Los")
    ArticlePageFactory(parent=index, title="Ander")

    response = client.get(article.url)

    assert related_titles(response) == []
    assert "Gerelateerde artikelen" not in response.text


# --- Query budgets -----------------------------------------------------------------------------
# Pinned: a change that adds a query per article, theme or related item fails here; one that
# adds a fixed query shows up as a new number to justify. Most of them are the base layer's
# (site, routing, language switcher, view restrictions); routing takes two whatever the depth
# (portal/routing.py), breadcrumbs none, and pages under restrictions and a page's translations
# are asked once per request (portal/page_lookups.py).
# Two of them list the index's other guides (the meldcode walk-through, downloads).
INDEX_QUERIES = 15
# Its themes and audiences, its related articles and the tagged pages of other apps, however
# many page types they have (here courses' CoursePage, experts' AwarenessOfferPage and
# tests.trainings' one), in one query that leaves out restricted pages itself, so the article
# needs no query for them (knowledge/article_lookups.py).
ARTICLE_QUERIES = 8


def count_queries(client, url) -> int:
    """The queries a warm site (menus cached) spends on `url` when the page cache misses."""
    client.get(url)
    caches["pages"].clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "query", ["", "?thema=meldcode", "?thema=meldcode&doelgroep=scholen&pagina=2"]
)
def test_index_queries_do_not_grow_with_the_number_of_articles(
    client, index, themes, audiences, query
):
    url = "/nl/kennisbank/" + query
    tags = {
        "themes": [themes["meldcode"], themes["kindermishandeling"]],
        "audiences": [audiences["scholen"]],
    }
    for _ in range(3):
        ArticlePageFactory(parent=index, **tags)
    few = count_queries(client, url)
    for _ in range(27):
        ArticlePageFactory(parent=index, **tags)
    # Other guides under the index ("Also in the knowledge base") cost no query each either.
    MeldcodePageFactory(parent=index)
    DownloadsPageFactory(parent=index)
    many = count_queries(client, url)

    assert few == many
    assert many == INDEX_QUERIES


def test_article_queries_do_not_grow_with_themes_or_related_articles(client, index, themes):
    all_themes = list(themes.values())
    lean = ArticlePageFactory(parent=index, title="Eén thema", themes=all_themes[:1])
    rich = ArticlePageFactory(parent=index, title="Vijf thema's", themes=all_themes[5:10])
    lean_queries = count_queries(client, lean.url)
    for number in range(6):
        ArticlePageFactory(parent=index, title=f"Verwant {number}", themes=all_themes[5:10])

    rich_response = client.get(rich.url)
    rich_queries = count_queries(client, rich.url)

    assert len(rich_response.context["themes"]) == 5
    assert len(rich_response.context["related_articles"]) == 3
    assert lean_queries == rich_queries
    assert rich_queries == ARTICLE_QUERIES


# --- Courses and sessions, by tag only ---------------------------------------------------------


def test_courses_and_sessions_with_the_same_themes_are_linked(client, index, themes):
    from tests.trainings.factories import TrainingPageFactory

    article = ArticlePageFactory(parent=index, themes=[themes["meldcode"]])
    TrainingPageFactory(
        parent=index.get_parent(), title="Training meldcode", themes=[themes["meldcode"]]
    )
    TrainingPageFactory(
        parent=index.get_parent(), title="Training ouderen", themes=[themes["ouderenmishandeling"]]
    )
    TrainingPageFactory(parent=index.get_parent(), title="Training zonder thema's")
    TrainingPageFactory(
        parent=index.get_parent(), title="Oude training", themes=[themes["meldcode"]]
    ).unpublish()

    response = client.get(article.url)

    assert [page.title for page in response.context["related_elsewhere"]] == ["Training meldcode"]
    assert "Trainingen en sessies" in response.text
    assert 'href="/nl/training-' in response.text


def test_an_english_article_links_the_english_courses(client, index, themes):
    from tests.trainings.factories import TrainingPageFactory

    english = Locale.objects.get(language_code="en")
    article = ArticlePageFactory(parent=index, themes=[themes["meldcode"]])
    training = TrainingPageFactory(
        parent=index.get_parent(), title="Training meldcode", themes=[themes["meldcode"]]
    )
    english_article = article.copy_for_translation(english)
    english_article.save_revision().publish()
    english_article.use_terms_of_own_locale()
    english_training = training.copy_for_translation(english)
    english_training.title = "Reporting code course"
    english_training.save_revision().publish()
    english_training.use_terms_of_own_locale()

    response = client.get(english_article.url)

    assert [page.title for page in response.context["related_elsewhere"]] == [
        "Reporting code course"
    ]
