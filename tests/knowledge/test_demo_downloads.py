"""The demo downloads: real, accessible PDFs on the downloads page of both languages, one for
professionals behind a sign-in, and a factsheet in the body of a demo article."""

import re
import zlib
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from wagtail.documents import get_document_model

from knowledge.demo_downloads import DOCUMENTS, PUBLIC_COLLECTION
from knowledge.models import ArticlePage, DownloadsPage
from portal.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db

ZAKKAART = "Zakkaart meldcode: de vijf stappen"


def pdf_text(body: bytes) -> bytes:
    """The PDF with its streams inflated (the XMP metadata and structure are compressed)."""
    parts = [body]
    for stream in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", body, re.DOTALL):
        try:
            parts.append(zlib.decompress(stream.group(1)))
        except zlib.error:
            parts.append(stream.group(1))
    return b"\n".join(parts)


def served(client, url) -> tuple[int, bytes]:
    response = client.get(url)
    body = b"".join(response.streaming_content) if response.status_code == 200 else b""
    return response.status_code, body


def test_the_downloads_page_lists_the_public_demo_documents_as_real_pdfs(demo_site):
    page = DownloadsPage.objects.get(locale__language_code="nl", slug="downloads")
    client = Client()

    response = client.get(page.url)

    listing = response.context["listing"]
    public = [spec.title for spec in DOCUMENTS if not spec.professionals_only]
    assert [item.title for item in listing.items] == public
    assert 4 <= len(public) <= 6
    assert {item.language for item in listing.items} == {"nl", "ar", "tr"}
    for item in listing.items:
        status, body = served(client, item.url)
        assert status == 200, item.title
        # A tagged PDF that declares PDF/UA-1 (WeasyPrint's pdf_variant="pdf/ua-1") and its
        # language, so a screen reader reads it in the right voice.
        assert body.startswith(b"%PDF"), item.title
        text = pdf_text(body)
        assert b'pdfuaid:part="1"' in text, item.title
        assert b"/StructTreeRoot" in text, item.title
        assert f"/Lang ({item.language})".encode() in text, item.title
        assert item.extension == "PDF" and item.size == len(body), item.title


def test_the_professionals_card_needs_a_sign_in(demo_site):
    page = DownloadsPage.objects.get(locale__language_code="nl", slug="downloads")
    zakkaart = get_document_model().objects.get(title=ZAKKAART)
    assert zakkaart.collection.name != PUBLIC_COLLECTION
    anonymous = Client()
    assert ZAKKAART not in anonymous.get(page.url).text
    assert served(anonymous, zakkaart.url)[0] == 302

    signed_in = Client()
    signed_in.force_login(UserFactory())
    assert ZAKKAART in signed_in.get(page.url).text
    assert served(signed_in, zakkaart.url)[0] == 200


def test_the_english_downloads_page_marks_the_dutch_titles(demo_site):
    page = DownloadsPage.objects.get(locale__language_code="en", slug="downloads")

    response = Client().get(page.url)

    assert response.status_code == 200
    assert "Factsheet · Dutch · PDF" in response.text
    assert re.search(r'<a [^>]*lang="nl"[^>]*>Factsheet huiselijk geweld</a>', response.text)
    assert "Domestic violence" in response.text  # the rows' themes in the page's language


def test_a_demo_article_offers_its_factsheet_with_type_and_size(demo_site):
    article = ArticlePage.objects.get(locale__language_code="nl", slug="wat-is-huiselijk-geweld")
    factsheet = get_document_model().objects.get(title="Factsheet huiselijk geweld")

    response = Client().get(article.url)

    # "Factsheet huiselijk geweld (PDF, 9,5 KB)": the shared document block's wording.
    assert re.search(
        rf'<a class="utrecht-link" href="{re.escape(factsheet.url)}">Factsheet huiselijk geweld'
        r'</a>\s*<span class="steiger-document__meta">\(PDF, \d+,\d\xa0KB\)</span>',
        response.text,
    )
    assert served(Client(), factsheet.url)[0] == 200


def test_loading_the_demo_again_makes_no_second_copy(demo_site):
    before = get_document_model().objects.count()
    call_command("load_demo_content", "--force", stdout=StringIO())

    assert get_document_model().objects.count() == before == len(DOCUMENTS)
