"""The knowledge base in a real browser: the index (filters without JavaScript) and an article
with every block, accessible (axe, best practice included), under the enforced CSP with its
JSON-LD data block, and nothing fetched from another host (conftest.py fails on either)."""

import json
from datetime import date

import pytest

from knowledge.factories import ArticlePageFactory, KnowledgeIndexPageFactory
from portal.models import Audience, Theme

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

BODY = [
    ("text", "<h2>Wat is er aan de hand?</h2><p>Kinderen vertellen zelden wat er gebeurt.</p>"),
    ("signals", {"heading": "Signalen", "items": ["Blauwe plekken", "Stil en teruggetrokken"]}),
    (
        "steps",
        {
            "heading": "Zo pakt u het aan",
            "steps": [
                {"title": "Observeer", "text": "Schrijf op wat u ziet en hoort."},
                {"title": "Overleg", "text": "Bel Veilig Thuis op 0800-2000."},
            ],
        },
    ),
    ("callout", {"heading": "Wat kunt u doen?", "text": "<p>Bij acuut gevaar: bel 112.</p>"}),
    ("quote", {"quote": "Eén telefoontje kan genoeg zijn.", "attribution": "Een moeder"}),
]


@pytest.fixture
def knowledge(site_pages, locales):
    nl = locales["nl"]
    index = KnowledgeIndexPageFactory(parent=site_pages["home"], show_in_menus=True)
    theme = Theme.objects.get(slug="kindermishandeling", locale=nl)
    audience = Audience.objects.get(slug="inwoners", locale=nl)
    article = ArticlePageFactory(
        parent=index,
        title="Signalen van kindermishandeling",
        slug="signalen-van-kindermishandeling",
        intro="Waar u op kunt letten, en wat u dan doet.",
        last_reviewed=date(2026, 3, 14),
        body=BODY,
        themes=[theme, Theme.objects.get(slug="signalen-herkennen", locale=nl)],
        audiences=[audience],
    )
    for number in range(3):
        ArticlePageFactory(parent=index, title=f"Meer over signalen {number}", themes=[theme])
    return {"index": index, "article": article}


def test_index_filters_without_javascript(new_page, live_server, knowledge):
    page = new_page(java_script_enabled=False)
    page.goto(live_server.url + "/nl/kennisbank/")
    assert page.locator("h1").count() == 1
    assert page.locator(".steiger-card").count() == 4

    page.select_option("#filter-audience", "inwoners")
    with page.expect_navigation():
        page.get_by_role("button", name="Artikelen tonen").click()

    assert page.url.endswith("/nl/kennisbank/?thema=&doelgroep=inwoners")
    assert page.locator(".steiger-card").count() == 1
    assert page.get_by_role("link", name="Filter „Inwoners” weghalen").count() == 1


def test_index_and_an_article_have_no_axe_violations(
    browser_page, live_server, knowledge, axe_check
):
    page = browser_page
    page.goto(live_server.url + "/nl/kennisbank/?thema=kindermishandeling")
    axe_check(page, best_practice=True)

    page.goto(live_server.url + "/nl/kennisbank/?thema=bestaat-niet")
    assert page.get_by_text("Dit thema of deze doelgroep kennen wij niet").is_visible()
    axe_check(page, best_practice=True)

    page.goto(live_server.url + knowledge["article"].url)
    assert page.get_by_role("heading", level=1).count() == 1
    assert page.locator('a[href="tel:08002000"]').count() >= 1
    axe_check(page, best_practice=True)


def test_the_article_data_block_is_read_under_the_csp_without_a_violation(
    browser_page, live_server, knowledge
):
    page = browser_page
    page.goto(live_server.url + knowledge["article"].url)

    # The browser parsed the data block (it is in the DOM) and, not being script, did not run
    # it: the enforced policy reports no violation (new_page fails the test on any).
    text = page.locator('script[type="application/ld+json"]').text_content()
    data = json.loads(text)
    assert data["@type"] == "Article"
    assert data["headline"] == "Signalen van kindermishandeling"
    inline = page.evaluate("() => document.querySelectorAll('script:not([src])').length")
    assert inline == 1  # the data block is the only script without a source on the page
