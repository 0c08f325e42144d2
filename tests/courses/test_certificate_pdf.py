"""The certificate PDF: tagged PDF/UA-1, showing what it certifies, a QR code of exactly its
verification URL, any learner name printed as text, and no URL fetched while rendering.

How the PDF is read: there is no PDF library or text extraction tool here (no pypdf,
pdftotext, qpdf or mutool). A PDF's text is stored as compressed glyph ids of font subsets,
so reading it back needs one. The text is therefore checked in WeasyPrint's laid-out
document (`certificate_document`: the pages and text boxes that `render_certificate_pdf`
writes), and the written PDF only for its structure: the tag tree, language, metadata and
PDF/UA identification, found by inflating its compressed streams (the catalog, the structure
tree and the XMP metadata live in compressed object streams). The QR code is checked in the
HTML WeasyPrint is given: its one SVG path is decoded back to modules and compared with the
matrix qrcode itself makes for the verification URL.

WeasyPrint takes a fraction of a second per document, so each certificate is rendered once
per module (the fixtures are module-scoped) and the tests read that one rendering.
"""

import datetime
import logging
import re
import socket
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from decimal import Decimal

import pytest
import qrcode
from weasyprint import Document
from weasyprint.formatting_structure import boxes

from courses.certificates import pdf, qr
from courses.certificates.data import Accreditation, CertificateData
from courses.certificates.pdf import (
    certificate_document,
    certificate_html,
    offline_url_fetcher,
    render_certificate_pdf,
)

CODE = "K7QM-3XW9-0BRT-M4ZD"
URL = f"https://steiger.example/nl/certificaten/controleren/{CODE}/"
CENTRE = "Centrum huiselijk geweld en kindermishandeling Hart van Brabant"
COURSE = "Meldcode opfrissen: van signaal naar besluit"
HOSTILE_NAME = '<script>alert("x")</script> & Zoë 👩‍🎓 שרה כהן'

ACCREDITED = CertificateData(
    learner_name="Anna de Vries",
    course_title=COURSE,
    completed_on=datetime.date(2026, 3, 3),
    hours=Decimal("1.50"),
    verification_code=CODE,
    verification_url=URL,
    issuer=CENTRE,
    language="nl",
    accreditation=Accreditation("SKJ", "SKJ-2026-04711", Decimal("2.5")),
    valid_until=datetime.date(2029, 3, 2),
)
PLAIN = CertificateData(
    learner_name="Anna de Vries",
    course_title="Signals of child abuse: what can you do?",
    completed_on=datetime.date(2026, 3, 3),
    hours=Decimal("1.00"),
    verification_code=CODE,
    verification_url=URL.replace("/nl/", "/en/"),
    issuer="Centre against domestic violence and child abuse Hart van Brabant",
    language="en",
)


@contextmanager
def weasyprint_errors() -> Iterator[list[logging.LogRecord]]:
    """WeasyPrint's own complaints while rendering (a missing alt text or language, a URL it
    could not load): a module fixture cannot use pytest's caplog."""
    records: list[logging.LogRecord] = []
    handler = logging.Handler(level=logging.ERROR)
    handler.emit = records.append
    logger = logging.getLogger("weasyprint")
    logger.addHandler(handler)
    try:
        yield records
    finally:
        logger.removeHandler(handler)


def inflated(pdf_bytes: bytes) -> str:
    """The PDF with every compressed stream inflated, as text: what a PDF reader sees of the
    catalog, the structure tree and the metadata."""
    parts = [pdf_bytes]
    for stream in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf_bytes, re.DOTALL):
        try:
            parts.append(zlib.decompress(stream.group(1)))
        except zlib.error:
            continue  # an uncompressed stream: already in pdf_bytes
    return b"\n".join(parts).decode("utf-8", errors="replace")


def lines(document: Document) -> list[str]:
    """The text of the laid-out document, one string per line box, in reading order."""
    found: list[str] = []

    def walk(box: boxes.Box) -> None:
        if isinstance(box, boxes.LineBox):
            found.append("".join(text_of(box)))
            return
        for child in getattr(box, "children", ()):
            walk(child)

    def text_of(box: boxes.Box) -> Iterator[str]:
        if isinstance(box, boxes.TextBox):
            yield box.text
        for child in getattr(box, "children", ()):
            yield from text_of(child)

    for page in document.pages:
        walk(page._page_box)
    return [line.strip() for line in found]


def after(text_lines: list[str], label: str) -> str:
    """The value in the table row labelled `label` (the line after the label's cell)."""
    return text_lines[text_lines.index(label) + 1]


@pytest.fixture(scope="module")
def accredited_pdf() -> tuple[bytes, list[logging.LogRecord]]:
    with weasyprint_errors() as errors:
        return render_certificate_pdf(ACCREDITED), errors


@pytest.fixture(scope="module")
def render() -> Callable[[CertificateData], tuple[Document, list[str]]]:
    """The laid-out document of a certificate and its lines, rendered once per module."""
    rendered: dict[CertificateData, tuple[Document, list[str]]] = {}

    def document_and_lines(data: CertificateData) -> tuple[Document, list[str]]:
        if data not in rendered:
            document = certificate_document(data)
            rendered[data] = document, lines(document)
        return rendered[data]

    return document_and_lines


# --- The PDF: tagged, PDF/UA-1, with language and a neutral title --------------------------


def test_the_certificate_is_a_pdf(accredited_pdf):
    pdf_bytes, _ = accredited_pdf
    assert pdf_bytes.startswith(b"%PDF-1.7")
    assert pdf_bytes.rstrip().endswith(b"%%EOF")


def test_the_pdf_is_tagged_pdf_ua_with_language_and_title(accredited_pdf):
    structure = inflated(accredited_pdf[0])
    assert "/StructTreeRoot" in structure
    assert re.search(r"/MarkInfo\s*<<\s*/Marked true\s*>>", structure)
    assert re.search(r"/Lang\s*\(nl\)", structure)
    assert re.search(r"/DisplayDocTitle true", structure)
    assert 'pdfuaid:part="1"' in structure
    assert '<rdf:li xml:lang="x-default">Certificaat — Steiger</rdf:li>' in structure


def test_the_title_a_viewer_shows_names_no_course(accredited_pdf):
    """A PDF viewer shows the document's title in its tab or window: someone glancing at the
    screen must not learn what the learner studied (DESIGN.md: tab titles can be neutral)."""
    metadata = re.search(r"<dc:title>.*?</dc:title>", inflated(accredited_pdf[0]), re.DOTALL)
    assert metadata
    assert "Meldcode" not in metadata.group()
    assert "Anna" not in metadata.group()


def test_the_tag_tree_has_headings_a_table_and_a_described_figure(accredited_pdf):
    structure = inflated(accredited_pdf[0])
    for tag in ("/H1", "/H2", "/P", "/Table", "/TH", "/TD", "/Figure"):
        assert re.search(rf"/S\s*{tag}\b", structure), tag
    assert "/Alt (QR-code met het controleadres van dit certificaat)" in structure


def test_rendering_reports_no_problem(accredited_pdf):
    """WeasyPrint logs an error for an image without alternative text, a document without a
    language or a resource it could not load: a valid certificate has none of them."""
    _, errors = accredited_pdf
    assert [record.getMessage() for record in errors] == []


def test_the_certificate_is_one_page(render):
    for data in (ACCREDITED, PLAIN):
        document, _ = render(data)
        assert len(document.pages) == 1


# --- What it shows ----------------------------------------------------------------------


def test_an_accredited_certificate_shows_all_it_certifies_in_dutch(render):
    _, text = render(ACCREDITED)
    assert CENTRE in text
    assert "Certificaat" in text
    assert "Anna de Vries" in text
    assert COURSE in text
    assert after(text, "Afgerond op") == "3 maart 2026"
    assert after(text, "Studiebelasting") == "1,5 uur"
    assert after(text, "Register") == "SKJ"
    assert after(text, "Accreditatienummer") == "SKJ-2026-04711"
    assert after(text, "Accreditatiepunten") == "2,5"
    assert after(text, "Geldig tot en met") == "2 maart 2029"
    assert f"Controlecode: {CODE}" in text
    assert URL in "".join(text)  # beside the QR code, a long URL wraps


def test_a_certificate_without_accreditation_or_expiry_shows_neither_in_english(render):
    _, text = render(PLAIN)
    assert "Certificate" in text
    assert after(text, "Completed on") == "3 March 2026"
    assert after(text, "Study load") == "1 hour"
    assert f"Verification code: {CODE}" in text
    assert PLAIN.verification_url in "".join(text)
    joined = "\n".join(text)
    for absent in ("Register", "Accreditation", "Valid until", "SKJ"):
        assert absent not in joined


@pytest.mark.parametrize(
    ("hours", "language", "shown"),
    [
        (Decimal("2.0"), "nl", "2 uur"),
        (Decimal("10"), "nl", "10 uur"),
        (Decimal("1.25"), "nl", "1,25 uur"),
        (Decimal("0.5"), "en", "0.5 hours"),
        (Decimal("1.5"), "en", "1.5 hours"),
        (Decimal("1.0"), "en", "1 hour"),
        (Decimal("12.50"), "en", "12.5 hours"),
    ],
)
def test_hours_are_written_in_the_certificates_language(hours, language, shown):
    data = replace(PLAIN, hours=hours, language=language)
    assert f"<td>{shown}</td>" in certificate_html(data)


def test_a_learner_name_is_printed_as_text_whatever_it_contains(render):
    data = replace(ACCREDITED, learner_name=HOSTILE_NAME)
    html = certificate_html(data)
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Zoë" in html
    with weasyprint_errors() as errors:
        document, text = render(data)
        pdf_bytes = document.write_pdf(pdf_variant=pdf.PDF_VARIANT)
    assert HOSTILE_NAME in " ".join(text)  # on two lines at this size: a space between
    assert len(document.pages) == 1
    assert pdf_bytes.startswith(b"%PDF-") and "/StructTreeRoot" in inflated(pdf_bytes)
    assert errors == []


def test_a_long_name_and_course_title_still_fit_on_one_page(render):
    """The template's limits: a name of 100 and a course title of 160 characters."""
    name = ("Maria Magdalena van den Heuvel-Oosterhout " * 3)[:100]
    title = ("Signalen van kindermishandeling herkennen, bespreken en handelen " * 3)[:160]
    document, text = render(replace(ACCREDITED, learner_name=name, course_title=title))
    assert len(document.pages) == 1
    assert f"Controlecode: {CODE}" in text


def test_a_name_without_spaces_is_broken_over_lines_rather_than_cut_off(render):
    name = "Wolfeschlegelsteinhausenbergerdorff" * 3  # 105 characters, no space
    document, text = render(replace(ACCREDITED, learner_name=name))
    assert len(document.pages) == 1
    assert name in "".join(text)


# --- The QR code ------------------------------------------------------------------------


def qr_modules(html: str) -> set[tuple[int, int]]:
    """The dark modules (column, row) of the certificate's one QR code, read back from the
    SVG path qrcode's path factory draws: one `M{x},{y}H…z` square per module."""
    svgs = re.findall(r"<svg\b.*?</svg>", html, re.DOTALL)
    assert len(svgs) == 1
    (path,) = re.findall(r'<path d="([^"]*)"', svgs[0])
    squares = re.findall(r"M(\d+),(\d+)H(\d+)V(\d+)H\d+z", path)
    assert len(squares) == path.count("M")
    assert all(int(x1) - int(x) == 1 and int(y1) - int(y) == 1 for x, y, x1, y1 in squares)
    return {(int(x), int(y)) for x, y, _, _ in squares}


def expected_modules(url: str) -> set[tuple[int, int]]:
    code = qrcode.QRCode(error_correction=qr.ERROR_CORRECTION, border=qr.BORDER)
    code.add_data(url)
    matrix = code.get_matrix()
    return {(x, y) for y, row in enumerate(matrix) for x, dark in enumerate(row) if dark}


def test_the_qr_code_encodes_exactly_the_verification_url():
    html = certificate_html(ACCREDITED)
    assert qr_modules(html) == expected_modules(ACCREDITED.verification_url)
    assert qr_modules(html) != expected_modules(ACCREDITED.verification_url + "x")


def test_the_qr_code_is_an_image_with_a_text_alternative():
    svg = re.search(r"<svg\b[^>]*>", certificate_html(PLAIN)).group()
    label = "QR code with the verification address of this certificate"
    assert 'role="img"' in svg
    assert f'aria-label="{label}"' in svg
    assert f"<title>{label}</title>" in certificate_html(PLAIN)


# --- Nothing is fetched -----------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "http://example.com/logo.png",
        "https://example.com/font.woff2",
        "HTTPS://example.com/style.css",
        "file:///etc/passwd",
        "ftp://example.com/x",
    ],
)
def test_the_url_fetcher_refuses_every_url_but_data(url):
    with pytest.raises(ValueError, match="disallowed protocol"):
        offline_url_fetcher()(url)


def test_the_url_fetcher_reads_data_urls():
    assert offline_url_fetcher()("data:text/plain,inline").read() == b"inline"


def test_rendering_fetches_nothing_even_when_the_html_asks(monkeypatch):
    """Were the template ever to name an image, stylesheet or font elsewhere, rendering would
    still not open a connection: WeasyPrint asks the fetcher, the fetcher refuses."""
    connections = []

    def connect(sock, address):
        connections.append(address)
        raise OSError("no network in this test")

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(
        pdf,
        "certificate_html",
        lambda data: (
            '<html lang="nl"><head><title>t</title>'
            '<link rel="stylesheet" href="https://example.com/style.css">'
            "<style>@import url(http://example.com/more.css);"
            "@font-face { font-family: x; src: url(https://example.com/x.woff2); }</style>"
            '</head><body><img src="https://example.com/logo.png" alt="logo">'
            '<img src="file:///etc/hostname" alt="file"></body></html>'
        ),
    )
    with weasyprint_errors() as errors:
        render_certificate_pdf(PLAIN)
    assert connections == []
    refused = [record.getMessage() for record in errors]
    assert any("https://example.com/logo.png" in message for message in refused)
    assert any("file:///etc/hostname" in message for message in refused)
    assert all("disallowed protocol" in message for message in refused)


# --- The data are checked once, where a caller's mistake is made ----------------------------


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"language": "de"}, "language"),
        ({"verification_code": CODE.lower()}, "canonical"),
        ({"verification_url": "javascript:alert(1)"}, "http"),
        ({"verification_url": "/nl/certificaten/"}, "http"),
        ({"valid_until": datetime.date(2026, 3, 2)}, "expire"),
    ],
)
def test_certificate_data_refuses_what_would_make_a_wrong_certificate(change, message):
    with pytest.raises(ValueError, match=message):
        replace(PLAIN, **change)
