"""Attendance of classroom sessions, and the certificates it earns.

The coordinator marks, per day of the session, who was there (the admin's attendance table,
courses/wagtail_hooks.py). A participant present on every day of the session gets a
certificate of the course (courses/services/certificates.py, `issue_classroom_certificate`):
under the name the booking gave, with the session's teaching hours, the course's accreditation
and validity. Once only: the participant's row is locked while its certificate is made and
linked (Participant.certificate), so two coordinators pressing the button at once make one.

Who counts: the participants of the session's confirmed bookings. A participant without a name
(a group booking that has not named its people yet) gets no certificate until named; neither
does one whose name cannot be printed. Certificates are issued from the session's last day on,
never for days still to come.
"""

import datetime
import logging
from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from wagtail.log_actions import log

from ..classroom import Attendance, BookingStatus, CourseSession, Participant
from ..records import Certificate
from . import booking_mail, certificates

logger = logging.getLogger(__name__)

ATTENDANCE_MARKED = "courses.attendance_marked"
CERTIFICATES_ISSUED = "courses.certificates_issued"


def attendees(session: CourseSession) -> QuerySet[Participant]:
    """The people expected on the session: participants of its confirmed bookings."""
    return (
        Participant.objects.filter(
            booking__session=session, booking__status=BookingStatus.CONFIRMED
        )
        .select_related("booking", "certificate")
        .order_by("booking__reference", "pk")
    )


def attendance_table(session: CourseSession) -> dict[tuple[int, int], bool]:
    """What is marked so far: {(participant_id, day_id): present}."""
    return {
        (participant_id, day_id): present
        for participant_id, day_id, present in Attendance.objects.filter(
            day__session=session
        ).values_list("participant_id", "day_id", "present")
    }


def mark_attendance(
    session: CourseSession,
    marks: Mapping[tuple[int, int], bool],
    *,
    by_user=None,
    now: datetime.datetime | None = None,
) -> int:
    """Record who was present on which day: `marks` maps (participant_id, day_id) to present.
    Marks for a participant or day not of this session are ignored (a stale or altered
    form), so nothing outside the session changes. Returns how many marks were stored."""
    now = now or timezone.now()
    participant_ids = set(attendees(session).values_list("pk", flat=True))
    day_ids = set(session.days.values_list("pk", flat=True))
    stored = 0
    with transaction.atomic():
        for (participant_id, day_id), present in marks.items():
            if participant_id not in participant_ids or day_id not in day_ids:
                continue
            Attendance.objects.update_or_create(
                participant_id=participant_id,
                day_id=day_id,
                defaults={"present": bool(present), "marked_at": now},
            )
            stored += 1
        if stored:
            # The session's history in the admin says who marked attendance, and when.
            log(instance=session, action=ATTENDANCE_MARKED, user=by_user)
    return stored


def present_throughout(session: CourseSession) -> QuerySet[Participant]:
    """Attendees marked present on every day of the session."""
    day_count = session.days.count()
    if not day_count:
        return Participant.objects.none()
    return (
        attendees(session)
        .annotate(
            days_present=Count(
                "attendance", filter=Q(attendance__present=True, attendance__day__session=session)
            )
        )
        .filter(days_present=day_count)
    )


def may_issue_certificates(session: CourseSession, today: datetime.date | None = None) -> bool:
    """From the session's last day on, for a session that took place."""
    last_day = session.days.order_by("-date").values_list("date", flat=True).first()
    return (
        not session.is_cancelled
        and last_day is not None
        and last_day <= (today or timezone.localdate())
    )


def issue_attendance_certificates(
    session: CourseSession, *, by_user=None, today: datetime.date | None = None
) -> list[Certificate]:
    """A certificate for each named participant present on every day who has none yet;
    returns the new ones (empty before the last day). Each participant is told by email
    once the transaction commits."""
    today = today or timezone.localdate()
    if not may_issue_certificates(session, today):
        return []
    course = session.course
    completed_on = session.days.order_by("-date").values_list("date", flat=True).first()
    hours = session.hours()
    issued = []
    for candidate_id in (
        present_throughout(session).filter(certificate__isnull=True).values_list("pk", flat=True)
    ):
        with transaction.atomic():
            participant = Participant.objects.select_for_update().get(pk=candidate_id)
            if participant.certificate_id is not None or not participant.name.strip():
                continue  # another coordinator was first, or nobody to name on it
            try:
                certificate = certificates.issue_classroom_certificate(
                    course, participant.name, completed_on=completed_on, hours=hours, today=today
                )
            except ValidationError:
                # The name cannot be printed: the coordinator corrects it and presses again.
                logger.info("No certificate for participant %s: unprintable name", participant.pk)
                continue
            participant.certificate = certificate
            participant.save(update_fields=["certificate"])
            booking_mail.queue_certificate_available(participant.pk)
        issued.append(certificate)
    if issued:
        log(instance=session, action=CERTIFICATES_ISSUED, user=by_user)
    return issued


def without_certificate(session: CourseSession) -> QuerySet[Participant]:
    """Attendees who have no certificate (yet): absent on a day, unnamed, or not issued."""
    return attendees(session).filter(certificate__isnull=True)
