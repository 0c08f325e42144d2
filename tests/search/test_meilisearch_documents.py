"""The Meilisearch backend's document mapping, on real pages of the test site (no server)."""

import datetime
import json
import re

import pytest
from django.apps import apps
from modelsearch.index import get_indexed_models
from wagtail.documents import get_document_model
from wagtail.models import Page

from knowledge.factories import ArticlePageFactory
from knowledge.models import ArticlePage
from search.backends.meilisearch import documents, schema, values
from tests.knowledge.conftest import article, audiences, index, themes  # noqa: F401 (fixtures)

ID_CHARACTERS = re.compile(r"[A-Za-z0-9_-]{1,511}")


@pytest.fixture
def tagged_article(index, themes, audiences):  # noqa: F811 (fixtures from tests.knowledge)
    from portal.models import Municipality

    page = ArticlePageFactory(
        parent=index,
        title="Kindermishandeling herkennen",
        slug="kindermishandeling-herkennen",
        intro="Wat ouderenmishandeling en partnergeweld gemeen hebben.",
        last_reviewed=datetime.date(2026, 3, 14),
        first_published_at=datetime.datetime(2026, 3, 1, 9, 30, tzinfo=datetime.UTC),
        author_organisation="Veilig Thuis Hart van Brabant",
        themes=[themes["kindermishandeling"], themes["huiselijk-geweld"]],
        audiences=[audiences["inwoners"]],
        municipalities=list(Municipality.objects.filter(locale=index.locale)[:1]),
        body=[("signals", {"heading": "Waar let u op?", "items": ["Blauwe plekken"]})],
    )
    return ArticlePage.objects.get(pk=page.pk)


def test_an_article_becomes_one_flat_document(tagged_article):
    document = documents.build_document(tagged_article)

    assert document[schema.DOC_ID] == f"wagtailcore-page-{tagged_article.pk}"
    assert document[schema.PK] == tagged_article.pk
    assert document[schema.CONTENT_TYPE] == ["knowledge.articlepage", "wagtailcore.page"]
    assert document[schema.SPECIFIC_TYPE] == "knowledge.articlepage"
    assert document[schema.LOCALE] == "nl"
    # Searchable text under the field names, a StreamField as a list of its texts.
    assert document["title"] == "Kindermishandeling herkennen"
    assert document["intro"] == "Wat ouderenmishandeling en partnergeweld gemeen hebben."
    assert "Blauwe plekken" in document["body"]
    assert document["author_organisation"] == "Veilig Thuis Hart van Brabant"
    assert sorted(theme["name"] for theme in document["themes"]) == [
        "Huiselijk geweld",
        "Kindermishandeling",
    ]
    # Filter values under their attnames, dates as timestamps.
    assert document["live"] is True
    assert document["id"] == tagged_article.pk
    assert document["locale_id"] == tagged_article.locale_id
    assert document["content_type_id"] == tagged_article.content_type_id
    assert document["last_reviewed"] == values.timestamp(datetime.date(2026, 3, 14))
    assert document[schema.DATE] == 1772357400  # first published 2026-03-01 09:30 UTC
    # A tree path carries its ancestors, so "descendant of" is an equality filter.
    path = tagged_article.path
    assert document["path"] == path
    assert document["path_prefixes"] == [path[:end] for end in range(4, len(path) + 1, 4)]
    assert document["path_prefixes"][-1] == path


def test_taxonomy_fields_are_the_default_facets_as_slugs(tagged_article):
    document = documents.build_document(tagged_article)

    assert sorted(document[schema.THEME]) == ["huiselijk-geweld", "kindermishandeling"]
    assert document[schema.AUDIENCE] == ["inwoners"]
    assert document[schema.MUNICIPALITY] == [tagged_article.municipalities.get().slug]
    assert schema.COST not in document  # not a field of articles, and not declared


def test_a_model_declares_its_own_facets(tagged_article, monkeypatch):
    monkeypatch.setattr(
        ArticlePage, "search_facets", {"theme": "themes", "cost": "price_kind"}, raising=False
    )
    monkeypatch.setattr(ArticlePage, "price_kind", lambda page: "free", raising=False)

    document = documents.build_document(tagged_article)

    assert document[schema.COST] == ["free"]
    assert sorted(document[schema.THEME]) == ["huiselijk-geweld", "kindermishandeling"]
    assert schema.AUDIENCE not in document  # a declaration replaces the defaults


def test_the_parts_of_dutch_compounds_are_searchable(tagged_article):
    parts = documents.build_document(tagged_article)[schema.COMPOUND_PARTS].split()

    assert "mishandeling" in parts  # from "kindermishandeling" and "ouderenmishandeling"
    assert "geweld" in parts  # from "partnergeweld"
    assert "kinder" in parts or "kind" in parts


def test_an_english_page_has_its_language_and_no_dutch_compound_parts(article):  # noqa: F811
    english = article.copy_for_translation(article.locale.__class__.objects.get(language_code="en"))
    english.title = "Recognising child abuse and partner violence"
    english.save_revision().publish()
    english = ArticlePage.objects.get(pk=english.pk)

    document = documents.build_document(english)

    assert document[schema.LOCALE] == "en"
    assert document[schema.COMPOUND_PARTS] == ""
    assert document[schema.DOC_ID] != documents.build_document(article)[schema.DOC_ID]


def test_the_document_is_json_as_meilisearch_takes_it(tagged_article):
    document = documents.build_document(tagged_article)

    assert json.loads(json.dumps(document)) == document


@pytest.mark.parametrize(
    ("pk", "expected"),
    [
        (12, "wagtailcore-page-12"),
        ("a.b", "wagtailcore-page-a_2e_b"),
        ("a_2e_b", "wagtailcore-page-a_5f_2e_5f_b"),  # "_" escaped too: no two keys collide
        ("0b8f-4c", "wagtailcore-page-0b8f-4c"),
        ("é/ü", "wagtailcore-page-_e9__2f__fc_"),
    ],
)
def test_document_ids_use_only_the_characters_meilisearch_allows(pk, expected):
    doc_id = documents.document_id(ArticlePage, pk)

    assert doc_id == expected
    assert ID_CHARACTERS.fullmatch(doc_id)


def test_a_page_has_one_document_id_whatever_class_it_is_indexed_as():
    assert documents.document_id(Page, 7) == documents.document_id(ArticlePage, 7)
    document_model = apps.get_model("wagtaildocs", "Document")
    assert documents.document_id(document_model, 7) != documents.document_id(Page, 7)


def test_document_ids_are_unique_across_indexed_models():
    ids = {documents.document_id(model, 1) for model in get_indexed_models()}
    roots = {documents.document_id(model, 1).rsplit("-", 1)[0] for model in get_indexed_models()}

    assert len(ids) == len(roots)  # one id per root model (a page's subclasses share Page's)
    assert all(ID_CHARACTERS.fullmatch(doc_id) for doc_id in ids)


def test_no_indexed_model_uses_a_column_name_the_backend_adds():
    collisions = {
        model._meta.label: documents.column_collisions(model) for model in get_indexed_models()
    }

    assert {label: found for label, found in collisions.items() if found} == {}


def test_facet_values_take_slugs_of_terms_and_plain_values(themes):  # noqa: F811
    assert documents.facet_values(None) == []
    assert documents.facet_values("online") == ["online"]
    assert documents.facet_values(["online", "online", ""]) == ["online"]
    assert documents.facet_values(themes["kindermishandeling"]) == ["kindermishandeling"]
    assert documents.facet_values(lambda: ["paid"]) == ["paid"]


def test_path_prefixes_are_the_ancestors_paths():
    assert documents.path_prefixes("000100020003", 4) == ["0001", "00010002", "000100020003"]


def test_a_wagtail_document_with_tags_becomes_a_document(db):
    download = get_document_model().objects.create(
        title="Factsheet partnergeweld", file="documents/factsheet.pdf"
    )
    download.tags.add("Folder", "Meldcode")

    document = documents.build_document(download)

    assert document[schema.DOC_ID] == f"wagtaildocs-document-{download.pk}"
    assert document[schema.CONTENT_TYPE] == ["wagtaildocs.document"]
    assert document["title"] == "Factsheet partnergeweld"
    assert sorted(tag["name"] for tag in document["tags"]) == ["Folder", "Meldcode"]
    assert document["collection_id"] == download.collection_id
    assert document[schema.LOCALE] is None  # documents have no language of their own
    assert "geweld" in document[schema.COMPOUND_PARTS].split()
    assert json.loads(json.dumps(document)) == document
