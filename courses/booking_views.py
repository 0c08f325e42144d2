"""The booker's pages of a classroom session: the booking form, the booking's own page (opened
by its signed token), accepting a seat offer, cancelling, naming a group's participants.

Thin: parse, call courses/services/bookings.py, render. Every answer depends on who asks or
on live seat counts, so none is stored anywhere (never_cache); a booking's own pages are
private (`private_area`: no crawler, no history rewriting by the quick exit), the booking form
is public.
"""

import contextlib

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from portal.ratelimit import RATE_LIMITED_MESSAGE, allow_request, mark_rate_limited
from portal.security.areas import private_area

from . import forms
from .classroom import Booking, BookingKind, BookingStatus, CourseSession
from .services import bookings, cancellations, sessions

BOOKING_ACTION = "courses_booking"


def _session(raw_id: int) -> CourseSession:
    try:
        return sessions.bookable_session(raw_id)
    except CourseSession.DoesNotExist:
        raise Http404 from None


def _booking(token: str) -> Booking:
    booking = bookings.booking_from_token(token)
    if booking is None:
        raise Http404
    return booking


def _see_other(url: str) -> HttpResponse:
    response = redirect(url)
    response.status_code = 303
    return response


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def book(request: HttpRequest, session_id: int) -> HttpResponse:
    """The booking form of one session; a full session's form joins the waiting list."""
    session = _session(session_id)
    free = session.free_seats()
    form = forms.BookingForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        if not allow_request(request, BOOKING_ACTION, settings.COURSE_BOOKING_RATE_LIMIT):
            form.add_error(None, RATE_LIMITED_MESSAGE)
            return mark_rate_limited(_booking_form(request, session, form, free, status=429))
        if form.is_valid() and not form.is_spam():
            try:
                booking = bookings.book(_booking_request(request, session, form.cleaned_data))
            except bookings.BookingClosed:
                form.add_error(None, forms.BOOKING_CLOSED)
            except bookings.NotEnoughSeats as error:
                free = error.free
                form.add_error("seats", forms.not_enough_seats(error.free))
            else:
                return _see_other(_booking_path(booking))
        elif form.is_valid():
            # The honeypot was filled: a bot. It sees the form again, nothing booked.
            return _booking_form(request, session, forms.BookingForm(), free)
        status = 400
    return _booking_form(request, session, form, free, status=status)


def _booking_request(request: HttpRequest, session: CourseSession, data: dict):
    return bookings.BookingRequest(
        session_id=session.pk,
        kind=data["kind"],
        seats=data["seats"],
        contact_name=data["contact_name"],
        contact_email=data["contact_email"],
        organisation=data["organisation"],
        accreditation_register=data["accreditation_register"],
        registration_number=data["registration_number"],
        neutral_messages=data["neutral_messages"],
        language=translation.get_language() or "nl",
        user_id=request.user.pk if request.user.is_authenticated else None,
    )


def _booking_form(
    request: HttpRequest, session: CourseSession, form, free: int, status: int = 200
) -> TemplateResponse:
    return TemplateResponse(
        request,
        "courses/booking/book.html",
        {
            "session": session,
            "course": session.course,
            "days": list(session.days.all()),
            "free_seats": free,
            "form": form,
            "single": BookingKind.SINGLE,
            "group": BookingKind.GROUP,
        },
        status=status,
    )


def _booking_path(booking: Booking) -> str:
    return reverse("courses:booking", args=[bookings.booking_token(booking)])


@private_area
@never_cache
def booking(request: HttpRequest, token: str) -> HttpResponse:
    """The booking's own page: where it stands and what the booker can do next."""
    booking = _booking(token)
    now = timezone.now()
    session = booking.session
    participants = list(booking.participants.select_related("certificate"))
    context = {
        "booking": booking,
        "token": token,
        "session": session,
        "course": session.course,
        "days": list(session.days.all()),
        "participants": participants,
        "status": BookingStatus,
        "hold_lasts": booking.hold_lasts(now),
        "may_cancel": bookings.may_cancel(booking, now=now),
        "needs_payment": booking.status == BookingStatus.PENDING and booking.hold_lasts(now),
        "invoices": list(booking.invoices.order_by("number")),
        "unnamed": booking.kind == BookingKind.GROUP
        and booking.is_active()
        and any(not participant.name for participant in participants),
    }
    return TemplateResponse(request, "courses/booking/booking.html", context)


@private_area
@never_cache
@require_POST
def accept_offer(request: HttpRequest, token: str) -> HttpResponse:
    """The first in line takes the seat offered; a paid session goes on to the payment."""
    booking = _booking(token)
    try:
        booking = bookings.accept_offer(booking)
    except bookings.OfferNotOpen:
        return _see_other(_booking_path(booking))
    if booking.status == BookingStatus.PENDING:
        return _see_other(reverse("courses:payment_choice", args=[token]))
    return _see_other(_booking_path(booking))


@private_area
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def cancel(request: HttpRequest, token: str) -> HttpResponse:
    """Cancelling, with a confirmation step that says what happens to the payment."""
    booking = _booking(token)
    if not bookings.may_cancel(booking):
        return _see_other(_booking_path(booking))
    if request.method == "POST":
        with contextlib.suppress(bookings.CancellationClosed):
            cancellations.cancel_booking(booking)
        return _see_other(_booking_path(booking))
    return TemplateResponse(
        request,
        "courses/booking/cancel.html",
        {"booking": booking, "token": token, "session": booking.session},
    )


@private_area
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def participants(request: HttpRequest, token: str) -> HttpResponse:
    """A group booking's contact names who sits in each seat."""
    booking = _booking(token)
    if booking.kind != BookingKind.GROUP or not booking.is_active():
        return _see_other(_booking_path(booking))
    seats = list(booking.participants.order_by("pk"))
    initial = [
        {
            "name": seat.name,
            "email": seat.email,
            "accreditation_register": seat.accreditation_register,
            "registration_number": seat.registration_number,
        }
        for seat in seats
    ]
    formset = forms.ParticipantFormSet(
        request.POST if request.method == "POST" else None, initial=initial, prefix="seat"
    )
    status = 200
    if request.method == "POST":
        if formset.is_valid():
            details = [
                bookings.ParticipantDetails(**{k: v for k, v in form.cleaned_data.items()})
                for form in formset.forms
            ]
            bookings.name_participants(booking, details)
            return _see_other(_booking_path(booking))
        status = 400
    return TemplateResponse(
        request,
        "courses/booking/participants.html",
        {"booking": booking, "token": token, "formset": formset, "session": booking.session},
        status=status,
    )
