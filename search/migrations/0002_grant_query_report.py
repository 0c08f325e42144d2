"""Editors and moderators may read the search query report (the role door, portal.roles.grant).

They write the content, so they are the ones to see what people looked for and did not find.
Re-applying portal's base roles never takes this away.
"""

from django.db import migrations

from portal import roles


def grant_permissions(apps, schema_editor):
    for role in (roles.EDITOR, roles.MODERATOR):
        roles.grant(apps, role, permissions=["search.view_searchqueryweek"])


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_initial"),
        # portal's latest migration; the role groups exist since 0002_roles.
        ("portal", "0007_review_reminder_weeks"),
    ]

    operations = [migrations.RunPython(grant_permissions, migrations.RunPython.noop)]
