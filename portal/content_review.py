"""Content due for review: pages whose "last reviewed" date is older than the review period.

The door for an app: a page model with a DateField named `last_reviewed` takes part (the
knowledge base's articles, say); nothing to register. Editors see the overdue pages they may
edit in the admin report "Toe aan herziening" (portal/review_report.py), and once a week the
editors and moderators get an email listing them (`manage.py send_review_reminders`, run by
`run_maintenance`). The period is settings.CONTENT_REVIEW_DAYS.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from allauth.account.models import EmailAddress
from django.apps import apps
from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.db.models import OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from wagtail.models import Page

from portal import roles
from portal.mail.services import absolute_url, send_templated_mail
from portal.models import ReviewReminderWeek

REVIEWED_FIELD = "last_reviewed"
# One email lists at most this many pages; the report in the admin has them all.
MAX_PAGES_IN_EMAIL = 50


def reviewed_page_models() -> list[type[Page]]:
    """Concrete page models of any installed app that carry a `last_reviewed` date."""
    found = []
    for model in apps.get_models():
        if not issubclass(model, Page) or model._meta.abstract:
            continue
        field = next((f for f in model._meta.get_fields() if f.name == REVIEWED_FIELD), None)
        if isinstance(field, models.DateField):
            found.append(model)
    return found


def review_cutoff(today: date | None = None) -> date:
    """Pages last reviewed before this date are due."""
    return (today or timezone.localdate()) - timedelta(days=settings.CONTENT_REVIEW_DAYS)


def pages_due_for_review(today: date | None = None) -> models.QuerySet[Page]:
    """Live pages of every reviewed page model, last reviewed before the cut-off, oldest first;
    each carries `last_reviewed`. One query, however many models take part."""
    reviewed = reviewed_page_models()
    if not reviewed:
        return Page.objects.none()
    dates = [
        Subquery(model.objects.filter(pk=OuterRef("pk")).values(REVIEWED_FIELD)[:1])
        for model in reviewed
    ]
    last_reviewed = Coalesce(*dates) if len(dates) > 1 else dates[0]
    return (
        Page.objects.live()
        .annotate(last_reviewed=last_reviewed)
        .filter(last_reviewed__lt=review_cutoff(today))
        .order_by("last_reviewed", "path")
    )


@dataclass(frozen=True)
class DuePage:
    title: str
    last_reviewed: date
    edit_url: str


def _reviewer_addresses() -> list[str]:
    """The verified primary addresses (allauth) of active editors and moderators."""
    addresses = EmailAddress.objects.filter(
        verified=True,
        primary=True,
        user__is_active=True,
        user__groups__name__in=[roles.EDITOR, roles.MODERATOR],
    ).values_list("email", flat=True)
    return sorted(set(addresses))


def _iso_week(today: date) -> str:
    year, week, _weekday = today.isocalendar()
    return f"{year}-W{week:02d}"


def send_review_reminders(today: date | None = None) -> int:
    """Email the reviewers the pages due for review, once per ISO week; returns how many
    emails were queued (0 when this week's went out already, or nothing is due)."""
    today = today or timezone.localdate()
    due = list(pages_due_for_review(today)[: MAX_PAGES_IN_EMAIL + 1])
    if not due:
        return 0
    try:
        with transaction.atomic():
            ReviewReminderWeek.objects.create(week=_iso_week(today))
    except IntegrityError:
        return 0  # this week's reminder went out already
    pages = [
        DuePage(
            page.title,
            page.last_reviewed,
            absolute_url("wagtailadmin_pages:edit", args=(page.pk,)),
        )
        for page in due[:MAX_PAGES_IN_EMAIL]
    ]
    context = {
        "pages": pages,
        "more": len(due) > MAX_PAGES_IN_EMAIL,
        "report_url": absolute_url("content_review_report"),
        "days": settings.CONTENT_REVIEW_DAYS,
    }
    sent = 0
    for address in _reviewer_addresses():
        queued = send_templated_mail(
            "mail/review/reminder",
            context,
            address,
            language=settings.LANGUAGE_CODE,
            useful_for=timedelta(days=7),
        )
        sent += int(queued)
    return sent
