"""A course catalogue on the test site: the Dutch home page -> Trainingen -> courses -> lessons."""

from decimal import Decimal

import pytest
from wagtail.models import Locale

from courses.choices import CourseFormat
from courses.factories import (
    CourseIndexPageFactory,
    CoursePageFactory,
    CourseSessionFactory,
    LessonPageFactory,
    quiz_value,
)
from portal.models import Audience, Municipality, Theme

# The local stub of Stripe's HTTP API and the settings that point the site at it (fixtures).
from tests.courses.stripe_stub import stripe_settings, stripe_stub  # noqa: F401


@pytest.fixture
def catalogue(home):
    return CourseIndexPageFactory(parent=home)


def _by_slug(model) -> dict:
    return {term.slug: term for term in model.objects.filter(locale=Locale.get_default())}


@pytest.fixture
def themes(db) -> dict[str, Theme]:
    """The seeded Dutch themes by slug (portal's taxonomy migration)."""
    return _by_slug(Theme)


@pytest.fixture
def audiences(db) -> dict[str, Audience]:
    return _by_slug(Audience)


@pytest.fixture
def municipalities(db) -> dict[str, Municipality]:
    return _by_slug(Municipality)


@pytest.fixture
def course(catalogue, themes, audiences):
    """A free online course for residents with three lessons; the last has the default quiz
    (tests' right answers: vraag-1=1, vraag-2=1 and 3, vraag-3=2)."""
    course = CoursePageFactory(
        parent=catalogue,
        title="Signalen van kindermishandeling",
        slug="signalen",
        themes=[themes["kindermishandeling"]],
        audiences=[audiences["inwoners"]],
    )
    LessonPageFactory(parent=course, title="Wat is kindermishandeling?", slug="les-1")
    LessonPageFactory(parent=course, title="Signalen herkennen", slug="les-2", estimated_minutes=15)
    LessonPageFactory(
        parent=course,
        title="Wat kunt u doen?",
        slug="les-3",
        body=[("text", "<p>Bel bij twijfel.</p>"), ("quiz", quiz_value())],
    )
    return course


@pytest.fixture
def quiz_lesson(course):
    return course.get_children().specific().get(slug="les-3")


def quiz_id(lesson) -> str:
    return next(block.id for block in lesson.body if block.block_type == "quiz")


# --- Classroom courses ---------------------------------------------------------------------------


@pytest.fixture
def classroom_course(catalogue, themes, audiences, municipalities):
    return CoursePageFactory(
        parent=catalogue,
        title="Basistraining meldcode",
        slug="basistraining-meldcode",
        format=CourseFormat.CLASSROOM,
        duration_minutes=360,
        price=Decimal("195"),
        accreditation_register="Registerplein",
        accreditation_id="RP-2026-0388",
        accreditation_points=Decimal("6"),
        themes=[themes["meldcode"]],
        audiences=[audiences["professionals"]],
        municipalities=[municipalities["tilburg"]],
    )


@pytest.fixture
def free_session(classroom_course, municipalities):
    return CourseSessionFactory(course=classroom_course, municipality=municipalities["tilburg"])


@pytest.fixture
def paid_session(classroom_course, municipalities):
    return CourseSessionFactory(
        course=classroom_course, municipality=municipalities["tilburg"], price=Decimal("195")
    )
