"""The records of classroom courses: dated sessions, their days, bookings with their
participants and attendance, payments, invoices and the payment-provider events already
handled.

Apart from the page models (courses/models.py registers these by importing them), like
courses/records.py, so that the services use them without importing the pages. The use cases
are in courses/services/bookings.py (book, hold, confirm, cancel, waiting list),
courses/services/payments.py and settlement.py (starting, settling, refunding: what money
means for a booking) over the providers in courses/payments/ (Stripe, invoices and their
numbering, which write Payment and Invoice rows only), and courses/services/attendance.py.

Seats: a session's seats are taken by its bookings that are confirmed, or pending (payment)
or offered (waiting list) while their hold lasts. Nothing stores a count that could drift: the
count is taken under the session's lock (`CourseSession.lock`) whenever a seat is given out,
and read with `with_seats_taken()` for a listing.
"""

import datetime
from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Count, F, Q, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from .choices import CourseLanguage

# --- Sessions ------------------------------------------------------------------------------------


class SessionStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    CANCELLED = "cancelled", _("Cancelled")


class CourseSessionQuerySet(models.QuerySet):
    def with_seats_taken(self, now: datetime.datetime | None = None) -> "CourseSessionQuerySet":
        """Annotate `seats_taken` (confirmed bookings, and pending or offered ones whose hold
        lasts) and `waiting_count` (people on the waiting list), in the same query."""
        now = now or timezone.now()
        return self.annotate(
            seats_taken=Coalesce(
                Sum("bookings__seats", filter=occupying_q(now, prefix="bookings__")), 0
            ),
            waiting_count=Count(
                "bookings", filter=Q(bookings__status=BookingStatus.WAITLISTED), distinct=True
            ),
        )

    def upcoming(self, now: datetime.datetime | None = None) -> "CourseSessionQuerySet":
        return self.filter(status=SessionStatus.SCHEDULED, starts_at__gt=now or timezone.now())


class CourseSession(ClusterableModel):
    """One dated run of a classroom course: its days, venue, seats, price and deadlines.

    Coordinators edit sessions in the admin (courses/wagtail_hooks.py). `starts_at` is the
    first day's start, kept by `CourseSessionDay` saves through the admin form
    (courses/services/sessions.py) so that listings sort and filter without a join.
    """

    course = models.ForeignKey(
        "courses.CoursePage",
        on_delete=models.PROTECT,
        related_name="sessions",
        verbose_name=_("course"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=SessionStatus.choices, default=SessionStatus.SCHEDULED
    )
    starts_at = models.DateTimeField(_("starts at"), db_index=True)
    venue_name = models.CharField(_("venue"), max_length=200)
    street_address = models.CharField(_("address"), max_length=200)
    postal_code = models.CharField(_("postal code"), max_length=10)
    city = models.CharField(_("city"), max_length=100)
    municipality = models.ForeignKey(
        "portal.Municipality",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("municipality"),
    )
    capacity = models.PositiveSmallIntegerField(_("seats"), validators=[MinValueValidator(1)])
    trainers = models.CharField(
        _("trainers"), max_length=255, blank=True, help_text=_("Shown to participants.")
    )
    price = models.DecimalField(
        _("price per seat in euros"),
        max_digits=7,
        decimal_places=2,
        default=Decimal("0"),
        validators=[MinValueValidator(Decimal("0"))],
        help_text=_("0 for a free session."),
    )
    vat_exempt = models.BooleanField(
        _("exempt from VAT"),
        default=True,
        help_text=_(
            "Registered vocational training (CRKBO) is exempt from VAT (art. 11 Wet OB 1968)."
        ),
    )
    language = models.CharField(
        _("language"), max_length=5, choices=CourseLanguage.choices, default=CourseLanguage.DUTCH
    )
    booking_deadline = models.DateTimeField(_("booking closes at"))
    cancellation_deadline = models.DateTimeField(
        _("free cancellation until"),
        help_text=_("After this, participants can no longer cancel themselves."),
    )
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    # Bumped by every booking, cancellation and promotion (`lock`).
    lock_version = models.PositiveIntegerField(default=0, editable=False)

    objects = CourseSessionQuerySet.as_manager()
    # The catalogue shows coming dates and places: a saved session refreshes the page cache
    # (portal/page_cache.py). Bookings change no session row through save(), so they do not.
    cache_invalidates = True

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["starts_at", "pk"]

    def __str__(self) -> str:
        start = timezone.localtime(self.starts_at).strftime("%d-%m-%Y %H:%M")
        return f"{self.course.title}, {start}, {self.city}"

    def lock(self) -> bool:
        """Serialise seat changes of this session until the transaction ends; False when the
        session does not exist. Call inside `transaction.atomic()`, before reading anything.

        An UPDATE rather than `select_for_update()` (a no-op on SQLite): it locks the row on
        PostgreSQL and takes SQLite's write lock at once, waiting for another writer; a SELECT
        first would make a concurrent SQLite writer fail with "database is locked"."""
        return bool(
            CourseSession.objects.filter(pk=self.pk).update(lock_version=F("lock_version") + 1)
        )

    def seats_taken(self, now: datetime.datetime | None = None) -> int:
        now = now or timezone.now()
        taken = self.bookings.filter(occupying_q(now)).aggregate(total=Sum("seats"))["total"]
        return taken or 0

    def free_seats(self, now: datetime.datetime | None = None) -> int:
        return max(self.capacity - self.seats_taken(now), 0)

    @property
    def is_cancelled(self) -> bool:
        return self.status == SessionStatus.CANCELLED

    def is_free(self) -> bool:
        return self.price == 0

    def booking_open(self, now: datetime.datetime | None = None) -> bool:
        return not self.is_cancelled and (now or timezone.now()) < self.booking_deadline

    def may_cancel_free(self, now: datetime.datetime | None = None) -> bool:
        return (now or timezone.now()) < self.cancellation_deadline

    def hours(self) -> Decimal:
        """The teaching hours of all days together (certificates print them)."""
        minutes = sum(day.duration_minutes() for day in self.days.all())
        return (Decimal(minutes) / 60).quantize(Decimal("0.01"))


class CourseSessionDay(models.Model):
    """One day (or day part) of a session; attendance is marked per day."""

    session = ParentalKey(CourseSession, on_delete=models.CASCADE, related_name="days")
    date = models.DateField(_("date"))
    start_time = models.TimeField(_("from"))
    end_time = models.TimeField(_("until"))

    class Meta:
        verbose_name = _("day")
        verbose_name_plural = _("days")
        ordering = ["date", "start_time"]

    def __str__(self) -> str:
        return f"{self.date:%d-%m-%Y} {self.start_time:%H:%M}-{self.end_time:%H:%M}"

    def starts_at(self) -> datetime.datetime:
        return timezone.make_aware(datetime.datetime.combine(self.date, self.start_time))

    def ends_at(self) -> datetime.datetime:
        return timezone.make_aware(datetime.datetime.combine(self.date, self.end_time))

    def duration_minutes(self) -> int:
        return max(int((self.ends_at() - self.starts_at()).total_seconds() // 60), 0)


# --- Bookings ------------------------------------------------------------------------------------


class BookingStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting payment")
    CONFIRMED = "confirmed", _("Confirmed")
    WAITLISTED = "waitlisted", _("On the waiting list")
    OFFERED = "offered", _("Seat offered")
    CANCELLED = "cancelled", _("Cancelled")
    EXPIRED = "expired", _("Expired")


# Holding a seat while the hold lasts; a confirmed booking holds without end.
HOLDING_STATUSES = (BookingStatus.PENDING, BookingStatus.OFFERED)


def occupying_q(now: datetime.datetime, prefix: str = "") -> Q:
    """The bookings that take seats at `now`."""
    return Q(**{f"{prefix}status": BookingStatus.CONFIRMED}) | Q(
        **{f"{prefix}status__in": HOLDING_STATUSES, f"{prefix}held_until__gt": now}
    )


class BookingKind(models.TextChoices):
    SINGLE = "single", _("One seat for myself")
    GROUP = "group", _("Several seats for my organisation")


class PaymentMethod(models.TextChoices):
    FREE = "free", _("Free")
    STRIPE = "stripe", _("Card or iDEAL")
    INVOICE = "invoice", _("Invoice to the organisation")


class Booking(models.Model):
    """Seats on a session, booked by one contact for themselves or for their organisation.

    The contact opens the booking through its signed link (courses/services/bookings.py,
    `booking_token`): nothing to store, any later message can carry it, and changing the id
    in it breaks the signature; or through their account when they were signed in. The
    `reference` is for people to quote (on the phone, on an invoice); it opens nothing.

    Personal data: the contact's name, email and organisation, and the invoice details;
    participants in `Participant`. Anonymised after retention (courses/privacy.py); the
    invoice keeps its own copy as bookkeeping requires.
    """

    reference = models.CharField(_("reference"), max_length=12, unique=True)
    session = models.ForeignKey(
        CourseSession, on_delete=models.PROTECT, related_name="bookings", verbose_name=_("session")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="course_bookings",
    )
    kind = models.CharField(
        _("kind"), max_length=10, choices=BookingKind.choices, default=BookingKind.SINGLE
    )
    seats = models.PositiveSmallIntegerField(_("seats"), default=1)
    status = models.CharField(
        _("status"), max_length=20, choices=BookingStatus.choices, db_index=True
    )
    held_until = models.DateTimeField(_("seat held until"), null=True, blank=True)
    contact_name = models.CharField(_("name"), max_length=120)
    contact_email = models.EmailField(_("email"))
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    language = models.CharField(_("language"), max_length=5, default="nl")
    neutral_messages = models.BooleanField(_("neutral subject lines"), default=False)
    payment_method = models.CharField(
        _("payment"), max_length=10, choices=PaymentMethod.choices, blank=True
    )
    purchase_order = models.CharField(_("purchase order number"), max_length=50, blank=True)
    invoice_address = models.TextField(_("invoice address"), blank=True)
    price_per_seat = models.DecimalField(
        _("price per seat"), max_digits=7, decimal_places=2, default=Decimal("0")
    )
    created_at = models.DateTimeField(_("booked at"), default=timezone.now)
    waitlisted_at = models.DateTimeField(_("joined the waiting list at"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    reminders_sent = models.JSONField(default=list, blank=True, editable=False)
    anonymised_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["session", "status"], name="courses_booking_seats")]

    def __str__(self) -> str:
        return self.reference

    @property
    def total_price(self) -> Decimal:
        return self.price_per_seat * self.seats

    def is_active(self) -> bool:
        return self.status in (
            BookingStatus.PENDING,
            BookingStatus.CONFIRMED,
            BookingStatus.OFFERED,
            BookingStatus.WAITLISTED,
        )

    def hold_lasts(self, now: datetime.datetime | None = None) -> bool:
        return (
            self.status in HOLDING_STATUSES
            and self.held_until is not None
            and self.held_until > (now or timezone.now())
        )


class Participant(models.Model):
    """One seat of a booking and the person in it; a group booking names them later.

    Asks only what accreditation needs: the register and the registration number."""

    booking = models.ForeignKey(Booking, on_delete=models.CASCADE, related_name="participants")
    name = models.CharField(_("name"), max_length=120, blank=True)
    email = models.EmailField(_("email"), blank=True)
    accreditation_register = models.CharField(_("register"), max_length=100, blank=True)
    registration_number = models.CharField(_("registration number"), max_length=50, blank=True)
    certificate = models.OneToOneField(
        "courses.Certificate",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="participant",
    )

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name or str(_("Participant to be named"))


class Attendance(models.Model):
    """Whether a participant was there on one day of the session (marked by the
    coordinator)."""

    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="attendance"
    )
    day = models.ForeignKey(CourseSessionDay, on_delete=models.CASCADE, related_name="attendance")
    present = models.BooleanField(_("present"), default=False)
    marked_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["participant", "day"], name="courses_attendance_once")
        ]

    def __str__(self) -> str:
        return f"{self.participant_id} on {self.day_id}: {self.present}"


# --- Payments ------------------------------------------------------------------------------------


class PaymentStatus(models.TextChoices):
    CREATED = "created", _("Created")
    PENDING = "pending", _("Pending")
    PAID = "paid", _("Paid")
    FAILED = "failed", _("Failed")
    EXPIRED = "expired", _("Expired")
    REFUND_NEEDED = "refund_needed", _("To be refunded")
    REFUNDED = "refunded", _("Refunded")
    CANCELLED = "cancelled", _("Cancelled")


class Payment(models.Model):
    """One attempt to pay a booking through one provider (courses/payments/).

    `reference` is unique per payment and travels to the provider (Stripe's
    client_reference_id and metadata), so fulfilment finds exactly this payment whichever way
    the news arrives (webhook or success URL), and at most once.
    """

    booking = models.ForeignKey(Booking, on_delete=models.PROTECT, related_name="payments")
    provider = models.CharField(_("provider"), max_length=20, choices=PaymentMethod.choices)
    reference = models.CharField(_("reference"), max_length=40, unique=True)
    amount = models.DecimalField(_("amount"), max_digits=9, decimal_places=2)
    currency = models.CharField(max_length=3, default="EUR")
    status = models.CharField(
        _("status"), max_length=20, choices=PaymentStatus.choices, default=PaymentStatus.CREATED
    )
    external_id = models.CharField(_("provider's id"), max_length=255, blank=True, db_index=True)
    payment_intent = models.CharField(max_length=255, blank=True)
    refunded_amount = models.DecimalField(max_digits=9, decimal_places=2, default=Decimal("0"))
    created_at = models.DateTimeField(default=timezone.now)
    paid_at = models.DateTimeField(null=True, blank=True)
    refunded_at = models.DateTimeField(null=True, blank=True)
    note = models.CharField(max_length=255, blank=True)

    class Meta:
        verbose_name = _("payment")
        verbose_name_plural = _("payments")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.reference


class ProviderEvent(models.Model):
    """A provider event (a Stripe event id) already handled: each is processed once."""

    provider = models.CharField(max_length=20)
    event_id = models.CharField(max_length=255)
    event_type = models.CharField(max_length=100)
    received_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["provider", "event_id"], name="courses_event_once")
        ]

    def __str__(self) -> str:
        return f"{self.provider} {self.event_id}"


# --- Invoices ------------------------------------------------------------------------------------


class InvoiceKind(models.TextChoices):
    INVOICE = "invoice", _("Invoice")
    CREDIT_NOTE = "credit_note", _("Credit note")


class InvoiceNumberSequence(models.Model):
    """The last number given out per year; locked while the next is taken, so numbers run on
    without gaps (a rolled-back transaction gives its number back)."""

    year = models.PositiveSmallIntegerField(unique=True)
    last_number = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.year}: {self.last_number}"


class Invoice(models.Model):
    """An invoice or credit note as issued: never edited afterwards (`save` refuses), a refund
    is a credit note that refers to it. Everything it prints is copied in, so it stays what it
    was when the course, the booking or its contact change or are anonymised.

    Kept seven years (the fiscal retention, art. 52 AWR) with its personal data: the
    exemption is declared in courses/privacy.py.
    """

    number = models.CharField(_("number"), max_length=20, unique=True)
    kind = models.CharField(
        _("kind"), max_length=20, choices=InvoiceKind.choices, default=InvoiceKind.INVOICE
    )
    booking = models.ForeignKey(
        Booking, on_delete=models.PROTECT, related_name="invoices", null=True, blank=True
    )
    credits = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="credit_notes"
    )
    issued_on = models.DateField(_("issued on"))
    due_on = models.DateField(_("due on"), null=True, blank=True)
    recipient_name = models.CharField(max_length=200)
    recipient_organisation = models.CharField(max_length=200, blank=True)
    recipient_address = models.TextField(blank=True)
    purchase_order = models.CharField(max_length=50, blank=True)
    lines = models.JSONField(default=list)
    net_amount = models.DecimalField(max_digits=9, decimal_places=2)
    vat_rate = models.DecimalField(max_digits=4, decimal_places=2, default=Decimal("0"))
    vat_amount = models.DecimalField(max_digits=9, decimal_places=2, default=Decimal("0"))
    total_amount = models.DecimalField(max_digits=9, decimal_places=2)
    vat_note = models.CharField(max_length=255, blank=True)
    issuer = models.JSONField(default=dict)
    language = models.CharField(max_length=5, default="nl")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("invoice")
        verbose_name_plural = _("invoices")
        ordering = ["number"]

    def __str__(self) -> str:
        return self.number

    def save(self, *args, **kwargs) -> None:
        if self.pk is not None:
            raise InvoiceIsFinal(self.number)
        super().save(*args, **kwargs)


class InvoiceIsFinal(Exception):
    """An issued invoice is never changed: correct it with a credit note."""
