"""Facets: narrow a search by type, theme, audience and municipality, with counts.

Content needs no declaration beyond the shared tags: any model with portal's taxonomy fields
(TaggableMixin: themes, audiences, municipalities) is faceted on them. Within one facet the
chosen values widen (theme A or theme B); across facets they narrow (and audience C). Each
facet's counts are taken with the choices of the *other* facets applied, so a visitor sees
what choosing one more value would give.

Values are matched on a term's translation_key, so a Dutch page's theme and the same theme in
English are one value, shown in the visitor's language.
"""

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.models import Locale

from portal.models.taxonomy import Audience, Municipality, Theme
from search.facet_lookups import TagRelation, tag_relation, term_memberships, term_values
from search.sources import Hit

TYPE = "soort"
# URL parameter -> the taxonomy field on content models and the term model.
TAXONOMY_FACETS: dict[str, tuple[str, type[Model]]] = {
    "thema": ("themes", Theme),
    "doelgroep": ("audiences", Audience),
    "gemeente": ("municipalities", Municipality),
}
FACET_PARAMETERS = (TYPE, *TAXONOMY_FACETS)


@dataclass(frozen=True)
class FacetValue:
    value: str  # what goes in the URL: a model name or a term's slug
    label: str
    count: int
    chosen: bool


@dataclass
class Facet:
    parameter: str
    values: list[FacetValue] = field(default_factory=list)

    @property
    def chosen(self) -> list[FacetValue]:
        return [value for value in self.values if value.chosen]


Key = tuple[int, int]  # a hit's (content type id, pk)


@dataclass
class Memberships:
    """Which hits carry each facet value: parameter -> value -> the keys of those hits. Kept
    per value, not per hit: counting a value and narrowing to it are then set operations over
    its keys, done in C, where per hit they were a Python loop over every hit of a search (up
    to a thousand per source)."""

    keys_by_value: dict[str, dict[str, set[Key]]]
    labels: dict[str, dict[str, str]]  # parameter -> value -> label
    types: dict[int, str] = field(default_factory=dict)  # content type id -> type value

    def type_of(self, content_type_id: int) -> str:
        return self.types.get(content_type_id, "")


def type_value(content_type: ContentType) -> str:
    return content_type.model


def memberships(hits: Iterable[Hit], locale: Locale) -> Memberships:
    """The facet values of `hits`: two queries whatever the number of content types and
    facets (search/facet_lookups.py)."""
    keys_by_value: dict[str, dict[str, set[Key]]] = {
        parameter: {} for parameter in FACET_PARAMETERS
    }
    labels: dict[str, dict[str, str]] = defaultdict(dict)
    types: dict[int, str] = {}
    pks_by_type: dict[int, list[int]] = defaultdict(list)
    for hit in hits:
        pks_by_type[hit.content_type_id].append(hit.pk)
    relations: list[TagRelation] = []
    for content_type_id, pks in pks_by_type.items():
        content_type = ContentType.objects.get_for_id(content_type_id)
        model = content_type.model_class()
        if model is None:
            continue
        value = type_value(content_type)
        types[content_type_id] = value
        labels[TYPE][value] = _type_label(model)
        keys_by_value[TYPE].setdefault(value, set()).update((content_type_id, pk) for pk in pks)
        for parameter, (field_name, _term_model) in TAXONOMY_FACETS.items():
            field = tag_relation(model, field_name)
            if field is not None:
                relations.append(TagRelation(parameter, content_type_id, field, pks))
    # parameter -> term id -> the keys of the hits that carry the term
    term_keys = term_memberships(relations)
    values = term_values(
        term_keys,
        {parameter: term_model for parameter, (_field, term_model) in TAXONOMY_FACETS.items()},
        locale.pk,
    )
    for parameter, by_term in term_keys.items():
        by_value = keys_by_value[parameter]
        for term_id, (value, label) in values[parameter].items():
            labels[parameter][value] = label
            # Two terms may show as one value (a term and its translation): their hits join.
            by_value.setdefault(value, set()).update(by_term[term_id])
    return Memberships(keys_by_value=keys_by_value, labels=labels, types=types)


def _type_label(model: type[Model]) -> str:
    if issubclass(model, get_document_model()):
        return capfirst(str(_("download")))
    return capfirst(str(model._meta.verbose_name))


def narrow(
    hits: list[Hit], found: Memberships, chosen: Mapping[str, set[str]], *, skip: str = ""
) -> list[Hit]:
    """The hits that have, for every facet with a choice (but `skip`), one of the chosen."""
    allowed = _allowed_keys(found, chosen, skip=skip)
    if allowed is None:
        return hits
    return [hit for hit in hits if (hit.content_type_id, hit.pk) in allowed]


def _allowed_keys(
    found: Memberships, chosen: Mapping[str, set[str]], *, skip: str = ""
) -> set[Key] | None:
    """The keys of the hits with one of the chosen values of every facet with a choice (but
    `skip`); None when no such facet narrows."""
    allowed: set[Key] | None = None
    for parameter, values in chosen.items():
        if not values or parameter == skip:
            continue
        by_value = found.keys_by_value.get(parameter, {})
        # Within a facet the chosen values widen; across facets they narrow.
        either = set().union(*(by_value.get(value, ()) for value in values))
        allowed = either if allowed is None else allowed & either
    return allowed


def facets(hits: list[Hit], found: Memberships, chosen: Mapping[str, set[str]]) -> list[Facet]:
    """Each facet with its values' counts, the other facets' choices applied."""
    result = []
    for parameter in FACET_PARAMETERS:
        by_value = found.keys_by_value.get(parameter, {})
        allowed = _allowed_keys(found, chosen, skip=parameter)
        # Every key in `by_value` is a hit's: without a narrowing choice, each value counts
        # all of its keys.
        counts: dict[str, int] = {
            value: len(keys) if allowed is None else len(keys & allowed)
            for value, keys in by_value.items()
        }
        counts = {value: count for value, count in counts.items() if count}
        picked = chosen.get(parameter, set())
        labels = found.labels.get(parameter, {})
        # A chosen value stays listed (to be unchosen) even where nothing has it any more.
        for value in picked:
            if value in labels:
                counts.setdefault(value, 0)
        values = [
            FacetValue(
                value=value,
                label=labels.get(value, value),
                count=counts[value],
                chosen=value in picked,
            )
            for value in sorted(
                counts, key=lambda value: (-counts[value], labels.get(value, value))
            )
        ]
        result.append(Facet(parameter=parameter, values=values))
    return result
