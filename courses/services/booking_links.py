"""The link that opens a booking: its id signed with SECRET_KEY.

Nothing to store, so any later message (a reminder, a seat offer) can carry the link; changing
the id in it breaks the signature; SECRET_KEY_FALLBACKS keep old links working across a key
rotation. Apart from bookings.py so that the messages (booking_mail.py), which bookings.py
sends, can build links without importing it.
"""

from django.core import signing

from portal.mail.services import absolute_url

from ..classroom import Booking

_TOKEN_SALT = "steiger.courses.booking"


def booking_token(booking: Booking) -> str:
    # Signer, not signing.dumps: no timestamp, so a booking has one link, the same in every
    # message.
    return signing.Signer(salt=_TOKEN_SALT).sign_object(booking.pk)


def booking_from_token(token: str) -> Booking | None:
    """The booking a token opens, or None for any token that is not one of ours."""
    try:
        booking_id = signing.Signer(salt=_TOKEN_SALT).unsign_object(token)
    except signing.BadSignature:
        return None
    if not isinstance(booking_id, int):
        return None
    return (
        Booking.objects.select_related("session__course", "session__municipality")
        .filter(pk=booking_id, anonymised_at__isnull=True)
        .first()
    )


def booking_url(booking: Booking) -> str:
    """The absolute link to the booking's page, for messages."""
    return absolute_url(
        "courses:booking", args=(booking_token(booking),), language=booking.language
    )
