"""The roles get the workshops' permissions: the role door (portal.roles.grant).

Training coordinators see every booking (the coordinators' page); trainers see the workshops.
Re-applying portal's base roles never takes these away.
"""

from django.db import migrations

from portal import roles


def grant_permissions(apps, schema_editor):
    roles.grant(
        apps,
        roles.TRAINING_COORDINATOR,
        permissions=["workshops.view_workshop", "workshops.view_workshopbooking"],
    )
    roles.grant(apps, roles.TRAINER, permissions=["workshops.view_workshop"])


class Migration(migrations.Migration):
    dependencies = [
        ("workshops", "0001_initial"),
        # The migration that created the role groups.
        ("portal", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant_permissions, migrations.RunPython.noop)]
