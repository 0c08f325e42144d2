"""Facets: narrow a search by type, theme, audience and municipality, with counts.

Content needs no declaration beyond the shared tags: any model with portal's taxonomy fields
(TaggableMixin: themes, audiences, municipalities) is faceted on them. Within one facet the
chosen values widen (theme A or theme B); across facets they narrow (and audience C). Each
facet's counts are taken with the choices of the *other* facets applied, so a visitor sees
what choosing one more value would give.

Values are matched on a term's translation_key, so a Dutch page's theme and the same theme in
English are one value, shown in the visitor's language.
"""

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import chain

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.models import Locale

from portal.models.taxonomy import Audience, Municipality, Theme
from search.id_lists import in_integers
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


NOTHING: frozenset[str] = frozenset()


@dataclass
class Memberships:
    """Which facet values each hit has, per facet: parameter -> hit key -> values. Kept per
    facet, not per hit, because counting and narrowing read one facet over every hit."""

    by_parameter: dict[str, dict[tuple[int, int], frozenset[str] | set[str]]]
    labels: dict[str, dict[str, str]]  # parameter -> value -> label

    def of(self, parameter: str, key: tuple[int, int]) -> frozenset[str] | set[str]:
        return self.by_parameter.get(parameter, {}).get(key, NOTHING)


def type_value(content_type: ContentType) -> str:
    return content_type.model


def memberships(hits: Iterable[Hit], locale: Locale) -> Memberships:
    """The facet values of `hits`: one query per taxonomy field and model, one per term model."""
    by_parameter: dict[str, dict[tuple[int, int], frozenset[str] | set[str]]] = {
        parameter: {} for parameter in FACET_PARAMETERS
    }
    labels: dict[str, dict[str, str]] = defaultdict(dict)
    pks_by_type: dict[int, list[int]] = defaultdict(list)
    for hit in hits:
        pks_by_type[hit.content_type_id].append(hit.pk)
    # parameter -> term id -> the keys of the hits that carry the term
    term_keys: dict[str, dict[int, list[tuple[int, int]]]] = defaultdict(lambda: defaultdict(list))
    for content_type_id, pks in pks_by_type.items():
        content_type = ContentType.objects.get_for_id(content_type_id)
        model = content_type.model_class()
        if model is None:
            continue
        labels[TYPE][type_value(content_type)] = _type_label(model)
        of_type = frozenset([type_value(content_type)])  # one shared set: never changed
        by_parameter[TYPE].update(((content_type_id, pk), of_type) for pk in pks)
        for parameter, (field_name, _term_model) in TAXONOMY_FACETS.items():
            relation = _many_to_many(model, field_name)
            if relation is None:
                continue
            through, source_column, term_column = relation
            rows = through.objects.filter(in_integers(source_column, pks)).values_list(
                source_column, term_column
            )
            by_term = term_keys[parameter]
            for pk, term_id in rows:
                by_term[term_id].append((content_type_id, pk))
    for parameter, by_term in term_keys.items():
        _field_name, term_model = TAXONOMY_FACETS[parameter]
        values = by_parameter[parameter]
        for term_id, (value, label) in _term_values(term_model, by_term, locale).items():
            labels[parameter][value] = label
            for key in by_term[term_id]:
                values.setdefault(key, set()).add(value)
    return Memberships(by_parameter=by_parameter, labels=labels)


def _type_label(model: type[Model]) -> str:
    if issubclass(model, get_document_model()):
        return capfirst(str(_("download")))
    return capfirst(str(model._meta.verbose_name))


def _many_to_many(model: type[Model], field_name: str) -> tuple[type[Model], str, str] | None:
    try:
        relation = model._meta.get_field(field_name)
    except Exception:
        return None
    through = getattr(getattr(relation, "remote_field", None), "through", None)
    if through is None:
        return None
    source = relation.m2m_field_name()
    target = relation.m2m_reverse_field_name()
    return through, f"{source}_id", f"{target}_id"


def _term_values(
    term_model: type[Model], term_ids: Iterable[int], locale: Locale
) -> dict[int, tuple[str, str]]:
    """term id -> (slug, name) of the same term in `locale`, or as it is when untranslated."""
    ids = list(term_ids)
    keys = term_model.objects.filter(pk__in=ids).values("translation_key")
    terms = list(
        term_model.objects.filter(translation_key__in=keys).only(
            "id", "translation_key", "locale_id", "slug", "name"
        )
    )
    own = {term.translation_key: term for term in terms if term.locale_id == locale.pk}
    result = {}
    for term in terms:
        if term.pk in ids:
            shown = own.get(term.translation_key, term)
            result[term.pk] = (shown.slug, shown.name)
    return result


def narrow(
    hits: list[Hit], found: Memberships, chosen: Mapping[str, set[str]], *, skip: str = ""
) -> list[Hit]:
    """The hits that have, for every facet with a choice (but `skip`), one of the chosen."""
    wanted = [
        (found.by_parameter.get(parameter, {}), values)
        for parameter, values in chosen.items()
        if values and parameter != skip
    ]
    if not wanted:
        return hits
    return [
        hit
        for hit in hits
        if all(not values.isdisjoint(members.get(hit.key, NOTHING)) for members, values in wanted)
    ]


def facets(hits: list[Hit], found: Memberships, chosen: Mapping[str, set[str]]) -> list[Facet]:
    """Each facet with its values' counts, the other facets' choices applied."""
    result = []
    for parameter in FACET_PARAMETERS:
        members = found.by_parameter.get(parameter, {})
        counted = narrow(hits, found, chosen, skip=parameter)
        counts: Counter[str] = Counter(
            chain.from_iterable(members.get(hit.key, NOTHING) for hit in counted)
        )
        picked = chosen.get(parameter, set())
        labels = found.labels.get(parameter, {})
        # A chosen value stays listed (to be unchosen) even where nothing has it any more.
        counts.update(dict.fromkeys([value for value in picked if value in labels], 0))
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
