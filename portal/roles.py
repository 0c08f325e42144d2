"""The roles people have on Steiger, as Django groups with their permissions.

Group names are Dutch because the (Dutch) admin shows them; code refers to them through the
English constants below.

Both functions below are written against a migration's historical app registry and only ever
add permissions:
- `apply_roles` gives the groups the base layer's permissions (ROLES); when ROLES grows, add a
  portal migration that calls it again.
- `grant` is the door for domain apps (courses, experts): an app gives the coordinator,
  trainer and expert groups its own permissions from its own data migration. Re-applying the
  base roles never removes them.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions

EDITOR = "Redacteur"
MODERATOR = "Eindredacteur"
TRANSLATOR = "Vertaler"
TRAINING_COORDINATOR = "Coördinator trainingen"
EXPERT_POOL_COORDINATOR = "Coördinator ervaringsdeskundigen"
TRAINER = "Trainer"
EXPERT = "Ervaringsdeskundige"

# The moderation workflow every page goes through: editors submit, moderators approve.
APPROVAL_WORKFLOW = "Goedkeuring door eindredactie"

# Wagtail's own example groups, which its first migration creates.
WAGTAIL_DEFAULT_GROUPS = ("Editors", "Moderators")

ACCESS_ADMIN = "wagtailadmin.access_admin"
TAXONOMY_MODELS = ("theme", "audience", "municipality")


@dataclass(frozen=True)
class Role:
    name: str
    # Model permissions as "app_label.codename".
    permissions: frozenset[str] = field(default_factory=frozenset)
    # Page permission codenames (wagtailcore.Page) granted on the tree's root, so on every page.
    page_permissions: frozenset[str] = field(default_factory=frozenset)
    # Image/document permissions ("app_label.codename") granted on the root collection.
    collection_permissions: frozenset[str] = field(default_factory=frozenset)


_EDITOR_PERMISSIONS = frozenset(
    {ACCESS_ADMIN}
    | {f"portal.{action}_{model}" for action in ("add", "change") for model in TAXONOMY_MODELS}
)
_EDITOR_COLLECTION = frozenset(
    f"{app}.{action}_{model}"
    for app, model in (("wagtailimages", "image"), ("wagtaildocs", "document"))
    for action in ("add", "change", "choose")
)

ROLES: tuple[Role, ...] = (
    Role(
        EDITOR,
        permissions=_EDITOR_PERMISSIONS,
        # "add" in Wagtail: create pages and edit the ones you own. An editor's draft is
        # theirs until a moderator takes it on; other editors cannot open it through any
        # admin view (edit, preview, revisions, compare, history, copy). Moderators edit all.
        page_permissions=frozenset({"add_page"}),
        collection_permissions=_EDITOR_COLLECTION,
    ),
    Role(
        MODERATOR,
        permissions=_EDITOR_PERMISSIONS | {f"portal.delete_{model}" for model in TAXONOMY_MODELS},
        page_permissions=frozenset(
            {"add_page", "change_page", "publish_page", "lock_page", "unlock_page"}
            | {"bulk_delete_page"}
        ),
        collection_permissions=_EDITOR_COLLECTION
        | {"wagtailimages.delete_image", "wagtaildocs.delete_document"},
    ),
    Role(
        TRANSLATOR,
        # Changing the labels too: wagtail-localize opens a snippet's translation in the
        # snippet editor, so without it a translator could not translate a new theme.
        permissions=frozenset({ACCESS_ADMIN, "wagtail_localize.submit_translation"})
        | {f"portal.change_{model}" for model in TAXONOMY_MODELS},
        page_permissions=frozenset({"change_page"}),
    ),
    Role(TRAINING_COORDINATOR, permissions=frozenset({ACCESS_ADMIN})),
    Role(EXPERT_POOL_COORDINATOR, permissions=frozenset({ACCESS_ADMIN})),
    # Trainers and experts work in the public site (their inbox, attendance), not the admin.
    Role(TRAINER),
    Role(EXPERT),
)

ROLE_NAMES: tuple[str, ...] = tuple(role.name for role in ROLES)


def apply_roles(apps) -> None:
    """Create the role groups and give each the base permissions in ROLES it lacks.

    Additive: nothing a group has is taken away, so running this again (a later migration after
    a change to ROLES) keeps what domain apps granted with `grant`. Taking a permission away
    from a role is a deliberate act: write a migration that removes it.
    """
    Group = apps.get_model("auth", "Group")
    for role in ROLES:
        Group.objects.get_or_create(name=role.name)
    _ensure_permissions_exist(
        apps,
        {
            dotted.split(".", 1)[0]
            for role in ROLES
            for dotted in (*role.permissions, *role.collection_permissions)
        }
        | {"wagtailcore"},
    )
    for role in ROLES:
        _add(apps, role)


def grant(
    apps,
    role: str,
    *,
    permissions: Iterable[str] = (),
    page_permissions: Iterable[str] = (),
    collection_permissions: Iterable[str] = (),
) -> None:
    """Give a role group permissions of a domain app, from that app's own data migration.

    `apps` is the migration's historical app registry (django.apps.apps works too).
    permissions             model permissions, "app_label.codename" ("courses.change_course")
    page_permissions        wagtailcore page permission codenames ("publish_page"), granted on
                            the tree's root, so on every page
    collection_permissions  image/document permissions ("wagtailimages.add_image"), granted
                            on the root collection

    Permissions are normally created by post_migrate, after all migrations ran; so this first
    creates the permissions of every app it names (Django's create_permissions, the step
    post_migrate would take), and a codename that still does not exist is an error rather than a
    silent no-op. Only adds: `apply_roles` and other grants never remove what this gives.

        def forwards(apps, schema_editor):
            roles.grant(apps, roles.TRAINER, permissions=["courses.view_session"])

    The migration depends on portal's latest migration, which created the groups.
    """
    if role not in ROLE_NAMES:
        raise ValueError(f"{role!r} is not a Steiger role; use a constant from portal.roles.")
    wanted = Role(
        role,
        permissions=frozenset(permissions),
        page_permissions=frozenset(page_permissions),
        collection_permissions=frozenset(collection_permissions),
    )
    labels = {dotted.split(".", 1)[0] for dotted in wanted.permissions}
    labels |= {dotted.split(".", 1)[0] for dotted in wanted.collection_permissions}
    if wanted.page_permissions:
        labels.add("wagtailcore")
    apps.get_model("auth", "Group").objects.get_or_create(name=role)
    _ensure_permissions_exist(apps, labels)
    _add(apps, wanted)


def _ensure_permissions_exist(apps, app_labels: Iterable[str]) -> None:
    """Create the permissions (and content types) of these apps, as post_migrate would.

    create_permissions reads the models from `apps` (the historical ones in a migration), but
    needs the installed app's config to know the app has models; an app that is no longer
    installed is skipped.
    """
    for label in sorted(set(app_labels)):
        try:
            app_config = global_apps.get_app_config(label)
        except LookupError:
            continue
        create_permissions(app_config, verbosity=0, apps=apps)


def _permission(apps, dotted: str):
    Permission = apps.get_model("auth", "Permission")
    app_label, codename = dotted.split(".", 1)
    permission = (
        Permission.objects.filter(content_type__app_label=app_label, codename=codename)
        .order_by("pk")
        .first()
    )
    if permission is None:
        raise LookupError(
            f"Permission {dotted!r} does not exist: check the app label and the codename "
            "(Meta.default_permissions and Meta.permissions of the model)."
        )
    return permission


def _add(apps, role: Role) -> None:
    """Give the role's group whatever of `role`'s permissions it does not have yet."""
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    group = Group.objects.get(name=role.name)
    # add() skips what the group already has; set() would drop every other app's grants.
    group.permissions.add(*(_permission(apps, dotted) for dotted in sorted(role.permissions)))

    if role.page_permissions:
        root_page = Page.objects.filter(depth=1).order_by("path").first()
        # Wagtail 8 stores a page permission as a row per (group, page, auth Permission).
        for codename in sorted(role.page_permissions):
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=root_page,
                permission=_permission(apps, f"wagtailcore.{codename}"),
            )
    if role.collection_permissions:
        root_collection = Collection.objects.filter(depth=1).order_by("path").first()
        for dotted in sorted(role.collection_permissions):
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=_permission(apps, dotted)
            )


def route_approval_to_moderators(apps) -> None:
    """Let the moderator group approve what editors submit, on every page.

    Wagtail's first migrations create a "Moderators approval" workflow on the root page for its
    example "Moderators" group. We hand that task to our moderators (or create it when absent),
    so submitting for review works from day one.
    """
    Group = apps.get_model("auth", "Group")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    moderators = Group.objects.get(name=MODERATOR)
    root_page = Page.objects.filter(depth=1).order_by("path").first()

    task = GroupApprovalTask.objects.filter(name="Moderators approval").first()
    if task is None:
        task = GroupApprovalTask.objects.filter(name=APPROVAL_WORKFLOW).first()
    if task is None:
        content_type, _created = ContentType.objects.get_or_create(
            app_label="wagtailcore", model="groupapprovaltask"
        )
        task = GroupApprovalTask.objects.create(
            name=APPROVAL_WORKFLOW, content_type=content_type, active=True
        )
    task.name = APPROVAL_WORKFLOW
    task.active = True
    task.save()
    task.groups.set([moderators])

    workflow = Workflow.objects.filter(
        workflow_tasks__task=task
    ).first() or Workflow.objects.create(name=APPROVAL_WORKFLOW, active=True)
    workflow.name = APPROVAL_WORKFLOW
    workflow.active = True
    workflow.save()
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    if root_page is not None:
        WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})


def remove_unused_wagtail_default_groups(apps) -> None:
    """Drop Wagtail's example "Editors"/"Moderators" groups, unless someone is in them.

    Two sets of editor groups (English and Dutch, with different rights) invite mistakes when
    an administrator assigns a role. A group that has members is left alone, so an existing
    installation never silently loses anyone's rights.
    """
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS):
        if not group.user_set.exists():
            group.delete()
