"""What may ever be in the search index: only what an anonymous visitor may see.

- Pages: live, below the tree's root, and with no view restriction (password, login, groups)
  on themselves or an ancestor.
- Wagtail documents and images: in a collection with no view restriction on itself or an
  ancestor. Images are never a public search result (search/sources.py searches pages,
  documents and door models); they are indexed for the editors' image chooser.
- Labels (themes, audiences, municipalities): public words, indexed for the editors' choosers.
- Any other model: only when it opens the door itself with a classmethod

      @classmethod
      def search_visible(cls) -> QuerySet: ...

  returning the objects the public may find (a session that is published, an expert profile
  with consent). A model without that door is never indexed, whatever its search_fields say:
  forgetting the door hides something, it never exposes it.

A page or document model may declare `search_visible` too; it then narrows the rule above.
The index upkeep (search/upkeep/) and `rebuild_search_index` index only what passes here.
"""

from django.db.models import Model, Q, QuerySet
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import CollectionViewRestriction, Page, PageViewRestriction

from portal.models.taxonomy import TaxonomyTerm

DOOR = "search_visible"


def has_door(model: type[Model]) -> bool:
    return callable(getattr(model, DOOR, None))


def is_indexable_model(model: type[Model]) -> bool:
    """Whether objects of `model` may be indexed at all (each one still has to pass
    `is_publicly_visible`)."""
    indexable = (Page, AbstractDocument, AbstractImage, TaxonomyTerm)
    return issubclass(model, indexable) or has_door(model)


def publicly_visible(queryset: QuerySet) -> QuerySet:
    """The part of `queryset` that the public may find."""
    model = queryset.model
    if issubclass(model, Page):
        queryset = _public_pages(queryset)
    elif issubclass(model, (AbstractDocument, AbstractImage)):
        queryset = _public_documents(queryset)
    elif issubclass(model, TaxonomyTerm):
        pass
    elif not has_door(model):
        return queryset.none()
    if has_door(model):
        queryset = queryset.filter(pk__in=getattr(model, DOOR)().values("pk"))
    return queryset


def is_publicly_visible(obj: Model) -> bool:
    """Whether the public may find `obj`, as stored in the database now (not as in memory:
    a page object carrying an unpublished draft is judged by its live row)."""
    if obj.pk is None:
        return False
    model = type(obj)
    return publicly_visible(model._default_manager.filter(pk=obj.pk)).exists()


def _public_pages(queryset: QuerySet) -> QuerySet:
    # depth 1 is the tree's root: live, but never served to anyone.
    queryset = queryset.filter(live=True, expired=False, depth__gt=1)
    # Any restriction counts, whatever its kind: a password page is as private as a login page.
    restricted = Q()
    # From the restrictions to their pages (a few lookups by id), not through every page.
    restricted_pages = Page.objects.filter(pk__in=PageViewRestriction.objects.values("page_id"))
    for path in restricted_pages.order_by().values_list("path", flat=True).distinct():
        restricted |= Q(path__startswith=path)
    return queryset.exclude(restricted) if restricted else queryset


def _public_documents(queryset: QuerySet) -> QuerySet:
    restricted = Q()
    paths = CollectionViewRestriction.objects.values_list("collection__path", flat=True)
    for path in paths.distinct():
        restricted |= Q(collection__path__startswith=path)
    return queryset.exclude(restricted) if restricted else queryset
