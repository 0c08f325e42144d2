"""The role door, used by an app: its data migration (0002_grant_roles) gives the role groups
its permissions through portal.roles.grant, and re-applying the base roles keeps them."""

from importlib import import_module

import pytest
from django.apps import apps as django_apps
from django.contrib.auth.models import Group

from portal import roles

pytestmark = pytest.mark.django_db

GRANTED = {
    roles.TRAINING_COORDINATOR: {"workshops.view_workshop", "workshops.view_workshopbooking"},
    roles.TRAINER: {"workshops.view_workshop"},
}


def workshop_permissions(role: str) -> set[str]:
    group = Group.objects.get(name=role)
    return {
        f"{permission.content_type.app_label}.{permission.codename}"
        for permission in group.permissions.select_related("content_type")
        if permission.content_type.app_label == "workshops"
    }


@pytest.mark.parametrize("role", sorted(GRANTED))
def test_the_apps_migration_granted_its_permissions_to_the_roles(role):
    assert workshop_permissions(role) == GRANTED[role]


def test_the_other_roles_got_none_of_them():
    for role in set(roles.ROLE_NAMES) - set(GRANTED):
        assert workshop_permissions(role) == set(), role


def test_re_applying_the_base_roles_or_the_migration_keeps_the_grants_once():
    roles.apply_roles(django_apps)
    migration = import_module("tests.workshops.migrations.0002_grant_roles")
    migration.grant_permissions(django_apps, schema_editor=None)

    for role, permissions in GRANTED.items():
        assert workshop_permissions(role) == permissions
        group = Group.objects.get(name=role)
        assert group.permissions.filter(content_type__app_label="workshops").count() == len(
            permissions
        )
