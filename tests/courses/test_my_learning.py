"""'My courses' for signed-in users: their courses with progress, nobody else's, in bounded
queries; the account page links to it; typing a code while signed in adds its progress."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from courses.factories import BookingFactory, CoursePageFactory, LessonPageFactory
from courses.models import Certificate, Learner, LessonPage, LessonProgress
from courses.services import learning
from portal.accounts.factories import UserFactory
from tests.courses.test_learner_accounts_and_privacy import anonymous_learner

pytestmark = pytest.mark.django_db
MY_COURSES = "/nl/trainingen/mijn-trainingen/"
# Session, user, learner, view restrictions, activity (2), courses, lessons, progress (2),
# certificates, classroom bookings, and
# the page's frame (site, locale, the user's permissions twice): the same for one course or five.
MY_COURSES_QUERIES = 16


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_my_courses_shows_each_course_with_what_is_done(course):
    user = UserFactory()
    client = signed_in(user)
    client.post("/nl/trainingen/starten/", {"training": course.pk})
    client.post("/nl/trainingen/signalen/les-1/", {"afronden": "1"})

    page = client.get(MY_COURSES)

    assert page.status_code == 200
    assert "Signalen van kindermishandeling" in page.text
    assert "1 van de 3 lessen" in page.text
    assert "Signalen herkennen" in page.text  # the next lesson to continue with
    assert "no-store" in page["Cache-Control"]


def test_a_completed_course_offers_its_certificate_and_then_its_download(course):
    user = UserFactory()
    client = signed_in(user)
    client.post("/nl/trainingen/starten/", {"training": course.pk})
    learner = Learner.objects.get(user=user)
    for lesson in LessonPage.objects.child_of(course):
        learning.complete_lesson(learner, lesson)

    before = client.get(MY_COURSES).text
    client.post(course.url, {"certificaat": "1", "name": "Anna de Vries"})
    after = client.get(MY_COURSES).text

    assert "Training afgerond" in before and "Uw certificaat ophalen" in before
    certificate = Certificate.objects.get(learner=learner)
    assert f'href="/nl/trainingen/certificaat/downloaden/{certificate.pk}/"' in after
    assert "Uw certificaat ophalen" not in after


def test_my_courses_shows_nothing_of_another_users_progress(course):
    other = signed_in(UserFactory())
    other.post("/nl/trainingen/starten/", {"training": course.pk})
    other.post("/nl/trainingen/signalen/les-1/", {"afronden": "1"})

    page = signed_in(UserFactory()).get(MY_COURSES)

    assert "Signalen van kindermishandeling" not in page.text
    assert "nog geen training" in page.text


def test_my_courses_needs_an_account():
    response = Client().get(MY_COURSES)
    assert response.status_code == 302
    assert "/account/login/" in response["Location"]


def test_the_account_page_links_to_my_courses(home):
    page = signed_in(UserFactory()).get("/nl/mijn-account/")
    assert f'href="{MY_COURSES}"' in page.text


def test_my_courses_queries_do_not_grow_with_the_number_of_courses(
    catalogue, django_assert_num_queries
):
    user = UserFactory()
    client = signed_in(user)

    def follow_new_course(number: int) -> None:
        course = CoursePageFactory(parent=catalogue, title=f"Training {number}", slug=f"t{number}")
        lesson = LessonPageFactory(parent=course, slug="les-1")
        LessonPageFactory(parent=course, slug="les-2")
        client.post("/nl/trainingen/starten/", {"training": course.pk})
        client.post(lesson.url, {"afronden": "1"})

    follow_new_course(1)
    client.get(MY_COURSES)  # warm caches (site, locale)
    with django_assert_num_queries(MY_COURSES_QUERIES):
        client.get(MY_COURSES)
    for number in range(2, 6):
        follow_new_course(number)
    with django_assert_num_queries(MY_COURSES_QUERIES):
        page = client.get(MY_COURSES)
    assert page.text.count("1 van de 2 lessen") == 5


def test_typing_a_code_while_signed_in_adds_its_progress_to_the_account(course):
    anonymous = anonymous_learner(course, ["les-1", "les-2"])
    code = anonymous.cookies["steiger_voortgang"].value
    user = UserFactory()
    client = signed_in(user)

    response = client.post("/nl/trainingen/doorgaan/", {"code": code})

    assert response.status_code == 302
    own = Learner.objects.get(user=user)
    assert LessonProgress.objects.filter(learner=own).count() == 2
    assert "steiger_voortgang" not in response.cookies  # the account keeps it, not a cookie
    assert "2 van de 3 lessen" in client.get(MY_COURSES).text


def test_my_courses_lists_the_users_bookings_and_nobody_elses(free_session):
    user = UserFactory()
    mine = BookingFactory(session=free_session, user=user)
    BookingFactory(session=free_session, user=UserFactory(), contact_name="Iemand Anders")
    client = signed_in(user)

    page = client.get(MY_COURSES)

    assert "Uw boekingen" in page.text
    assert mine.reference in page.text
    assert "Basistraining meldcode" in page.text
    assert "Iemand Anders" not in page.text
    with CaptureQueriesContext(connection) as one:
        client.get(MY_COURSES)
    BookingFactory.create_batch(3, session=free_session, user=user)
    with CaptureQueriesContext(connection) as four:
        client.get(MY_COURSES)
    assert len(four) == len(one)
