"""A course page and its lessons: what a free, a paid and a classroom course offer, the lesson
navigation, and quizzes sent to the lesson page, graded there and never stored."""

from decimal import Decimal

import pytest
from django.test import Client

from courses.choices import CourseFormat, LessonKind
from courses.factories import CoursePageFactory, LessonPageFactory, question, quiz_value
from tests.courses.conftest import quiz_id

CACHE_HEADER = "X-Page-Cache"
RIGHT = {"vraag-1": "1", "vraag-2": ["1", "3"], "vraag-3": "2"}


def test_a_free_online_course_lists_its_lessons_and_starts_without_an_account(client, course):
    html = client.get(course.url).text

    # A POST form (courses:start): the learner gets a resume code, no account.
    assert (
        '<form class="steiger-course__start" method="post" action="/nl/trainingen/starten/">'
        in html
    )
    assert f'name="training" value="{course.pk}"' in html and "Start de training</button>" in html
    assert 'href="/nl/trainingen/signalen/les-1/"' in html
    assert "U heeft geen account nodig." in html
    assert html.index("Wat is kindermishandeling?") < html.index("Signalen herkennen</a>")
    assert "(15 minuten)" in html
    assert "45 minuten" in html and "Gratis" in html
    assert "Aanmelden opent binnenkort" not in html


def test_a_paid_online_course_says_registration_opens_soon_and_offers_no_start(client, catalogue):
    paid = CoursePageFactory(parent=catalogue, price=Decimal("45.00"), duration_minutes=120)
    lesson = LessonPageFactory(parent=paid)

    html = client.get(paid.url).text

    assert "Aanmelden opent binnenkort" in html
    assert "Start de training" not in html
    assert f'href="{lesson.url}"' not in html
    assert "€ 45,00" in html and "2 uur" in html
    # Its lessons are not given away at their address either.
    response = client.get(lesson.url)
    assert response.status_code == 302 and response["Location"] == paid.url


@pytest.mark.parametrize(
    ("course_format", "line"),
    [
        (CourseFormat.CLASSROOM, "Er zijn op dit moment geen data gepland."),
        (CourseFormat.ON_REQUEST, "Binnenkort kunt u deze sessie op deze pagina aanvragen."),
    ],
)
def test_classroom_and_on_request_courses_without_dates_say_what_follows(
    client, catalogue, course_format, line
):
    page = CoursePageFactory(
        parent=catalogue,
        format=course_format,
        price=Decimal("195"),
        duration_minutes=390,
        accreditation_register="Registerplein",
        accreditation_id="RP-2026-0388",
        accreditation_points=Decimal("6"),
    )

    html = client.get(page.url).text

    assert line in html
    assert "6 punten in Registerplein (accreditatienummer RP-2026-0388)" in html
    assert "6 uur en 30 minuten" in html
    assert "Start de training" not in html and "Aanmelden opent binnenkort" not in html


def test_a_lesson_shows_its_course_its_place_and_its_neighbours(client, course):
    html = client.get("/nl/trainingen/signalen/les-2/").text

    assert 'href="/nl/trainingen/signalen/">Signalen van kindermishandeling</a>' in html
    assert "Les 2 van 3" in html
    assert 'href="/nl/trainingen/signalen/les-1/" rel="prev"' in html
    assert 'href="/nl/trainingen/signalen/les-3/" rel="next"' in html
    assert "Terug naar het overzicht van de training" in html


def test_a_final_test_states_its_pass_mark(client, catalogue):
    refresher = CoursePageFactory(
        parent=catalogue, completion_rule="final_test_passed", pass_mark=80
    )
    test = LessonPageFactory(
        parent=refresher, kind=LessonKind.FINAL_TEST, body=[("quiz", quiz_value())]
    )

    html = client.get(test.url).text

    assert "Eindtoets" in html
    assert "U slaagt als u 80% van de vragen goed heeft." in html


# --- Quizzes -------------------------------------------------------------------------------------


def post_quiz(client, lesson, answers: dict):
    return client.post(lesson.url, {"quiz": quiz_id(lesson), **answers})


def test_a_quiz_is_a_form_with_a_fieldset_per_question(client, quiz_lesson):
    html = client.get(quiz_lesson.url).text

    assert f'method="post" action="{quiz_lesson.url}#quiz-{quiz_id(quiz_lesson)}"' in html
    assert "csrfmiddlewaretoken" in html
    assert html.count('<fieldset class="utrecht-form-fieldset') == 3
    assert 'type="radio"' in html and 'type="checkbox"' in html
    assert "Er kan meer dan één antwoord goed zijn." in html


def test_right_answers_show_the_score_and_the_feedback(client, quiz_lesson):
    response = post_quiz(client, quiz_lesson, RIGHT)

    assert response.status_code == 200
    assert "U heeft 3 van de 3 vragen goed beantwoord (100%)." in response.text
    assert "Uw antwoord: goed.</strong> Juist: Veilig Thuis geeft advies." in response.text
    assert "Uw antwoord: niet goed." not in response.text


def test_a_wrong_answer_shows_its_feedback_and_the_right_one(client, quiz_lesson):
    response = post_quiz(client, quiz_lesson, {**RIGHT, "vraag-2": ["1", "2"]})

    assert "U heeft 2 van de 3 vragen goed beantwoord (66%)." in response.text
    assert "Uw antwoord: niet goed.</strong> Dat zegt niets." in response.text
    assert "Dit is een goed antwoord." in response.text  # the third, not chosen


def test_an_unanswered_question_shows_the_dutch_error_and_keeps_the_other_answers(
    client, quiz_lesson
):
    response = post_quiz(client, quiz_lesson, {"vraag-1": "2", "vraag-2": ["1", "3"]})
    html = response.text
    prefix = f"quiz-{quiz_id(quiz_lesson)}"

    assert response.status_code == 200
    assert 'role="alert" id="error-summary"' in html
    assert f'aria-describedby="{prefix}-vraag-3-error"' in html
    assert (
        f'id="{prefix}-vraag-3-error"><p class="utrecht-paragraph">'
        "Kies een antwoord op deze vraag.</p>" in html
    )
    assert f'id="{prefix}-1-2" name="vraag-1" value="2" checked' in html
    assert f'id="{prefix}-2-3" name="vraag-2" value="3" checked' in html
    assert "vragen goed beantwoord" not in html  # not graded


def test_quiz_answers_are_never_stored_by_any_cache(client, quiz_lesson):
    response = post_quiz(client, quiz_lesson, RIGHT)
    again = post_quiz(client, quiz_lesson, {})

    assert "no-store" in response["Cache-Control"]
    assert again.get(CACHE_HEADER) != "hit"
    assert "Kies een antwoord" in again.text
    # The lesson with its form carries a CSRF token (a cookie), so it is not stored either.
    fresh = Client()
    fresh.get(quiz_lesson.url)
    assert fresh.get(quiz_lesson.url).get(CACHE_HEADER) != "hit"


def test_a_lesson_without_a_quiz_is_stored(client, course):
    client.get("/nl/trainingen/signalen/les-1/")

    assert client.get("/nl/trainingen/signalen/les-1/").get(CACHE_HEADER) == "hit"


def test_a_quiz_that_is_not_on_the_page_shows_the_lesson_again(client, quiz_lesson):
    response = client.post(quiz_lesson.url, {"quiz": "bestaat-niet", "vraag-1": "1"})

    assert response.status_code == 400
    assert "Mijn antwoorden controleren" in response.text


def test_a_quiz_without_a_csrf_token_is_refused_with_the_lesson_again(quiz_lesson):
    client = Client(enforce_csrf_checks=True)

    response = post_quiz(client, quiz_lesson, RIGHT)

    assert response.status_code == 403
    assert "Mijn antwoorden controleren" in response.text
    assert "vragen goed beantwoord" not in response.text


def test_two_quizzes_on_one_lesson_are_graded_apart(client, course):
    one_question = quiz_value(
        "Tweede", [question("Klopt dit?", [("Ja", True, ""), ("Nee", False, "")])]
    )
    lesson = LessonPageFactory(parent=course, body=[("quiz", quiz_value()), ("quiz", one_question)])
    second = [block.id for block in lesson.body][1]

    html = client.post(lesson.url, {"quiz": second, "vraag-1": "1"}).text

    assert "U heeft 1 van de 1 vragen goed beantwoord (100%)." in html
    assert html.count('role="alert"') == 0
