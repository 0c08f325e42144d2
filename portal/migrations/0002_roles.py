"""Create the Steiger roles (groups) with their permissions; see portal/roles.py."""

from django.db import migrations

from portal import roles


def forwards(apps, schema_editor):
    roles.apply_roles(apps)
    roles.route_approval_to_moderators(apps)
    roles.remove_unused_wagtail_default_groups(apps)


def backwards(apps, schema_editor):
    # The groups stay: deleting them on a rollback would strip people of their roles.
    pass


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        # After every migration that creates or grants permissions to Wagtail's example
        # groups, so those groups are gone for good once this has run.
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
