"""Training coordinators run the classroom sessions in the admin (the role door,
portal.roles.grant): sessions (add, change, see; delete only matters for one nobody booked,
the bookings protect the rest), bookings and participants (see and correct). Re-applying
portal's base roles never takes this away.
"""

from django.db import migrations

from portal import roles


def grant_permissions(apps, schema_editor):
    roles.grant(
        apps,
        roles.TRAINING_COORDINATOR,
        permissions=[
            "courses.add_coursesession",
            "courses.change_coursesession",
            "courses.delete_coursesession",
            "courses.view_coursesession",
            "courses.change_booking",
            "courses.view_booking",
            "courses.change_participant",
            "courses.view_participant",
        ],
    )


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0004_classroom"),
        # portal's latest migration; the role groups exist since 0002_roles.
        ("portal", "0007_review_reminder_weeks"),
    ]

    operations = [migrations.RunPython(grant_permissions, migrations.RunPython.noop)]
