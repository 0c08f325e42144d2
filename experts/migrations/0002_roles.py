"""Expert-pool coordinators run the pool in the admin (the role door, portal.roles.grant):
requests (see them; "match" is every step of one, from taking it up and proposing experts
to the safety checklist and the briefing), experts' private records and public profiles
(add, change, see; a profile may be taken down), pauses (add, change, see, remove), expense
claims (see; "change" is approving or rejecting), and choosing a profile's photo from the
image library (editors upload it). Experts themselves get nothing in the admin: their inbox
is on the site (experts/inbox_views.py). Re-applying portal's base roles never takes this
away.
"""

from django.db import migrations

from portal import roles


def grant_permissions(apps, schema_editor):
    roles.grant(
        apps,
        roles.EXPERT_POOL_COORDINATOR,
        permissions=[
            "experts.view_sessionrequest",
            "experts.match_sessionrequest",
            "experts.add_expert",
            "experts.change_expert",
            "experts.view_expert",
            "experts.add_expertprofile",
            "experts.change_expertprofile",
            "experts.delete_expertprofile",
            "experts.view_expertprofile",
            "experts.add_expertpause",
            "experts.change_expertpause",
            "experts.delete_expertpause",
            "experts.view_expertpause",
            "experts.change_expenseclaim",
            "experts.view_expenseclaim",
        ],
        collection_permissions=["wagtailimages.choose_image"],
    )


class Migration(migrations.Migration):
    dependencies = [
        ("experts", "0001_initial"),
        # portal's latest migration; the role groups exist since 0002_roles.
        ("portal", "0007_review_reminder_weeks"),
    ]

    operations = [migrations.RunPython(grant_permissions, migrations.RunPython.noop)]
