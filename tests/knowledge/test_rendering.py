"""Both knowledge page types render in Dutch and English, with what a reader relies on."""

import datetime
import json
import re
from unittest import mock

import pytest
from wagtail.models import Locale, Page

from knowledge import metadata
from knowledge.factories import ArticlePageFactory
from knowledge.models import ArticlePage

LONG_TEXT = " ".join(["woord"] * 450)


def test_index_lists_its_articles_in_dutch(client, index, article):
    response = client.get("/nl/kennisbank/")

    assert response.status_code == 200
    assert "Signalen bij kinderen" in response.text
    assert response.text.count("<h1") == 1


def test_article_renders_every_new_block_and_its_meta_line(client, index, themes):
    article = ArticlePageFactory(
        parent=index,
        title="Wat u kunt doen",
        slug="wat-u-kunt-doen",
        author_organisation="GGD Hart voor Brabant",
        last_reviewed=datetime.date(2026, 3, 14),
        themes=[themes["huiselijk-geweld"]],
        body=[
            ("text", "<p>Inleiding.</p>"),
            ("signals", {"heading": "Waar let u op?", "items": ["Blauwe plekken", "Stil gedrag"]}),
            (
                "steps",
                {
                    "heading": "Zo pakt u het aan",
                    "steps": [
                        {"title": "Observeer", "text": "Schrijf op wat u ziet."},
                        {"title": "Overleg", "text": "Bel Veilig Thuis: 0800-2000."},
                    ],
                },
            ),
            ("callout", {"heading": "Wat kunt u doen?", "text": "<p>Praat erover.</p>"}),
        ],
    )

    html = client.get(article.url).text

    assert (
        "Waar let u op?" in html
        and '<li class="utrecht-unordered-list__item">Blauwe plekken' in html
    )
    assert '<ol class="utrecht-ordered-list">' in html and "Schrijf op wat u ziet." in html
    assert 'href="tel:08002000"' in html  # a number in a step is tappable
    assert "Wat kunt u doen?" in html and "Praat erover." in html
    assert "14 maart 2026" in html
    assert "GGD Hart voor Brabant" in html
    assert "1 minuut leestijd" in html
    # The theme links to the index, filtered on it.
    assert 'href="/nl/kennisbank/?thema=huiselijk-geweld"' in html


def test_article_renders_in_english_with_its_english_labels(client, index, themes):
    article = ArticlePageFactory(
        parent=index,
        title="Signalen",
        slug="signalen",
        intro="Dutch intro",
        themes=[themes["meldcode"]],
    )
    english = article.copy_for_translation(Locale.objects.get(language_code="en"))
    english.title = "Signs"
    english.intro = "What to look out for."
    english.save_revision().publish()
    english.use_terms_of_own_locale()

    response = client.get(english.url)

    assert response.status_code == 200
    assert "What to look out for." in response.text
    assert "1 minute read" in response.text
    assert "Reporting code (meldcode)" in response.text
    # The English index (a copy keeps the Dutch slug) filtered on the English theme.
    assert 'href="/en/kennisbank/?thema=reporting-code"' in response.text


@pytest.mark.parametrize(("words", "minutes"), [(2, 1), (200, 1), (201, 2), (450, 3), (1000, 5)])
def test_reading_time_counts_intro_and_body_at_200_words_a_minute(index, words, minutes):
    body_words = words - 2
    article = ArticlePageFactory(
        parent=index,
        intro="Twee woorden",
        body=[("text", f"<p>{' '.join(['woord'] * body_words)}</p>")] if body_words else [],
    )

    assert ArticlePage.objects.get(pk=article.pk).reading_minutes == minutes


def test_reading_time_counts_words_in_separate_paragraphs_and_not_block_metadata(index):
    # 399 one-word paragraphs and the intro's 2 words: 401 words, so 3 minutes. Block types and
    # ids in the stored JSON are no words a reader reads.
    paragraphs = "".join("<p>woord</p>" for _ in range(399))
    article = ArticlePageFactory(parent=index, intro="Twee woorden", body=[("text", paragraphs)])

    assert ArticlePage.objects.get(pk=article.pk).reading_minutes == 3


def test_reading_time_reads_the_words_of_the_new_blocks_too(index):
    article = ArticlePageFactory(
        parent=index,
        intro="Kort",
        body=[("signals", {"heading": "Signalen", "items": [LONG_TEXT]})],
    )

    assert ArticlePage.objects.get(pk=article.pk).reading_minutes == 3


def test_article_head_has_canonical_hreflang_open_graph_and_article_data(client, index, article):
    english = article.copy_for_translation(Locale.objects.get(language_code="en"))
    english.save_revision().publish()

    html = client.get("/nl/kennisbank/signalen-bij-kinderen/").text

    assert (
        '<link rel="canonical" href="http://localhost/nl/kennisbank/signalen-bij-kinderen/">'
        in html
    )
    assert '<link rel="alternate" hreflang="en" href="http://localhost/en/' in html
    assert '<link rel="alternate" hreflang="x-default" href="http://localhost/nl/' in html
    assert '<meta property="og:title" content="Signalen bij kinderen">' in html
    assert '<meta property="og:description" content="Wat u moet weten en wat u kunt doen.">' in html
    assert "og:image" not in html
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)[1]
    )
    assert data["@type"] == "Article"
    assert data["headline"] == "Signalen bij kinderen"
    assert data["inLanguage"] == "nl"
    assert data["author"] == {"@type": "Organization", "name": "Veilig Thuis Hart van Brabant"}
    assert data["about"] == ["Kindermishandeling"]


def test_the_heads_addresses_are_each_worked_out_once(rf, index, article):
    """The canonical address is the page's own hreflang address: Wagtail works out each
    address once, the page's own for both links. A draft whose address changed (a preview)
    links its stored translation's address as before."""
    english = article.copy_for_translation(Locale.objects.get(language_code="en"))
    english.save_revision().publish()
    request = rf.get("/nl/kennisbank/signalen-bij-kinderen/")
    page = ArticlePage.objects.get(pk=article.pk)

    with mock.patch.object(
        Page, "get_url_parts", autospec=True, side_effect=Page.get_url_parts
    ) as asked:
        found = metadata.page_metadata(page, request)

    assert [call.args[0].pk for call in asked.call_args_list] == [article.pk, english.pk]
    assert found["canonical_url"] == "http://localhost/nl/kennisbank/signalen-bij-kinderen/"
    assert [(item.language, item.url) for item in found["alternates"]] == [
        ("en", english.get_full_url(request)),
        ("nl", "http://localhost/nl/kennisbank/signalen-bij-kinderen/"),
    ]

    draft = ArticlePage.objects.get(pk=article.pk)
    draft.slug = "nieuwe-naam"
    draft.set_url_path(draft.get_parent())
    found = metadata.page_metadata(draft, rf.get("/"))
    assert found["canonical_url"] == "http://localhost/nl/kennisbank/nieuwe-naam/"
    assert ("nl", "http://localhost/nl/kennisbank/signalen-bij-kinderen/") in [
        (item.language, item.url) for item in found["alternates"]
    ]


def test_article_data_cannot_break_out_of_its_script_element(client, index):
    ArticlePageFactory(parent=index, slug="gevaarlijk", title="</script><script>alert(1)</script>")

    html = client.get("/nl/kennisbank/gevaarlijk/").text

    data_block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)[1]
    assert "<" not in data_block
    assert json.loads(data_block)["headline"] == "</script><script>alert(1)</script>"


def test_the_sitemap_lists_articles_with_their_translation_as_alternate(client, index, article):
    english = article.copy_for_translation(Locale.objects.get(language_code="en"))
    english.slug = "signs-in-children"
    english.save_revision().publish()

    dutch = client.get("/sitemap-nl.xml").text
    english = client.get("/sitemap-en.xml").text

    assert "<loc>http://localhost/nl/kennisbank/signalen-bij-kinderen/</loc>" in dutch
    assert 'hreflang="en" href="http://localhost/en/kennisbank/signs-in-children/"' in dutch
    assert "<loc>http://localhost/en/kennisbank/signs-in-children/</loc>" in english


def test_search_finds_an_article_by_its_body_and_by_its_theme(index, themes):
    from wagtail.search.backends import get_search_backend

    article = ArticlePageFactory(
        parent=index,
        title="Praten met kinderen",
        themes=[themes["ouderenmishandeling"]],
        body=[("signals", {"heading": "Let op", "items": ["schoolverzuim"]})],
    )
    backend = get_search_backend()
    # Indexed again, as `update_index` does: the entry written while the factory saved the
    # page predates the commit of its themes (modelcluster commits them after post_save).
    backend.add(ArticlePage.objects.get(pk=article.pk))

    assert [page.title for page in backend.search("schoolverzuim", ArticlePage)] == [
        "Praten met kinderen"
    ]
    assert [page.title for page in backend.search("Ouderenmishandeling", ArticlePage)] == [
        "Praten met kinderen"
    ]
