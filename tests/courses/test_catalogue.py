"""The catalogue: filters that work without JavaScript, widen within a filter and narrow across
filters; made-up values never break it and are never stored by the page cache."""

from decimal import Decimal

import pytest

from courses.choices import CourseFormat, CourseLanguage
from courses.factories import CoursePageFactory
from courses.services.catalogue import PER_PAGE

CACHE_HEADER = "X-Page-Cache"


def titles(response) -> list[str]:
    return [course.title for course in response.context["listing"].courses]


@pytest.fixture
def variety(catalogue, themes, audiences, municipalities):
    """Five courses that differ in every filter."""
    make = CoursePageFactory
    return [
        make(
            parent=catalogue,
            title="Online inwoners",
            audiences=[audiences["inwoners"]],
            themes=[themes["kindermishandeling"]],
        ),
        make(
            parent=catalogue,
            title="Online sport",
            audiences=[audiences["vrijwilligers-en-sportclubs"]],
            themes=[themes["kindermishandeling"]],
        ),
        make(
            parent=catalogue,
            title="Opfrissen",
            audiences=[audiences["professionals"]],
            themes=[themes["meldcode"]],
            accreditation_register="Registerplein",
            accreditation_id="RP-1",
            accreditation_points=Decimal("2"),
        ),
        make(
            parent=catalogue,
            title="Basistraining",
            format=CourseFormat.CLASSROOM,
            price=Decimal("195.00"),
            audiences=[audiences["professionals"]],
            themes=[themes["meldcode"]],
            municipalities=[municipalities["tilburg"]],
            accreditation_register="Registerplein",
            accreditation_id="RP-2",
            accreditation_points=Decimal("6"),
        ),
        make(
            parent=catalogue,
            title="In English",
            format=CourseFormat.CLASSROOM,
            language=CourseLanguage.ENGLISH,
            price=Decimal("50"),
            municipalities=[municipalities["waalwijk"]],
        ),
    ]


def test_lists_every_live_course_in_the_editors_order(client, variety):
    variety[1].unpublish()

    assert titles(client.get("/nl/trainingen/")) == [
        "Online inwoners",
        "Opfrissen",
        "Basistraining",
        "In English",
    ]


def test_the_form_is_a_plain_get_form_with_fieldsets_and_checkboxes(client, variety):
    html = client.get("/nl/trainingen/").text

    assert 'method="get" action="/nl/trainingen/"' in html
    assert html.count("<fieldset") == 7
    assert '<legend class="utrecht-form-fieldset__legend utrecht-form-label">Vorm</legend>' in html
    assert 'type="checkbox" id="filter-vorm-2" name="vorm" value="klassikaal"' in html
    # Only the labels some course carries are offered.
    assert 'value="tilburg"' in html and 'value="dongen"' not in html
    assert "Trainingen tonen</button>" in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("vorm=klassikaal", ["Basistraining", "In English"]),
        (
            "vorm=online&vorm=klassikaal",
            ["Online inwoners", "Online sport", "Opfrissen", "Basistraining", "In English"],
        ),
        ("kosten=gratis", ["Online inwoners", "Online sport", "Opfrissen"]),
        ("kosten=betaald&accreditatie=ja", ["Basistraining"]),
        ("accreditatie=nee", ["Online inwoners", "Online sport", "In English"]),
        ("taal=en", ["In English"]),
        ("doelgroep=professionals&vorm=online", ["Opfrissen"]),
        (
            "doelgroep=inwoners&doelgroep=professionals",
            ["Online inwoners", "Opfrissen", "Basistraining"],
        ),
        ("thema=meldcode&doelgroep=professionals&vorm=klassikaal", ["Basistraining"]),
        # A course without a fixed place is open to every municipality.
        ("gemeente=tilburg", ["Online inwoners", "Online sport", "Opfrissen", "Basistraining"]),
        ("gemeente=tilburg&vorm=klassikaal", ["Basistraining"]),
        ("gemeente=tilburg&gemeente=waalwijk&vorm=klassikaal", ["Basistraining", "In English"]),
    ],
)
def test_filters_widen_within_and_narrow_across(client, variety, query, expected):
    assert titles(client.get(f"/nl/trainingen/?{query}")) == expected


def test_each_chosen_value_can_be_removed_and_keeps_the_others(client, variety):
    html = client.get("/nl/trainingen/?vorm=online&vorm=klassikaal&kosten=gratis").text

    assert (
        'href="/nl/trainingen/?vorm=klassikaal&amp;kosten=gratis">Filter „Online training” weghalen'
        in html
    )
    assert 'href="/nl/trainingen/?vorm=online&amp;vorm=klassikaal">Filter „Gratis” weghalen' in html
    assert 'value="klassikaal" checked' in html
    assert 'href="/nl/trainingen/">Alle trainingen tonen</a>' in html


def test_an_unknown_value_matches_nothing_says_so_and_is_not_stored(client, variety):
    response = client.get("/nl/trainingen/?vorm=per-post")

    assert response.status_code == 200
    assert titles(response) == []
    assert "Een van deze filters kennen wij niet" in response.text
    assert client.get("/nl/trainingen/?vorm=per-post").get(CACHE_HEADER) != "hit"


def test_a_listing_a_link_leads_to_is_stored(client, variety):
    client.get("/nl/trainingen/?vorm=online")

    assert client.get("/nl/trainingen/?vorm=online").get(CACHE_HEADER) == "hit"


def test_paging_keeps_the_filters(client, catalogue):
    for number in range(PER_PAGE + 2):
        CoursePageFactory(parent=catalogue, title=f"Training {number:02d}")

    first = client.get("/nl/trainingen/?kosten=gratis")
    second = client.get("/nl/trainingen/?kosten=gratis&pagina=2")

    assert len(titles(first)) == PER_PAGE
    assert titles(second) == ["Training 12", "Training 13"]
    assert 'href="/nl/trainingen/?kosten=gratis&amp;pagina=2" rel="next"' in first.text


@pytest.mark.parametrize(
    "query",
    [
        "pagina=" + "9" * 5000,
        "pagina=-1",
        "pagina=%00",
        "vorm=%00",
        "thema=" + "a" * 5000,
        "taal=%F0%9F%92%A5",
        "kosten=gratis&kosten=gratis",
        "accreditatie[]=ja",
    ],
)
def test_made_up_queries_never_fail(client, variety, query):
    assert client.get(f"/nl/trainingen/?{query}").status_code == 200
