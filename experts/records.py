"""The expert pool's records: experts (private), their public profiles, requests from schools,
clubs and organisations, invitations to experts, the history of a request, messages, feedback
and expenses.

Apart from the page models (experts/models.py registers these by importing them), so that the
services use them without importing the pages.

Two faces of an expert: `Expert` is the private record (real name, contact, what she speaks
about, where and how often, pauses, consents), seen only by coordinators and by the expert
herself; `ExpertProfile` is what she approved for the public (pseudonym, themes, short story,
a photo only with consent). Only a profile is ever rendered on a public page, indexed for
search or named in a message to a requester.

A request's status link is a random token shown once, to the requester; only its SHA-256
digest is stored (`status_token_digest`), so a database copy cannot open any status page.
"""

import datetime

from django.apps import apps
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from portal.models import Audience, Municipality, Theme

from .choices import (
    AgeGroup,
    ExpenseStatus,
    HostKind,
    InvitationStatus,
    RequestStatus,
    Wellbeing,
)


def weekdays_default() -> list[int]:
    # Monday to Friday: schools and most organisations.
    return [0, 1, 2, 3, 4]


def languages_default() -> list[str]:
    return ["nl"]


# --- Experts -------------------------------------------------------------------------------------


class ExpertQuerySet(models.QuerySet):
    def in_pool(self) -> "ExpertQuerySet":
        return self.filter(active=True, left_at__isnull=True)


class Expert(models.Model):
    """A lived-experience expert's private record: coordinators and the expert only."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="expert",
        help_text=_("The account the expert signs in with to see her invitations."),
    )
    real_name = models.CharField(_("real name"), max_length=120)
    email = models.EmailField(_("email address"))
    phone = models.CharField(_("phone number"), max_length=30, blank=True)
    themes = models.ManyToManyField(Theme, verbose_name=_("themes"), related_name="+")
    audiences = models.ManyToManyField(
        Audience, verbose_name=_("audiences"), related_name="+", blank=True
    )
    age_groups = models.JSONField(
        _("age groups"), default=list, blank=True, help_text=_("Age groups she speaks to.")
    )
    languages = models.JSONField(_("languages"), default=languages_default)
    municipalities = models.ManyToManyField(
        Municipality, verbose_name=_("municipalities"), related_name="+"
    )
    max_sessions_per_month = models.PositiveSmallIntegerField(
        _("maximum sessions per month"), default=2, validators=[MaxValueValidator(20)]
    )
    available_weekdays = models.JSONField(_("available weekdays"), default=weekdays_default)
    consent_public_profile = models.BooleanField(_("consents to a public profile"), default=False)
    consent_photo = models.BooleanField(_("consents to a photo on her profile"), default=False)
    consents_recorded_at = models.DateTimeField(_("consents recorded at"), null=True, blank=True)
    notes = models.TextField(
        _("coordinator's notes"), blank=True, help_text=_("Never shown to anyone but coordinators.")
    )
    active = models.BooleanField(_("in the pool"), default=True)
    left_at = models.DateTimeField(_("left the pool at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = ExpertQuerySet.as_manager()

    class Meta:
        verbose_name = _("expert")
        verbose_name_plural = _("experts")
        ordering = ["real_name", "pk"]

    def __str__(self) -> str:
        # The admin (coordinators only) is the one place this is shown.
        return self.real_name

    def is_paused_on(self, day: datetime.date) -> bool:
        return any(pause.covers(day) for pause in self.pauses.all())


class ExpertPause(models.Model):
    """A period the expert takes no sessions: set by herself at any time, or by a coordinator."""

    expert = models.ForeignKey(
        Expert, verbose_name=_("expert"), on_delete=models.CASCADE, related_name="pauses"
    )
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until and including"))
    set_by_expert = models.BooleanField(_("set by the expert"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("pause")
        verbose_name_plural = _("pauses")
        ordering = ["starts_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")),
                name="experts_pause_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.starts_on} to {self.ends_on}"

    def covers(self, day: datetime.date) -> bool:
        return self.starts_on <= day <= self.ends_on


class ExpertProfileQuerySet(SearchableQuerySetMixin, models.QuerySet):
    """Searchable: the site search looks through `objects.all()` (search/sources.py)."""

    def public(self) -> "ExpertProfileQuerySet":
        """Profiles the public may see: approved, consented, of an expert still in the pool."""
        return self.filter(
            approved=True,
            expert__consent_public_profile=True,
            expert__active=True,
            expert__left_at__isnull=True,
        )


class ExpertProfile(index.Indexed, models.Model):
    """What the public sees of an expert: only what she approved."""

    # Shown on the (cached) pool page.
    cache_invalidates = True

    expert = models.OneToOneField(
        Expert, verbose_name=_("expert"), on_delete=models.CASCADE, related_name="profile"
    )
    pseudonym = models.CharField(
        _("pseudonym"), max_length=60, unique=True, help_text=_("The only name the public sees.")
    )
    themes = models.ManyToManyField(
        Theme,
        verbose_name=_("themes shown"),
        related_name="+",
        blank=True,
        help_text=_("The themes she wants to be known for; may be fewer than she speaks about."),
    )
    short_story = models.TextField(_("short story"), max_length=1200)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown only when the expert consented to a photo."),
    )
    approved = models.BooleanField(
        _("approved by the expert"),
        default=False,
        help_text=_("Tick only when the expert approved this pseudonym, story and photo."),
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)

    objects = ExpertProfileQuerySet.as_manager()

    search_fields = [
        index.SearchField("pseudonym", boost=3),
        index.SearchField("short_story"),
        index.AutocompleteField("pseudonym"),
        index.RelatedFields("themes", [index.SearchField("name")]),
        index.FilterField("approved"),
    ]
    search_facets = {"theme": "themes"}

    class Meta:
        verbose_name = _("public profile")
        verbose_name_plural = _("public profiles")
        ordering = ["pseudonym", "pk"]

    def __str__(self) -> str:
        return self.pseudonym

    def get_absolute_url(self) -> str | None:
        """The pool page in the current language, at this profile (search results link it)."""
        pool_page_model = apps.get_model("experts", "ExpertPoolPage")
        pool_page = (
            pool_page_model.objects.live()
            .public()
            .filter(locale__language_code=get_language())
            .first()
            or pool_page_model.objects.live().public().first()
        )
        if pool_page is None:
            return None
        return f"{pool_page.url}#{self.anchor}"

    @classmethod
    def search_visible(cls) -> "ExpertProfileQuerySet":
        return cls.objects.public()

    @property
    def anchor(self) -> str:
        return f"profiel-{self.pk}"

    def visible_photo(self):
        return self.photo if self.expert.consent_photo else None


# --- Requests ------------------------------------------------------------------------------------


class SessionRequest(models.Model):
    """A school, club or organisation asking for an awareness session (an `aanvraag`)."""

    reference = models.CharField(_("reference"), max_length=12, unique=True, editable=False)
    status_token_digest = models.CharField(max_length=64, unique=True, editable=False)
    offer = models.ForeignKey(
        "experts.AwarenessOfferPage",
        verbose_name=_("offer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    host_kind = models.CharField(_("kind of organisation"), max_length=20, choices=HostKind.choices)
    organisation = models.CharField(_("organisation"), max_length=150)
    contact_name = models.CharField(_("contact person"), max_length=120)
    contact_email = models.EmailField(_("email address"))
    contact_phone = models.CharField(_("phone number"), max_length=30, blank=True)
    municipality = models.ForeignKey(
        Municipality, verbose_name=_("municipality"), on_delete=models.PROTECT, related_name="+"
    )
    age_group = models.CharField(_("age group"), max_length=20, choices=AgeGroup.choices)
    group_size = models.PositiveSmallIntegerField(
        _("group size"), validators=[MinValueValidator(1), MaxValueValidator(500)]
    )
    theme = models.ForeignKey(
        Theme, verbose_name=_("theme"), on_delete=models.PROTECT, related_name="+"
    )
    preferred_date_1 = models.DateField(_("first preferred date"))
    preferred_date_2 = models.DateField(_("second preferred date"), null=True, blank=True)
    preferred_date_3 = models.DateField(_("third preferred date"), null=True, blank=True)
    wishes = models.TextField(_("wishes"), blank=True, max_length=2000)
    expert_wanted = models.BooleanField(_("a lived-experience expert wanted"), default=True)
    language = models.CharField(_("language"), max_length=10, default="nl")

    status = models.CharField(
        _("status"), max_length=20, choices=RequestStatus.choices, default=RequestStatus.NEW
    )
    confirmed_date = models.DateField(_("date of the session"), null=True, blank=True)
    confirmed_expert = models.ForeignKey(
        Expert,
        verbose_name=_("expert"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="confirmed_requests",
    )
    coordinator_note = models.TextField(
        _("message to the requester"),
        blank=True,
        help_text=_("Shown on the status page: what the host arranges, times, the place."),
    )
    briefing = models.TextField(
        _("briefing for the expert"),
        blank=True,
        help_text=_("Address, who receives her, what the group knows: sent to the expert."),
    )
    # The safety checklist, ticked by the coordinator with the host before the session.
    host_professional_present = models.BooleanField(
        _("a professional of the host is present"), default=False
    )
    no_recording = models.BooleanField(_("no recording (photo, video, sound)"), default=False)
    no_press = models.BooleanField(_("no press"), default=False)
    audience_prepared = models.BooleanField(_("the audience is prepared"), default=False)

    created_at = models.DateTimeField(_("received at"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)
    # When the expert got her briefing reminder (and the coordinators the checklist's state).
    briefing_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    feedback_requested_at = models.DateTimeField(null=True, blank=True, editable=False)
    anonymised_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("request")
        verbose_name_plural = _("requests")
        ordering = ["-created_at", "-pk"]
        permissions = [("match_sessionrequest", "Can propose experts for a request")]

    def __str__(self) -> str:
        return self.reference

    def preferred_dates(self) -> list[datetime.date]:
        days = [self.preferred_date_1, self.preferred_date_2, self.preferred_date_3]
        return sorted({day for day in days if day is not None})

    def safety_checklist(self) -> list[tuple[str, bool]]:
        return [
            (str(_("A professional of the host is present")), self.host_professional_present),
            (str(_("No recording (photo, video, sound)")), self.no_recording),
            (str(_("No press")), self.no_press),
            (str(_("The audience is prepared")), self.audience_prepared),
        ]

    def safety_checklist_complete(self) -> bool:
        return all(done for _label, done in self.safety_checklist())


class Actor(models.TextChoices):
    REQUESTER = "requester", _("Requester")
    COORDINATOR = "coordinator", _("Coordinator")
    EXPERT = "expert", _("Expert")
    SYSTEM = "system", _("Steiger")


class RequestEvent(models.Model):
    """One step in a request's history: who did what and when."""

    request = models.ForeignKey(
        SessionRequest, on_delete=models.CASCADE, related_name="events", verbose_name=_("request")
    )
    at = models.DateTimeField(_("at"), default=timezone.now)
    actor = models.CharField(_("by"), max_length=20, choices=Actor.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(_("status"), max_length=20, choices=RequestStatus.choices)
    description = models.CharField(_("what happened"), max_length=300)

    class Meta:
        verbose_name = _("history entry")
        verbose_name_plural = _("history")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return self.description


class RequestMessage(models.Model):
    """A message on a request, between the requester and the coordinators."""

    request = models.ForeignKey(
        SessionRequest, on_delete=models.CASCADE, related_name="messages", verbose_name=_("request")
    )
    sender = models.CharField(_("from"), max_length=20, choices=Actor.choices)
    body = models.TextField(_("message"), max_length=2000)
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_sender_display()}, {self.created_at:%Y-%m-%d}"


class Invitation(models.Model):
    """A coordinator's proposal of an expert for a request on a date; she accepts or declines.

    The first acceptance confirms the request; the other invitations of that request are then
    released. After the session the expert's aftercare check-in lands here too.
    """

    request = models.ForeignKey(
        SessionRequest,
        on_delete=models.CASCADE,
        related_name="invitations",
        verbose_name=_("request"),
    )
    expert = models.ForeignKey(
        Expert, on_delete=models.CASCADE, related_name="invitations", verbose_name=_("expert")
    )
    session_date = models.DateField(_("date"))
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=InvitationStatus.choices,
        default=InvitationStatus.PENDING,
    )
    decline_reason = models.TextField(_("reason"), blank=True, max_length=1000)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("proposed at"), auto_now_add=True)
    responded_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    aftercare_wellbeing = models.CharField(
        _("how it went for her"), max_length=10, choices=Wellbeing.choices, blank=True
    )
    aftercare_note = models.TextField(_("aftercare note"), blank=True, max_length=2000)
    aftercare_at = models.DateTimeField(_("aftercare check-in at"), null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["request", "expert"], name="experts_one_invitation"),
            # One accepted expert per request, whatever two coordinators or two experts do at
            # the same moment.
            models.UniqueConstraint(
                fields=["request"],
                condition=Q(status="accepted"),
                name="experts_one_acceptance_per_request",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.request.reference}: {self.expert_id}"


class Feedback(models.Model):
    """The requester's short evaluation after the session."""

    request = models.OneToOneField(
        SessionRequest, on_delete=models.CASCADE, related_name="feedback", verbose_name=_("request")
    )
    rating = models.PositiveSmallIntegerField(
        _("rating"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    went_well = models.TextField(_("what went well"), blank=True, max_length=2000)
    could_improve = models.TextField(_("what could be better"), blank=True, max_length=2000)
    created_at = models.DateTimeField(_("given at"), auto_now_add=True)

    class Meta:
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")

    def __str__(self) -> str:
        return f"{self.request.reference}: {self.rating}/5"


class ExpenseClaim(models.Model):
    """An expert's travel costs and fee for a session, approved by a coordinator.

    Bookkeeping: kept for seven years (art. 52 AWR), also after the expert left the pool.
    """

    invitation = models.OneToOneField(
        Invitation, on_delete=models.PROTECT, related_name="expense", verbose_name=_("session")
    )
    travel_km = models.DecimalField(
        _("kilometres travelled"),
        max_digits=6,
        decimal_places=1,
        default=0,
        validators=[MinValueValidator(0)],
    )
    travel_costs = models.DecimalField(
        _("travel costs (EUR)"),
        max_digits=8,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0)],
    )
    fee = models.DecimalField(
        _("fee (EUR)"), max_digits=8, decimal_places=2, default=0, validators=[MinValueValidator(0)]
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ExpenseStatus.choices, default=ExpenseStatus.SUBMITTED
    )
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("expense claim")
        verbose_name_plural = _("expense claims")
        ordering = ["-submitted_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.invitation.request.reference}: {self.total}"

    @property
    def total(self):
        return self.travel_costs + self.fee
