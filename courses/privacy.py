"""Learners in the personal data registry (found by autodiscovery: portal/privacy).

A learner record is the digest of a resume code, the lessons done and the best score per quiz:
no name, no email. It belongs to a user once signing in adopted it (Learner.user). Anonymous
learners nobody used for a year are purged with their progress; an account's learner goes with
the account (erased here, or by the cascade when the account is deleted).
"""

from datetime import datetime, timedelta
from typing import Any

from django.utils.translation import gettext_lazy as _

from portal.privacy import PersonalDataOwner, register

from .models import Learner, LessonProgress, QuizAttempt


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
