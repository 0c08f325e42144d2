"""Workshop bookings in the personal data registry (found by autodiscovery: portal/privacy).

A booking belongs to a user when it was made while signed in, or with an address the account
verified. Retention: a year after the booking, unless settings.RETENTION_DAYS["workshop_booking"]
says otherwise.
"""

from datetime import datetime, timedelta
from typing import Any

from portal.privacy import PersonalDataOwner, exempt, register

from .models import WorkshopBooking
from .services import bookings_of


def export(user) -> list[dict[str, Any]]:
    return [
        {
            "reference": booking.reference,
            "workshop": booking.workshop.title,
            "name": booking.name,
            "email": booking.email,
            "booked_at": booking.created_at.isoformat(),
        }
        for booking in bookings_of(user)
    ]


def erase(user) -> int:
    return WorkshopBooking.objects.filter(pk__in=bookings_of(user).values("pk")).delete()[0]


def purge(cutoff: datetime) -> int:
    return WorkshopBooking.objects.filter(created_at__lt=cutoff).delete()[0]


register(
    PersonalDataOwner(
        key="workshop_booking",
        label="Workshop bookings",
        models=[WorkshopBooking],
        exporter=export,
        eraser=erase,
        default_retention=timedelta(days=365),
        purger=purge,
    )
)

exempt("workshops.Venue", fields=["name"], reason="the name of a building, not of a person")
