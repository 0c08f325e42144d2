"""An article's tags and related content in SQL of its own (knowledge/article_lookups.py) answer
exactly what the ORM queries they replace answered: the same pages, in the same order, with the
same card fields, on a knowledge base with every kind of page the lookups must tell apart
(drafts, restricted pages, other languages, terms of another language, pages without dates)."""

import operator
from functools import reduce

import pytest
from django.db.models import Count, Q
from django.db.models.functions import Coalesce
from wagtail.models import Locale, Page, PageViewRestriction

from knowledge import article_lookups
from knowledge.factories import ArticlePageFactory
from knowledge.models import ArticlePage
from portal.models.tagging import taggable_page_models
from tests.trainings.factories import TrainingPageFactory

# --- The ORM queries the statements replace, as they were ---------------------------------------


def orm_related_articles(article: ArticlePage, theme_keys: list) -> list[ArticlePage]:
    if not theme_keys:
        return []
    return list(
        ArticlePage.objects.filter(
            ~Q(pk=article.pk),
            live=True,
            locale_id=article.locale_id,
            themes__translation_key__in=theme_keys,
        )
        .exclude(Page.objects.all().private_q())
        .annotate(shared_themes=Count("themes"))
        .order_by("-shared_themes", "-first_published_at", "-pk")[:3]
    )


def orm_related_elsewhere(locale_id: int, theme_keys: list) -> list[Page]:
    if not theme_keys:
        return []
    tagged = [
        Q(pk__in=model.objects.filter(themes__translation_key__in=theme_keys).values("pk"))
        for model in taggable_page_models()
        if model._meta.app_label not in article_lookups.NOT_ELSEWHERE
    ]
    newest = Coalesce("first_published_at", "latest_revision_created_at")
    return list(
        Page.objects.live()
        .exclude(Page.objects.all().private_q())
        .filter(reduce(operator.or_, tagged), locale_id=locale_id)
        .order_by(newest.desc(nulls_last=True), "-pk")[:3]
    )


def cards(pages: list[Page], *fields: str) -> list[tuple]:
    return [(page.pk, *(getattr(page, name) for name in fields)) for page in pages]


CARD = ("title", "search_description", "url_path", "locale_id")


def term_fields(term) -> tuple:
    return (term.pk, term.translation_key, term.locale_id, term.name, term.slug, term.description)


# --- A knowledge base with every case -----------------------------------------------------------


def published(page: Page) -> Page:
    """The page published through a revision: it gets its publication dates."""
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def restrict(page: Page) -> None:
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )


@pytest.fixture
def knowledge_base(home, index, themes, audiences):
    """Articles and trainings sharing themes in every way that decides the related lists."""
    t = themes
    english = Locale.objects.get(language_code="en")
    articles = {
        "main": ArticlePageFactory(
            parent=index,
            title="Hoofdartikel",
            themes=[t["meldcode"], t["kindermishandeling"], t["signalen-herkennen"]],
            audiences=[audiences["scholen"], audiences["inwoners"]],
        ),
        "three": published(
            ArticlePageFactory(
                parent=index,
                title="Drie gedeeld",
                search_description="Een eigen omschrijving.",
                themes=[t["meldcode"], t["kindermishandeling"], t["signalen-herkennen"]],
            )
        ),
        "two": ArticlePageFactory(
            parent=index,
            title="Twee gedeeld",
            themes=[t["meldcode"], t["kindermishandeling"]],
            audiences=[audiences["professionals"]],
        ),
        "one-dated": published(
            ArticlePageFactory(parent=index, title="Eén gedeeld", themes=[t["meldcode"]])
        ),
        "one-undated": ArticlePageFactory(
            parent=index, title="Eén gedeeld, zonder datum", themes=[t["signalen-herkennen"]]
        ),
        "one-later": published(
            ArticlePageFactory(parent=index, title="Eén gedeeld, later", themes=[t["meldcode"]])
        ),
        "none": ArticlePageFactory(
            parent=index, title="Niets gedeeld", themes=[t["ouderenmishandeling"]]
        ),
        "untagged": ArticlePageFactory(parent=index, title="Zonder thema"),
        "restricted": ArticlePageFactory(
            parent=index, title="Afgeschermd", themes=[t["meldcode"], t["kindermishandeling"]]
        ),
    }
    draft = ArticlePageFactory(parent=index, title="Concept", themes=[t["meldcode"]])
    draft.unpublish()
    restrict(articles["restricted"])
    # English: one translated with English terms, one still carrying the Dutch terms.
    for name in ("three", "two"):
        translation = articles[name].copy_for_translation(english)
        translation.title = f"{articles[name].title} (en)"
        published(translation)
        if name == "three":
            translation.use_terms_of_own_locale()
        articles[f"{name}-en"] = ArticlePage.objects.get(pk=translation.pk)

    trainings = {
        "dated": published(
            TrainingPageFactory(parent=home, title="Training meldcode", themes=[t["meldcode"]])
        ),
        "later": published(
            TrainingPageFactory(
                parent=home, title="Training signalen", themes=[t["signalen-herkennen"]]
            )
        ),
        "undated": TrainingPageFactory(
            parent=home, title="Training zonder datum", themes=[t["kindermishandeling"]]
        ),
        "undated-too": TrainingPageFactory(
            parent=home, title="Nog een training zonder datum", themes=[t["meldcode"]]
        ),
        "other": TrainingPageFactory(
            parent=home, title="Training ouderen", themes=[t["ouderenmishandeling"]]
        ),
        "restricted": TrainingPageFactory(
            parent=home, title="Afgeschermde training", themes=[t["meldcode"]]
        ),
    }
    restrict(trainings["restricted"])
    closed = TrainingPageFactory(parent=home, title="Oude training", themes=[t["meldcode"]])
    closed.unpublish()
    return articles, trainings


def test_related_content_is_what_the_orm_queries_answered(knowledge_base):
    articles, _trainings = knowledge_base

    for article in ArticlePage.objects.all():
        keys = [theme.translation_key for theme in article.themes.all()]
        related = article_lookups.related_content(article, keys)

        expected_articles = orm_related_articles(article, keys)
        assert cards(related.articles, *CARD, "intro") == cards(
            expected_articles, *CARD, "intro"
        ), article.title
        expected_elsewhere = orm_related_elsewhere(article.locale_id, keys)
        assert cards(related.elsewhere, *CARD) == cards(expected_elsewhere, *CARD), article.title
        assert related.elsewhere == article_lookups.related_elsewhere(article.locale_id, keys)

    # And the cases the comparison must have met.
    main = articles["main"]
    related = article_lookups.related_content(main, [t.translation_key for t in main.themes.all()])
    # Among the articles sharing one theme, the database decides where one without a date goes.
    assert [page.title for page in related.articles][:2] == ["Drie gedeeld", "Twee gedeeld"]
    assert related.articles[2].title.startswith("Eén gedeeld")
    assert [page.title for page in related.elsewhere] == [
        "Training signalen",
        "Training meldcode",
        "Nog een training zonder datum",
    ]
    english = articles["three-en"]
    keys = [theme.translation_key for theme in english.themes.all()]
    assert [page.title for page in article_lookups.related_content(english, keys).articles] == [
        "Twee gedeeld (en)"  # carries the Dutch terms: found by their translation keys
    ]


def test_an_article_without_themes_asks_nothing(knowledge_base, django_assert_num_queries):
    articles, _trainings = knowledge_base

    with django_assert_num_queries(0):
        related = article_lookups.related_content(articles["untagged"], [])

    assert related == article_lookups.RelatedContent(articles=[], elsewhere=[])


def test_cards_have_what_they_show_and_their_address_without_another_query(
    knowledge_base, rf, django_assert_num_queries
):
    articles, _trainings = knowledge_base
    main = articles["main"]
    related = article_lookups.related_content(main, [t.translation_key for t in main.themes.all()])
    request = rf.get("/")
    related.articles[0].get_url(request)  # the sites' root paths, once per request

    with django_assert_num_queries(0):
        shown = [
            (page.title, page.search_description, page.intro, page.get_url(request))
            for page in related.articles
        ] + [
            (page.title, page.search_description, page.get_url(request))
            for page in related.elsewhere
        ]

    assert shown[0] == (
        "Drie gedeeld",
        "Een eigen omschrijving.",
        "Wat u moet weten en wat u kunt doen.",
        "/nl/kennisbank/artikel-" + shown[0][3].rsplit("-", 1)[1],
    )
    assert all(isinstance(page, ArticlePage) for page in related.articles)


def test_an_articles_tags_and_related_are_what_the_orm_answered_in_one_query(
    knowledge_base, django_assert_num_queries
):
    for article in ArticlePage.objects.all():
        with django_assert_num_queries(1):
            found = article_lookups.tags_and_related(article)

        expected_themes = list(article.themes.all())
        expected_audiences = list(article.audiences.all())
        for terms, expected in (
            (found.themes, expected_themes),
            (found.audiences, expected_audiences),
        ):
            assert [type(term) for term in terms] == [type(term) for term in expected]
            assert [term_fields(term) for term in terms] == [
                term_fields(term) for term in expected
            ], article.title
        keys = [theme.translation_key for theme in expected_themes]
        assert cards(found.related.articles, *CARD, "intro") == cards(
            orm_related_articles(article, keys), *CARD, "intro"
        ), article.title
        assert cards(found.related.elsewhere, *CARD) == cards(
            orm_related_elsewhere(article.locale_id, keys), *CARD
        ), article.title
        assert all(isinstance(page, ArticlePage) for page in found.related.articles)


def test_a_preview_shows_the_drafts_tags_and_what_they_relate_to(knowledge_base, themes):
    articles, _trainings = knowledge_base
    draft = articles["none"].get_latest_revision_as_object()
    draft.themes.set([themes["meldcode"], themes["kindermishandeling"]])
    draft.save_revision()

    response = (
        ArticlePage.objects.get(pk=draft.pk).get_latest_revision_as_object().make_preview_request()
    )

    assert response.status_code == 200
    assert [theme.slug for theme in response.context_data["themes"]] == [
        "kindermishandeling",
        "meldcode",
    ]
    keys = [themes["meldcode"].translation_key, themes["kindermishandeling"].translation_key]
    assert cards(response.context_data["related_articles"], *CARD) == cards(
        orm_related_articles(draft, keys), *CARD
    )
    assert "Drie gedeeld" in response.text
    # The live page still shows its own.
    live = ArticlePage.objects.get(pk=draft.pk)
    assert [theme.slug for theme in article_lookups.tags_and_related(live).themes] == [
        "ouderenmishandeling"
    ]
