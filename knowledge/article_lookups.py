"""What an article page looks up besides itself, in one SQL statement: its themes and audiences,
its related articles, and the courses and sessions of other apps that carry its themes.

Why SQL of our own: an article is to render no slower than the home page with every cache
missing (issue 7), and nearly all of an uncached render is Python, not the database. These
lookups were four ORM queries (the terms through two many-to-many managers, related articles
with a counted join, tagged pages of other apps with one subquery per page type) that SQLite
answered in a tenth of a millisecond together, and that took the ORM 2.1 ms to build, compile
and turn into objects: an eighth of the article's response. Written out, the same answers take
0.3 ms; as one statement, whose text is worked out once per shape, less again.

The tables, and the through tables and columns of the tag fields, come from the models'
metadata and are quoted by the connection, so no other app is imported or named; every value
travels as a parameter. It runs on SQLite and PostgreSQL alike, and
tests/knowledge/test_article_lookups.py holds each answer to the ORM query it replaces.
Only columns that need no conversion by the backend are read, except a term's translation key
(a UUID; text on SQLite), which its own field converts.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from django.db import connections, router
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import ManyToManyField, Model
from wagtail.models import Page

from portal.models import Audience, Theme
from portal.models.tagging import taggable_page_models
from portal.page_sql import no_view_restriction

if TYPE_CHECKING:
    from .models import ArticlePage

RELATED_ARTICLES = 3
RELATED_ELSEWHERE = 3
# What a card that links to a page shows and needs for its address (an article's card also
# shows the start of its introduction when it has no search description).
CARD_FIELDS = ("id", "title", "search_description", "url_path", "locale_id")
# This app's pages and the base layer's general pages are not "courses and sessions".
NOT_ELSEWHERE = frozenset({"knowledge", "portal"})
# A term with every column of its model, as the ORM would load it, in the places of a card's
# columns (the translation key, a UUID, as text where an article's introduction goes): the
# parts of one UNION ALL have columns of the same kinds.
TERM_FIELDS = ("id", "name", "description", "slug", "locale_id", "translation_key")
# The first column of each part of the statement: which list a row belongs to.
ARTICLES, ELSEWHERE, THEMES, AUDIENCES = 0, 1, 2, 3


@dataclass(frozen=True)
class RelatedContent:
    articles: list["ArticlePage"]
    elsewhere: list[Page]


@dataclass(frozen=True)
class TagsAndRelated:
    themes: list[Theme]
    audiences: list[Audience]
    related: RelatedContent


def tags_and_related(article: "ArticlePage") -> TagsAndRelated:
    """The article's themes and audiences as stored, each list by name, and what
    `related_content` finds for those themes: one query for all of it.

    A preview's terms live in memory (modelcluster) until the draft is published; read those
    through `article.themes` and `article.audiences`, and hand their keys to `related_content`."""
    model = type(article)
    connection = _connection(Page)
    sql, elsewhere_types = _tags_and_related_sql(connection.alias, model)
    pk = article.pk
    params = [pk, pk, pk, pk, True, article.locale_id, RELATED_ARTICLES]
    if elsewhere_types:
        params += [pk] * elsewhere_types + [True, article.locale_id, RELATED_ELSEWHERE]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    translation_key = Theme._meta.get_field("translation_key")
    lists: dict[int, list] = {ARTICLES: [], ELSEWHERE: [], THEMES: [], AUDIENCES: []}
    for row in rows:
        kind = row[0]
        if kind == ARTICLES:
            lists[kind].append(_article_card(model, row))
        elif kind == ELSEWHERE:
            lists[kind].append(_page_card(row))
        else:
            term = dict(zip(TERM_FIELDS, row[1:-1], strict=True))
            term["translation_key"] = translation_key.to_python(term["translation_key"])
            lists[kind].append(_from_columns(Theme if kind == THEMES else Audience, term))
    return TagsAndRelated(
        themes=lists[THEMES],
        audiences=lists[AUDIENCES],
        related=RelatedContent(articles=lists[ARTICLES], elsewhere=lists[ELSEWHERE]),
    )


def related_content(article: "ArticlePage", theme_keys: list) -> RelatedContent:
    """Up to three other live articles in the article's language that share the most themes
    with it (then the newest), and up to three live pages of other apps tagged with any of its
    themes, newest first; none under a view restriction. `theme_keys` are the themes'
    translation keys, so a page still carrying a term of another language is found too.
    One query; none without themes."""
    if not theme_keys:
        return RelatedContent(articles=[], elsewhere=[])
    model = type(article)
    rows = _run(model, theme_keys, article.locale_id, exclude_pk=article.pk)
    return RelatedContent(
        articles=[_article_card(model, row) for row in rows if row[0] == ARTICLES],
        elsewhere=[_page_card(row) for row in rows if row[0] == ELSEWHERE],
    )


def related_elsewhere(locale_id: int, theme_keys: list) -> list[Page]:
    """Up to three live pages of other apps in this language tagged with any of the themes
    (translation keys), newest first; none under a view restriction. One query; none without
    themes or without another app's tagged page type."""
    if not theme_keys:
        return []
    return [_page_card(row) for row in _run(None, theme_keys, locale_id)]


def _run(
    articles: type[Page] | None, theme_keys: list, locale_id: int, exclude_pk: int | None = None
) -> list[tuple]:
    """The rows of the related statement: articles of the type `articles` (none when None)
    and other apps' pages, each list numbered in its own order."""
    connection = _connection(Page)
    sql, elsewhere_types = _related_sql(connection.alias, articles, len(theme_keys))
    if not sql:
        return []
    translation_key = Theme._meta.get_field("translation_key")
    keys = [translation_key.get_db_prep_value(key, connection) for key in theme_keys]
    params: list = []
    if articles is not None:
        params += [*keys, exclude_pk, True, locale_id, RELATED_ARTICLES]
    if elsewhere_types:
        params += [*keys * elsewhere_types, True, locale_id, RELATED_ELSEWHERE]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


@lru_cache(maxsize=16)
def _related_sql(alias: str, articles: type[Page] | None, key_count: int) -> tuple[str, int]:
    """The related statement's text for this database, article type and number of theme keys,
    and how many other apps' page types its second part asks (each takes the keys once).
    Models and their tables are fixed once the apps are loaded, so the text is worked out
    once per shape: writing it out took a tenth of a millisecond of every article's render."""
    statement = RelatedStatement(connections[alias], ", ".join(["%s"] * key_count))
    parts = [] if articles is None else [statement.articles(articles)]
    elsewhere, elsewhere_types = statement.elsewhere()
    if elsewhere_types:
        parts.append(elsewhere)
    if not parts:
        return "", 0
    return " UNION ALL ".join(parts) + " ORDER BY kind, position", elsewhere_types


@lru_cache(maxsize=8)
def _tags_and_related_sql(alias: str, model: type[Page]) -> tuple[str, int]:
    """The statement of `tags_and_related` for this database and article type, and how many
    other apps' page types its last part asks. Parameters, in order: the article (its themes;
    its audiences; its themes' keys for related articles; the article left out), True, the
    locale, how many articles; then the article once per other app's page type (its themes'
    keys), True, the locale, how many pages."""
    connection = connections[alias]
    qn = connection.ops.quote_name
    theme_field = model._meta.get_field("themes")
    join = tag_join(qn, theme_field, "k", "kr")
    own_theme_keys = (
        f"SELECT k.{qn('translation_key')} {join} WHERE kr.{qn(theme_field.m2m_column_name())} = %s"
    )
    statement = RelatedStatement(connection, own_theme_keys)
    parts = [
        statement.terms(model, "themes", THEMES),
        statement.terms(model, "audiences", AUDIENCES),
    ]
    parts.append(statement.articles(model))
    elsewhere, elsewhere_types = statement.elsewhere()
    if elsewhere_types:
        parts.append(elsewhere)
    return " UNION ALL ".join(parts) + " ORDER BY kind, position", elsewhere_types


class RelatedStatement:
    """The text of the statements of `tags_and_related`, `related_content` and
    `related_elsewhere`, one part per list; every value is a parameter. `keys_sql` gives the
    themes' translation keys to find related pages by: a placeholder per key, or a SELECT of
    the article's own.

    Each part numbers its rows in its own order (ROW_NUMBER) and keeps the first few; the
    parts are joined with UNION ALL, which keeps no order of its own, so the whole is ordered
    by list and number. A part's columns: the list, the card's fields, an article's
    introduction (NULL for another app's page) and the row's number in its list."""

    def __init__(self, connection: BaseDatabaseWrapper, keys_sql: str):
        self.qn = connection.ops.quote_name
        self.public = no_view_restriction(connection)
        self.keys_sql = keys_sql
        self.page = self.qn(Page._meta.db_table)
        self.cards = ", ".join(f"p.{self.qn(name)}" for name in CARD_FIELDS)

    def terms(self, model: type[Page], name: str, kind: int) -> str:
        """The terms of the article's tag field `name`, by name, in the columns TERM_FIELDS
        (the translation key as text). Parameters: the article."""
        qn = self.qn
        field = model._meta.get_field(name)
        columns = ", ".join(f"t.{qn(column)}" for column in TERM_FIELDS[:-1])
        return (
            f"SELECT {kind} AS kind, {columns},"
            f" CAST(t.{qn(TERM_FIELDS[-1])} AS TEXT),"
            f" ROW_NUMBER() OVER (ORDER BY t.{qn('name')}) AS position"
            f" {tag_join(qn, field)} WHERE r.{qn(field.m2m_column_name())} = %s"
        )

    def articles(self, model: type[Page]) -> str:
        """Live pages of `model` (articles) in the language but one by the number of themes
        they share, then the newest: the order of `.annotate(shared=Count("themes"))
        .order_by("-shared", "-first_published_at", "-pk")` (a page without a first publication
        date goes where the database puts NULL). Parameters: the keys, the page left out, True,
        the locale, how many."""
        qn = self.qn
        article = qn(model._meta.db_table)
        own_key = qn(model._meta.pk.column)
        sql = (
            f"SELECT {ARTICLES} AS kind, {self.cards}, a.{qn('intro')} AS intro,"  # noqa: S608 (quoted names; values are parameters)
            " ROW_NUMBER() OVER (ORDER BY shared.number DESC, p.first_published_at DESC,"
            " p.id DESC) AS position"
            f" FROM (SELECT page_id, COUNT(*) AS number FROM"
            f" ({self._tagged(model._meta.get_field('themes'))}) tagged GROUP BY page_id)"
            f" shared INNER JOIN {self.page} p ON p.id = shared.page_id"
            f" INNER JOIN {article} a ON a.{own_key} = p.id"
            f" WHERE p.id <> %s AND p.live = %s AND p.locale_id = %s AND {self.public}"
        )
        return f"SELECT * FROM ({sql}) articles WHERE position <= %s"  # noqa: S608 (as above)

    def elsewhere(self) -> tuple[str, int]:
        """Live pages of other apps' tagged page types in the language, newest first (a page
        made live in code without a revision has neither date and goes last), and how many
        page types it asks; ("", 0) when no other app has a tagged page type. Parameters: the
        keys once per page type, True, the locale, how many."""
        tagged = [
            self._tagged(model._meta.get_field("themes"))
            for model in taggable_page_models()
            if model._meta.app_label not in NOT_ELSEWHERE
        ]
        if not tagged:
            return "", 0
        # From the tagged pages to their rows by primary key, not from every page of the
        # language to its tags: the work grows with the matches, not with the site (SQLite
        # keeps the order of a CROSS JOIN; for PostgreSQL it is an inner join like any other).
        # UNION leaves each page once, however many of the themes it carries.
        any_tagged = " UNION ".join(tagged)
        sql = (
            f"SELECT {ELSEWHERE} AS kind, {self.cards}, NULL AS intro,"  # noqa: S608 (quoted names; values are parameters)
            " ROW_NUMBER() OVER (ORDER BY COALESCE(p.first_published_at,"
            " p.latest_revision_created_at) DESC NULLS LAST, p.id DESC) AS position"
            f" FROM ({any_tagged}) tagged CROSS JOIN {self.page} p"
            f" WHERE p.id = tagged.page_id AND p.live = %s AND p.locale_id = %s"
            f" AND {self.public}"
        )
        return f"SELECT * FROM ({sql}) elsewhere WHERE position <= %s", len(tagged)  # noqa: S608 (as above)

    def _tagged(self, field: ManyToManyField) -> str:
        """The ids (page_id) of the pages whose tag `field` holds any of the themes, once per
        theme that matches. Parameters: the keys."""
        qn = self.qn
        return (
            f"SELECT r.{qn(field.m2m_column_name())} AS page_id"
            f" {tag_join(qn, field)} WHERE t.{qn('translation_key')} IN ({self.keys_sql})"
        )


def tag_join(
    qn: Callable[[str], str], field: ManyToManyField, term: str = "t", relation: str = "r"
) -> str:
    """FROM the terms of tag `field` (as `term`) joined to the pages' relation to them (as
    `relation`; its page column is `field.m2m_column_name()`); `qn` quotes names."""
    return (
        f"FROM {qn(field.related_model._meta.db_table)} {term}"
        f" INNER JOIN {qn(field.m2m_db_table())} {relation}"
        f" ON {relation}.{qn(field.m2m_reverse_name())} = {term}.id"
    )


def _article_card(model: type[Page], row: tuple) -> Page:
    _kind, *card, intro, _position = row
    values = dict(zip(CARD_FIELDS, card, strict=True))
    values[model._meta.pk.attname] = values["id"]  # the article's own row points at its page
    values["intro"] = intro
    return _from_columns(model, values)


def _page_card(row: tuple) -> Page:
    _kind, *card, _intro, _position = row
    return _from_columns(Page, dict(zip(CARD_FIELDS, card, strict=True)))


def _from_columns(model: type[Model], values: dict) -> Model:
    """An instance of `model` as the ORM loads one with `.only(*values)`: the fields not in
    `values` are deferred (Model.from_db takes the values in its concrete fields' order)."""
    names = [field.attname for field in model._meta.concrete_fields if field.attname in values]
    return model.from_db(router.db_for_read(model), names, [values[name] for name in names])


def _connection(model: type[Model]) -> BaseDatabaseWrapper:
    return connections[router.db_for_read(model)]
