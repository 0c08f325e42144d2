"""Test data for the courses (factory-boy, wagtail-factories).

catalogue = CourseIndexPageFactory(parent=home)
course = CoursePageFactory(parent=catalogue, themes=[theme], audiences=[audience])
course = CoursePageFactory(parent=catalogue, format=CourseFormat.CLASSROOM, price=Decimal("195"))
lesson = LessonPageFactory(parent=course, body=[("quiz", quiz_value(...))])
"""

import datetime

import factory

from portal.factories import PortalPageFactory

from .choices import CourseFormat, LessonKind, QuestionKind
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
