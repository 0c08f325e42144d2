"""Certificates of online courses: issued on completion, verified by code, reminded of expiry.

A learner who completed a free online course (learning.course_progress(...).completed) asks
for a certificate under the name they type; it is issued once per learner and course, with a
fresh verification code (courses/codes.py, 80 bits) and everything it prints kept as it was
that day (courses.models.Certificate). Asking again:

- with the same name gives the same certificate (the PDF again, the same code);
- with another name (a typo, a married name) replaces it: a new code, and the old code no
  longer verifies, so a print with the wrong name cannot pass for a valid one. The completion
  date and the validity stay those of the first certificate: a new name renews nothing;
- after taking the course again (learning.restart_course, offered once the certificate
  expires or is about to, `may_renew`) renews it: a new code, the new completion date and its
  validity, and the course's facts as they are now; the old code no longer verifies.

The completion date is the day of the learner's last recorded step in the course (a lesson
done, a quiz passed), not the day they asked for the certificate; a course's validity in
months counts from it, and the certificate is valid up to and including the day before that
many months have passed.

Anyone may verify a code: `find_by_code` forgives how it was typed, and
courses.certificates.data.certificate_data gives exactly what the certificate prints (the
verify page shows that and nothing more).
An account's learner gets one email `reminder_days()` before the certificate expires
(`send_expiry_reminders`, from `manage.py run_maintenance`); anonymous learners gave us no
address and get none.

A classroom course gives its certificate for attendance instead
(courses/services/attendance.py): `issue_classroom_certificate` makes it from the same
snapshot of the course, with the session's hours, and without a learner.

Typed functions; views parse, call these and render. Domain exceptions: NotCompleted.
"""

import calendar
import datetime
import unicodedata
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max, Min, OuterRef, QuerySet, Subquery
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from portal.centre import centre_for
from portal.mail.services import absolute_url, send_templated_mail

from .. import codes, records
from . import learning

if TYPE_CHECKING:
    from ..models import CoursePage, LessonPage
    from ..records import Certificate, Learner

MAX_NAME_LENGTH = 120
DEFAULT_REMINDER_DAYS = 30
VERIFY_ACTION = "courses_certificate_verify"
DEFAULT_VERIFY_RATE = "20/m/ip"
PDF_ACTION = "courses_certificate_pdf"
# A PDF costs about 0.3 s of the server's time: more than a class in one school network asks.
DEFAULT_PDF_RATE = "30/m/ip"
VERIFY_URL_NAME = "courses:certificate_verify_code"

# Characters a printed name never needs: controls, unassigned and private-use code points, lone
# surrogates, line and paragraph separators, and format characters (direction overrides, zero
# width spaces, soft hyphens) except the two joiners that Persian, Indic scripts and emoji need.
_REFUSED_CATEGORIES = frozenset({"Cc", "Cs", "Co", "Cn", "Zl", "Zp"})
_ALLOWED_FORMAT = frozenset({"\u200c", "\u200d"})
# What a browser or WSGI server puts in place of bytes that were not UTF-8.
_REPLACEMENT = "\ufffd"

NAME_REQUIRED = _("Type your name as it should appear on the certificate.")
NAME_TOO_LONG = _(
    "A name on the certificate can be at most %(limit)s characters long; you typed %(length)s."
)
NAME_UNPRINTABLE = _(
    "The name contains characters that cannot be printed, such as control characters or "
    "direction marks. Remove them and try again."
)
NAME_WITHOUT_LETTERS = _("Type a name with at least one letter.")
TOO_MANY_PDFS = _(
    "Many certificates were asked for from your connection in a short time. Wait a minute and "
    "press the button again: what you typed is still here."
)


class NotCompleted(Exception):
    """The learner has not completed this course (or it gives no certificate)."""


# --- Settings ------------------------------------------------------------------------------------


def reminder_days() -> int:
    return getattr(settings, "COURSES_CERTIFICATE_REMINDER_DAYS", DEFAULT_REMINDER_DAYS)


def verify_rate() -> str:
    return getattr(settings, "COURSES_CERTIFICATE_VERIFY_RATE_LIMIT", DEFAULT_VERIFY_RATE)


def pdf_rate() -> str:
    return getattr(settings, "COURSES_CERTIFICATE_PDF_RATE_LIMIT", DEFAULT_PDF_RATE)


# --- The name -------------------------------------------------------------------------------------


def clean_learner_name(typed: str) -> str:
    """The name as it will be printed: NFC, runs of white space as one space, trimmed. Raises
    ValidationError (with a message for the learner) for an empty, too long or unprintable one.
    Otherwise printed as typed: capitals, accents, any script, an emoji."""
    name = " ".join(unicodedata.normalize("NFC", typed).split())
    if not name:
        raise ValidationError(NAME_REQUIRED, code="required")
    if len(name) > MAX_NAME_LENGTH:
        raise ValidationError(
            NAME_TOO_LONG,
            code="max_length",
            params={"limit": MAX_NAME_LENGTH, "length": len(name)},
        )
    if any(_unprintable(character) for character in name):
        raise ValidationError(NAME_UNPRINTABLE, code="unprintable")
    if not any(unicodedata.category(character).startswith("L") for character in name):
        raise ValidationError(NAME_WITHOUT_LETTERS, code="no_letters")
    return name


def _unprintable(character: str) -> bool:
    if character == _REPLACEMENT:
        return True
    category = unicodedata.category(character)
    if category == "Cf":
        return character not in _ALLOWED_FORMAT
    return category in _REFUSED_CATEGORIES


# --- Issuing --------------------------------------------------------------------------------------


def gives_certificate(course: "CoursePage") -> bool:
    """Every free online course gives a certificate on completion (paid ones open later)."""
    return course.is_online and course.is_free


def may_have_certificate(
    learner: "Learner | None", course: "CoursePage", lessons: Sequence["LessonPage"]
) -> bool:
    """Whether this learner completed this course, which gives a certificate; `lessons`: the
    course's outline as the learner sees it."""
    return (
        learner is not None
        and gives_certificate(course)
        and learning.course_progress(learner, course, lessons).completed
    )


def may_renew(certificate: "Certificate", today: datetime.date | None = None) -> bool:
    """Whether the learner may take the course again to renew this certificate: it has
    expired, or expires within the reminder period (the reminder email invites them)."""
    if certificate.valid_until is None:
        return False
    today = today or timezone.localdate()
    return certificate.valid_until - datetime.timedelta(days=reminder_days()) <= today


def certificate_of(learner: "Learner | None", course: "CoursePage") -> "Certificate | None":
    """The learner's certificate of this course, if they have one."""
    if learner is None:
        return None
    return records.Certificate.objects.filter(learner=learner, course=course).first()


def owned_certificate(learner: "Learner | None", pk: int) -> "Certificate | None":
    """Certificate `pk` when it is this learner's; None for anyone else's or none at all."""
    if learner is None:
        return None
    return records.Certificate.objects.filter(pk=pk, learner=learner).first()


def issue_certificate(
    learner: "Learner",
    course: "CoursePage",
    name: str,
    *,
    lessons: Sequence["LessonPage"] | None = None,
    today: datetime.date | None = None,
) -> "Certificate":
    """The learner's certificate of `course` under `name` (cleaned with clean_learner_name):
    made when missing, the same one when the name is the same, a replacement with a new code
    when the name differs (see the module docstring). `lessons`: the course's outline as the
    learner sees it, when the caller has it. Raises NotCompleted, or ValidationError for a
    name that cannot be printed."""
    name = clean_learner_name(name)
    if lessons is None:
        lesson_model = learning.page_model("LessonPage")
        lessons = list(lesson_model.objects.child_of(course).live().order_by("path"))
    if not may_have_certificate(learner, course, lessons):
        raise NotCompleted
    today = today or timezone.localdate()
    for _attempt in range(3):
        try:
            with transaction.atomic():
                return _issue(learner, course, name, lessons, today)
        except IntegrityError:
            # The same learner asking twice at once (the other request made it), or, never at
            # 80 bits, a code that exists already: look again.
            continue
    raise RuntimeError("Could not issue a certificate.")


def _issue(
    learner: "Learner",
    course: "CoursePage",
    name: str,
    lessons: Sequence["LessonPage"],
    today: datetime.date,
) -> "Certificate":
    existing = (
        records.Certificate.objects.select_for_update()
        .filter(learner=learner, course=course)
        .first()
    )
    started_on, completed_on = _steps_span(learner, lessons, today)
    # Every step taken after the certificate was issued: the course was taken again.
    renewed = existing is not None and started_on > existing.issued_on
    if existing is not None and existing.learner_name == name and not renewed:
        return existing
    certificate = records.Certificate(
        learner=learner, course=course, learner_name=name, code=codes.new_code(), issued_on=today
    )
    if renewed:
        # The course taken again (restart_course): a certificate of the new completion, with
        # the course as it is now; the old code is gone.
        existing.delete()
        _snapshot(certificate, course, completed_on)
    elif existing is not None:
        # A corrected name: the first certificate's facts, a new code; the old code is gone.
        for field in (*_SNAPSHOT_FIELDS, "completed_on", "valid_until", "reminder_sent_at"):
            setattr(certificate, field, getattr(existing, field))
        existing.delete()
    else:
        _snapshot(certificate, course, completed_on)
    certificate.save()
    return certificate


def issue_classroom_certificate(
    course: "CoursePage",
    name: str,
    *,
    completed_on: datetime.date,
    hours: Decimal,
    today: datetime.date | None = None,
) -> "Certificate":
    """A new certificate of a classroom course under `name` (cleaned with clean_learner_name),
    completed on the session's last day, for `hours` of teaching; the course's accreditation,
    issuer and validity as they are today, a fresh code.

    It has no learner (learner=None): the participant who attended links to it
    (Participant.certificate, courses/services/attendance.py, which also makes sure that a
    participant gets one only once). Raises ValidationError for a name that cannot be printed.
    """
    name = clean_learner_name(name)
    today = today or timezone.localdate()
    for _attempt in range(3):
        try:
            with transaction.atomic():
                certificate = records.Certificate(
                    course=course, learner_name=name, code=codes.new_code(), issued_on=today
                )
                _snapshot(certificate, course, completed_on, hours)
                certificate.save()
                return certificate
        except IntegrityError:  # never at 80 bits: a code that exists already
            continue
    raise RuntimeError("Could not issue a certificate.")


_SNAPSHOT_FIELDS = (
    "course_title",
    "hours",
    "accreditation_register",
    "accreditation_id",
    "accreditation_points",
    "issuer",
    "language",
)


def _snapshot(
    certificate: "Certificate",
    course: "CoursePage",
    completed_on: datetime.date,
    hours: Decimal | None = None,
):
    """Copy what the certificate prints from the course as it is today. `hours`: the study
    load when it is not the course's own duration (a classroom session's days)."""
    language = certificate_language(course)
    certificate.course_title = course.title
    certificate.hours = hours if hours is not None else course_hours(course.duration_minutes)
    if course.is_accredited and course.accreditation_points is not None:
        certificate.accreditation_register = course.accreditation_register
        certificate.accreditation_id = course.accreditation_id
        certificate.accreditation_points = course.accreditation_points
    certificate.issuer = _issuer(course, language)
    certificate.language = language
    certificate.completed_on = completed_on
    months = course.certificate_validity_months
    certificate.valid_until = (
        add_months(completed_on, months) - datetime.timedelta(days=1) if months else None
    )


def certificate_language(course: "CoursePage") -> str:
    """The language of the course page the learner followed (its title is in it), so the
    whole certificate speaks one language; the site's default for a locale we have no
    certificate text in."""
    language = course.locale.language_code
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def course_hours(minutes: int) -> Decimal:
    """The study load in hours, to two decimals (45 minutes: 0.75)."""
    return (Decimal(minutes) / 60).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def add_months(day: datetime.date, months: int) -> datetime.date:
    """`day` that many months later; the month's last day where it is shorter (31 Jan + 1:
    28 or 29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def _steps_span(
    learner: "Learner", lessons: Sequence["LessonPage"], today: datetime.date
) -> tuple[datetime.date, datetime.date]:
    """The days of the learner's first and last recorded steps in these lessons (a lesson
    done, a quiz passed), at the latest today."""
    ids = [lesson.pk for lesson in lessons]
    span = [
        records.LessonProgress.objects.filter(learner=learner, lesson_id__in=ids).aggregate(
            first=Min("completed_at"), last=Max("completed_at")
        ),
        records.QuizAttempt.objects.filter(
            learner=learner, lesson_id__in=ids, passed=True
        ).aggregate(first=Min("answered_at"), last=Max("answered_at")),
    ]
    firsts = [moments["first"] for moments in span if moments["first"] is not None]
    lasts = [moments["last"] for moments in span if moments["last"] is not None]
    first = min(timezone.localdate(min(firsts)), today) if firsts else today
    last = min(timezone.localdate(max(lasts)), today) if lasts else today
    return first, last


def _issuer(course: "CoursePage", language: str) -> str:
    """The Centre's name in the certificate's language (its site setting), else the site's."""
    site = course.get_site() or Site.objects.filter(is_default_site=True).first()
    with translation.override(language):
        centre = centre_for(site)
    return (centre.name if centre else "") or settings.WAGTAIL_SITE_NAME


# --- What a certificate shows ---------------------------------------------------------------------


def verification_url(code: str, language: str) -> str:
    """The absolute address where anyone checks this code, in the certificate's language."""
    return absolute_url(VERIFY_URL_NAME, args=(code,), language=language)


def find_by_code(typed: object) -> "Certificate | None":
    """The certificate with this code, however it was typed (courses.codes.normalise), or None
    for anything that is not the code of a certificate: one query at most, never an error."""
    code = codes.normalise(typed) if isinstance(typed, str) else None
    if code is None:
        return None
    return records.Certificate.objects.filter(code=code).first()


# --- Expiry reminders -----------------------------------------------------------------------------


def certificates_due_for_reminder(today: datetime.date | None = None) -> QuerySet:
    """Certificates that expire within reminder_days() from `today` (and have not expired yet),
    not reminded before, of a learner whose active account has a verified primary address;
    each carries that address as `email`."""
    today = today or timezone.localdate()
    address = EmailAddress.objects.filter(
        user_id=OuterRef("learner__user_id"), verified=True, primary=True
    ).values("email")[:1]
    return (
        records.Certificate.objects.filter(
            reminder_sent_at__isnull=True,
            valid_until__gte=today,
            valid_until__lte=today + datetime.timedelta(days=reminder_days()),
            learner__user__is_active=True,
        )
        .annotate(email=Subquery(address))
        .filter(email__isnull=False)
        .order_by("valid_until", "pk")
    )


def send_expiry_reminders(today: datetime.date | None = None) -> int:
    """Email each certificate due for a reminder once; returns how many were queued.

    The subject and text are neutral: they name no course (an inbox can be shared), only the
    date, the code and the address where the certificate can be seen."""
    today = today or timezone.localdate()
    sent = 0
    for certificate in certificates_due_for_reminder(today):
        claimed = records.Certificate.objects.filter(
            pk=certificate.pk, reminder_sent_at__isnull=True
        ).update(reminder_sent_at=timezone.now())
        if not claimed:  # another run got here first
            continue
        queued = send_templated_mail(
            "courses/mail/certificate_expires",
            {
                "valid_until": certificate.valid_until,
                "code": certificate.code,
                "verify_url": verification_url(certificate.code, certificate.language),
                "renew_url": absolute_url("courses:my_learning", language=certificate.language),
            },
            certificate.email,
            language=certificate.language,
            # Useless once the certificate expired.
            useful_for=datetime.timedelta(days=(certificate.valid_until - today).days + 1),
        )
        if queued:
            sent += 1
        else:  # not even queued: the next run tries again
            records.Certificate.objects.filter(pk=certificate.pk).update(reminder_sent_at=None)
    return sent
