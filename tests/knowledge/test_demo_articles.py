"""The knowledge base's demo articles (knowledge/demo_articles.py): what an editor, a reader and
the review reminder will find after `load_demo_content`.

Most tests read the data only; the last ones load the demo site and open every article.
"""

import importlib
import re
from collections import Counter
from datetime import date, timedelta
from html.parser import HTMLParser

import pytest
from django.utils.html import escape
from wagtail.models import Page

from knowledge.demo_articles import ARTICLES
from knowledge.models import ArticlePage
from portal.demo.discovery import discover
from portal.demo.door import DemoPage, Translation
from portal.demo.loader import page_key
from portal.demo.taxonomy import term_key

SEED = importlib.import_module("portal.migrations.0003_seed_taxonomy")
THEMES = {row[0] for row in SEED.THEMES}
AUDIENCES = {row[0] for row in SEED.AUDIENCES}

INFORMAL_DUTCH = re.compile(r"\b(je|jij|jou|jouw|jezelf|jullie)\b", re.IGNORECASE)
PHONE_NUMBER = re.compile(r"0800-?\d{4}|\b112\b")
TEL_LINK = re.compile(r'<a href="tel:(\d+)">([\d-]+)</a>')
# Words in a title that would tell someone glancing at a screen what the reader is looking at.
REVEALING = re.compile(
    r"geweld|mishandel|misbruik|dwang|verwaarlo|seksu|violence|abuse|sexual|forced|neglect",
    re.IGNORECASE,
)
# The rich text an editor's toolbar offers (portal/blocks.py RICH_TEXT_FEATURES).
RICH_TEXT_TAGS = {"p", "h2", "h3", "b", "i", "ol", "ul", "li", "a"}
SHY = "\u00ad"  # soft hyphen, which the site puts into long words


def _with_english() -> list[DemoPage]:
    return [article for article in ARTICLES if article.en is not None]


def _versions() -> list[tuple[str, str, Translation]]:
    return [
        (article.key, language, article.translation(language))
        for article in ARTICLES
        for language in article.languages
    ]


def _texts(translation: Translation) -> list[tuple[str, str]]:
    """Every text a reader sees, as (kind, text); kind is "html" or "plain"."""
    texts = [
        ("plain", translation.title),
        ("plain", translation.seo_title),
        ("plain", translation.intro),
        ("plain", translation.search_description),
    ]
    for block in translation.body:
        value = block["value"]
        match block["type"]:
            case "text":
                texts.append(("html", value))
            case "accordion":
                texts.append(("plain", value["title"]))
                for item in value["items"]:
                    texts += [("plain", item["question"]), ("html", item["answer"])]
            case "quote":
                texts += [("plain", value["quote"]), ("plain", value["attribution"])]
            case "call_to_action":
                texts += [("plain", value["title"]), ("plain", value["text"])]
                texts.append(("plain", value["label"]))
            case "signals":
                texts.append(("plain", value["heading"]))
                texts += [("plain", item) for item in value["items"]]
            case "steps":
                texts.append(("plain", value["heading"]))
                for step in value["steps"]:
                    texts += [("plain", step["title"]), ("plain", step["text"])]
            case "callout":
                texts += [("plain", value["heading"]), ("html", value["text"])]
            case other:
                raise AssertionError(f"unknown block type {other!r}")
    return texts


def _words(translation: Translation) -> int:
    """Words of the article itself: title, intro and body (not the tab title or summary)."""
    seen = [
        body
        for kind, body in _texts(translation)
        if body not in (translation.seo_title, translation.search_description)
    ]
    return len(re.findall(r"\w+", re.sub(r"<[^>]+>", " ", " ".join(seen))))


def test_thirty_or_more_articles_ten_of_them_in_english_too():
    assert len(ARTICLES) >= 30
    assert len(_with_english()) == 10
    assert all(isinstance(article, DemoPage) for article in ARTICLES)


def test_every_article_is_an_article_page_under_the_knowledge_index_keyed_by_its_dutch_slug():
    for article in ARTICLES:
        assert article.model == "knowledge.ArticlePage"
        assert article.parent == "knowledge/index"
        assert article.key == f"knowledge/{article.nl.slug}"
        assert set(article.fields) == {"last_reviewed", "author_organisation"}
    assert len({article.key for article in ARTICLES}) == len(ARTICLES)


def test_slugs_are_unique_per_language_and_shaped_like_slugs():
    for language in ("nl", "en"):
        slugs = [t.slug for _key, lang, t in _versions() if lang == language]
        assert [slug for slug, n in Counter(slugs).items() if n > 1] == []
        assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug) for slug in slugs)


def test_every_theme_and_every_audience_has_articles_and_only_seeded_labels_are_used():
    themes = Counter(slug for a in ARTICLES for slug in a.terms["themes"])
    audiences = Counter(slug for a in ARTICLES for slug in a.terms["audiences"])
    assert set(themes) == THEMES
    assert set(audiences) == AUDIENCES
    # Enough for a filtered list to look like a list.
    assert min(themes.values()) >= 2 and min(audiences.values()) >= 4
    assert all(set(article.terms) == {"themes", "audiences"} for article in ARTICLES)


def test_the_english_articles_cover_every_theme_and_audience_too():
    # So that no theme or audience filter on the English index comes up empty.
    english = _with_english()
    assert {slug for a in english for slug in a.terms["themes"]} == THEMES
    assert {slug for a in english for slug in a.terms["audiences"]} == AUDIENCES


def test_dutch_says_u_never_je():
    for key, _language, translation in (v for v in _versions() if v[1] == "nl"):
        for _kind, body in _texts(translation):
            assert not INFORMAL_DUTCH.findall(body), (key, body)


def test_each_version_is_between_250_and_700_words():
    for key, language, translation in _versions():
        assert 250 <= _words(translation) <= 700, (key, language, _words(translation))


def test_articles_do_not_all_look_alike():
    shapes = {tuple(block["type"] for block in article.nl.body) for article in ARTICLES}
    assert len(shapes) >= 15
    used = Counter(block["type"] for article in ARTICLES for block in article.nl.body)
    for block_type in ("text", "signals", "steps", "callout", "accordion", "quote"):
        assert used[block_type] >= 5, block_type


def test_step_titles_carry_no_number_of_their_own():
    # The steps block numbers its steps; "1. Map the signs" would read "1. 1. Map the signs".
    for key, language, translation in _versions():
        for block in translation.body:
            if block["type"] == "steps":
                for step in block["value"]["steps"]:
                    assert not re.match(
                        r"\s*(\d|(fase|phase|stap|step)\s*\d)", step["title"], re.I
                    ), (
                        key,
                        language,
                        step["title"],
                    )


def test_every_phone_number_is_a_tel_link_in_rich_text():
    numbers = 0
    for key, language, translation in _versions():
        for kind, body in _texts(translation):
            if kind == "plain":
                # Plain text cannot hold a link: the number belongs in rich text instead.
                assert not PHONE_NUMBER.search(body), (key, language, body)
                continue
            for target, shown in TEL_LINK.findall(body):
                assert target == shown.replace("-", ""), (key, body)
            assert not PHONE_NUMBER.search(TEL_LINK.sub("", body)), (key, language, body)
            numbers += len(TEL_LINK.findall(body))
    assert numbers >= len(ARTICLES)


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)


def test_rich_text_uses_only_what_the_editors_toolbar_offers():
    for key, language, translation in _versions():
        for kind, body in _texts(translation):
            if kind == "html":
                parser = _Tags()
                parser.feed(body)
                assert parser.tags <= RICH_TEXT_TAGS, (key, language, parser.tags)


def test_a_title_that_names_the_subject_has_a_neutral_tab_title():
    for key, language, translation in _versions():
        if REVEALING.search(translation.title):
            assert translation.seo_title, (key, language)
            assert not REVEALING.search(translation.seo_title), (key, language)


def _demo_pages() -> dict[str, DemoPage]:
    """Every app's demo pages by key, as load_demo_content sees them."""
    return {
        page.key: page for module in discover().values() for page in getattr(module, "PAGES", ())
    }


def test_every_call_to_action_points_at_a_demo_page_in_that_language():
    pages = _demo_pages()
    assert all(article.key in pages for article in ARTICLES)
    for key, language, translation in _versions():
        for block in translation.body:
            if block["type"] == "call_to_action":
                target = pages.get(block["value"]["page"])
                assert target is not None, (key, block["value"]["page"])
                assert language in target.languages, (key, language, target.key)


def test_review_dates_are_spread_so_the_review_reminder_has_stale_articles_to_show():
    reviewed = sorted(article.fields["last_reviewed"] for article in ARTICLES)
    newest = reviewed[-1]
    assert newest <= date.today()
    assert newest - reviewed[0] >= timedelta(days=540)
    assert sum(day < newest - timedelta(days=365) for day in reviewed) >= 5
    assert sum(day >= newest - timedelta(days=90) for day in reviewed) >= 5


def test_most_articles_are_by_the_centre_a_few_by_partners():
    authors = Counter(article.fields["author_organisation"] for article in ARTICLES)
    centre = "Centrum huiselijk geweld en kindermishandeling Hart van Brabant"
    assert authors[centre] > len(ARTICLES) // 2
    assert 2 <= len(authors) <= 4


@pytest.mark.django_db
def test_the_demo_site_has_every_article_live_in_its_languages(demo_site, client):
    for article in ARTICLES:
        pages = Page.objects.filter(translation_key=page_key(article.key)).specific()
        assert {page.locale.language_code for page in pages} == set(article.languages)
        for page in pages:
            assert isinstance(page, ArticlePage) and page.live
            translation = article.translation(page.locale.language_code)
            response = client.get(page.url)
            assert response.status_code == 200, page.url
            html = response.content.decode().replace(SHY, "")
            # The new blocks render their own texts (first signal, first step, callout heading).
            for block in translation.body:
                value = block["value"]
                expected = {
                    "signals": lambda v: v["items"][0],
                    "steps": lambda v: v["steps"][0]["title"],
                    "callout": lambda v: v["heading"],
                }.get(block["type"])
                if expected is not None:
                    assert escape(expected(value)) in html, (page.url, expected(value))
            assert page.last_reviewed == article.fields["last_reviewed"]
            assert {theme.translation_key for theme in page.themes.all()} == {
                term_key("theme", slug) for slug in article.terms["themes"]
            }
