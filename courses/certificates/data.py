"""What a certificate says, gathered by the caller, checked once, rendered by `pdf.py`; for an
issued certificate, from what its row kept (`certificate_data`)."""

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from django.conf import settings

from courses.codes import normalise
from courses.services.certificates import verification_url

if TYPE_CHECKING:
    from courses.models import Certificate


@dataclass(frozen=True)
class Accreditation:
    """The accreditation of a course in a professional register (e.g. SKJ, V&VN)."""

    register: str
    accreditation_id: str
    points: Decimal


@dataclass(frozen=True)
class CertificateData:
    """Everything a certificate shows, and nothing more: the verify page shows the same.

    `learner_name` is printed as the learner typed it (escaped, never interpreted). `issuer`
    is the Centre's name in the certificate's language (CentreSettings.text_for(language)).
    Hours and points are Decimals, as the model fields hold them: a float would print
    1.4999999 one day. The verification URL is absolute; it goes into the QR code and is
    printed beside it.
    """

    learner_name: str
    course_title: str
    completed_on: datetime.date
    hours: Decimal
    verification_code: str
    verification_url: str
    issuer: str
    language: str  # "nl" or "en": one of settings.LANGUAGES
    accreditation: Accreditation | None = None
    valid_until: datetime.date | None = None

    def __post_init__(self) -> None:
        # Checked here, where a caller's mistake is found, rather than as a certificate that
        # silently speaks Dutch, cannot be verified or links to a javascript: URL.
        if self.language not in dict(settings.LANGUAGES):
            raise ValueError(f"No certificate text in language {self.language!r}.")
        if normalise(self.verification_code) != self.verification_code:
            raise ValueError("The verification code must be in canonical form.")
        if not self.verification_url.startswith(("https://", "http://")):
            raise ValueError("The verification URL must be an absolute http(s) URL.")
        if self.valid_until is not None and self.valid_until < self.completed_on:
            raise ValueError("A certificate cannot expire before the course was completed.")


def certificate_data(certificate: "Certificate") -> CertificateData:
    """Everything an issued certificate prints, from what was kept when it was issued (the
    PDF and the verify page both show this)."""
    accreditation = None
    if certificate.is_accredited and certificate.accreditation_points is not None:
        accreditation = Accreditation(
            certificate.accreditation_register,
            certificate.accreditation_id,
            certificate.accreditation_points,
        )
    return CertificateData(
        learner_name=certificate.learner_name,
        course_title=certificate.course_title,
        completed_on=certificate.completed_on,
        hours=certificate.hours,
        verification_code=certificate.code,
        verification_url=verification_url(certificate.code, certificate.language),
        issuer=certificate.issuer,
        language=certificate.language,
        accreditation=accreditation,
        valid_until=certificate.valid_until,
    )
