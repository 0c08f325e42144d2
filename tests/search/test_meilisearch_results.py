"""Hits become objects: loaded through the queryset, in Meilisearch's order, with safe
highlights. The hits are written here in the shape Meilisearch's search response documents;
no request is made and no server is imitated."""

import pytest
from modelsearch.backends import get_search_backend
from wagtail.models import Page

from knowledge.factories import ArticlePageFactory
from search.backends.meilisearch import highlights
from search.backends.meilisearch.backend import _facet_counts
from tests.knowledge.conftest import audiences, index, themes  # noqa: F401 (fixtures)

PRE, POST = highlights.PRE_TAG, highlights.POST_TAG


@pytest.fixture
def backend():
    return get_search_backend("search.backends.meilisearch", URL="http://127.0.0.1:9")


@pytest.fixture
def articles(index):  # noqa: F811
    return [ArticlePageFactory(parent=index, title=f"Artikel {n}") for n in range(3)]


def hit(pk, score=0.5, **formatted):
    return {"pk": pk, "_rankingScore": score, "_formatted": {"pk": str(pk), **formatted}}


def test_hits_keep_meilisearchs_order_and_carry_score_and_highlights(backend, articles):
    first, _second, third = articles
    results = backend.search("artikel", Page.objects.live()).annotate_score("_score")

    objects = results._objects(
        [
            hit(third.pk, 0.9, title=f"{PRE}Artikel{POST} 2", intro="<b>vet</b>"),
            hit(first.pk, 0.4, body=["Zonder treffer.", f"Met {PRE}artikel{POST}."]),
        ]
    )

    assert [obj.pk for obj in objects] == [third.pk, first.pk]
    assert [obj._score for obj in objects] == [0.9, 0.4]
    assert objects[0].search_highlight["title"] == "<mark>Artikel</mark> 2"
    assert objects[0].search_snippet == "&lt;b&gt;vet&lt;/b&gt;"  # escaped, no match: the intro
    assert objects[1].search_snippet == "Met <mark>artikel</mark>."


def test_a_hit_the_queryset_does_not_return_is_left_out(backend, articles):
    first, second, _third = articles
    second.unpublish()
    results = backend.search("artikel", Page.objects.live())

    objects = results._objects([hit(second.pk), hit(first.pk), hit(999_999)])

    assert [obj.pk for obj in objects] == [first.pk]  # unpublished since, or deleted


def test_facet_counts_come_most_first_with_integer_keys_for_integer_fields(backend, db):
    assert list(_facet_counts({"b": 2, "a": 2, "c": 5}).items()) == [("c", 5), ("a", 2), ("b", 2)]
    assert list(_facet_counts({"12": 1, "3": 4}, integer=True)) == [3, 12]
    results = backend.search("x", Page.objects.all())
    # A FilterField by its attname (Wagtail's facet("content_type_id")), else one of ours.
    assert results._facet_column("content_type_id") == ("content_type_id", True)
    assert results._facet_column("content_type") == ("content_type", False)
    assert results._facet_column("theme") == ("theme", False)
