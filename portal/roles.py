"""The roles people have on Steiger, as Django groups with their permissions.

Group names are Dutch because the (Dutch) admin shows them; code refers to them through the
English constants below. Domain apps (courses, experts) add their own permissions to the
coordinator, trainer and expert groups in their own migrations, using these constants.

`apply_roles` is written against a migration's historical app registry, so a data migration
can call it; when a role's permissions change, add a new migration that calls it again.
"""

from dataclasses import dataclass, field

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
        page_permissions=frozenset({"add_page", "change_page"}),
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

# Names Django's create_permissions would give, so post_migrate finds them and adds no twins.
_PERMISSION_VERBS = {"add": "Can add", "change": "Can change", "delete": "Can delete"}


def _permission(apps, dotted: str, model_hint: str | None = None):
    """Get (or create, on a fresh database where post_migrate has not run yet) a permission."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    app_label, codename = dotted.split(".", 1)
    existing = Permission.objects.filter(
        content_type__app_label=app_label, codename=codename
    ).first()
    if existing is not None:
        return existing
    action, _, model = codename.partition("_")
    model = model_hint or model
    content_type, _created = ContentType.objects.get_or_create(app_label=app_label, model=model)
    name = f"{_PERMISSION_VERBS.get(action, 'Can ' + action)} {model}"
    return Permission.objects.create(content_type=content_type, codename=codename, name=name)


def apply_roles(apps) -> None:
    """Create the groups and give each exactly the permissions in ROLES (historical models)."""
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    root_page = Page.objects.filter(depth=1).order_by("path").first()
    root_collection = Collection.objects.filter(depth=1).order_by("path").first()

    for role in ROLES:
        group, _created = Group.objects.get_or_create(name=role.name)
        group.permissions.set([_permission(apps, dotted) for dotted in role.permissions])

        # Wagtail 8 stores a page permission as a row per (group, page, auth Permission).
        GroupPagePermission.objects.filter(group=group).delete()
        for codename in sorted(role.page_permissions):
            GroupPagePermission.objects.create(
                group=group,
                page=root_page,
                permission=_permission(apps, f"wagtailcore.{codename}", model_hint="page"),
            )

        GroupCollectionPermission.objects.filter(group=group).delete()
        for dotted in sorted(role.collection_permissions):
            GroupCollectionPermission.objects.create(
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
