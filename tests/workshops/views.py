"""The app's own views, each declaring what it needs where it is defined (no list in portal/).

- my_bookings: @require_mfa, for one view: sign-in required; role holders need their second factor.
- coordination: behind require_mfa for the whole `coordinatie/` include (urls.py), and the
  permission that the app's data migration grants the training coordinators.
- staff_overview: @staff_only.
- booking_status: @never_stored and @private_area: the reference in its address is the key to
  a booking; no browser, proxy or page cache may keep the answer, and no crawler may visit it.
- free_seats: @CachePolicy(max_age=0): live numbers.
- today: @CachePolicy(max_age=5): may be five seconds old.
- agenda: @CachePolicy(query=...): the one query parameter it reads, with its pattern.
- about: declares nothing: a public page, cached like any other.
"""

from django.contrib.auth.decorators import permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from portal.accounts.decorators import require_mfa, staff_only
from portal.page_cache import CachePolicy
from portal.security.areas import never_stored, private_area

from . import services
from .models import WorkshopBooking

MONTH_PARAMETER = "maand"


def _listing(request: HttpRequest, heading: str, rows: list[str]) -> TemplateResponse:
    return TemplateResponse(request, "workshops/listing.html", {"heading": heading, "rows": rows})


def _seats(workshop) -> str:
    return f"{workshop.title}: {workshop.capacity - workshop.booked} of {workshop.capacity} free"


@require_mfa
def my_bookings(request: HttpRequest) -> TemplateResponse:
    rows = [booking.workshop.title for booking in services.bookings_of(request.user)]
    return _listing(request, "My bookings", rows)


@permission_required("workshops.view_workshopbooking", raise_exception=True)
def coordination(request: HttpRequest) -> TemplateResponse:
    return TemplateResponse(
        request, "workshops/coordination.html", {"bookings": services.all_bookings()}
    )


@staff_only
def staff_overview(request: HttpRequest) -> TemplateResponse:
    return _listing(
        request, "Seats per workshop", [_seats(workshop) for workshop in services.live_workshops()]
    )


@private_area
@never_stored
def booking_status(request: HttpRequest, reference: str) -> TemplateResponse:
    booking = get_object_or_404(
        WorkshopBooking.objects.select_related("workshop"), reference=reference
    )
    return TemplateResponse(request, "workshops/booking_status.html", {"booking": booking})


@CachePolicy(max_age=0)
def free_seats(request: HttpRequest) -> TemplateResponse:
    return _listing(
        request, "Free seats", [_seats(workshop) for workshop in services.live_workshops()]
    )


@CachePolicy(max_age=5)
def today(request: HttpRequest) -> TemplateResponse:
    rows = [_seats(workshop) for workshop in services.workshops_on(services.today())]
    return _listing(request, "Today's workshops", rows)


@CachePolicy(query={MONTH_PARAMETER: r"20[0-9]{2}-(0[1-9]|1[0-2])"})
def agenda(request: HttpRequest) -> HttpResponse:
    month = request.GET.get(MONTH_PARAMETER)
    workshops = services.workshops_in_month(month) if month else services.live_workshops()
    heading = f"Agenda {month}" if month else "Agenda"
    return _listing(request, heading, [workshop.title for workshop in workshops])


def about(request: HttpRequest) -> TemplateResponse:
    return _listing(request, "About the workshops", ["Small groups, practical exercises."])
