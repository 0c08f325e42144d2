"""Learning without an account (courses/services/learning.py, courses/views.py): start, the code
shown once, lessons completed, progress on the course page, resuming on another device with the
code, rate limits, the page cache, and completion per the course's rule."""

import logging
import re
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from courses import codes
from courses.choices import CompletionRule, LessonKind
from courses.factories import CoursePageFactory, LessonPageFactory, quiz_value
from courses.models import Learner, LessonProgress, QuizAttempt
from courses.services import learning
from portal.mail.models import OutboxMessage
from tests.courses.conftest import quiz_id

CODE = re.compile(r"[0-9A-HJKMNP-TV-Z]{4}(?:-[0-9A-HJKMNP-TV-Z]{4}){3}")
RIGHT = {"vraag-1": "1", "vraag-2": ["1", "3"], "vraag-3": "2"}
WRONG = {"vraag-1": "2", "vraag-2": ["1", "3"], "vraag-3": "2"}
COOKIE = learning.LEARNER_COOKIE


def start(client, course):
    """Press "Start de training"; returns the code page's HTML (the code shown once)."""
    response = client.post("/nl/trainingen/starten/", {"training": course.pk})
    assert response.status_code == 302 and response["Location"] == "/nl/trainingen/uw-code/"
    return client.get(response["Location"]).text


def complete(client, url):
    return client.post(url, {"afronden": "1"})


def test_the_whole_flow_start_code_once_lessons_progress_and_resume(client, course):
    html = start(client, course)
    code = CODE.search(html).group()

    assert "We laten hem alleen deze ene keer zien." in html
    assert 'href="/nl/trainingen/signalen/les-1/"' in html
    # Shown once: the same page again says it was shown, without the code.
    again = client.get("/nl/trainingen/uw-code/").text
    assert code not in again and "Uw code is één keer getoond" in again
    # The cookie: HttpOnly, SameSite=Lax, a year, holding the code.
    cookie = client.cookies[COOKIE]
    assert cookie.value == code and cookie["httponly"] and cookie["samesite"] == "Lax"
    assert int(cookie["max-age"]) >= 364 * 24 * 3600
    # Only the digest is stored.
    assert Learner.objects.get().code_digest == codes.code_digest(code, codes.Purpose.RESUME)

    lesson = client.get("/nl/trainingen/signalen/les-1/")
    assert "Les afronden / Volgende les" in lesson.text
    assert "no-cache" in lesson["Cache-Control"] or "private" in lesson["Cache-Control"]
    done = complete(client, "/nl/trainingen/signalen/les-1/")
    assert done.status_code == 302 and done["Location"] == "/nl/trainingen/signalen/les-2/"
    complete(client, "/nl/trainingen/signalen/les-2/")

    overview = client.get(course.url).text
    assert overview.count('class="steiger-lessons__done">afgerond') == 2
    assert "Verder waar u was" in overview and 'href="/nl/trainingen/signalen/les-3/"' in overview
    assert "U heeft 2 van de 3 lessen gedaan." in overview

    # Another device: the code typed (in a sloppy spelling) on the resume page.
    other = Client()
    assert "Verder waar u was" not in other.get(course.url).text
    typed = code.lower().replace("-", " ").replace("0", "o")
    resumed = other.post("/nl/trainingen/doorgaan/", {"code": typed})
    assert resumed.status_code == 302 and resumed["Location"] == "/nl/trainingen/signalen/les-3/"
    assert other.cookies[COOKIE].value == code
    assert "U heeft 2 van de 3 lessen gedaan." in other.get(course.url).text


def test_a_learner_whose_request_skips_the_session_is_recognised_by_the_cookie(client, course):
    start(client, course)
    code = client.cookies[COOKIE].value
    browser_closed = Client()  # the session cookie ends with the browser; ours does not
    browser_closed.cookies[COOKIE] = code
    complete(browser_closed, "/nl/trainingen/signalen/les-1/")

    assert LessonProgress.objects.filter(learner__code_digest__isnull=False).count() == 1
    assert Learner.objects.count() == 1


def test_completing_a_lesson_without_having_started_starts_and_shows_the_code(client, course):
    response = complete(client, "/nl/trainingen/signalen/les-1/")

    assert response["Location"] == "/nl/trainingen/uw-code/"
    html = client.get("/nl/trainingen/uw-code/").text
    assert CODE.search(html)
    assert 'href="/nl/trainingen/signalen/les-2/"' in html
    assert LessonProgress.objects.count() == 1


def test_starting_again_with_a_known_learner_continues_without_a_new_code(client, course):
    start(client, course)
    complete(client, "/nl/trainingen/signalen/les-1/")

    response = client.post("/nl/trainingen/starten/", {"training": course.pk})

    assert response["Location"] == "/nl/trainingen/signalen/les-2/"
    assert Learner.objects.count() == 1


@pytest.mark.parametrize("value", ["", "abc", "99999999", "-1", "1" * 50, "\x00"])
def test_a_start_for_no_such_course_is_not_found(client, course, value):
    assert client.post("/nl/trainingen/starten/", {"training": value}).status_code == 404
    assert client.get("/nl/trainingen/starten/").status_code == 405
    assert not Learner.objects.exists()


def test_someone_elses_code_guessed_shows_nothing_of_them(client, course):
    start(client, course)
    complete(client, "/nl/trainingen/signalen/les-1/")
    real = client.cookies[COOKIE].value
    guess = codes.new_code()
    assert guess != real
    stranger = Client()

    response = stranger.post("/nl/trainingen/doorgaan/", {"code": guess})

    assert response.status_code == 400
    assert "Deze code kennen we niet." in response.text
    assert f'value="{guess}"' in response.text  # what was typed is kept
    assert COOKIE not in stranger.cookies
    # A made-up cookie opens nothing either.
    stranger.cookies[COOKIE] = guess
    assert "afgerond" not in stranger.get(course.url).text


def test_resume_attempts_are_rate_limited_per_ip(client, course, settings):
    settings.COURSES_RESUME_RATE_LIMIT = "3/m/ip"
    start(client, course)
    code = client.cookies[COOKIE].value
    other = Client()
    for _ in range(3):
        assert other.post("/nl/trainingen/doorgaan/", {"code": codes.new_code()}).status_code == 400

    refused = other.post("/nl/trainingen/doorgaan/", {"code": code})

    assert refused.status_code == 429
    assert "Wacht een minuut" in refused.text and f'value="{code}"' in refused.text
    assert COOKIE not in other.cookies


def test_the_resume_page_is_a_post_form_and_a_code_in_the_address_is_ignored(client, course):
    start(client, course)
    code = client.cookies[COOKIE].value
    other = Client()

    response = other.get("/nl/trainingen/doorgaan/", {"code": code})
    assert response.status_code == 302 and response["Location"] == "/nl/trainingen/doorgaan/"
    html = other.get(response["Location"]).text

    assert 'method="post" action="/nl/trainingen/doorgaan/"' in html
    assert code not in html and COOKIE not in other.cookies


def test_the_code_never_appears_in_an_address_or_a_log_record(client, course, caplog):
    caplog.set_level(logging.DEBUG)
    responses = [client.post("/nl/trainingen/starten/", {"training": course.pk}, follow=True)]
    code = client.cookies[COOKIE].value
    responses.append(complete(client, "/nl/trainingen/signalen/les-1/"))
    other = Client()
    responses.append(other.post("/nl/trainingen/doorgaan/", {"code": code}, follow=True))
    responses.append(other.post("/nl/trainingen/doorgaan/", {"code": code[:-1] + "X"}))

    addresses = [
        url for response in responses for url, _status in getattr(response, "redirect_chain", [])
    ]
    addresses += [response.get("Location", "") for response in responses]
    assert addresses and not any(code in url or code.replace("-", "") in url for url in addresses)
    assert not any(code in record.getMessage() for record in caplog.records)
    assert code.replace("-", "") not in caplog.text and code not in caplog.text


def test_the_code_can_be_mailed_with_a_neutral_subject_and_the_address_is_not_kept(
    client, course, django_capture_on_commit_callbacks
):
    html = start(client, course)
    code = CODE.search(html).group()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/nl/trainingen/uw-code/mailen/",
            {"email": "anna@example.org", "verder": "/nl/trainingen/signalen/les-1/"},
        )

    assert "We hebben de code verstuurd." in response.text
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "Uw code van Steiger"
    assert code in message.body and "kindermishandeling" not in message.body.lower()
    assert "signalen" not in message.body.lower()
    assert not Learner.objects.filter(code_digest__contains="anna").exists()


def test_a_mailed_code_that_cannot_go_out_within_the_hour_is_dropped(client, course, outbox_email):
    start(client, course)
    before = timezone.now()

    # Not delivered yet (no commit has run the outbox): the message waits, for an hour at most.
    client.post("/nl/trainingen/uw-code/mailen/", {"email": "anna@example.org"})

    waiting = OutboxMessage.objects.get()
    assert before + timedelta(hours=1) <= waiting.useful_until
    assert waiting.useful_until <= timezone.now() + timedelta(hours=1)


def test_mailing_without_a_learner_sends_nothing(client, course):
    response = client.post("/nl/trainingen/uw-code/mailen/", {"email": "anna@example.org"})

    assert response.status_code == 400 and not mail.outbox


# --- Quizzes and completion rules -----------------------------------------------------------------


def post_quiz(client, lesson, answers):
    return client.post(lesson.url, {"quiz": quiz_id(lesson), **answers})


def test_a_wrong_quiz_answer_never_counts_as_passed(client, course, quiz_lesson):
    course.completion_rule = CompletionRule.QUIZZES_PASSED
    course.save_revision().publish()
    start(client, course)
    complete(client, "/nl/trainingen/signalen/les-1/")
    complete(client, "/nl/trainingen/signalen/les-2/")

    post_quiz(client, quiz_lesson, WRONG)

    attempt = QuizAttempt.objects.get()
    assert (attempt.score, attempt.total, attempt.passed) == (2, 3, False)
    assert not LessonProgress.objects.filter(lesson=quiz_lesson).exists()
    assert "Training afgerond" not in client.get(course.url).text

    post_quiz(client, quiz_lesson, RIGHT)
    post_quiz(client, quiz_lesson, WRONG)  # a worse try later keeps the best

    attempt = QuizAttempt.objects.get()
    assert (attempt.score, attempt.passed) == (3, True)
    assert "Training afgerond" in client.get(course.url).text


def test_a_final_test_below_the_pass_mark_does_not_complete_the_course(client, catalogue):
    refresher = CoursePageFactory(
        parent=catalogue, slug="meldcode", completion_rule="final_test_passed", pass_mark=80
    )
    LessonPageFactory(parent=refresher, slug="les")
    final = LessonPageFactory(
        parent=refresher, slug="toets", kind=LessonKind.FINAL_TEST, body=[("quiz", quiz_value())]
    )
    start(client, refresher)
    complete(client, "/nl/trainingen/meldcode/les/")

    post_quiz(client, final, WRONG)  # 2 of 3: 66 % < 80 %

    assert "Training afgerond" not in client.get(refresher.url).text
    assert not QuizAttempt.objects.get().passed
    # "Les afronden" does not complete a final test.
    complete(client, final.url)
    assert "Training afgerond" not in client.get(refresher.url).text

    post_quiz(client, final, RIGHT)

    assert "Training afgerond" in client.get(refresher.url).text


def test_all_lessons_done_completes_a_course_with_that_rule(client, course):
    start(client, course)
    for slug in ("les-1", "les-2", "les-3"):
        complete(client, f"/nl/trainingen/signalen/{slug}/")

    assert "Training afgerond" in client.get(course.url).text


def test_a_quiz_sent_without_a_learner_stores_nothing(client, quiz_lesson):
    post_quiz(client, quiz_lesson, RIGHT)

    assert not Learner.objects.exists() and not QuizAttempt.objects.exists()


# --- The page cache: a learner's page is never anyone else's --------------------------------------


def test_the_page_cache_never_serves_a_learners_page_to_someone_else(client, course):
    start(client, course)
    complete(client, "/nl/trainingen/signalen/les-1/")
    code = client.cookies[COOKIE].value
    # The learner, also without a session (a closed browser), asks for every page twice.
    cookie_only = Client()
    cookie_only.cookies[COOKIE] = code
    urls = [course.url, "/nl/trainingen/signalen/les-1/", "/nl/trainingen/signalen/les-2/"]
    for learner_client in (client, cookie_only):
        for url in urls * 2:
            response = learner_client.get(url)
            if "afgerond" in response.text or "Les afronden" in response.text:
                assert "no-cache" in response["Cache-Control"]
                assert "Cookie" in response["Vary"]

    for url in urls * 2:
        html = Client().get(url).text
        assert "afgerond" not in html and "Verder waar u was" not in html
        assert "Les afronden" not in html and "U heeft deze les afgerond" not in html


def test_a_lesson_stays_in_the_page_cache_for_visitors_who_are_not_learning(client, course):
    Client().get("/nl/trainingen/signalen/les-1/")

    assert Client().get("/nl/trainingen/signalen/les-1/").get("X-Page-Cache") == "hit"
