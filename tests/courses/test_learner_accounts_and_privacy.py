"""Signing in adopts anonymous progress without loss; learners in the personal data registry
(export, erase, retention); hostile input on the learner's forms; bounded queries."""

from datetime import timedelta

import pytest
from allauth.account.signals import user_logged_in
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from courses.factories import LessonPageFactory
from courses.models import Learner, LessonProgress, QuizAttempt
from courses.services import learning
from portal.accounts.factories import UserFactory
from portal.privacy import registry
from tests.courses.conftest import quiz_id
from tests.portal.test_hostile_input import (
    assert_no_server_error,
    encode,
    fresh_client,
    hostile_text,
)

COOKIE = learning.LEARNER_COOKIE
RIGHT = {"vraag-1": "1", "vraag-2": ["1", "3"], "vraag-3": "2"}
WRONG = {"vraag-1": "2", "vraag-2": ["1", "3"], "vraag-3": "2"}


def anonymous_learner(course, lessons=(), quiz=None) -> Client:
    client = Client()
    client.post("/nl/trainingen/starten/", {"training": course.pk})
    for slug in lessons:
        client.post(f"/nl/trainingen/signalen/{slug}/", {"afronden": "1"})
    if quiz is not None:
        lesson, answers = quiz
        client.post(lesson.url, {"quiz": quiz_id(lesson), **answers})
    return client


def sign_in(client: Client, user, rf):
    request = rf.get("/")
    request.COOKIES.update({name: morsel.value for name, morsel in client.cookies.items()})
    request.user = user
    user_logged_in.send(sender=type(user), request=request, user=user)


def test_signing_in_adopts_the_anonymous_learner(course, rf):
    client = anonymous_learner(course, ["les-1"])
    user = UserFactory()

    sign_in(client, user, rf)

    learner = Learner.objects.get()
    assert learner.user == user
    assert LessonProgress.objects.filter(learner=learner).count() == 1
    # The code alone no longer opens an account's progress.
    other = Client()
    other.cookies[COOKIE] = client.cookies[COOKIE].value
    assert "afgerond" not in other.get(course.url).text


def test_signing_in_merges_into_the_users_learner_without_loss(course, quiz_lesson, rf):
    user = UserFactory()
    first = anonymous_learner(course, ["les-1"], (quiz_lesson, RIGHT))
    sign_in(first, user, rf)
    own = Learner.objects.get(user=user)
    second = anonymous_learner(course, ["les-1", "les-2"], (quiz_lesson, WRONG))

    sign_in(second, user, rf)

    assert Learner.objects.count() == 1 and Learner.objects.get().pk == own.pk
    done = set(LessonProgress.objects.filter(learner=own).values_list("lesson__slug", flat=True))
    assert done == {"les-1", "les-2", "les-3"}
    attempt = QuizAttempt.objects.get(learner=own)
    assert (attempt.score, attempt.passed) == (3, True)  # the better one kept


def test_a_merge_keeps_a_better_anonymous_quiz_result(course, quiz_lesson, rf):
    user = UserFactory()
    sign_in(anonymous_learner(course, [], (quiz_lesson, WRONG)), user, rf)
    sign_in(anonymous_learner(course, [], (quiz_lesson, RIGHT)), user, rf)

    attempt = QuizAttempt.objects.get()
    assert (attempt.score, attempt.passed) == (3, True)


# --- Personal data --------------------------------------------------------------------------------


def test_the_learner_owner_exports_erases_and_purges(course, quiz_lesson, rf):
    owner = registry.get("learner")
    user = UserFactory()
    sign_in(anonymous_learner(course, ["les-1"], (quiz_lesson, RIGHT)), user, rf)

    exported = owner.exporter(user)

    assert len(exported) == 1
    assert [item["lesson"] for item in exported[0]["lessons_completed"]] == [
        "Wat is kindermishandeling?",
        "Wat kunt u doen?",
    ]
    assert exported[0]["quiz_results"][0]["score"] == 3
    assert "code" not in str(exported).lower().replace("quiz", "")

    stale = anonymous_learner(course, ["les-1"])
    fresh = anonymous_learner(course, ["les-2"])
    Learner.objects.filter(user__isnull=True).update(last_seen_at=timezone.now() - timedelta(400))
    response = fresh.get(course.url)  # seen again today
    assert "afgerond" in response.text, response.get("X-Page-Cache")
    assert owner.purger(timezone.now() - owner.retention) == 2  # the learner and its lesson
    assert list(
        LessonProgress.objects.filter(learner__user__isnull=True).values_list(
            "lesson__slug", flat=True
        )
    ) == ["les-2"]
    assert stale is not None and Learner.objects.filter(user=user).exists()

    assert owner.eraser(user) >= 1
    assert not Learner.objects.filter(user=user).exists()
    assert not QuizAttempt.objects.exists()


def test_deleting_an_account_deletes_its_learner(course, rf):
    user = UserFactory()
    sign_in(anonymous_learner(course, ["les-1"]), user, rf)

    user.delete()

    assert not Learner.objects.exists() and not LessonProgress.objects.exists()


# --- Hostile input --------------------------------------------------------------------------------


@given(code=st.one_of(hostile_text, st.just("0" * 16), st.text(max_size=30)))
def test_anything_typed_on_the_resume_page_never_fails(course, code):
    response = fresh_client().post(
        "/nl/trainingen/doorgaan/",
        f"code={encode(code)}",
        content_type="application/x-www-form-urlencoded",
    )
    assert_no_server_error(response)
    assert response.status_code in (400, 429)


@given(
    name=st.one_of(st.just("afronden"), st.just("training"), st.just("email"), hostile_text),
    value=hostile_text,
    url=st.sampled_from(
        [
            "/nl/trainingen/signalen/les-1/",
            "/nl/trainingen/starten/",
            "/nl/trainingen/uw-code/mailen/",
        ]
    ),
)
def test_anything_posted_to_a_lesson_start_or_mail_never_fails(course, name, value, url):
    client = fresh_client()
    client.cookies[COOKIE] = "K7QM-3XW9-0BRT-M4ZD"
    response = client.post(
        url, f"{encode(name)}={encode(value)}", content_type="application/x-www-form-urlencoded"
    )
    assert_no_server_error(response)


@pytest.mark.parametrize("cookie", ["", "\x00", "x" * 5000, "K7QM-3XW9-0BRT-M4Z", "ü" * 16])
def test_a_broken_learner_cookie_is_ignored(course, cookie):
    client = Client()
    client.cookies[COOKIE] = cookie

    assert client.get(course.url).status_code == 200
    assert client.get("/nl/trainingen/signalen/les-1/").status_code == 200


# --- Query budgets for a learner ------------------------------------------------------------------
# A learner's course page and lesson add a fixed number to the anonymous budgets
# (test_queries_and_hostile_input.py): the learner (one), the session (one), the lessons done and
# the quizzes passed (one each), whatever the number of lessons.
LEARNER_COURSE_QUERIES = 15
LEARNER_LESSON_QUERIES = 14


def count_queries(client, url) -> int:
    client.get(url)
    caches["pages"].clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_a_learners_pages_take_bounded_queries(course):
    client = anonymous_learner(course, ["les-1"])
    lesson_url = "/nl/trainingen/signalen/les-2/"
    few = (count_queries(client, course.url), count_queries(client, lesson_url))
    for _ in range(8):
        LessonPageFactory(parent=course)
    many = (count_queries(client, course.url), count_queries(client, lesson_url))

    assert few == many
    assert many == (LEARNER_COURSE_QUERIES, LEARNER_LESSON_QUERIES)
