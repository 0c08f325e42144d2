"""What the search app stores of its own: the index queue and the weekly query counts.

Neither holds personal data or content text. The queue names an object by content type and
id only (the task reads the object itself when it runs); the query counts are weekly totals
per normalised query, with anything that looks personal counted in one hidden bucket
(search/query_log.py).
"""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class IndexUpdate(models.Model):
    """One change that the search index must follow: a page published, a document deleted, a
    section made private. Kept until applied (state done), and kept when applying failed, so
    `reconcile_search_index` can replay it when the backend is back."""

    class Action(models.TextChoices):
        # What the change suggested. The task always applies what is true when it runs:
        # added only when the object is publicly visible then, removed otherwise.
        ADD = "add", _("add")
        REMOVE = "remove", _("remove")

    class State(models.TextChoices):
        PENDING = "pending", _("pending")
        DONE = "done", _("done")
        FAILED = "failed", _("failed")

    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, related_name="+", verbose_name=_("content type")
    )
    # Text, as modelsearch's own index entries: primary keys are not always integers.
    object_id = models.CharField(_("object id"), max_length=50)
    action = models.CharField(_("action"), max_length=8, choices=Action.choices)
    state = models.CharField(_("state"), max_length=8, choices=State.choices, default=State.PENDING)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    # The exception's class name only: a message could quote content or a server address.
    last_error = models.CharField(_("last error"), max_length=100, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("search index update")
        verbose_name_plural = _("search index updates")
        indexes = [
            models.Index(fields=["state", "created_at"], name="search_update_state_idx"),
            models.Index(fields=["content_type", "object_id"], name="search_update_object_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.action} {self.content_type_id}:{self.object_id} ({self.state})"


class SearchQueryWeek(models.Model):
    """How often one normalised query was searched in one week and language, and how often
    it found nothing. No time finer than the week, nothing about who searched."""

    # The bucket for queries that looked like personal data (search/query_log.py). Empty,
    # so no real query can fall into it: an empty query is never recorded.
    HIDDEN = ""

    week_start = models.DateField(_("week"), help_text=_("The Monday the ISO week starts on."))
    language = models.CharField(_("language"), max_length=8)
    query = models.CharField(_("query"), max_length=100, blank=True)
    count = models.PositiveIntegerField(_("searches"), default=0)
    zero_result_count = models.PositiveIntegerField(_("searches without results"), default=0)

    class Meta:
        verbose_name = _("search query per week")
        verbose_name_plural = _("search queries per week")
        constraints = [
            models.UniqueConstraint(
                fields=["week_start", "language", "query"], name="search_query_week_unique"
            )
        ]
        indexes = [models.Index(fields=["week_start", "-count"], name="search_query_week_idx")]

    def __str__(self) -> str:
        return f"{self.week_start} {self.language}: {self.query or '(hidden)'}"

    @property
    def is_hidden(self) -> bool:
        return self.query == self.HIDDEN

    @property
    def display_query(self) -> str:
        return gettext("(hidden)") if self.is_hidden else self.query

    @property
    def week_label(self) -> str:
        """ "2026-W07": the ISO week, as editors know it from their calendars."""
        year, week, _weekday = self.week_start.isocalendar()
        return f"{year}-W{week:02d}"
