"""Test data for the courses (factory-boy, wagtail-factories).

catalogue = CourseIndexPageFactory(parent=home)
course = CoursePageFactory(parent=catalogue, themes=[theme], audiences=[audience])
course = CoursePageFactory(parent=catalogue, format=CourseFormat.CLASSROOM, price=Decimal("195"))
lesson = LessonPageFactory(parent=course, body=[("quiz", quiz_value(...))])
"""

import datetime
from decimal import Decimal

import factory
from django.utils import timezone
from wagtail.models import Locale

from portal.factories import PortalPageFactory
from portal.models import Municipality

from .choices import CourseFormat, LessonKind, QuestionKind
from .classroom import Booking, BookingStatus, CourseSession, CourseSessionDay, Participant
from .models import CourseIndexPage, CoursePage, LessonPage


class CourseIndexPageFactory(PortalPageFactory):
    title = "Trainingen"
    slug = "trainingen"
    intro = "Trainingen over huiselijk geweld en kindermishandeling."

    class Meta:
        model = CourseIndexPage


class CoursePageFactory(PortalPageFactory):
    """A live, free online course in Dutch; `themes`, `audiences` and `municipalities` take
    lists of labels."""

    title = factory.Sequence(lambda number: f"Training {number}")
    slug = factory.Sequence(lambda number: f"training-{number}")
    format = CourseFormat.ONLINE
    intro = "Wat u leert en wat u daarna kunt doen."
    what_you_learn = "<ul><li>Signalen herkennen</li></ul>"
    for_whom = "<p>Iedereen die zich zorgen maakt.</p>"
    duration_minutes = 45
    last_reviewed = factory.LazyFunction(datetime.date.today)

    class Meta:
        model = CoursePage

    @factory.post_generation
    def themes(course, create: bool, terms, **kwargs) -> None:
        if create and terms:
            course.themes.set(terms)
            course.save()

    @factory.post_generation
    def audiences(course, create: bool, terms, **kwargs) -> None:
        if create and terms:
            course.audiences.set(terms)
            course.save()

    @factory.post_generation
    def municipalities(course, create: bool, terms, **kwargs) -> None:
        if create and terms:
            course.municipalities.set(terms)
            course.save()


class LessonPageFactory(PortalPageFactory):
    title = factory.Sequence(lambda number: f"Les {number}")
    slug = factory.Sequence(lambda number: f"les-{number}")
    kind = LessonKind.LESSON
    estimated_minutes = 10
    body = factory.LazyFunction(lambda: [("text", "<p>Wat u in deze les leert.</p>")])

    class Meta:
        model = LessonPage


def question(
    text: str, answers: list[tuple[str, bool, str]], kind: str = QuestionKind.SINGLE
) -> dict:
    """A quiz question; `answers` are (text, is_correct, feedback)."""
    return {
        "kind": kind,
        "question": text,
        "choices": [
            {"text": answer, "is_correct": correct, "feedback": feedback}
            for answer, correct, feedback in answers
        ],
    }


def quiz_value(title: str = "Test uzelf", questions: list[dict] | None = None) -> dict:
    """A quiz block's value: by default one question of each kind (the right answers: 1; 1 and 3;
    and 2)."""
    if questions is None:
        questions = [
            question(
                "Wie belt u voor advies?",
                [
                    ("Veilig Thuis", True, "Juist: Veilig Thuis geeft advies."),
                    ("Niemand", False, "U hoeft het niet alleen te doen."),
                ],
            ),
            question(
                "Welke zijn signalen?",
                [
                    ("Angstig gedrag", True, "Ja, dat kan een signaal zijn."),
                    ("Een nieuwe fiets", False, "Dat zegt niets."),
                    ("Onverklaard letsel", True, "Ja, vooral bij herhaling."),
                ],
                QuestionKind.MULTIPLE,
            ),
            question(
                "U moet zeker weten dat er iets aan de hand is voor u advies vraagt.",
                [
                    ("Waar", False, "Nee: ook bij twijfel mag u bellen."),
                    ("Niet waar", True, "Klopt: een vermoeden is genoeg."),
                ],
                QuestionKind.TRUE_FALSE,
            ),
        ]
    return {"title": title, "questions": questions}


# --- Classroom courses ---------------------------------------------------------------------------


def _in_days(days: int, hour: int = 9) -> datetime.datetime:
    moment = datetime.datetime.combine(
        timezone.localdate() + datetime.timedelta(days=days), datetime.time(hour)
    )
    return timezone.make_aware(moment)


class CourseSessionFactory(factory.django.DjangoModelFactory):
    """A scheduled session of `course` (pass one: a CoursePageFactory(format=CLASSROOM)), in
    three weeks, one day 9:00-16:00, 10 seats, free; `days=n` adds n consecutive days.
    `municipality` defaults to a Municipality named Tilburg."""

    starts_at = factory.LazyFunction(lambda: _in_days(21))
    venue_name = "Vergadercentrum De Kring"
    street_address = "Stationsstraat 10"
    postal_code = "5038 EA"
    city = "Tilburg"
    municipality = factory.LazyFunction(lambda: _municipality("Tilburg"))
    capacity = 10
    trainers = "Ingrid de Vries"
    price = Decimal("0")
    booking_deadline = factory.LazyAttribute(lambda s: s.starts_at - datetime.timedelta(days=2))
    cancellation_deadline = factory.LazyAttribute(
        lambda s: s.starts_at - datetime.timedelta(days=7)
    )

    class Meta:
        model = CourseSession
        skip_postgeneration_save = True

    @factory.post_generation
    def days(session, create: bool, count, **kwargs) -> None:
        if not create:
            return
        first = timezone.localtime(session.starts_at)
        for offset in range(count or 1):
            CourseSessionDay.objects.create(
                session=session,
                date=first.date() + datetime.timedelta(days=offset),
                start_time=first.time(),
                end_time=datetime.time(16),
            )


def _municipality(name: str) -> Municipality:
    municipality = Municipality.objects.filter(name=name).first()
    if municipality is None:
        municipality = Municipality.objects.create(
            name=name, slug=name.lower().replace(" ", "-"), locale=Locale.get_default()
        )
    return municipality


class BookingFactory(factory.django.DjangoModelFactory):
    """A confirmed one-seat booking with its named participant."""

    reference = factory.Sequence(lambda number: f"T{number:07d}")
    session = factory.SubFactory(CourseSessionFactory)
    status = BookingStatus.CONFIRMED
    contact_name = factory.Sequence(lambda number: f"Deelnemer {number}")
    contact_email = factory.Sequence(lambda number: f"deelnemer{number}@example.org")
    organisation = "Basisschool De Regenboog"
    seats = 1
    confirmed_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Booking
        skip_postgeneration_save = True

    @factory.post_generation
    def participants(booking, create: bool, names, **kwargs) -> None:
        if not create:
            return
        names = names or [booking.contact_name] * booking.seats
        for name in names:
            Participant.objects.create(
                booking=booking,
                name=name,
                email=booking.contact_email if name == booking.contact_name else "",
                accreditation_register="Registerplein",
                registration_number="123456",
            )
