"""The roles reach the knowledge pages through the page permissions portal grants on the
tree's root (portal/roles.py): knowledge needs no grant migration of its own."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from knowledge.factories import ArticlePageFactory
from knowledge.models import ArticlePage, KnowledgeIndexPage
from portal import roles


def user_in(role: str, email: str):
    user = get_user_model().objects.create_user(email=email, password="x" * 12)
    user.groups.add(Group.objects.get(name=role))
    return get_user_model().objects.get(pk=user.pk)


@pytest.mark.parametrize("role", [roles.EDITOR, roles.MODERATOR])
def test_editors_and_moderators_may_write_articles_in_the_knowledge_base(home, index, role):
    person = user_in(role, "redactie@example.org")

    assert index.permissions_for_user(person).can_add_subpage()
    assert ArticlePage in index.specific_class.creatable_subpage_models()
    assert ArticlePage.can_create_at(index)
    assert KnowledgeIndexPage.can_create_at(home)


def test_only_the_moderator_publishes_an_article(index):
    editor = user_in(roles.EDITOR, "redacteur@example.org")
    moderator = user_in(roles.MODERATOR, "eindredacteur@example.org")
    article = ArticlePageFactory(parent=index, owner=editor)

    assert not article.permissions_for_user(editor).can_publish()
    assert article.permissions_for_user(moderator).can_publish()
