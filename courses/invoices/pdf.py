"""An invoice or credit note as an accessible PDF (PDF/UA-1), like the certificate
(courses/certificates/pdf.py, whose reasons apply: WeasyPrint is already here, writes tagged
PDF from plain HTML, runs on our own server and is told to fetch nothing).

Rendered on each download from what the invoice row copied when it was issued: the row is
final, so the document is the same every time.
"""

from decimal import Decimal

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import formats, translation
from weasyprint import HTML

from ..certificates.pdf import PDF_VARIANT, offline_url_fetcher
from ..classroom import Invoice, InvoiceKind

TEMPLATE = "courses/payments/invoice.html"


def render_invoice_pdf(invoice: Invoice) -> bytes:
    document = HTML(string=invoice_html(invoice), url_fetcher=offline_url_fetcher())
    return document.write_pdf(pdf_variant=PDF_VARIANT)


def invoice_html(invoice: Invoice) -> str:
    """The invoice's HTML in the invoice's language, its CSS inline."""
    with translation.override(invoice.language):
        return render_to_string(TEMPLATE, _context(invoice))


def euro(value: Decimal | str) -> str:
    """ "€ 1.234,50" in Dutch, "€ 1,234.50" in English: always two decimals."""
    return "€ " + formats.number_format(Decimal(value), decimal_pos=2, force_grouping=True)


def _context(invoice: Invoice) -> dict[str, object]:
    lines = [
        {
            "description": line["description"],
            "quantity": line["quantity"],
            "unit_price": euro(line["unit_price"]),
            "amount": euro(line["amount"]),
        }
        for line in invoice.lines
    ]
    return {
        "invoice": invoice,
        "is_credit_note": invoice.kind == InvoiceKind.CREDIT_NOTE,
        "issuer": invoice.issuer,
        "lines": lines,
        "net_amount": euro(invoice.net_amount),
        "vat_amount": euro(invoice.vat_amount),
        "total_amount": euro(invoice.total_amount),
        "vat_rate": formats.number_format(invoice.vat_rate.normalize()),
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
