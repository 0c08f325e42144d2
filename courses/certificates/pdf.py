"""A certificate as an accessible PDF: HTML from a Django template, laid out by WeasyPrint.

Why WeasyPrint: it is already a dependency (the demo factsheets), it writes tagged PDF/UA-1
(language, title, headings, a Figure with alternative text for the QR code) from plain HTML
and CSS, it needs no browser, and it runs on our own server, so a learner's name never
leaves it. It is also told to fetch nothing (`offline_url_fetcher`): the template is
self-contained, and a certificate must not depend on, or reveal itself to, another host.

One certificate takes 0.25 to 0.35 s (the first in a process up to 1 s, loading fonts), so it
can be rendered on each download rather than stored: the data to render it again are in the
database.
"""

from decimal import Decimal

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import formats, translation
from django.utils.translation import gettext, ngettext
from weasyprint import HTML, Document
from weasyprint.urls import URLFetcher

from .data import CertificateData
from .qr import qr_svg

TEMPLATE = "courses/certificate.html"
PDF_VARIANT = "pdf/ua-1"


def render_certificate_pdf(data: CertificateData) -> bytes:
    """The certificate as a tagged PDF/UA-1 document, one A4 page."""
    return certificate_document(data).write_pdf(pdf_variant=PDF_VARIANT)


def certificate_document(data: CertificateData) -> Document:
    """The certificate laid out but not yet written: its pages and text boxes, as the PDF
    will show them (the PDF's own text is compressed glyph ids, not readable text)."""
    return HTML(string=certificate_html(data), url_fetcher=offline_url_fetcher()).render(
        pdf_variant=PDF_VARIANT
    )


def certificate_html(data: CertificateData) -> str:
    """The certificate's HTML in the certificate's language, with its CSS and QR code inline."""
    with translation.override(data.language):
        return render_to_string(TEMPLATE, _context(data))


def offline_url_fetcher() -> URLFetcher:
    """A fetcher that refuses every URL except data: URLs (inline content), so rendering never
    reaches the network or the server's files, whatever ends up in the HTML."""
    return URLFetcher(allowed_protocols={"data"}, allow_redirects=False)


def _context(data: CertificateData) -> dict[str, object]:
    accreditation = data.accreditation
    return {
        "data": data,
        "hours": hours_text(data.hours),
        "points": number_text(accreditation.points) if accreditation else "",
        "qr_code": qr_svg(
            data.verification_url,
            gettext("QR code with the verification address of this certificate"),
        ),
        "site_name": settings.WAGTAIL_SITE_NAME,
    }


def hours_text(hours: Decimal) -> str:
    """ "1,5 uur", "1.5 hours": the study load as the certificate (and its verify page) shows
    it, in the active language."""
    return ngettext("%(hours)s hour", "%(hours)s hours", _plural_count(hours)) % {
        "hours": number_text(hours)
    }


def number_text(value: Decimal) -> str:
    """A number in the active language ("1,5" in Dutch), without trailing zeros: 1.50 is
    "1,5"."""
    return formats.number_format(value.normalize())


def _plural_count(value: Decimal) -> int:
    # ngettext chooses its form from a whole number. Only exactly one is singular: "1.5 hours".
    return 1 if value == 1 else 2
