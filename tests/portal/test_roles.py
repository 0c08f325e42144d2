"""The roles: who may do what in the admin, and how a domain app adds to them.

The groups and their base permissions come from portal's migrations (portal/roles.py). A domain
app grants its own permissions to the groups from its own data migration (`roles.grant`);
re-applying the base roles only ever adds.
"""

import re

import pytest
from django.apps import apps as django_apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission
from wagtail.permissions import policy_registry

from portal import roles
from portal.models import StandardPage, Theme
from tests.portal.test_taxonomy import _signed_in_with_mfa

pytestmark = pytest.mark.django_db


def _user_in(group_name: str, email: str = "persoon@example.org"):
    user = get_user_model().objects.create_user(email=email, password="x" * 12)
    user.groups.add(Group.objects.get(name=group_name))
    return get_user_model().objects.get(pk=user.pk)  # fresh: no stale permission cache


# --- who may do what in the admin ---------------------------------------------------------

# What a role can open in the admin; everything else sends them back to the dashboard.
ADMIN_ACTIONS = (
    "add a theme",
    "edit a theme",
    "delete a theme",
    "add a page",
    "edit a page someone else wrote",
    "delete a page",
    "upload an image",
    "upload a document",
    "translate a page",
    "manage groups",
)
ALLOWED = {
    # An editor edits their own pages only (tests/portal/test_editor_boundaries.py).
    roles.EDITOR: {
        "add a theme",
        "edit a theme",
        "add a page",
        "upload an image",
        "upload a document",
    },
    roles.MODERATOR: {
        "add a theme",
        "edit a theme",
        "delete a theme",
        "add a page",
        "edit a page someone else wrote",
        "delete a page",
        "upload an image",
        "upload a document",
    },
    roles.TRANSLATOR: {"edit a theme", "edit a page someone else wrote", "translate a page"},
    roles.TRAINING_COORDINATOR: set(),
    roles.EXPERT_POOL_COORDINATOR: set(),
}


def _admin_url(action: str, page, theme) -> str:
    return {
        "add a theme": reverse("wagtailsnippets_portal_theme:add"),
        "edit a theme": reverse("wagtailsnippets_portal_theme:edit", args=[theme.pk]),
        "delete a theme": reverse("wagtailsnippets_portal_theme:delete", args=[theme.pk]),
        "add a page": reverse("wagtailadmin_pages:add_subpage", args=[page.get_parent().pk]),
        "edit a page someone else wrote": reverse("wagtailadmin_pages:edit", args=[page.pk]),
        "delete a page": reverse("wagtailadmin_pages:delete", args=[page.pk]),
        "upload an image": reverse("wagtailimages:add"),
        "upload a document": reverse("wagtaildocs:add"),
        "translate a page": reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        "manage groups": reverse("wagtailusers_groups:index"),
    }[action]


@pytest.mark.parametrize("role", sorted(ALLOWED))
def test_each_staff_role_opens_exactly_its_part_of_the_admin(client, home, role):
    page = home.add_child(instance=StandardPage(title="Tekst", slug="tekst"))
    theme = Theme.objects.filter(locale__language_code="nl").first()
    _signed_in_with_mfa(client, _user_in(role))

    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    opened = set()
    for action in ADMIN_ACTIONS:
        response = client.get(_admin_url(action, page, theme))
        if response.status_code == 200:
            opened.add(action)
        else:
            # Wagtail's answer to a signed-in user without the permission: back to the dashboard.
            assert response.status_code == 302, (action, response.status_code)
            assert response["Location"] == reverse("wagtailadmin_home"), action
    assert opened == ALLOWED[role]


def test_editor_can_create_and_edit_their_own_pages_but_not_publish(home):
    editor = _user_in(roles.EDITOR, "redacteur@example.org")
    own = home.add_child(
        instance=StandardPage(title="Concept", slug="concept", live=False, owner=editor)
    )
    someone_elses = home.add_child(instance=StandardPage(title="Ander", slug="ander"))

    assert home.permissions_for_user(editor).can_add_subpage()
    assert own.permissions_for_user(editor).can_edit()
    assert not own.permissions_for_user(editor).can_publish()
    assert not someone_elses.permissions_for_user(editor).can_edit()


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


@pytest.mark.parametrize("role", [roles.TRAINER, roles.EXPERT])
def test_trainers_and_experts_do_not_get_into_the_admin(client, role):
    _signed_in_with_mfa(client, _user_in(role))

    response = client.get(reverse("wagtailadmin_home"))

    # Signed in, with MFA, and still sent to the login: they work in the public site.
    assert response.status_code == 302
    assert response["Location"] == "/nl/account/login/?next=/admin/"


def test_an_administrator_assigns_roles_by_their_dutch_names_only(client):
    admin = get_user_model().objects.create_superuser(email="beheer@example.org", password="x" * 12)
    _signed_in_with_mfa(client, admin)
    person = get_user_model().objects.create_user(email="p@example.org", password="x" * 12)

    html = client.get(reverse("wagtailusers_users:edit", args=[person.pk])).text

    choices = re.findall(r'<input type="checkbox" name="groups"[^>]*>\s*([^<]+?)\s*</label>', html)
    # No English example groups of Wagtail's, with other rights, to pick by mistake.
    assert sorted(choices) == sorted(
        [
            "Redacteur",
            "Eindredacteur",
            "Vertaler",
            "Coördinator trainingen",
            "Coördinator ervaringsdeskundigen",
            "Trainer",
            "Ervaringsdeskundige",
        ]
    )


# --- roles are additive; domain apps grant through roles.grant ---------------------------

ADVICE_PERMISSION = "advice.change_advicequestion"


def test_re_applying_the_base_roles_keeps_what_was_granted_besides_them(home):
    """A later portal migration calls apply_roles again; it must not wipe anybody's grants."""
    coordinator = Group.objects.get(name=roles.TRAINING_COORDINATOR)
    change_question = Permission.objects.get(
        content_type__app_label="advice", codename="change_advicequestion"
    )
    coordinator.permissions.add(change_question)
    page = home.add_child(instance=StandardPage(title="Trainingen", slug="trainingen"))
    GroupPagePermission.objects.create(
        group=coordinator,
        page=page,
        permission=Permission.objects.get(codename="change_page"),
    )
    GroupCollectionPermission.objects.create(
        group=coordinator,
        collection=Collection.get_first_root_node(),
        permission=Permission.objects.get(codename="add_image"),
    )

    roles.apply_roles(django_apps)

    user = _user_in(roles.TRAINING_COORDINATOR)
    assert user.has_perm(ADVICE_PERMISSION)
    assert page.permissions_for_user(user).can_edit()
    assert not home.permissions_for_user(user).can_edit()  # still only under that page
    assert policy_registry.get_by_type(get_image_model()).user_has_permission(user, "add")
    assert user.has_perm("wagtailadmin.access_admin")  # and the base permissions stay too


def test_re_applying_the_base_roles_restores_a_base_permission_that_went_missing():
    editor = Group.objects.get(name=roles.EDITOR)
    editor.permissions.remove(Permission.objects.get(codename="change_theme"))

    roles.apply_roles(django_apps)

    assert _user_in(roles.EDITOR).has_perm("portal.change_theme")


def test_a_domain_app_grants_its_permissions_and_they_survive_the_base_roles(home):
    # The call an app's data migration makes (there with the migration's `apps`).
    roles.grant(
        django_apps,
        roles.TRAINER,
        permissions=[ADVICE_PERMISSION, "wagtailadmin.access_admin"],
        page_permissions=["change_page"],
        collection_permissions=["wagtaildocs.add_document"],
    )
    roles.apply_roles(django_apps)

    trainer = _user_in(roles.TRAINER)
    assert trainer.has_perm(ADVICE_PERMISSION)
    assert policy_registry.get_by_type(get_document_model()).user_has_permission(trainer, "add")
    assert home.permissions_for_user(trainer).can_edit()
    assert not _user_in(roles.EXPERT, "ander@example.org").has_perm(ADVICE_PERMISSION)


def test_grant_works_with_a_migrations_historical_models_before_post_migrate_ran():
    # On a fresh database an app's data migration runs before post_migrate has created the
    # app's permissions: simulate that by removing them, then grant from the historical state.
    Permission.objects.filter(content_type__app_label="advice").delete()
    historical = MigrationLoader(connection).project_state().apps

    roles.grant(historical, roles.EXPERT_POOL_COORDINATOR, permissions=[ADVICE_PERMISSION])

    created = Permission.objects.get(
        content_type__app_label="advice", codename="change_advicequestion"
    )
    assert created.name == "Can change advice question"  # Django's own name: no twin later
    assert _user_in(roles.EXPERT_POOL_COORDINATOR).has_perm(ADVICE_PERMISSION)


def test_grant_stops_on_a_role_or_permission_that_does_not_exist():
    # A typo must fail the migration, not grant nothing in silence.
    with pytest.raises(ValueError, match="not a Steiger role"):
        roles.grant(django_apps, "Coordinator trainingen", permissions=[ADVICE_PERMISSION])
    with pytest.raises(LookupError, match=r"advice\.publish_advicequestion"):
        roles.grant(django_apps, roles.TRAINER, permissions=["advice.publish_advicequestion"])
