"""Learners and their certificates in the personal data registry (found by autodiscovery:
portal/privacy).

A learner record is the digest of a resume code, the lessons done and the best score per quiz:
no name, no email. It belongs to a user once signing in adopted it (Learner.user). Anonymous
learners nobody used for a year are purged with their progress; an account's learner goes with
the account (erased here, or by the cascade when the account is deleted).

A certificate holds the name its learner typed, the course and its dates. It is made to be
shown to others, who may check it years later (an employer, a professional register's audit
of accreditation points, which looks back five years), so it outlives an anonymous learner
record (Certificate.learner is SET_NULL) and is kept for five years after its validity ended,
or after it was issued when it does not expire. An account's certificates are exported and
erased with the account, also when the account is deleted without the eraser
(courses/receivers.py). An anonymous learner's certificate has no account to export it to or
erase it from: whoever holds its code sees only what it shows, and retention ends it.
A classroom participant's certificate (learner=None, linked from Participant.certificate) is
kept the same way, exported and erased with the participant's bookings below.

Classroom bookings (courses/classroom.py): the contact's name, email, organisation and invoice
details, the participants' names, emails and registration numbers, and their attendance. A
booking is the user's when it was made while signed in (Booking.user) or with an address the
account verified; a participant is theirs when it carries such an address. Erasing or expiring
a booking anonymises it rather than deleting it: payments and invoices refer to it, and the
session's seat count must stay right. Two years after the session the participants' details
go (long enough for accreditation questions about the course, and for a participant to ask
for their certificate again; the certificate itself has its own retention above).

Payments and invoices are bookkeeping: the law (art. 52 AWR) obliges the Centre to keep them
seven years, with the name and address they were issued to, and that obligation overrides the
right to erasure (art. 17(3)(b) GDPR). So they are exported but not erased, and deleted once
the seven years have passed.
"""

from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.privacy import PersonalDataOwner, exempt, register
from portal.privacy.identity import verified_email_addresses

from .classroom import Attendance, Booking, Invoice, InvoiceKind, Participant, Payment
from .models import Certificate, Learner, LessonProgress, QuizAttempt


def export(user) -> list[dict[str, Any]]:
    records = []
    for learner in Learner.objects.filter(user=user):
        progress = LessonProgress.objects.filter(learner=learner).select_related("lesson")
        attempts = QuizAttempt.objects.filter(learner=learner).select_related("lesson")
        records.append(
            {
                "started_at": learner.created_at.isoformat(),
                "last_seen_at": learner.last_seen_at.isoformat(),
                "lessons_completed": [
                    {"lesson": item.lesson.title, "completed_at": item.completed_at.isoformat()}
                    for item in progress.order_by("completed_at")
                ],
                "quiz_results": [
                    {
                        "lesson": item.lesson.title,
                        "score": item.score,
                        "total": item.total,
                        "passed": item.passed,
                        "answered_at": item.answered_at.isoformat(),
                    }
                    for item in attempts.order_by("answered_at")
                ],
            }
        )
    return records


def erase(user) -> int:
    # The cascade takes the progress and the quiz scores along.
    return Learner.objects.filter(user=user).delete()[0]


def purge(cutoff: datetime) -> int:
    """Anonymous learners not seen since `cutoff`, with their progress."""
    return Learner.objects.filter(user__isnull=True, last_seen_at__lt=cutoff).delete()[0]


register(
    PersonalDataOwner(
        key="learner",
        label=_("Online courses: your progress"),
        models=[Learner, LessonProgress, QuizAttempt],
        exporter=export,
        eraser=erase,
        default_retention=timedelta(days=365),
        purger=purge,
    )
)


# --- Certificates ---------------------------------------------------------------------------------

CERTIFICATE_RETENTION = timedelta(days=5 * 365)


def export_certificates(user) -> list[dict[str, Any]]:
    return [
        {
            "name_on_certificate": item.learner_name,
            "course": item.course_title,
            "completed_on": item.completed_on.isoformat(),
            "issued_on": item.issued_on.isoformat(),
            "valid_until": item.valid_until.isoformat() if item.valid_until else None,
            "hours": str(item.hours),
            "accreditation": (
                {
                    "register": item.accreditation_register,
                    "accreditation_id": item.accreditation_id,
                    "points": str(item.accreditation_points),
                }
                if item.is_accredited
                else None
            ),
            "verification_code": item.code,
            "expiry_reminder_sent_at": (
                item.reminder_sent_at.isoformat() if item.reminder_sent_at else None
            ),
        }
        for item in Certificate.objects.filter(learner__user=user).order_by("issued_on", "pk")
    ]


def erase_certificates(user) -> int:
    # Their codes verify nothing any more: "not found", like a code never issued.
    return Certificate.objects.filter(learner__user=user).delete()[0]


def purge_certificates(cutoff: datetime) -> int:
    """Certificates whose validity ended before `cutoff`, and those without an end issued
    before it; whoever holds one (or none: its learner may be gone) alike."""
    day = cutoff.date()
    return Certificate.objects.filter(
        Q(valid_until__lt=day) | Q(valid_until__isnull=True, issued_on__lt=day)
    ).delete()[0]


register(
    PersonalDataOwner(
        key="certificate",
        label=_("Online courses: your certificates"),
        models=[Certificate],
        exporter=export_certificates,
        eraser=erase_certificates,
        default_retention=CERTIFICATE_RETENTION,
        purger=purge_certificates,
    )
)


# --- Classroom bookings ---------------------------------------------------------------------------

BOOKING_RETENTION = timedelta(days=2 * 365)
BOOKKEEPING_RETENTION = timedelta(days=7 * 366)  # seven years, leap days included
ANONYMISED_NAME = ""


def _made_by(user) -> Q:
    match = Q(user=user) if user.pk else Q(pk__in=[])
    for address in verified_email_addresses(user):
        match |= Q(contact_email__iexact=address)
    return match


def bookings_of(user) -> QuerySet:
    """The bookings the user made signed in, or with an address their account verified."""
    return Booking.objects.filter(_made_by(user), anonymised_at__isnull=True)


def participants_of(user) -> QuerySet:
    """The seats the user sat in: in their own bookings, and in others' by their address."""
    addresses = verified_email_addresses(user)
    match = Q(pk__in=[])
    for address in addresses:
        match |= Q(email__iexact=address)
    return Participant.objects.filter(match, booking__anonymised_at__isnull=True)


def _participant_record(participant: Participant) -> dict[str, Any]:
    certificate = participant.certificate
    return {
        "name": participant.name,
        "email": participant.email,
        "register": participant.accreditation_register,
        "registration_number": participant.registration_number,
        "attendance": [
            {"day": item.day.date.isoformat(), "present": item.present}
            for item in participant.attendance.select_related("day").order_by("day__date")
        ],
        "certificate": certificate.code if certificate else None,
    }


def export_bookings(user) -> list[dict[str, Any]]:
    records = []
    for booking in bookings_of(user).select_related("session__course").order_by("created_at"):
        session = booking.session
        records.append(
            {
                "reference": booking.reference,
                "course": session.course.title,
                "session_starts_at": session.starts_at.isoformat(),
                "city": session.city,
                "status": booking.status,
                "seats": booking.seats,
                "contact_name": booking.contact_name,
                "contact_email": booking.contact_email,
                "organisation": booking.organisation,
                "purchase_order": booking.purchase_order,
                "invoice_address": booking.invoice_address,
                "booked_at": booking.created_at.isoformat(),
                "participants": [_participant_record(item) for item in booking.participants.all()],
            }
        )
    own = bookings_of(user).values("pk")
    for participant in (
        participants_of(user)
        .exclude(booking__in=own)
        .select_related("booking__session__course", "certificate")
    ):
        records.append(
            {
                "reference": participant.booking.reference,
                "course": participant.booking.session.course.title,
                "session_starts_at": participant.booking.session.starts_at.isoformat(),
                "participants": [_participant_record(participant)],
            }
        )
    return records


def _anonymise_participants(participants: QuerySet) -> int:
    # Their certificates were made to be shown; the participant's own say (erasure) ends them,
    # retention ends the rest (the certificate owner above).
    Certificate.objects.filter(participant__in=participants).delete()
    return participants.update(
        name=ANONYMISED_NAME, email="", accreditation_register="", registration_number=""
    )


def _anonymise_bookings(bookings: QuerySet) -> int:
    ids = list(bookings.values_list("pk", flat=True))
    _anonymise_participants(Participant.objects.filter(booking_id__in=ids))
    return Booking.objects.filter(pk__in=ids).update(
        user=None,
        contact_name=ANONYMISED_NAME,
        contact_email="",
        organisation="",
        purchase_order="",
        invoice_address="",
        anonymised_at=timezone.now(),
    )


@transaction.atomic
def erase_bookings(user) -> int:
    """Anonymise the user's bookings with their participants, and the user's own seats in
    others' bookings (a colleague's group booking keeps its other participants)."""
    seats = _anonymise_participants(
        participants_of(user).exclude(booking__in=bookings_of(user).values("pk"))
    )
    return _anonymise_bookings(bookings_of(user)) + seats


@transaction.atomic
def purge_bookings(cutoff: datetime) -> int:
    """Bookings of sessions that started before `cutoff`, anonymised."""
    return _anonymise_bookings(
        Booking.objects.filter(session__starts_at__lt=cutoff, anonymised_at__isnull=True)
    )


register(
    PersonalDataOwner(
        key="course_booking",
        label=_("Classroom courses: your bookings"),
        models=[Booking, Participant, Attendance],
        exporter=export_bookings,
        eraser=erase_bookings,
        default_retention=BOOKING_RETENTION,
        purger=purge_bookings,
    )
)


# --- Payments and invoices: bookkeeping -----------------------------------------------------------


def export_bookkeeping(user) -> list[dict[str, Any]]:
    bookings = Booking.objects.filter(_made_by(user)).values("pk")
    payments = [
        {
            "payment": payment.reference,
            "booking": payment.booking.reference,
            "provider": payment.provider,
            "amount": str(payment.amount),
            "status": payment.status,
            "paid_at": payment.paid_at.isoformat() if payment.paid_at else None,
            "refunded_amount": str(payment.refunded_amount),
        }
        for payment in Payment.objects.filter(booking__in=bookings).select_related("booking")
    ]
    invoices = [
        {
            "invoice": invoice.number,
            "kind": invoice.kind,
            "issued_on": invoice.issued_on.isoformat(),
            "recipient_name": invoice.recipient_name,
            "recipient_organisation": invoice.recipient_organisation,
            "recipient_address": invoice.recipient_address,
            "total": str(invoice.total_amount),
        }
        for invoice in Invoice.objects.filter(booking__in=bookings)
    ]
    return [*payments, *invoices]


def keep_bookkeeping(user) -> int:
    """Nothing is erased: the fiscal obligation to keep payments and invoices for seven years
    (art. 52 AWR) overrides the right to erasure (art. 17(3)(b) GDPR). Retention ends them."""
    return 0


@transaction.atomic
def purge_bookkeeping(cutoff: datetime) -> int:
    """Invoices issued before `cutoff` and their payments; a credit note first, and an invoice
    only once no younger credit note refers to it."""
    day = cutoff.date()
    count = Invoice.objects.filter(kind=InvoiceKind.CREDIT_NOTE, issued_on__lt=day).delete()[0]
    count += Invoice.objects.filter(issued_on__lt=day).filter(credit_notes__isnull=True).delete()[0]
    count += Payment.objects.filter(created_at__lt=cutoff).delete()[0]
    return count


register(
    PersonalDataOwner(
        key="course_bookkeeping",
        label=_("Classroom courses: your payments and invoices"),
        models=[Payment, Invoice],
        exporter=export_bookkeeping,
        eraser=keep_bookkeeping,
        default_retention=BOOKKEEPING_RETENTION,
        purger=purge_bookkeeping,
    )
)

exempt(
    "courses.CourseSession",
    fields=["venue_name"],
    reason="the name of the building where a session takes place, not of a person",
)
