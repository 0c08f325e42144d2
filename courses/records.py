"""The records of learning: learners (known by a resume code's digest), the lessons they did,
their best quiz scores and their certificates.

Apart from the page models (courses/models.py registers these by importing them), so that the
services can use them without importing the pages, which import the services. The pages are
named by string here.
"""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# --- Learners ------------------------------------------------------------------------------------


class Learner(models.Model):
    """Someone following online courses, known only by the digest of their resume code.

    No name and no email: whoever holds the code (on paper, or in the first-party cookie) is the
    learner. Signing in adopts the record (`user`); deleting the account deletes it with its
    progress (CASCADE: a learner record of a deleted account must not live on, still opened by a
    code or cookie). Anonymous records nobody used for a year are purged (courses/privacy.py).
    """

    code_digest = models.CharField(max_length=64, unique=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="learner",
    )
    created_at = models.DateTimeField(default=timezone.now)
    last_seen_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("learner")
        verbose_name_plural = _("learners")

    def __str__(self) -> str:
        return f"Learner {self.pk}"


class LessonProgress(models.Model):
    """A lesson a learner completed."""

    learner = models.ForeignKey(Learner, on_delete=models.CASCADE, related_name="progress")
    lesson = models.ForeignKey("courses.LessonPage", on_delete=models.CASCADE, related_name="+")
    completed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["learner", "lesson"], name="courses_progress_unique")
        ]

    def __str__(self) -> str:
        return f"Lesson {self.lesson_id} done by learner {self.learner_id}"


class QuizAttempt(models.Model):
    """A learner's best graded attempt at one quiz of a lesson: the score only, never the
    answers."""

    learner = models.ForeignKey(Learner, on_delete=models.CASCADE, related_name="quiz_attempts")
    lesson = models.ForeignKey("courses.LessonPage", on_delete=models.CASCADE, related_name="+")
    quiz_block_id = models.CharField(max_length=64)
    score = models.PositiveSmallIntegerField()
    total = models.PositiveSmallIntegerField()
    passed = models.BooleanField(default=False)
    answered_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "lesson", "quiz_block_id"], name="courses_quiz_attempt_unique"
            )
        ]

    def __str__(self) -> str:
        return f"Quiz {self.quiz_block_id}: {self.score}/{self.total}"

    def better_than(self, other: "QuizAttempt") -> bool:
        """Passed beats not passed, then the higher share of right answers."""
        return (self.passed, self.score * max(other.total, 1)) > (
            other.passed,
            other.score * max(self.total, 1),
        )


# --- Certificates --------------------------------------------------------------------------------


class Certificate(models.Model):
    """A certificate of an online course, issued to a learner who completed it, under the name
    they typed (courses/services/certificates.py).

    What the certificate prints is kept here as it was on the day it was issued (course title,
    hours, accreditation, issuer, language): a later edit of the course changes no certificate
    anyone holds, and the PDF is rendered again from these fields on each download. The course
    link only finds "your certificate" on the course page; deleting the course keeps the
    certificate (SET_NULL).

    The verification code is stored as it is printed, not as a digest (unlike a resume code,
    courses/codes.py): it is handed out on purpose, on paper, and opens nothing but the page
    that shows what the certificate itself shows, so a digest would protect nothing that the
    name and course beside it in the same row do not already give away; the PDF needs the code
    to be rendered again; and a code kept in plain survives a rotation of SECRET_KEY.

    One certificate per learner and course. It outlives its learner record (SET_NULL): an
    anonymous learner nobody used for a year is purged, but a certificate handed to an
    employer must stay verifiable until its own retention ends (courses/privacy.py).
    """

    learner = models.ForeignKey(
        Learner,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="certificates",
    )
    course = models.ForeignKey(
        "courses.CoursePage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="certificates",
    )
    learner_name = models.CharField(_("name on the certificate"), max_length=120)
    code = models.CharField(_("verification code"), max_length=19, unique=True)
    course_title = models.CharField(_("course"), max_length=255)
    hours = models.DecimalField(_("hours"), max_digits=10, decimal_places=2)
    accreditation_register = models.CharField(_("register"), max_length=100, blank=True)
    accreditation_id = models.CharField(_("accreditation id"), max_length=50, blank=True)
    accreditation_points = models.DecimalField(
        _("accreditation points"), max_digits=4, decimal_places=1, null=True, blank=True
    )
    issuer = models.CharField(_("issued by"), max_length=255)
    language = models.CharField(_("language"), max_length=5)
    completed_on = models.DateField(_("completed on"))
    issued_on = models.DateField(_("issued on"))
    valid_until = models.DateField(_("valid until"), null=True, blank=True, db_index=True)
    reminder_sent_at = models.DateTimeField(_("expiry reminder sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "course"], name="courses_certificate_one_per_course"
            )
        ]

    def __str__(self) -> str:
        return f"Certificate {self.pk}"

    @property
    def is_accredited(self) -> bool:
        return bool(self.accreditation_register)

    def expired(self, today: datetime.date | None = None) -> bool:
        """Whether the validity ended before `today` (valid_until is the last valid day)."""
        return self.valid_until is not None and self.valid_until < (today or timezone.localdate())
