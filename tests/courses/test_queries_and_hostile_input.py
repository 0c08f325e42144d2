"""The bounded number of SQL queries the catalogue, a course and a lesson take, and random data
sent to a lesson's quiz: never a server error."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import example, given
from hypothesis import strategies as st

from courses.choices import CourseFormat
from courses.factories import (
    CoursePageFactory,
    CourseSessionFactory,
    LessonPageFactory,
    quiz_value,
)
from tests.courses.conftest import quiz_id
from tests.portal.test_hostile_input import (
    assert_no_server_error,
    encode,
    fresh_client,
    hostile_text,
    post_form,
)

# --- Query budgets -----------------------------------------------------------------------------
# Pinned: a change that adds a query per course, lesson or label fails here; one that adds a fixed
# query shows up as a new number to justify. Eight of them are the base layer's, on every page:
# site, locale, routing (two, whatever the depth), aliases for the breadcrumbs, the page's own
# view restrictions, the pages under a view restriction and the language switcher's
# translations (the locale, those pages and those translations once per request:
# portal/page_lookups.py).
# The catalogue's own seven: the audiences, themes and municipalities its courses carry (one
# each), the count and the page of courses, and the audiences and coming classroom dates of the
# listed courses (one prefetch each).
CATALOGUE_QUERIES = 15
# The course's own three: its themes, its audiences and its lessons (one, whatever their number);
# the catalogue it links back to is its parent, which routing already fetched.
COURSE_QUERIES = 11
# The lesson's own two: its course, and the course's lessons (for "les 2 van 5" and the links to
# its neighbours), however many there are.
LESSON_QUERIES = 10


def count_queries(client, url) -> int:
    """The queries a warm site (menus cached) spends on `url` when the page cache misses."""
    client.get(url)
    caches["pages"].clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "query",
    [
        "",
        "?vorm=online",
        "?thema=kindermishandeling&doelgroep=inwoners&kosten=gratis&gemeente=tilburg&pagina=2",
    ],
)
def test_catalogue_queries_do_not_grow_with_the_number_of_courses(
    client, catalogue, themes, audiences, municipalities, query
):
    tags = {
        "themes": [themes["kindermishandeling"], themes["meldcode"]],
        "audiences": [audiences["inwoners"], audiences["professionals"]],
        "municipalities": [municipalities["tilburg"]],
    }
    for _ in range(3):
        CoursePageFactory(parent=catalogue, **tags)
    few = count_queries(client, "/nl/trainingen/" + query)
    for _ in range(27):
        course = CoursePageFactory(parent=catalogue, format=CourseFormat.CLASSROOM, **tags)
        CourseSessionFactory.create_batch(2, course=course, municipality=municipalities["tilburg"])
    many = count_queries(client, "/nl/trainingen/" + query)

    assert few == many
    assert many == CATALOGUE_QUERIES


def test_course_and_lesson_queries_do_not_grow_with_the_number_of_lessons(client, course):
    lesson_url = "/nl/trainingen/signalen/les-2/"
    course_few = count_queries(client, course.url)
    lesson_few = count_queries(client, lesson_url)
    for _ in range(12):
        LessonPageFactory(parent=course)
    course_many = count_queries(client, course.url)
    lesson_many = count_queries(client, lesson_url)

    assert (course_few, lesson_few) == (course_many, lesson_many)
    assert course_many == COURSE_QUERIES
    assert lesson_many == LESSON_QUERIES


# --- Hostile input -------------------------------------------------------------------------------

answer_values = st.lists(
    st.one_of(hostile_text, st.sampled_from(["1", "2", "3", "0", "-1", "9" * 5000])), max_size=4
)


@pytest.fixture
def lesson_with_quiz(course):
    return LessonPageFactory(parent=course, body=[("quiz", quiz_value())])


@given(
    quiz=st.one_of(st.none(), hostile_text, st.just("REAL")),
    answers=st.dictionaries(
        st.one_of(st.sampled_from(["vraag-1", "vraag-2", "vraag-3", "quiz"]), hostile_text),
        answer_values,
        max_size=6,
    ),
)
@example(quiz="REAL", answers={"vraag-1": ["\x00"], "vraag-2": ["\ud800"], "vraag-3": ["²"]})
@example(quiz="\x00", answers={})
def test_posting_anything_to_a_quiz_never_fails(lesson_with_quiz, quiz, answers):
    parts = []
    if quiz is not None:
        value = quiz_id(lesson_with_quiz) if quiz == "REAL" else quiz
        parts.append(f"quiz={encode(value)}")
    for name, values in answers.items():
        parts.extend(f"{encode(name)}={encode(value)}" for value in values)
    response = fresh_client().post(
        lesson_with_quiz.url, "&".join(parts), content_type="application/x-www-form-urlencoded"
    )
    assert_no_server_error(response)


def test_a_quiz_posted_as_json_or_bytes_never_fails(lesson_with_quiz):
    client = fresh_client()
    for body, content_type in [
        (b'{"quiz": 1}', "application/json"),
        (b"\xff\xfe\x00garbage", "application/x-www-form-urlencoded"),
        (b"--x\r\nnonsense", "multipart/form-data; boundary=x"),
    ]:
        response = client.post(lesson_with_quiz.url, body, content_type=content_type)
        assert_no_server_error(response)
    assert_no_server_error(post_form(client, lesson_with_quiz.url, {"vraag-1": "1" * 100_000}))
