"""The index queue: which objects the index must look at again. Content type and id only."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model
from wagtail.models import Page

from search.models import IndexUpdate


@dataclass(frozen=True)
class ObjectRef:
    content_type_id: int
    object_id: str


def ref_for(obj: Model) -> ObjectRef:
    """The object as the index knows it: a page by its specific type (the content type it
    carries, also when `obj` is a plain Page), anything else by its concrete model."""
    if isinstance(obj, Page) and obj.content_type_id:
        return ObjectRef(obj.content_type_id, str(obj.pk))
    content_type = ContentType.objects.get_for_model(type(obj))
    return ObjectRef(content_type.pk, str(obj.pk))


def page_subtree_refs(path: str) -> list[ObjectRef]:
    """The page at `path` and every page below it (a restriction or a move affects them all)."""
    pages = Page.objects.filter(path__startswith=path).order_by("path")
    return [
        ObjectRef(content_type_id, str(pk))
        for pk, content_type_id in pages.values_list("pk", "content_type_id")
    ]


def record(refs: Iterable[ObjectRef], action: str) -> list[IndexUpdate]:
    """Queue one pending update per object (the caller runs this inside a savepoint)."""
    return IndexUpdate.objects.bulk_create(
        IndexUpdate(content_type_id=ref.content_type_id, object_id=ref.object_id, action=action)
        for ref in refs
    )
