"""Courses in the search index: a course's document carries its facets (the shared tags, its
format, free or paid), so the Meilisearch backend can narrow and count by them."""

import pytest

from courses.factories import CoursePageFactory
from search.backends.meilisearch import documents, schema

pytestmark = pytest.mark.django_db


def test_a_free_online_course_is_faceted_on_its_tags_format_and_cost(course):
    document = documents.build_document(course)

    assert document[schema.COURSE_FORMAT] == ["online"]
    assert document[schema.COST] == ["free"]
    assert document[schema.THEME] == ["kindermishandeling"]
    assert document[schema.AUDIENCE] == ["inwoners"]
    assert not documents.column_collisions(type(course))


def test_a_priced_classroom_course_is_paid(catalogue):
    course = CoursePageFactory(parent=catalogue, format="classroom", price="95.00", slug="betaald")

    document = documents.build_document(course)

    assert document[schema.COURSE_FORMAT] == ["classroom"]
    assert document[schema.COST] == ["paid"]
