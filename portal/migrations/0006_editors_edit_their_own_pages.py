"""Editors edit the pages they own, not every page: their "change" on the root goes.

apply_roles only ever adds, so taking a permission away from a role is this migration.
"""

from django.db import migrations

from portal import roles


def forwards(apps, schema_editor):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupPagePermission.objects.filter(
        group__name=roles.EDITOR,
        permission__content_type__app_label="wagtailcore",
        permission__codename="change_page",
    ).delete()


def backwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Permission = apps.get_model("auth", "Permission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    group = Group.objects.filter(name=roles.EDITOR).first()
    root = Page.objects.filter(depth=1).order_by("path").first()
    permission = Permission.objects.filter(
        content_type__app_label="wagtailcore", codename="change_page"
    ).first()
    if group and root and permission:
        GroupPagePermission.objects.get_or_create(group=group, page=root, permission=permission)


class Migration(migrations.Migration):
    dependencies = [("portal", "0005_gone_pages")]

    operations = [migrations.RunPython(forwards, backwards)]
