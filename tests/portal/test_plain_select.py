"""portal.plain_select reads rows with a plain SELECT and gives the values and objects the ORM
gives: every column converted as the ORM converts it (dates, booleans, UUIDs, a StreamField),
with the converters worked out once per connection."""

import datetime
from unittest import mock

from django.db import connection
from wagtail.models import Page

from knowledge.factories import ArticlePageFactory
from knowledge.models import ArticlePage
from portal import plain_select


def fields(item) -> dict:
    """Each concrete field's value with its type: SQLite answers 1 for True and text for a
    date, which compare equal or not at all, so the type is held to the ORM's too."""
    return {
        field.attname: (type(value), value)
        for field in item._meta.concrete_fields
        for value in [getattr(item, field.attname)]
    }


def select_by_key(columns: plain_select.Columns, model) -> str:
    quote = connection.ops.quote_name
    return (
        f"SELECT {columns.select_list(connection)} FROM {quote(model._meta.db_table)}"
        f" WHERE {quote(model._meta.pk.column)} IN (%s, %s) ORDER BY {quote(model._meta.pk.column)}"
    )


def test_pages_are_the_objects_the_orm_loads(home):
    published = datetime.datetime(2026, 3, 2, 9, 30, tzinfo=datetime.UTC)
    article = ArticlePageFactory(
        parent=home, body=[("text", "<p>Bel 0800-2000.</p>")], first_published_at=published
    )
    columns = plain_select.every_column(Page)

    found = columns.instances(select_by_key(columns, Page), [home.pk, article.pk])

    expected = list(Page.objects.filter(pk__in=[home.pk, article.pk]).order_by("pk"))
    assert [type(page) for page in found] == [Page, Page]
    assert [fields(page) for page in found] == [fields(page) for page in expected]
    assert found[1].first_published_at == published  # a converted date, not text
    assert found[1].live is True


def test_a_page_types_own_columns_read_as_the_orm_reads_them(home):
    article = ArticlePageFactory(parent=home, body=[("text", "<p>Tekst</p>")])
    own = plain_select.Columns(
        ArticlePage,
        [field for field in ArticlePage._meta.concrete_fields if field.model is ArticlePage],
    )
    quote = connection.ops.quote_name
    sql = (
        f"SELECT {own.select_list(connection)} FROM {quote(ArticlePage._meta.db_table)}"
        f" WHERE {quote(ArticlePage._meta.pk.column)} = %s"
    )

    [row] = own.rows(sql, [article.pk])

    stored = ArticlePage.objects.get(pk=article.pk)
    values = dict(zip(own.names, row, strict=True))
    assert set(values) == {"page_ptr_id", "intro", "body", "last_reviewed", "author_organisation"}
    assert values["last_reviewed"] == stored.last_reviewed  # a date, not text
    assert list(values["body"].raw_data) == list(stored.body.raw_data)  # a StreamField's value


def test_the_converters_are_worked_out_once_per_connection(home):
    columns = plain_select.Columns(Page)
    sql = select_by_key(columns, Page)
    converters = mock.patch.object(
        type(connection.ops),
        "get_db_converters",
        autospec=True,
        side_effect=type(connection.ops).get_db_converters,
    )

    with converters as asked:
        first = columns.instances(sql, [home.pk, home.pk])
        asked_first = asked.call_count
        second = columns.instances(sql, [home.pk, home.pk])

    assert asked_first == len(Page._meta.concrete_fields)
    assert asked.call_count == asked_first  # the second query asked nothing again
    assert [fields(page) for page in second] == [fields(page) for page in first]
