"""The roles created by migration: who may do what in the admin."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import GroupCollectionPermission, GroupPagePermission

from portal import roles
from portal.models import StandardPage

ACCESS = "wagtailadmin.access_admin"
TAXONOMY_ADD_CHANGE = {
    f"portal.{action}_{model}"
    for action in ("add", "change")
    for model in ("theme", "audience", "municipality")
}
EDITOR_COLLECTION = {
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
}

EXPECTED = {
    "Redacteur": (
        {ACCESS} | TAXONOMY_ADD_CHANGE,
        {"add_page", "change_page"},
        EDITOR_COLLECTION,
    ),
    "Eindredacteur": (
        {ACCESS}
        | TAXONOMY_ADD_CHANGE
        | {"portal.delete_theme", "portal.delete_audience", "portal.delete_municipality"},
        {"add_page", "change_page", "publish_page", "lock_page", "unlock_page", "bulk_delete_page"},
        EDITOR_COLLECTION | {"wagtailimages.delete_image", "wagtaildocs.delete_document"},
    ),
    "Vertaler": (
        {ACCESS, "wagtail_localize.submit_translation"}
        | {"portal.change_theme", "portal.change_audience", "portal.change_municipality"},
        {"change_page"},
        set(),
    ),
    "Coördinator trainingen": ({ACCESS}, set(), set()),
    "Coördinator ervaringsdeskundigen": ({ACCESS}, set(), set()),
    "Trainer": (set(), set(), set()),
    "Ervaringsdeskundige": (set(), set(), set()),
}


def _user_in(group_name: str, email: str):
    user = get_user_model().objects.create_user(email=email, password="x" * 12)
    user.groups.add(Group.objects.get(name=group_name))
    return get_user_model().objects.get(pk=user.pk)  # fresh: no stale permission cache


@pytest.mark.django_db
def test_every_role_exists_under_its_dutch_name():
    names = set(Group.objects.values_list("name", flat=True))
    assert set(EXPECTED) <= names
    assert set(roles.ROLE_NAMES) == set(EXPECTED)
    assert roles.EDITOR == "Redacteur"


@pytest.mark.django_db
def test_wagtail_example_groups_are_gone():
    # Two sets of editor groups with different rights would invite the wrong choice.
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("group_name", sorted(EXPECTED))
def test_each_role_has_exactly_its_permissions(group_name):
    model_perms, page_perms, collection_perms = EXPECTED[group_name]
    group = Group.objects.get(name=group_name)

    assert {
        f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()
    } == model_perms
    page_rows = GroupPagePermission.objects.filter(group=group).select_related("page")
    assert {row.permission.codename for row in page_rows} == page_perms
    assert all(row.page.depth == 1 for row in page_rows)  # granted on the whole tree
    collection_rows = GroupCollectionPermission.objects.filter(group=group)
    assert {
        f"{row.permission.content_type.app_label}.{row.permission.codename}"
        for row in collection_rows
    } == collection_perms
    assert all(row.collection.depth == 1 for row in collection_rows)


def test_editor_can_create_and_edit_but_not_publish(home):
    editor = _user_in(roles.EDITOR, "redacteur@example.org")
    page = home.add_child(instance=StandardPage(title="Concept", slug="concept", live=False))

    assert home.permissions_for_user(editor).can_add_subpage()
    assert page.permissions_for_user(editor).can_edit()
    assert not page.permissions_for_user(editor).can_publish()
    assert editor.has_perm("portal.change_theme")
    assert not editor.has_perm("portal.delete_theme")


def test_moderator_can_publish_and_delete(home):
    moderator = _user_in(roles.MODERATOR, "eindredacteur@example.org")
    page = home.add_child(instance=StandardPage(title="Concept", slug="concept"))

    assert page.permissions_for_user(moderator).can_publish()
    assert page.permissions_for_user(moderator).can_delete()


def test_what_an_editor_submits_goes_to_the_moderators(home):
    page = home.add_child(instance=StandardPage(title="Concept", slug="concept", live=False))
    workflow = page.get_workflow()

    assert workflow is not None
    (task,) = [wt.task.specific for wt in workflow.workflow_tasks.all()]
    assert list(task.groups.values_list("name", flat=True)) == [roles.MODERATOR]


def test_translator_may_translate_but_not_publish(home):
    translator = _user_in(roles.TRANSLATOR, "vertaler@example.org")
    page = home.add_child(instance=StandardPage(title="Tekst", slug="tekst"))

    assert translator.has_perm("wagtail_localize.submit_translation")
    assert page.permissions_for_user(translator).can_edit()
    assert not page.permissions_for_user(translator).can_publish()


@pytest.mark.django_db
@pytest.mark.parametrize("group_name", [roles.TRAINER, roles.EXPERT])
def test_trainers_and_experts_do_not_get_into_the_admin(client, group_name):
    from tests.portal.test_taxonomy import _signed_in_with_mfa

    user = _user_in(group_name, "persoon@example.org")
    assert not user.has_perm("wagtailadmin.access_admin")
    _signed_in_with_mfa(client, user)
    assert client.get("/admin/").status_code != 200


@pytest.mark.django_db
def test_an_editor_gets_into_the_admin(client):
    from tests.portal.test_taxonomy import _signed_in_with_mfa

    _signed_in_with_mfa(client, _user_in(roles.EDITOR, "redacteur@example.org"))
    assert client.get("/admin/").status_code == 200
