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
"""

from datetime import datetime, timedelta
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from portal.privacy import PersonalDataOwner, register

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
