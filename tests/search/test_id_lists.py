"""A long list of ids as one query parameter (search/id_lists.py): the same rows as
`pk__in`, on SQLite and on PostgreSQL, for no ids, a few, repeated ones and a thousand."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.db.models import Q
from wagtail.models import Page

from search.id_lists import in_integers, pk_in


@pytest.fixture
def content_types(db):
    return list(ContentType.objects.order_by("pk").values_list("pk", flat=True))


@pytest.mark.parametrize("count", [0, 1, 5, 1000])
def test_the_same_rows_as_pk_in(content_types, count):
    # Every other existing id, then ids no row has: what a search's hits look like.
    wanted = (content_types[::2] + list(range(10**6, 10**6 + count)))[:count]
    found = set(ContentType.objects.filter(in_integers("pk", wanted)).values_list("pk", flat=True))
    assert found == set(ContentType.objects.filter(pk__in=wanted).values_list("pk", flat=True))


def test_repeated_ids_give_each_row_once(content_types):
    first = content_types[0]
    rows = list(ContentType.objects.filter(in_integers("pk", [first, first, first])))
    assert [row.pk for row in rows] == [first]


def test_a_thousand_ids_travel_as_one_parameter(db):
    ids = range(1000)
    _sql, params = ContentType.objects.filter(in_integers("pk", ids)).query.sql_with_params()
    assert len(params) == 1
    _sql, params = ContentType.objects.filter(pk__in=ids).query.sql_with_params()
    assert len(params) == 1000  # what it saves: binding each id on its own


def test_pk_in_takes_a_page_types_link_as_an_integer_and_a_text_key_as_it_is(db):
    assert not isinstance(pk_in(Page, [1, 2]), Q)
    assert isinstance(pk_in(Session, ["a", "b"]), Q)
    assert list(Session.objects.filter(pk_in(Session, ["nobody"]))) == []
