"""The certificate's pages: download it, and verify a code.

Thin: parse, call courses/services/certificates.py, render. The learner's answers (the PDF,
the course page with their name) are never stored by a cache, proxy or browser; neither is the
verify page, which shows a certificate holder's name to whoever has the code: it also tells
search engines not to index it (a noindex meta tag and header) and sends no Referer with the
code in it. Whatever is typed or put in the address, the verify page answers 200 for a
certificate, 404 for anything else, 400 for a form that holds no code and 429 past the per-IP
limit: never a server error, and never more than the certificate shows.

The verify pages are public pages for the quick exit (quick-exit.js keeps a visit in one
history entry there: a resident who checks their own certificate leaves no entry naming the
course); only the download, a file of someone's own, is a `private_area`. The certificate is
asked for on the course page itself (CoursePage._serve_certificate), which then sends the
browser here for the PDF.
"""

from typing import TYPE_CHECKING

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods

from portal.ratelimit import allow_request, mark_rate_limited
from portal.security.areas import never_stored, private_area

from .. import codes, forms
from ..services import bookings, certificates, learning
from .data import certificate_data
from .pdf import hours_text, number_text, render_certificate_pdf

if TYPE_CHECKING:
    from ..models import Certificate

VERIFY_TEMPLATE = "courses/certificate_verify.html"


def _pdf(certificate: "Certificate") -> HttpResponse:
    """The certificate as a PDF download, named after nothing but the word "certificate"."""
    response = HttpResponse(
        render_certificate_pdf(certificate_data(certificate)),
        content_type="application/pdf",
    )
    with translation.override(certificate.language):
        filename = slugify(gettext("Certificate")) or "certificate"
    response["Content-Disposition"] = f'attachment; filename="{filename}.pdf"'
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@never_stored
@private_area
@require_http_methods(["GET", "HEAD"])
def download(request: HttpRequest, pk: int) -> HttpResponse:
    """The learner's own certificate again. Anyone else's number is not found: the same 404
    as a number that was never issued."""
    certificate = certificates.owned_certificate(learning.current_learner(request), pk)
    if certificate is None:
        raise Http404
    if not allow_request(request, certificates.PDF_ACTION, certificates.pdf_rate()):
        response = TemplateResponse(request, "courses/certificate_too_many.html", {})
        return mark_rate_limited(response)
    return _pdf(certificate)


def _verify_page(request: HttpRequest, context: dict, status: int = 200) -> TemplateResponse:
    response = TemplateResponse(request, VERIFY_TEMPLATE, context, status=status)
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _result(request: HttpRequest, code: str | None, form: forms.VerifyForm) -> TemplateResponse:
    """What the certificate with this (canonical) code shows, or the neutral "not found"."""
    certificate = certificates.find_by_code(code) if code else None
    if certificate is None:
        return _verify_page(request, {"form": form, "not_found": True}, status=404)
    data = certificate_data(certificate)
    context = {
        "form": forms.VerifyForm(),
        "data": data,
        "hours": hours_text(data.hours),
        "points": number_text(data.accreditation.points) if data.accreditation else "",
        "expired": certificate.expired(),
    }
    return _verify_page(request, context)


@never_stored
@require_http_methods(["GET", "HEAD", "POST"])
def verify(request: HttpRequest) -> HttpResponse:
    """ "Certificaat controleren": type the code from the paper."""
    if request.method != "POST":
        return _verify_page(request, {"form": forms.VerifyForm()})
    form = forms.VerifyForm(request.POST)
    if not allow_request(request, certificates.VERIFY_ACTION, certificates.verify_rate()):
        return mark_rate_limited(_verify_page(request, {"form": form, "rate_limited": True}))
    if not form.is_valid():
        return _verify_page(request, {"form": form}, status=400)
    return _result(request, form.cleaned_data["code"], form)


@never_stored
@require_http_methods(["GET", "HEAD"])
def verify_code(request: HttpRequest, code: str) -> HttpResponse:
    """The address in the QR code: what the certificate shows, or "not found" (404)."""
    if not allow_request(request, certificates.VERIFY_ACTION, certificates.verify_rate()):
        response = _verify_page(request, {"form": forms.VerifyForm(), "rate_limited": True})
        return mark_rate_limited(response)
    canonical = codes.normalise(code)
    if canonical is not None and canonical != code:
        # Typed by hand in another spelling: the one address of this certificate.
        return redirect("courses:certificate_verify_code", code=canonical)
    return _result(request, canonical, forms.VerifyForm())


@never_stored
@private_area
@require_http_methods(["GET", "HEAD"])
def participant_certificate_download(
    request: HttpRequest, token: str, participant_id: int
) -> HttpResponse:
    """A classroom participant's certificate, opened with the booking's link (the booking page
    lists them). Not found, alike, for a token that opens no booking, a participant of another
    booking, and one without a certificate: the token opens its own booking and nothing else."""
    booking = bookings.booking_from_token(token)
    participant = (
        booking.participants.filter(pk=participant_id, certificate__isnull=False)
        .select_related("certificate")
        .first()
        if booking is not None
        else None
    )
    if participant is None:
        raise Http404
    if not allow_request(request, certificates.PDF_ACTION, certificates.pdf_rate()):
        response = TemplateResponse(request, "courses/certificate_too_many.html", {})
        return mark_rate_limited(response)
    return _pdf(participant.certificate)
