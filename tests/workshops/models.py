"""Workshops, where they take place, who booked a seat, and the pages that show them.

Each model uses a door of the base layer the way a domain app does, without an edit in portal/:
- Venue: a plain snippet (no draft state) that public pages show, so `cache_invalidates = True`:
  saving one empties the page cache.
- Workshop: a snippet with draft state, so publishing it empties the page cache (Wagtail's
  `published` signal); its free seats are a live number that changes with every booking.
- WorkshopBooking: personal data, owned in privacy.py.
- WorkshopIndexPage: a paged catalogue that declares its query parameter (CachePolicy.query).
- WorkshopPage: shows free seats, so it is never stored (CachePolicy(max_age=0)).
- WorkshopBookingPage: the booking form on the form-page base (portal/form_pages.py).
"""

import secrets

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.paginator import Paginator
from django.db import models
from django.http import HttpRequest
from wagtail.admin.panels import FieldPanel
from wagtail.models import DraftStateMixin, Page, RevisionMixin
from wagtail.query import PageQuerySet
from wagtail.url_routing import RouteResult

from portal.form_pages import FormPage
from portal.page_cache import CachePolicy

PAGE_PARAMETER = "pagina"


def new_reference() -> str:
    # Random, not a sequence: the reference is the key to the booking's status page.
    return secrets.token_urlsafe(12)


class Venue(models.Model):
    """Where workshops take place. Editors rename a venue without publishing anything."""

    # Shown on the (cached) catalogue: saving a venue must make cached pages stale.
    cache_invalidates = True

    name = models.CharField("name", max_length=100)
    town = models.CharField("town", max_length=100)

    panels = [FieldPanel("name"), FieldPanel("town")]

    class Meta:
        verbose_name = "venue"
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name}, {self.town}"


class Workshop(DraftStateMixin, RevisionMixin, models.Model):
    """A workshop with a number of seats. Editors publish changes; bookings need no publish."""

    title = models.CharField("title", max_length=200)
    starts_at = models.DateTimeField("starts at")
    venue = models.ForeignKey(Venue, verbose_name="venue", on_delete=models.PROTECT)
    capacity = models.PositiveIntegerField("seats")
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="workshop")

    panels = [
        FieldPanel("title"),
        FieldPanel("starts_at"),
        FieldPanel("venue"),
        FieldPanel("capacity"),
    ]

    class Meta:
        verbose_name = "workshop"
        ordering = ["starts_at", "pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def revisions(self):
        return self._revisions

    def free_seats(self) -> int:
        return max(0, self.capacity - self.bookings.count())


class WorkshopBooking(models.Model):
    """A seat booked on a workshop: personal data (tests/workshops/privacy.py owns it)."""

    reference = models.CharField(
        "reference", max_length=20, unique=True, default=new_reference, editable=False
    )
    workshop = models.ForeignKey(
        Workshop, verbose_name="workshop", on_delete=models.CASCADE, related_name="bookings"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="account",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="workshop_bookings",
    )
    name = models.CharField("name", max_length=100)
    email = models.EmailField("email address")
    language = models.CharField("language", max_length=10, default="nl")
    created_at = models.DateTimeField("booked at", auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = "workshop booking"
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.reference


class WorkshopIndexPage(Page):
    """The catalogue: the live workshop pages below it, ten to a page (?pagina=2)."""

    intro = models.TextField("introduction", blank=True)

    # The page number is the one query parameter this page varies on, with a bounded pattern;
    # any other parameter is served but never stored.
    cache_policy = CachePolicy(query={PAGE_PARAMETER: r"[1-9][0-9]{0,2}"})
    per_page = 10

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["portal.HomePage", "portal.AudiencePage", "portal.StandardPage"]
    subpage_types = ["workshops.WorkshopPage"]

    class Meta:
        verbose_name = "workshop catalogue"

    def workshop_pages(self) -> PageQuerySet:
        return (
            WorkshopPage.objects.child_of(self)
            .live()
            .public()
            .filter(workshop__live=True)
            .select_related("workshop__venue")
            .order_by("workshop__starts_at", "pk")
        )

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        paginator = Paginator(self.workshop_pages(), self.per_page)
        context["workshop_pages"] = paginator.get_page(request.GET.get(PAGE_PARAMETER))
        return context


class WorkshopPage(Page):
    """One workshop with its free seats: a live number, so the page is never stored."""

    # Required: the demo door's `fill` sets it before the page is first saved.
    workshop = models.ForeignKey(
        Workshop, verbose_name="workshop", on_delete=models.PROTECT, related_name="+"
    )
    intro = models.TextField("introduction", blank=True)

    # Free seats change with every booking, and no booking publishes anything: a visitor must
    # never be told a seat is free from a stored copy.
    cache_policy = CachePolicy(max_age=0)

    content_panels = [*Page.content_panels, FieldPanel("workshop"), FieldPanel("intro")]
    parent_page_types = ["workshops.WorkshopIndexPage"]
    subpage_types = ["workshops.WorkshopBookingPage"]

    class Meta:
        verbose_name = "workshop page"

    def booking_page(self) -> "WorkshopBookingPage | None":
        return WorkshopBookingPage.objects.child_of(self).live().first()


class WorkshopBookingPage(FormPage):
    """Book a seat on the workshop of the page above."""

    form_class = "tests.workshops.forms.BookingForm"
    parent_page_types = ["workshops.WorkshopPage"]

    class Meta:
        verbose_name = "workshop booking page"

    @property
    def workshop(self) -> Workshop | None:
        parent = self.get_parent().specific
        return getattr(parent, "workshop", None)


class WorkshopYearsPage(Page):
    """An archive that answers the addresses below it itself (/archief/2026/), as a routable
    page does: routing must hand it the rest of the address (tests/portal/test_routing.py)."""

    parent_page_types = ["portal.HomePage", "portal.StandardPage"]

    class Meta:
        verbose_name = "workshop archive"

    def route(self, request: HttpRequest, path_components: list[str]) -> RouteResult:
        if len(path_components) == 1 and path_components[0].isdigit():
            return RouteResult(self, kwargs={"year": int(path_components[0])})
        return super().route(request, path_components)
