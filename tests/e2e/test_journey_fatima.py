"""Journey 5 (JOURNEYS.md, Fatima, editor) end to end in real browsers, with a knowledge article.

Fatima (Redacteur) writes a Dutch article with a downloadable factsheet, tags it with a theme
and an audience and submits it for review; a moderator (Eindredacteur) approves it and it is
live at once: on the knowledge base filtered by its theme, on its audience's page, in the search
box, with its factsheet downloadable. A translator (Vertaler) makes the English version, which
the moderator approves. When the article is unpublished it leaves every listing and search, and
its old address answers 410 with a helpful page. Every public page on the way passes axe.

Unpublishing is the moderator's: Wagtail lets only those who may publish take a page offline, and
the editor role may not publish (tests/portal/test_editor_boundaries.py).
"""

from urllib.parse import quote

import pytest
from django.core.files.base import ContentFile
from playwright.sync_api import expect
from wagtail.documents import get_document_model

from knowledge.factories import KnowledgeIndexPageFactory
from knowledge.models import ArticlePage
from portal import roles

from .conftest import submit
from .test_editorial_translation import approve_on_dashboard, text_of, translate_every_segment

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

TITLE = "Partnergeweld bij ouderen herkennen"
INTRO = "Ook na een lang huwelijk kan geweld beginnen. Zo herkent u het en zo helpt u."
TEXT = "Ouderen schamen zich vaak en vertellen niet snel wat er thuis gebeurt."
FACTSHEET = "Factsheet ouderenmishandeling"
ENGLISH = {
    TITLE: "Recognising partner violence among older people",
    "partnergeweld-bij-ouderen-herkennen": "recognising-partner-violence-among-older-people",
    INTRO: "Violence can start even after a long marriage. How to recognise it and help.",
    TEXT: "Older people are often ashamed and do not easily tell what happens at home.",
    FACTSHEET: "Factsheet elder abuse",
}


@pytest.fixture
def knowledge_base(site_pages):
    index = KnowledgeIndexPageFactory(
        parent=site_pages["home"], show_in_menus=True, translations=["en"]
    )
    factsheet = get_document_model().objects.create(
        title=FACTSHEET, file=ContentFile(b"%PDF-1.7\n% factsheet\n", name="ouderen.pdf")
    )
    return {"index": index, "factsheet": factsheet, **site_pages}


def add_factsheet_block(editor, title: str) -> None:
    """In the body's StreamField: insert a "Document" block and choose `title` in the chooser."""
    editor.locator("#panel-child-inhoud-body-section button[title='Blok invoegen']").first.click()
    editor.get_by_role("option", name="Document").click()
    editor.get_by_role("button", name="Kies een document").click()
    modal = editor.locator(".modal-dialog")
    with editor.expect_response(lambda r: "/admin/documents/chooser/" in r.url):
        modal.get_by_role("link", name=title).click()
    expect(modal).to_be_hidden()


def add_text_block(editor, text: str) -> None:
    editor.locator("#panel-child-inhoud-body-section button[title='Blok invoegen']").last.click()
    editor.get_by_role("option", name="Tekst", exact=True).click()
    editor.locator("#panel-child-inhoud-body-section [contenteditable=true]").last.fill(text)


def listed_on(visitor, url: str, title: str) -> bool:
    visitor.goto(url)
    return visitor.get_by_role("link", name=title).count() > 0


def test_fatima_publishes_translates_and_unpublishes_an_article(
    staff_browser, browser_page, live_server, knowledge_base, axe_check
):
    visitor = browser_page
    index = knowledge_base["index"]
    inwoners = next(p for p in knowledge_base["audiences"] if p.audience.slug == "inwoners")

    # 1. Fatima writes a Dutch article with a factsheet, tags it and submits it for review.
    fatima = staff_browser(roles.EDITOR, "fatima@example.org")
    fatima.goto(live_server.url + f"/admin/pages/add/knowledge/articlepage/{index.pk}/")
    fatima.fill("#id_title", TITLE)
    fatima.fill("#id_intro", INTRO)
    add_text_block(fatima, TEXT)
    add_factsheet_block(fatima, FACTSHEET)
    fatima.get_by_label("Ouderenmishandeling", exact=True).check()
    fatima.get_by_label("Inwoners", exact=True).check()
    fatima.locator("footer .w-dropdown__toggle").first.click()
    submit(fatima, fatima.locator("button[name=action-submit]"))
    dutch = ArticlePage.objects.get(title=TITLE)
    assert not dutch.live
    assert visitor.goto(live_server.url + dutch.url).status == 404

    # 2. The moderator approves: live at once, with its factsheet, in every listing and search.
    moderator = staff_browser(roles.MODERATOR, "eindredactie@example.org")
    approve_on_dashboard(moderator, live_server, TITLE)
    dutch.refresh_from_db()
    assert dutch.live
    assert visitor.goto(live_server.url + dutch.url).status == 200
    assert TITLE in text_of(visitor.locator("h1"))
    assert TEXT in text_of(visitor.locator("main"))
    download = visitor.locator("main a", has_text=FACTSHEET)
    href = download.get_attribute("href")
    axe_check(visitor, best_practice=True)
    factsheet_response = visitor.request.get(live_server.url + href)
    assert factsheet_response.status == 200
    assert factsheet_response.body().startswith(b"%PDF")

    theme_url = live_server.url + index.url + "?thema=ouderenmishandeling"
    assert listed_on(visitor, theme_url, TITLE)
    axe_check(visitor, best_practice=True)
    assert listed_on(visitor, live_server.url + inwoners.url, TITLE)
    axe_check(visitor)
    assert listed_on(visitor, live_server.url + "/nl/zoeken/?q=" + quote("partnergeweld"), TITLE)

    # 3. The translator makes the English version; the moderator approves it.
    translator = staff_browser(roles.TRANSLATOR, "vertaler@example.org")
    translator.goto(live_server.url + f"/admin/pages/{index.pk}/")
    row = translator.locator("tr", has_text=TITLE)
    row.locator(".w-dropdown__toggle").click()
    with translator.expect_navigation():
        row.get_by_role("link", name="Vertaal deze pagina").click()
    translator.get_by_label("Engels").check()
    submit(translator, translator.locator("main form input[type=submit]"))
    english = ArticlePage.objects.get(
        translation_key=dutch.translation_key, locale__language_code="en"
    )
    translator.goto(live_server.url + f"/admin/pages/{english.pk}/edit/")
    translate_every_segment(translator, ENGLISH)
    translator.wait_for_load_state("networkidle")
    submit(translator, translator.locator("footer button[name=action][value=publish]"))
    approve_on_dashboard(moderator, live_server, ENGLISH[TITLE])
    english.refresh_from_db()
    assert english.live
    assert visitor.goto(live_server.url + english.url).status == 200
    assert ENGLISH[TITLE] in text_of(visitor.locator("h1"))
    assert ENGLISH[TEXT] in text_of(visitor.locator("main"))
    axe_check(visitor, best_practice=True)
    # The Dutch article's language switcher now leads to the English one.
    visitor.goto(live_server.url + dutch.url)
    assert visitor.locator(f'a[hreflang="en"][href="{english.url}"]').count() == 1

    # 4. The article is unpublished: gone from every listing and search, its address says so.
    moderator.goto(live_server.url + f"/admin/pages/{dutch.pk}/unpublish/")
    submit(moderator, moderator.locator("main form [type=submit]").first)
    dutch.refresh_from_db()
    assert not dutch.live
    response = visitor.goto(live_server.url + dutch.url)
    assert response.status == 410
    assert TITLE in text_of(visitor.locator("main"))
    assert visitor.get_by_role("link", name="Ouderenmishandeling").count() >= 1
    assert visitor.get_by_role("search").count() >= 1  # the search form (its box is a combobox)
    axe_check(visitor, best_practice=True)
    assert not listed_on(visitor, theme_url, TITLE)
    assert not listed_on(visitor, live_server.url + inwoners.url, TITLE)
    assert not listed_on(
        visitor, live_server.url + "/nl/zoeken/?q=" + quote("partnergeweld"), TITLE
    )
