"""Use cases of classroom bookings: book seats (or join the waiting list), confirm, cancel,
promote from the waiting list, let holds expire, move a booking (cancelling is
courses/services/cancellations.py).

Seats are never given out twice: every change that gives or frees a seat runs in one
transaction that first takes the session's lock (`CourseSession.lock`), then counts the seats
taken, then writes. A seat is taken by a confirmed booking, and by a pending (awaiting
payment) or offered (waiting list) booking while its hold lasts; a hold that ran out frees the
seat without anyone having to write (`occupying_q`), and `expire_holds` tidies up and offers
the freed seats to the waiting list.

Messages go out after commit (courses/services/booking_mail.py), so a rolled-back booking
sends nothing; money moves through courses/services/payments.py, which (with settlement.py)
confirms a paid booking and holds its seats while a checkout is open; the providers
(courses/payments/) never call this module.

A booking is opened by its signed token (courses/services/booking_links.py, whose names this
module also offers its callers).
"""

import datetime
import secrets
from dataclasses import dataclass, field
from enum import StrEnum

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .. import codes
from ..classroom import (
    Booking,
    BookingKind,
    BookingStatus,
    CourseSession,
    Participant,
    PaymentMethod,
)
from . import booking_mail
from .booking_links import booking_from_token, booking_token, booking_url  # noqa: F401

# People read references aloud on the phone: Crockford's alphabet, no look-alikes.
_REFERENCE_LENGTH = 8
MAX_SEATS_PER_BOOKING = 20


class BookingError(Exception):
    """A booking that cannot be made or changed; the message is for the user."""


class BookingClosed(BookingError):
    """The session is cancelled, or its booking deadline passed."""


class NotEnoughSeats(BookingError):
    """Fewer seats are free than asked for (a group larger than what is left)."""

    def __init__(self, free: int) -> None:
        super().__init__(free)
        self.free = free


class CancellationClosed(BookingError):
    """The free-cancellation deadline passed; the centre cancels on request."""


class OfferNotOpen(BookingError):
    """The seat offer ran out or was already answered."""


@dataclass(frozen=True)
class ParticipantDetails:
    name: str = ""
    email: str = ""
    accreditation_register: str = ""
    registration_number: str = ""


@dataclass(frozen=True)
class BookingRequest:
    """What the booking form asked: the contact, and for one seat the participant's
    accreditation details; a group booking names its participants later."""

    session_id: int
    contact_name: str
    contact_email: str
    kind: str = BookingKind.SINGLE
    seats: int = 1
    organisation: str = ""
    accreditation_register: str = ""
    registration_number: str = ""
    language: str = "nl"
    neutral_messages: bool = False
    user_id: int | None = None
    participants: list[ParticipantDetails] = field(default_factory=list)


class ConfirmOutcome(StrEnum):
    CONFIRMED = "confirmed"
    ALREADY_CONFIRMED = "already_confirmed"
    # The hold ran out and the seat went to someone else: the caller refunds.
    NO_SEAT = "no_seat"


# --- References ---------------------------------------------------------------------------------


def _new_reference() -> str:
    while True:
        reference = "".join(secrets.choice(codes.ALPHABET) for _ in range(_REFERENCE_LENGTH))
        if not Booking.objects.filter(reference=reference).exists():
            return reference


# --- Booking -------------------------------------------------------------------------------------


def book(request: BookingRequest, *, now: datetime.datetime | None = None) -> Booking:
    """Book seats on a session, answering at once: confirmed (free), pending with the seats
    held for COURSE_PAYMENT_HOLD (paid), or on the waiting list when the session is full.

    Raises BookingClosed, or NotEnoughSeats when a group asks for more seats than are free
    (a group does not join the waiting list: seats free one at a time)."""
    now = now or timezone.now()
    with transaction.atomic():
        session = locked_session(request.session_id)
        if not session.booking_open(now):
            raise BookingClosed
        free = session.free_seats(now)
        booking = Booking(
            reference=_new_reference(),
            session=session,
            user_id=request.user_id,
            kind=request.kind,
            seats=request.seats,
            contact_name=request.contact_name,
            contact_email=request.contact_email,
            organisation=request.organisation,
            language=request.language,
            neutral_messages=request.neutral_messages,
            price_per_seat=session.price,
            created_at=now,
        )
        if free >= request.seats:
            _take_seats(booking, session, now)
        elif request.seats == 1:
            booking.status = BookingStatus.WAITLISTED
            booking.waitlisted_at = now
        else:
            raise NotEnoughSeats(free)
        booking.save()
        _add_participants(booking, request)
    _announce(booking)
    return booking


def _take_seats(booking: Booking, session: CourseSession, now: datetime.datetime) -> None:
    if session.is_free():
        booking.status = BookingStatus.CONFIRMED
        booking.payment_method = PaymentMethod.FREE
        booking.confirmed_at = now
        booking.held_until = None
    else:
        booking.status = BookingStatus.PENDING
        booking.held_until = now + settings.COURSE_PAYMENT_HOLD


def _add_participants(booking: Booking, request: BookingRequest) -> None:
    if request.kind == BookingKind.SINGLE:
        details = [
            ParticipantDetails(
                name=request.contact_name,
                email=request.contact_email,
                accreditation_register=request.accreditation_register,
                registration_number=request.registration_number,
            )
        ]
    else:
        details = list(request.participants)
    details += [ParticipantDetails()] * (booking.seats - len(details))
    Participant.objects.bulk_create(
        Participant(booking=booking, **vars(detail)) for detail in details[: booking.seats]
    )


def _announce(booking: Booking) -> None:
    if booking.status == BookingStatus.CONFIRMED:
        booking_mail.queue_booking_confirmed(booking.pk)
    elif booking.status == BookingStatus.WAITLISTED:
        booking_mail.queue_waitlisted(booking.pk)


def locked_session(session_id: int) -> CourseSession:
    """The session, locked for seat changes until the transaction ends (locked before it is
    read: `CourseSession.lock`)."""
    if not CourseSession(pk=session_id).lock():
        raise CourseSession.DoesNotExist
    return CourseSession.objects.select_related("course").get(pk=session_id)


# --- Confirming ----------------------------------------------------------------------------------


def confirm_paid(
    booking_id: int, *, payment_id: int | None = None, now: datetime.datetime | None = None
) -> ConfirmOutcome:
    """Confirm a booking whose payment arrived (or whose invoice was issued), and tell the
    booker (with the payment, when `payment_id` names one).

    Idempotent. A booking whose hold lasts, or that still finds its seats free, is confirmed;
    one whose seats went to someone else meanwhile gets NO_SEAT and is left as it is: the
    payment is refunded by the caller, the session is never overbooked."""
    now = now or timezone.now()
    session_id = Booking.objects.values_list("session_id", flat=True).get(pk=booking_id)
    with transaction.atomic():
        session = locked_session(session_id)
        booking = Booking.objects.get(pk=booking_id)
        if booking.status == BookingStatus.CONFIRMED:
            return ConfirmOutcome.ALREADY_CONFIRMED
        if not _may_confirm(booking, session, now):
            return ConfirmOutcome.NO_SEAT
        booking.status = BookingStatus.CONFIRMED
        booking.confirmed_at = now
        booking.held_until = None
        booking.save(update_fields=["status", "confirmed_at", "held_until"])
    if payment_id is None:
        booking_mail.queue_booking_confirmed(booking_id)
    else:
        booking_mail.queue_payment_received(booking_id, payment_id)
    return ConfirmOutcome.CONFIRMED


def _may_confirm(booking: Booking, session: CourseSession, now: datetime.datetime) -> bool:
    if session.is_cancelled or booking.status == BookingStatus.CANCELLED:
        return False
    if booking.hold_lasts(now):
        return True
    # The hold ran out: the seats may still be free (nobody else needed them).
    return (
        booking.status
        in (
            BookingStatus.PENDING,
            BookingStatus.OFFERED,
            BookingStatus.EXPIRED,
        )
        and session.free_seats(now) >= booking.seats
        and not _waiting_before(booking, session)
    )


def _waiting_before(booking: Booking, session: CourseSession) -> bool:
    """Whether others wait in line for the seats an expired hold gave back: then those seats
    are theirs, not the late payer's."""
    return session.bookings.filter(status=BookingStatus.WAITLISTED).exclude(pk=booking.pk).exists()


def extend_hold(
    booking_id: int, until: datetime.datetime, *, now: datetime.datetime | None = None
) -> bool:
    """Hold a pending booking's seats until `until` (the end of a payment page that cannot be
    shorter, such as Stripe Checkout's 30 minutes), when its hold still lasts: so money that
    arrives while the payment page is open always finds its seat. False when the hold had
    already run out (the seat may be someone else's by now)."""
    now = now or timezone.now()
    session_id = Booking.objects.values_list("session_id", flat=True).get(pk=booking_id)
    with transaction.atomic():
        locked_session(session_id)
        return (
            bool(
                Booking.objects.filter(
                    pk=booking_id,
                    status=BookingStatus.PENDING,
                    held_until__gt=now,
                    held_until__lt=until,
                ).update(held_until=until)
            )
            or Booking.objects.filter(pk=booking_id, held_until__gte=until).exists()
        )


def choose_payment(booking: Booking, method: str) -> None:
    """Record how the booker pays (the payment service calls this when a payment starts)."""
    Booking.objects.filter(pk=booking.pk).update(payment_method=method)
    booking.payment_method = method


# --- Waiting list --------------------------------------------------------------------------------


def promote_waiting_list(session_id: int, *, now: datetime.datetime | None = None) -> list[int]:
    """Offer the seats free now to the first in line, one seat each, in the order they
    joined; each offer holds its seat for COURSE_OFFER_VALIDITY. Returns the ids offered."""
    now = now or timezone.now()
    with transaction.atomic():
        session = locked_session(session_id)
        if session.is_cancelled or now >= session.starts_at:
            return []
        free = session.free_seats(now)
        waiting = list(
            session.bookings.filter(status=BookingStatus.WAITLISTED).order_by(
                "waitlisted_at", "pk"
            )[:free]
        )
        held_until = min(now + settings.COURSE_OFFER_VALIDITY, session.starts_at)
        for booking in waiting:
            booking.status = BookingStatus.OFFERED
            booking.held_until = held_until
            booking.save(update_fields=["status", "held_until"])
    for booking in waiting:
        booking_mail.queue_offer(booking.pk)
    return [booking.pk for booking in waiting]


def accept_offer(booking: Booking, *, now: datetime.datetime | None = None) -> Booking:
    """The first in line takes the seat offered: a free session confirms at once; a paid one
    becomes pending, its seat still held until the offer's end, for the payment to follow."""
    now = now or timezone.now()
    with transaction.atomic():
        session = locked_session(booking.session_id)
        booking.refresh_from_db()
        if booking.status != BookingStatus.OFFERED or not booking.hold_lasts(now):
            raise OfferNotOpen
        if session.is_free():
            booking.status = BookingStatus.CONFIRMED
            booking.payment_method = PaymentMethod.FREE
            booking.confirmed_at = now
            booking.held_until = None
        else:
            booking.status = BookingStatus.PENDING
        booking.save(update_fields=["status", "payment_method", "confirmed_at", "held_until"])
    if booking.status == BookingStatus.CONFIRMED:
        booking_mail.queue_booking_confirmed(booking.pk)
    return booking


def expire_holds(*, now: datetime.datetime | None = None) -> int:
    """Mark pending and offered bookings whose hold ran out as expired, and offer their seats
    to the waiting list. Runs periodically; seats are free the moment a hold ends anyway."""
    now = now or timezone.now()
    expired = Booking.objects.filter(
        status__in=(BookingStatus.PENDING, BookingStatus.OFFERED), held_until__lte=now
    )
    session_ids = set(expired.values_list("session_id", flat=True))
    count = 0
    for session_id in session_ids:
        with transaction.atomic():
            locked_session(session_id)
            count += expired.filter(session_id=session_id).update(status=BookingStatus.EXPIRED)
        promote_waiting_list(session_id, now=now)
    return count


# --- Cancelling ----------------------------------------------------------------------------------


def may_cancel(booking: Booking, *, now: datetime.datetime | None = None) -> bool:
    """Whether the booker may cancel themselves: before the free-cancellation deadline, or any
    time while not yet confirmed (pending, on the waiting list, offered)."""
    if not booking.is_active() or booking.session.is_cancelled:
        return False
    if booking.status != BookingStatus.CONFIRMED:
        return True
    return booking.session.may_cancel_free(now)


# --- Moving --------------------------------------------------------------------------------------


def move_booking(
    booking: Booking, to_session: CourseSession, *, now: datetime.datetime | None = None
) -> Booking:
    """Move a confirmed booking (its participants, payment and invoice) to another session of
    the same course; the seats it leaves go to that session's waiting list. Raises
    NotEnoughSeats when the other session has too few free seats."""
    now = now or timezone.now()
    if to_session.course_id != booking.session.course_id:
        raise BookingError("another course")
    from_session_id = booking.session_id
    with transaction.atomic():
        # Both locks, always in the same order, so two moves in opposite directions cannot
        # deadlock.
        for session_id in sorted({from_session_id, to_session.pk}):
            locked_session(session_id)
        to_session.refresh_from_db()
        if to_session.is_cancelled:
            raise BookingClosed
        if to_session.free_seats(now) < booking.seats:
            raise NotEnoughSeats(to_session.free_seats(now))
        booking.session = to_session
        booking.reminders_sent = []
        booking.save(update_fields=["session", "reminders_sent"])
    booking_mail.queue_booking_confirmed(booking.pk)
    promote_waiting_list(from_session_id, now=now)
    return booking


# --- Naming participants -------------------------------------------------------------------------


def name_participants(booking: Booking, details: list[ParticipantDetails]) -> None:
    """A group booking's contact names (or renames) its participants, seat by seat."""
    with transaction.atomic():
        for participant, detail in zip(booking.participants.order_by("pk"), details, strict=False):
            for name, value in vars(detail).items():
                setattr(participant, name, value)
            participant.save()


# --- A signed-in user's bookings -----------------------------------------------------------------


@dataclass(frozen=True)
class BookingLink:
    booking: Booking
    token: str


def bookings_of(user_id: int) -> list[BookingLink]:
    """The bookings a signed-in user made, coming sessions first, each with its page's token
    ("Mijn trainingen" links to them). One query."""
    found = (
        Booking.objects.filter(user_id=user_id, anonymised_at__isnull=True)
        .select_related("session__course")
        .order_by("-session__starts_at", "-pk")
    )
    return [BookingLink(booking=booking, token=booking_token(booking)) for booking in found]
