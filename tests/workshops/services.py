"""Use cases of workshops: book a seat (with its confirmation email), and what the views list."""

from datetime import timedelta

from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from portal.mail.services import absolute_url, send_templated_mail
from portal.privacy.identity import verified_email_addresses

from .models import Workshop, WorkshopBooking


class NotBookable(Exception):
    """The workshop is full, or no longer offered."""


def book_seat(
    workshop: Workshop, *, name: str, email: str, language: str, user=None
) -> WorkshopBooking:
    """Book one seat and queue the confirmation email; raises NotBookable when none is free."""
    with transaction.atomic():
        # Locked, so two visitors cannot both take the last seat.
        locked = Workshop.objects.select_for_update().filter(pk=workshop.pk, live=True).first()
        if locked is None or locked.bookings.count() >= locked.capacity:
            raise NotBookable
        booking = WorkshopBooking.objects.create(
            workshop=locked,
            user=user if user is not None and user.is_authenticated else None,
            name=name.strip(),
            email=email.strip().lower(),
            language=language,
        )
    send_templated_mail(
        "workshops/mail/booked",
        {"workshop": locked.title, "status_url": status_url(booking)},
        booking.email,
        language=booking.language,
        useful_for=timedelta(days=2),
    )
    return booking


def status_url(booking: WorkshopBooking) -> str:
    """The booking's status page, in the booker's language, as an absolute address."""
    return absolute_url(
        "workshops:booking_status", args=(booking.reference,), language=booking.language
    )


def live_workshops() -> QuerySet[Workshop]:
    return (
        Workshop.objects.filter(live=True)
        .select_related("venue")
        .annotate(booked=Count("bookings"))
        .order_by("starts_at", "pk")
    )


def workshops_on(day) -> QuerySet[Workshop]:
    return live_workshops().filter(starts_at__date=day)


def workshops_in_month(month: str) -> QuerySet[Workshop]:
    """`month` as "2026-05"."""
    year, number = (int(part) for part in month.split("-"))
    return live_workshops().filter(starts_at__year=year, starts_at__month=number)


def bookings_of(user) -> QuerySet[WorkshopBooking]:
    """The user's bookings: made while signed in, or with an address the account verified
    (user.email alone never counts: it can change without verification)."""
    return WorkshopBooking.objects.filter(
        Q(user=user) | Q(email__in=verified_email_addresses(user))
    ).select_related("workshop")


def all_bookings() -> QuerySet[WorkshopBooking]:
    return WorkshopBooking.objects.select_related("workshop").order_by("workshop__starts_at", "pk")


def today():
    return timezone.localdate()
