"""Browser journey editor -> moderator -> translator -> moderator (JOURNEYS.md, Fatima).

An editor (Redacteur) writes a Dutch page and submits it for review, a moderator
(Eindredacteur) approves it, a translator (Vertaler) translates it into English in
wagtail-localize's editor and submits the translation for review, and the moderator approves
that too. Until that last approval the English page is not public: anonymous visitors get 404,
and it is in neither the sitemap nor the search results.

Every member of staff signs in with password and TOTP in their own browser context
(``staff_browser`` in conftest.py). The public
pages the journey visits are checked with axe-core (the admin is Wagtail's, not ours to audit).
"""

from urllib.parse import quote

import pytest
from playwright.sync_api import expect

from portal import roles
from portal.models import StandardPage

from .conftest import submit

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

DUTCH_TITLE = "Signalen van kindermishandeling herkennen"
DUTCH_INTRO = "Wat u kunt zien en horen als een kind thuis niet veilig is."
ENGLISH = {
    DUTCH_TITLE: "Recognising signs of child abuse",
    "signalen-van-kindermishandeling-herkennen": "recognising-signs-of-child-abuse",
    DUTCH_INTRO: "What you can see and hear when a child is not safe at home.",
}
ENGLISH_PATH = "/en/recognising-signs-of-child-abuse/"


def text_of(locator) -> str:
    """What a person reads: without the soft hyphens that allow long Dutch words to break."""
    return locator.inner_text().replace("\xad", "")


def approve_on_dashboard(page, live_server, title: str) -> None:
    """The moderator approves `title` from "Awaiting your review" on the admin dashboard."""
    page.goto(live_server.url + "/admin/")
    row = page.locator("tr", has_text=title)
    row.get_by_role("button", name="Acties").click()
    with page.expect_navigation():
        row.get_by_role("button", name="Goedkeuren", exact=True).click()


def translate_every_segment(translator, translations: dict[str, str]) -> None:
    """In wagtail-localize's editor, on every tab, translate each segment by its source text."""
    untranslated = translator.locator("li.incomplete")
    for tab in translator.locator("[role=tab]").all():
        tab.click()
        on_this_tab = translator.locator("li.incomplete:visible")
        while on_this_tab.count() > 0:
            remaining = untranslated.count()
            segment = on_this_tab.first
            source = segment.locator("p").first.inner_text().strip()
            segment.get_by_role("button", name="Vertaal").click()
            segment.locator("textarea").fill(translations[source])
            segment.locator("textarea").press("Enter")  # saves, as "Opslaan" does
            expect(untranslated).to_have_count(remaining - 1)
    expect(untranslated).to_have_count(0)
    expect(translator.locator("li.errored")).to_have_count(0)


def assert_not_public(visitor, live_server, axe_check, path: str, words: str) -> None:
    """An anonymous visitor cannot reach the page, find it in search or in the sitemap."""
    response = visitor.goto(live_server.url + path)
    assert response.status == 404, f"{path} answered {response.status} before approval"
    axe_check(visitor)
    visitor.goto(live_server.url + "/en/zoeken/?q=" + quote(words))
    assert path not in visitor.content()
    axe_check(visitor)
    for language in ("nl", "en"):
        sitemap = visitor.goto(live_server.url + f"/sitemap-{language}.xml")
        assert sitemap.status == 200
        assert path not in sitemap.text()


def test_a_translation_is_public_only_after_a_moderator_approved_it(
    staff_browser, browser_page, live_server, home, axe_check
):
    visitor = browser_page

    # 1. The editor writes a Dutch page, tags it (Dutch labels only) and submits it.
    editor = staff_browser(roles.EDITOR, "fatima@example.org")
    editor.goto(live_server.url + f"/admin/pages/add/portal/standardpage/{home.pk}/")
    editor.fill("#id_title", DUTCH_TITLE)
    editor.fill("#id_intro", DUTCH_INTRO)
    themes = editor.locator("input[name=themes]")
    assert themes.count() == 11
    assert editor.get_by_label("Child abuse", exact=True).count() == 0
    editor.get_by_label("Kindermishandeling", exact=True).check()
    editor.locator("footer .w-dropdown__toggle").first.click()
    submit(editor, editor.locator("button[name=action-submit]"))
    dutch = StandardPage.objects.get(title=DUTCH_TITLE)
    assert not dutch.live
    assert visitor.goto(live_server.url + dutch.url).status == 404

    # 2. The moderator approves it: the Dutch page is live.
    moderator = staff_browser(roles.MODERATOR, "eindredactie@example.org")
    approve_on_dashboard(moderator, live_server, DUTCH_TITLE)
    dutch.refresh_from_db()
    assert dutch.live
    assert visitor.goto(live_server.url + dutch.url).status == 200
    assert DUTCH_TITLE in text_of(visitor.locator("h1"))
    axe_check(visitor)

    # 3. The translator starts the English translation: a draft, not public.
    translator = staff_browser(roles.TRANSLATOR, "vertaler@example.org")
    translator.goto(live_server.url + f"/admin/pages/{home.pk}/")
    row = translator.locator("tr", has_text=DUTCH_TITLE)
    row.locator(".w-dropdown__toggle").click()
    with translator.expect_navigation():
        row.get_by_role("link", name="Vertaal deze pagina").click()
    translator.get_by_label("Engels").check()
    submit(translator, translator.locator("main form input[type=submit]"))
    english = StandardPage.objects.get(
        translation_key=dutch.translation_key, locale__language_code="en"
    )
    assert not english.live
    assert_not_public(visitor, live_server, axe_check, english.url, DUTCH_TITLE)

    # 4. ...translates every text in wagtail-localize's editor (tabs "Inhoud", "Eigenschappen").
    translator.goto(live_server.url + f"/admin/pages/{english.pk}/edit/")
    main_button = translator.locator("footer button[name=action][value=publish]")
    assert main_button.inner_text().strip() == "Ter beoordeling aanbieden: Engels"
    assert translator.get_by_text("Omzetten naar aliaspagina").count() == 0
    translate_every_segment(translator, ENGLISH)
    translator.wait_for_load_state("networkidle")
    assert_not_public(visitor, live_server, axe_check, english.url, ENGLISH[DUTCH_TITLE])

    # 5. ...and submits it for review. Still not public.
    submit(translator, main_button)
    assert "ter beoordeling aangeboden" in translator.locator(".messages").inner_text()
    english.refresh_from_db()
    assert not english.live
    assert_not_public(visitor, live_server, axe_check, english.url, ENGLISH[DUTCH_TITLE])
    assert_not_public(visitor, live_server, axe_check, ENGLISH_PATH, ENGLISH[DUTCH_TITLE])

    # 6. The moderator approves the translation: now it is live, in English.
    approve_on_dashboard(moderator, live_server, ENGLISH[DUTCH_TITLE])
    english.refresh_from_db()
    assert english.live and english.url == ENGLISH_PATH
    response = visitor.goto(live_server.url + ENGLISH_PATH)
    assert response.status == 200
    assert ENGLISH[DUTCH_TITLE] in text_of(visitor.locator("h1"))
    assert ENGLISH[DUTCH_INTRO] in text_of(visitor.locator("main"))
    assert DUTCH_INTRO not in text_of(visitor.locator("body"))
    axe_check(visitor)
    visitor.goto(live_server.url + "/en/zoeken/?q=" + quote("signs child abuse"))
    assert ENGLISH_PATH in visitor.content()
    axe_check(visitor)
