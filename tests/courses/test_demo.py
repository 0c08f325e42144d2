"""The courses in the demo site (courses/demo.py): the catalogue under the home page lists them,
the residents' course runs from its first lesson to its quiz, and the search box finds it."""

import pytest
from django.urls import reverse

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
        "Bewustwordingssessie: grenzen aangeven",
    ]
    assert client.get("/en/courses/").status_code == 200


def test_filtering_on_professionals_and_meldcode_in_tilburg(client):
    response = client.get("/nl/trainingen/?doelgroep=professionals&thema=meldcode&gemeente=tilburg")

    titles = [course.title for course in response.context["listing"].courses]
    assert titles == ["Meldcode opfrissen", "Basistraining meldcode"]


def test_every_demo_course_and_lesson_renders(client):
    pages = [*CoursePage.objects.live(), *LessonPage.objects.live()]
    assert len(pages) == 5 + 9
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
