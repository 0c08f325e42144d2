"""The facet values of a search's hits in two statements (search/facet_lookups.py): the same
answers as the ORM's many-to-many tables and term lookups they replace, on SQLite and
PostgreSQL. A wrong answer here shows visitors wrong counts, or narrows to the wrong results."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.documents import get_document_model
from wagtail.models import Locale

from knowledge.factories import ArticlePageFactory
from knowledge.models import ArticlePage
from portal.models import StandardPage
from portal.models.taxonomy import Audience, Municipality, Theme
from search.facet_lookups import TagRelation, tag_relation, term_memberships, term_values
from search.facets import TAXONOMY_FACETS

pytestmark = pytest.mark.django_db

TERM_MODELS = {parameter: term_model for parameter, (_field, term_model) in TAXONOMY_FACETS.items()}


def relations_of(*objects) -> list[TagRelation]:
    """Every tag relation of every facet for the models of `objects`, as a search builds them."""
    by_model: dict[type, list[int]] = {}
    for obj in objects:
        by_model.setdefault(type(obj), []).append(obj.pk)
    relations = []
    for model, pks in by_model.items():
        content_type_id = ContentType.objects.get_for_model(model).pk
        for parameter, (field_name, _term_model) in TAXONOMY_FACETS.items():
            field = tag_relation(model, field_name)
            if field is not None:
                relations.append(TagRelation(parameter, content_type_id, field, pks))
    return relations


def through_the_orm(relations: list[TagRelation]) -> dict[str, dict[int, set]]:
    """What the search asked before: each relation's through table, filtered on its pks."""
    expected: dict[str, dict[int, set]] = {}
    for relation in relations:
        through = relation.field.remote_field.through
        source = f"{relation.field.m2m_field_name()}_id"
        target = f"{relation.field.m2m_reverse_field_name()}_id"
        rows = through.objects.filter(**{f"{source}__in": relation.pks}).values_list(source, target)
        for pk, term_id in rows:
            keys = expected.setdefault(relation.facet, {}).setdefault(term_id, set())
            keys.add((relation.content_type_id, pk))
    return expected


@pytest.fixture
def tagged(index, themes, audiences):
    municipalities = list(Municipality.objects.filter(locale=Locale.get_default())[:2])
    articles = [
        ArticlePageFactory(
            parent=index,
            themes=[themes["kindermishandeling"], themes["huiselijk-geweld"]],
            audiences=[audiences["inwoners"]],
            municipalities=municipalities,
        ),
        ArticlePageFactory(parent=index, themes=[themes["huiselijk-geweld"]]),
        ArticlePageFactory(parent=index),  # no terms at all
    ]
    general = StandardPage(title="Over het Centrum", slug="over-het-centrum")
    index.add_child(instance=general)
    general.themes.set([themes["ouderenmishandeling"]])
    general.audiences.set([audiences["professionals"]])
    return [*articles, general]


def test_every_relation_of_every_model_is_read_in_one_statement(tagged):
    relations = relations_of(*tagged)
    assert {relation.field.model for relation in relations} == {ArticlePage, StandardPage}

    with CaptureQueriesContext(connection) as counted:
        found = term_memberships(relations)

    assert len(counted) == 1
    assert {facet: dict(by_term) for facet, by_term in found.items()} == through_the_orm(relations)
    article_type = ContentType.objects.get_for_model(ArticlePage).pk
    theme = Theme.objects.get(slug="huiselijk-geweld", locale=Locale.get_default())
    assert found["thema"][theme.pk] == {(article_type, tagged[0].pk), (article_type, tagged[1].pk)}


def test_only_the_hits_count(tagged):
    """Terms of pages that were not found stay out, even on the same model."""
    found = term_memberships(relations_of(tagged[1]))
    assert {facet: dict(by_term) for facet, by_term in found.items()} == through_the_orm(
        relations_of(tagged[1])
    )
    assert set(found) == {"thema"}


def test_no_hits_ask_nothing():
    locale_id = Locale.get_default().pk
    with CaptureQueriesContext(connection) as counted:
        assert not term_memberships([])
        assert term_values({}, TERM_MODELS, locale_id) == {}
    assert not counted


def test_a_model_without_the_field_has_no_relation():
    assert tag_relation(get_document_model(), "themes") is None
    assert tag_relation(ArticlePage, "title") is None  # a field, but not a tag relation


def test_terms_read_in_the_visitors_language_or_as_they_are(themes, audiences):
    english = Locale.objects.get(language_code="en")
    dutch = themes["kindermishandeling"]
    translated = Theme.objects.filter(translation_key=dutch.translation_key, locale=english).first()
    if translated is None:
        translated = dutch.copy_for_translation(english)
    translated.name, translated.slug = "Child abuse", "child-abuse"
    translated.save()
    untranslated = Audience.objects.create(name="Alleen Nederlands", slug="alleen-nl")
    wanted = {"thema": [dutch.pk], "doelgroep": [untranslated.pk], "gemeente": []}

    with CaptureQueriesContext(connection) as counted:
        in_english = term_values(wanted, TERM_MODELS, english.pk)
    assert len(counted) == 1
    assert in_english == {
        "thema": {dutch.pk: ("child-abuse", "Child abuse")},
        "doelgroep": {untranslated.pk: ("alleen-nl", "Alleen Nederlands")},
        "gemeente": {},
    }
    in_dutch = term_values(wanted, TERM_MODELS, Locale.get_default().pk)
    assert in_dutch["thema"] == {dutch.pk: (dutch.slug, dutch.name)}
