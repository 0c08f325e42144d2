"""The downloads page in a real browser: accessible (axe, best practice included) on a phone and
a desktop, filters without JavaScript, a title in Arabic marked as such, and a factsheet that
opens; under the enforced CSP and with nothing fetched from another host (conftest.py)."""

import pytest

from knowledge import demo_downloads
from knowledge.factories import DownloadsPageFactory, KnowledgeIndexPageFactory
from knowledge.models import Download
from portal.models import Theme
from tests.e2e.conftest import PHONE

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def downloads(site_pages, locales):
    """The demo's documents (real PDFs, one for professionals only) on a downloads page."""
    index = KnowledgeIndexPageFactory(parent=site_pages["home"], show_in_menus=True)
    page = DownloadsPageFactory(parent=index)
    rows, made = [], []
    for spec in demo_downloads.DOCUMENTS:
        document = demo_downloads.document(spec)
        made.append(document)
        row = Download(
            document=document,
            kind=spec.kind,
            language=spec.language,
            description=spec.description_nl,
        )
        row.themes = list(Theme.objects.filter(locale=locales["nl"], slug__in=spec.themes))
        rows.append(row)
    page.downloads = rows
    page.save_revision().publish()
    yield page
    for document in made:
        document.file.delete(save=False)


def test_the_downloads_page_has_no_axe_violations(new_page, live_server, downloads, axe_check):
    for options in ({}, PHONE):
        page = new_page(**options)
        page.goto(live_server.url + downloads.url)
        assert page.locator("h1").count() == 1
        axe_check(page, best_practice=True)

        page.goto(live_server.url + downloads.url + "?thema=bestaat-niet")
        assert page.get_by_text("Dit thema of deze taal kennen wij niet").is_visible()
        axe_check(page, best_practice=True)


def test_filter_by_language_without_javascript_and_open_a_leaflet(new_page, live_server, downloads):
    page = new_page(java_script_enabled=False)
    page.goto(live_server.url + downloads.url)
    assert page.locator(".steiger-card").count() == 5  # the professionals' card is hidden

    page.select_option("#filter-language", "ar")
    with page.expect_navigation():
        page.get_by_role("button", name="Downloads tonen").click()

    assert page.url.endswith("/downloads/?thema=&taal=ar")
    link = page.locator(".steiger-card a")
    assert link.count() == 1
    assert link.get_attribute("lang") == "ar"
    assert link.get_attribute("dir") == "rtl"
    response = page.request.get(live_server.url + link.get_attribute("href"))
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
