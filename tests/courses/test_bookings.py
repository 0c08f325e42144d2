"""Booking a classroom session: seats, holds, the waiting list and its offers, cancelling,
moving; the rules a participant and a coordinator rely on (courses/services/bookings.py and
cancellations.py)."""

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from courses.classroom import Booking, BookingKind, BookingStatus, SessionStatus
from courses.factories import BookingFactory, CourseSessionFactory
from courses.services import bookings, cancellations


def _request(session, number: int = 1, **overrides) -> bookings.BookingRequest:
    values = {
        "session_id": session.pk,
        "contact_name": f"Deelnemer {number}",
        "contact_email": f"deelnemer{number}@example.org",
        "organisation": "OBS De Linde",
        "accreditation_register": "Registerplein",
        "registration_number": "RP123",
    }
    values.update(overrides)
    return bookings.BookingRequest(**values)


def _fill(session, seats: int) -> None:
    for _ in range(seats):
        BookingFactory(session=session)


@pytest.mark.django_db
class TestBooking:
    def test_a_free_seat_is_confirmed_at_once_with_a_reference_and_the_accreditation(
        self, free_session
    ):
        booking = bookings.book(_request(free_session))

        assert booking.status == BookingStatus.CONFIRMED
        assert len(booking.reference) == 8
        participant = booking.participants.get()
        assert (participant.name, participant.registration_number) == ("Deelnemer 1", "RP123")
        assert free_session.free_seats() == 9

    def test_a_paid_seat_is_held_for_the_payment_and_freed_when_the_hold_runs_out(
        self, paid_session, settings
    ):
        now = timezone.now()
        booking = bookings.book(_request(paid_session), now=now)

        assert booking.status == BookingStatus.PENDING
        assert booking.held_until == now + settings.COURSE_PAYMENT_HOLD
        assert paid_session.free_seats(now) == 9
        after_hold = booking.held_until + datetime.timedelta(seconds=1)
        assert paid_session.free_seats(after_hold) == 10

    def test_a_full_session_puts_one_seat_on_the_waiting_list(self, free_session):
        _fill(free_session, 10)

        booking = bookings.book(_request(free_session))

        assert booking.status == BookingStatus.WAITLISTED
        assert free_session.free_seats() == 0

    def test_a_group_larger_than_the_free_seats_is_refused_with_the_number_left(self, free_session):
        _fill(free_session, 8)

        with pytest.raises(bookings.NotEnoughSeats) as refused:
            bookings.book(_request(free_session, kind=BookingKind.GROUP, seats=3))

        assert refused.value.free == 2
        assert Booking.objects.filter(session=free_session).count() == 8

    def test_a_group_booking_has_a_seat_per_participant_to_be_named(self, free_session):
        booking = bookings.book(_request(free_session, kind=BookingKind.GROUP, seats=4))

        assert booking.participants.count() == 4
        assert free_session.free_seats() == 6

    def test_no_booking_after_the_deadline_or_on_a_cancelled_session(self, free_session):
        after_deadline = free_session.booking_deadline + datetime.timedelta(minutes=1)
        with pytest.raises(bookings.BookingClosed):
            bookings.book(_request(free_session), now=after_deadline)

        free_session.status = SessionStatus.CANCELLED
        free_session.save()
        with pytest.raises(bookings.BookingClosed):
            bookings.book(_request(free_session))


@pytest.mark.django_db
class TestWaitingList:
    def test_a_cancellation_offers_the_seat_to_the_first_in_line_only(self, free_session, settings):
        _fill(free_session, 9)
        mehmet = bookings.book(_request(free_session, 1))
        first = bookings.book(_request(free_session, 2))
        second = bookings.book(_request(free_session, 3))
        now = timezone.now()

        cancellations.cancel_booking(mehmet, now=now)

        first.refresh_from_db()
        second.refresh_from_db()
        assert first.status == BookingStatus.OFFERED
        assert first.held_until == now + settings.COURSE_OFFER_VALIDITY
        assert second.status == BookingStatus.WAITLISTED
        assert free_session.free_seats(now) == 0

    def test_an_unanswered_offer_passes_to_the_next_in_line(self, free_session):
        _fill(free_session, 9)
        mehmet = bookings.book(_request(free_session, 1))
        first = bookings.book(_request(free_session, 2))
        second = bookings.book(_request(free_session, 3))
        cancellations.cancel_booking(mehmet)
        first.refresh_from_db()

        later = first.held_until + datetime.timedelta(minutes=1)
        assert bookings.expire_holds(now=later) == 1

        first.refresh_from_db()
        second.refresh_from_db()
        assert first.status == BookingStatus.EXPIRED
        assert second.status == BookingStatus.OFFERED

    def test_taking_an_offered_seat_of_a_free_session_confirms_it(self, free_session):
        _fill(free_session, 9)
        mehmet = bookings.book(_request(free_session, 1))
        colleague = bookings.book(_request(free_session, 2))
        cancellations.cancel_booking(mehmet)
        colleague.refresh_from_db()

        bookings.accept_offer(colleague)

        colleague.refresh_from_db()
        assert colleague.status == BookingStatus.CONFIRMED
        with pytest.raises(bookings.OfferNotOpen):
            bookings.accept_offer(colleague)

    def test_an_offered_seat_of_a_paid_session_waits_for_the_payment(self, paid_session):
        _fill(paid_session, 9)
        mehmet = BookingFactory(session=paid_session)
        colleague = bookings.book(_request(paid_session, 2))
        cancellations.cancel_booking(mehmet)
        colleague.refresh_from_db()
        offer_ends = colleague.held_until

        bookings.accept_offer(colleague)

        colleague.refresh_from_db()
        assert colleague.status == BookingStatus.PENDING
        assert colleague.held_until == offer_ends


@pytest.mark.django_db
class TestConfirmingAPayment:
    def test_confirming_twice_confirms_once(self, paid_session):
        booking = bookings.book(_request(paid_session))

        assert bookings.confirm_paid(booking.pk) == bookings.ConfirmOutcome.CONFIRMED
        assert bookings.confirm_paid(booking.pk) == bookings.ConfirmOutcome.ALREADY_CONFIRMED

    def test_a_payment_after_the_hold_confirms_while_the_seat_is_still_free(self, paid_session):
        booking = bookings.book(_request(paid_session))
        late = booking.held_until + datetime.timedelta(minutes=5)

        assert bookings.confirm_paid(booking.pk, now=late) == bookings.ConfirmOutcome.CONFIRMED

    def test_a_payment_after_the_seat_went_to_someone_else_never_overbooks(self, paid_session):
        _fill(paid_session, 9)
        late_payer = bookings.book(_request(paid_session, 1))
        late = late_payer.held_until + datetime.timedelta(minutes=5)
        BookingFactory(session=paid_session)  # the freed seat, taken meanwhile

        outcome = bookings.confirm_paid(late_payer.pk, now=late)

        assert outcome == bookings.ConfirmOutcome.NO_SEAT
        late_payer.refresh_from_db()
        assert late_payer.status == BookingStatus.PENDING
        assert paid_session.seats_taken(late) == 10


@pytest.mark.django_db
class TestHolds:
    def test_a_payment_page_that_outlasts_the_hold_extends_it_while_it_lasts(self, paid_session):
        now = timezone.now()
        booking = bookings.book(_request(paid_session), now=now)
        checkout_ends = booking.held_until + datetime.timedelta(minutes=5)

        assert bookings.extend_hold(booking.pk, checkout_ends, now=now)

        booking.refresh_from_db()
        assert booking.held_until == checkout_ends

    def test_a_hold_that_ran_out_is_not_revived(self, paid_session):
        now = timezone.now()
        booking = bookings.book(_request(paid_session), now=now)
        later = booking.held_until + datetime.timedelta(minutes=1)

        assert not bookings.extend_hold(
            booking.pk, later + datetime.timedelta(minutes=30), now=later
        )


@pytest.mark.django_db
class TestCancelling:
    def test_the_booker_cancels_until_the_deadline_and_not_after(self, free_session):
        booking = bookings.book(_request(free_session))
        after = free_session.cancellation_deadline + datetime.timedelta(minutes=1)

        with pytest.raises(bookings.CancellationClosed):
            cancellations.cancel_booking(booking, now=after)
        assert cancellations.cancel_booking(booking) is True
        assert cancellations.cancel_booking(booking) is False

    def test_the_centre_cancels_a_session_tells_everyone_and_offers_no_seat(
        self, free_session, outbox_email, django_capture_on_commit_callbacks
    ):
        confirmed = [bookings.book(_request(free_session, number)) for number in range(10)]
        waiting = bookings.book(_request(free_session, 99))

        with django_capture_on_commit_callbacks(execute=True):
            assert cancellations.cancel_session(free_session) == 11

        statuses = set(
            Booking.objects.filter(session=free_session).values_list("status", flat=True)
        )
        assert statuses == {BookingStatus.CANCELLED}
        recipients = sorted(message.to[0] for message in mail.outbox)
        expected = sorted(b.contact_email for b in [*confirmed, waiting])
        assert recipients == expected
        assert cancellations.cancel_session(free_session) == 0


@pytest.mark.django_db
class TestMoving:
    def test_a_booking_moves_to_another_date_and_its_seat_goes_to_the_waiting_list(
        self, free_session, classroom_course
    ):
        other = CourseSessionFactory(course=classroom_course, capacity=5)
        _fill(free_session, 9)
        booking = bookings.book(_request(free_session, 1))
        waiting = bookings.book(_request(free_session, 2))

        bookings.move_booking(booking, other)

        waiting.refresh_from_db()
        assert booking.session == other
        assert other.free_seats() == 4
        assert waiting.status == BookingStatus.OFFERED

    def test_no_move_to_a_full_date(self, free_session, classroom_course):
        other = CourseSessionFactory(course=classroom_course, capacity=1)
        BookingFactory(session=other)
        booking = bookings.book(_request(free_session))

        with pytest.raises(bookings.NotEnoughSeats):
            bookings.move_booking(booking, other)
        booking.refresh_from_db()
        assert booking.session == free_session


@pytest.mark.django_db
class TestTokens:
    def test_a_token_opens_its_own_booking_only(self, free_session):
        mine = bookings.book(_request(free_session, 1))
        theirs = bookings.book(_request(free_session, 2))
        token = bookings.booking_token(mine)

        assert bookings.booking_from_token(token) == mine
        # Their id with my signature: the signature no longer matches.
        their_payload = bookings.booking_token(theirs).split(":", 1)[0]
        forged = f"{their_payload}:{token.split(':', 1)[1]}"
        assert bookings.booking_from_token(forged) is None
        assert bookings.booking_from_token("nonsense") is None
        assert bookings.booking_from_token(bookings.booking_token(theirs)) == theirs


@pytest.mark.django_db
def test_the_maintenance_timer_expires_holds_and_offers_the_seat_to_the_next_in_line(
    paid_session, outbox_email, django_capture_on_commit_callbacks
):
    _fill(paid_session, 9)
    unpaid = bookings.book(_request(paid_session, 1))
    waiting = bookings.book(_request(paid_session, 2))
    Booking.objects.filter(pk=unpaid.pk).update(held_until=timezone.now())
    output = StringIO()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("run_maintenance", stdout=output)

    unpaid.refresh_from_db()
    waiting.refresh_from_db()
    assert "== expire_booking_holds" in output.getvalue()
    assert unpaid.status == BookingStatus.EXPIRED
    assert waiting.status == BookingStatus.OFFERED
    assert [m.to for m in mail.outbox if m.to == [waiting.contact_email]]
