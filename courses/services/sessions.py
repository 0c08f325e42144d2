"""Reading classroom sessions for the public: a course's upcoming dates with their free seats.

Free seats are counted in the same query as the sessions (`with_seats_taken`), so a course
page costs the same number of queries whatever the number of sessions; the page says how
fresh the count is (CoursePage.cache_policy: at most a few seconds).
"""

import datetime
from dataclasses import dataclass

from django.db.models import Prefetch
from django.utils import timezone

from ..classroom import CourseSession, CourseSessionDay


@dataclass(frozen=True)
class SessionListing:
    session: CourseSession
    days: list[CourseSessionDay]
    free_seats: int
    waiting: int
    bookable: bool

    @property
    def full(self) -> bool:
        return self.free_seats == 0


def upcoming_sessions(
    course_id: int,
    *,
    municipality_slug: str | None = None,
    now: datetime.datetime | None = None,
) -> list[SessionListing]:
    """The course's scheduled sessions still to start, soonest first, optionally in one
    municipality (by slug, in any language)."""
    now = now or timezone.now()
    sessions = (
        CourseSession.objects.filter(course_id=course_id)
        .upcoming(now)
        .with_seats_taken(now)
        .select_related("municipality")
        .prefetch_related(Prefetch("days", queryset=CourseSessionDay.objects.order_by("date")))
    )
    if municipality_slug:
        sessions = sessions.filter(municipality__slug=municipality_slug)
    return [
        SessionListing(
            session=session,
            days=list(session.days.all()),
            free_seats=max(session.capacity - session.seats_taken, 0),
            waiting=session.waiting_count,
            bookable=session.booking_open(now),
        )
        for session in sessions
    ]


def session_municipalities(course_id: int, now: datetime.datetime | None = None) -> list[tuple]:
    """(slug, name) of the municipalities where the course has upcoming sessions."""
    return list(
        CourseSession.objects.filter(course_id=course_id)
        .upcoming(now)
        .values_list("municipality__slug", "municipality__name")
        .distinct()
        .order_by("municipality__name")
    )


def bookable_session(session_id: int, now: datetime.datetime | None = None) -> CourseSession:
    """A session the public may open a booking form for (raises CourseSession.DoesNotExist:
    a cancelled or past one, or one of a course that is not live)."""
    return (
        CourseSession.objects.upcoming(now)
        .select_related("course", "municipality")
        .prefetch_related("days")
        .get(pk=session_id, course__live=True)
    )
