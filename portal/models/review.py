"""Which weeks the review reminder went out (portal/content_review.py)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ReviewReminderWeek(models.Model):
    """One row per ISO week in which the editors got the review reminder, so the maintenance
    timer (every 15 minutes) sends it once a week, whatever the time it first runs."""

    week = models.CharField(_("week"), max_length=8, unique=True)  # "2026-W48"
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("review reminder")
        verbose_name_plural = _("review reminders")

    def __str__(self) -> str:
        return self.week
