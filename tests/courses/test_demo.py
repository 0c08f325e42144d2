"""The courses in the demo site (courses/demo.py): the catalogue under the home page lists them,
the residents' course runs from its first lesson to its quiz, and the search box finds it."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from courses.classroom import Booking, BookingStatus, CourseSession
from courses.models import CoursePage, LessonPage

pytestmark = pytest.mark.django_db

RESIDENTS = "Signalen van kindermishandeling — wat kunt u doen?"


@pytest.fixture(autouse=True)
def _demo(demo_site):
    return demo_site


def test_the_catalogue_is_in_the_menu_and_lists_every_demo_course(client):
    assert 'href="/nl/trainingen/"' in client.get("/nl/").text

    response = client.get("/nl/trainingen/")

    assert response.status_code == 200
    titles = [course.title for course in response.context["listing"].courses]
    assert titles == [
        RESIDENTS,
        "Een veilige sportclub: signalen en wat u doet",
        "Meldcode opfrissen",
        "Basistraining meldcode",
        "Multifocus-training: werken met gezinnen bij geweld",
        "Bewustwordingssessie: grenzen aangeven",
    ]
    assert client.get("/en/courses/").status_code == 200


def test_filtering_on_professionals_and_meldcode_in_tilburg(client):
    response = client.get("/nl/trainingen/?doelgroep=professionals&thema=meldcode&gemeente=tilburg")

    titles = [course.title for course in response.context["listing"].courses]
    assert titles == ["Meldcode opfrissen", "Basistraining meldcode"]


def test_every_demo_course_and_lesson_renders(client):
    pages = [*CoursePage.objects.live(), *LessonPage.objects.live()]
    assert len(pages) == 6 + 9
    for page in pages:
        assert client.get(page.url).status_code == 200, page.url


def test_the_refresher_is_accredited_with_a_final_test_of_five_questions():
    refresher = CoursePage.objects.get(slug="meldcode-opfrissen")
    final = LessonPage.objects.child_of(refresher).get(kind="final_test")
    quiz = next(block.value for block in final.body if block.block_type == "quiz")

    assert (refresher.accreditation_register, refresher.accreditation_id) == (
        "Registerplein",
        "RP-2026-0412",
    )
    assert refresher.accreditation_points == 2 and refresher.pass_mark == 80
    assert len(quiz["questions"]) >= 5


def test_lessons_whose_course_names_the_subject_have_a_neutral_tab_title(client):
    course = CoursePage.objects.get(slug="signalen-van-kindermishandeling")
    first = LessonPage.objects.child_of(course).first()

    html = client.get(first.url).text

    title = html[html.index("<title>") : html.index("</title>")]
    assert "mishandeling" not in title.lower()


def test_the_search_box_finds_the_residents_course(client):
    for query in ("signalen kindermishandeling", "signalen kindermishandleing"):  # and a typo
        response = client.get(reverse("search"), {"q": query})
        assert RESIDENTS in [result.title for result in response.context["results"]], query


# --- Classroom sessions ---------------------------------------------------------------------------


def _sessions(slug: str) -> list[CourseSession]:
    return list(
        CourseSession.objects.upcoming()
        .filter(course__slug=slug)
        .with_seats_taken()
        .select_related("municipality")
    )


def test_the_meldcode_training_is_free_in_the_region_but_one_open_session_in_tilburg():
    sessions = _sessions("basistraining-meldcode")
    course = CoursePage.objects.get(slug="basistraining-meldcode")

    assert {session.municipality.name for session in sessions} == {"Tilburg", "Waalwijk", "Dongen"}
    paid = [session for session in sessions if session.price]
    assert [(session.city, session.price) for session in paid] == [("Tilburg", 195)]
    assert len(sessions) - len(paid) >= 3
    assert course.accreditation_register == "Registerplein"  # the course's, for every session


def test_multifocus_has_three_sessions_of_three_days_and_one_is_full_with_a_waiting_list():
    sessions = _sessions("multifocus-training")

    assert len(sessions) == 3
    assert len({session.municipality_id for session in sessions}) == 3
    for session in sessions:
        assert (session.price, session.capacity, session.days.count()) == (395, 16, 3)
    full = [session for session in sessions if session.seats_taken >= session.capacity]
    assert len(full) == 1
    assert full[0].waiting_count == 2
    assert full[0].bookings.filter(status=BookingStatus.WAITLISTED).count() == 2


def test_loading_the_demo_again_adds_no_sessions_or_bookings():
    before = (CourseSession.objects.count(), Booking.objects.count())
    call_command("load_demo_content", "--force", stdout=StringIO())
    assert (CourseSession.objects.count(), Booking.objects.count()) == before
