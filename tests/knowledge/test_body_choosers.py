"""The article body's page and document choosers load what was chosen with one plain SELECT
(knowledge/blocks.py) and answer exactly what Wagtail's own choosers answer."""

import pytest
from django.core.files.base import ContentFile
from wagtail import blocks
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock

from knowledge.blocks import DocumentLinkChooserBlock, PageLinkChooserBlock
from knowledge.factories import ArticlePageFactory


def fields(item) -> dict | None:
    if item is None:
        return None
    return {field.attname: getattr(item, field.attname) for field in item._meta.concrete_fields}


@pytest.fixture
def document():
    """A document with a real file, removed from storage afterwards."""
    document = get_document_model().objects.create(
        title="Factsheet", file=ContentFile(b"%PDF-1.4", name="body-chooser.pdf")
    )
    yield document
    document.file.delete(save=False)


def test_the_choosers_load_what_wagtails_own_load(index, document, django_assert_num_queries):
    article = ArticlePageFactory(parent=index)
    missing = 999_999
    cases = [
        (PageLinkChooserBlock(), blocks.PageChooserBlock(), [index.pk, None, article.pk, index.pk]),
        (DocumentLinkChooserBlock(), DocumentChooserBlock(), [document.pk, missing, document.pk]),
    ]

    for lean, wagtails, values in cases:
        with django_assert_num_queries(1):
            found = lean.bulk_to_python(values)
        expected = wagtails.bulk_to_python(values)

        assert [type(item) for item in found] == [type(item) for item in expected]
        assert [fields(item) for item in found] == [fields(item) for item in expected]
        # Each use of the same object is an object of its own, as in Wagtail.
        assert found[0] is not found[-1]

    with django_assert_num_queries(0):
        assert PageLinkChooserBlock().bulk_to_python([None]) == [None]
    # A page type with a table of its own besides Wagtail's is loaded the ORM's way.
    [own_type] = PageLinkChooserBlock(page_type="knowledge.ArticlePage").bulk_to_python(
        [article.pk]
    )
    assert fields(own_type) == fields(article.__class__.objects.get(pk=article.pk))


def test_an_article_links_its_chosen_page_and_document(client, index, document):
    article = ArticlePageFactory(
        parent=index,
        body=[
            (
                "call_to_action",
                {"title": "Meer lezen", "label": "Naar de kennisbank", "page": index},
            ),
            ("document", {"document": document}),
        ],
    )

    html = client.get(article.url).text

    assert 'href="/nl/kennisbank/">Naar de kennisbank</a>' in html
    assert f'href="{document.url}">Factsheet</a>' in html
