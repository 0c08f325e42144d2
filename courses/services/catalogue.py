"""The course catalogue: its live, public courses under the filters a visitor chose, paged.

Seven filters, each a group of checkboxes in a plain GET form (no JavaScript): values within one
filter widen the choice ("online" or "classroom"), filters narrow each other ("online" and
"free"). Every value in the address is one a link or the form can make; anything else is
reported as unknown, matches nothing and is never stored by the page cache. A fixed number of
queries, however many courses and labels there are.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urlencode

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Model, Prefetch, Q, QuerySet
from django.http import QueryDict
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from portal.models import Audience, Municipality, Theme

from ..choices import CourseFormat, CourseLanguage
from ..classroom import CourseSession

if TYPE_CHECKING:
    from ..models import CourseIndexPage

PER_PAGE = 12
PAGE_PARAMETER = "pagina"
THEME_PARAMETER = "thema"
AUDIENCE_PARAMETER = "doelgroep"
MUNICIPALITY_PARAMETER = "gemeente"
FORMAT_PARAMETER = "vorm"
LANGUAGE_PARAMETER = "taal"
COST_PARAMETER = "kosten"
ACCREDITATION_PARAMETER = "accreditatie"
# More values than any filter offers: the rest of a longer list is not even looked at.
MAX_VALUES = 30

# What the address says for each format (Dutch words, as the other parameters are).
FORMAT_VALUES = {
    "online": CourseFormat.ONLINE,
    "klassikaal": CourseFormat.CLASSROOM,
    "op-aanvraag": CourseFormat.ON_REQUEST,
}
FREE, PAID = "gratis", "betaald"
ACCREDITED, NOT_ACCREDITED = "ja", "nee"

# What the page cache may store (one value each, within these patterns); see CourseIndexPage.
CACHEABLE_QUERY = {
    PAGE_PARAMETER: r"[1-9][0-9]{0,2}",
    THEME_PARAMETER: r"[a-z0-9-]{1,80}",
    AUDIENCE_PARAMETER: r"[a-z0-9-]{1,80}",
    MUNICIPALITY_PARAMETER: r"[a-z0-9-]{1,80}",
    FORMAT_PARAMETER: r"[a-z-]{1,20}",
    LANGUAGE_PARAMETER: r"[a-z]{2}",
    COST_PARAMETER: r"[a-z]{1,10}",
    ACCREDITATION_PARAMETER: r"[a-z]{2,3}",
}


@dataclass(frozen=True)
class Option:
    value: str  # as the address carries it
    label: str
    chosen: bool = False


@dataclass(frozen=True)
class Filter:
    parameter: str
    legend: str | Promise
    options: list[Option]
    description: str | Promise = ""

    @property
    def chosen(self) -> list[Option]:
        return [option for option in self.options if option.chosen]


@dataclass(frozen=True)
class ActiveFilter:
    """A chosen value, with the query string of the listing without it."""

    legend: str | Promise
    label: str
    without_query: str


@dataclass(frozen=True)
class CourseListing:
    courses: PaginatorPage
    filters: list[Filter]
    # Values in the address that no filter offers, as typed (shown, never a 500).
    unknown: list[str] = field(default_factory=list)
    out_of_range: bool = False

    @property
    def storable(self) -> bool:
        return not self.unknown and not self.out_of_range

    @property
    def filtered(self) -> bool:
        return any(f.chosen for f in self.filters) or bool(self.unknown)

    @property
    def active(self) -> list[ActiveFilter]:
        return [
            ActiveFilter(f.legend, option.label, self._query(without=(f.parameter, option.value)))
            for f in self.filters
            for option in f.chosen
        ]

    @property
    def session_query(self) -> str:
        """For a course's link: its dates in the one municipality chosen here, if one was
        ("?gemeente=tilburg": the course page then lists the dates there, and offers all)."""
        chosen = [
            option.value
            for f in self.filters
            if f.parameter == MUNICIPALITY_PARAMETER
            for option in f.chosen
        ]
        return f"?{urlencode({MUNICIPALITY_PARAMETER: chosen[0]})}" if len(chosen) == 1 else ""

    @property
    def own_query(self) -> str:
        return self._query(number=self.courses.number)

    @property
    def previous_query(self) -> str:
        return self._query(number=self.courses.number - 1)

    @property
    def next_query(self) -> str:
        return self._query(number=self.courses.number + 1)

    def _query(self, *, number: int = 1, without: tuple[str, str] | None = None) -> str:
        """The query string of this listing ("?" included, "" for none): the chosen values in
        the form's order, the page number past the first; made-up parameters never carry over."""
        parts = [
            (f.parameter, option.value)
            for f in self.filters
            for option in f.chosen
            if (f.parameter, option.value) != without
        ]
        if number > 1:
            parts.append((PAGE_PARAMETER, str(number)))
        return f"?{urlencode(parts)}" if parts else ""


def _asked(query: QueryDict, parameter: str) -> list[str]:
    """The distinct, non-empty values given for `parameter`, in the order they came."""
    values: list[str] = []
    for value in query.getlist(parameter)[:MAX_VALUES]:
        value = value.strip()
        if value and value not in values:
            values.append(value)
    return values


def _terms(model: type[Model], index: "CourseIndexPage", courses: QuerySet, asked: list[str]):
    """The labels of the index's language that a course of the catalogue carries (in any
    language: matched on translation key), plus those asked for by slug: one query."""
    relation = {Theme: "themes", Audience: "audiences", Municipality: "municipalities"}[model]
    carried = model.objects.filter(
        pk__in=courses.model._meta.get_field(relation)
        .remote_field.through.objects.filter(coursepage__in=courses.values("pk"))
        .values(f"{model._meta.model_name}_id")
    ).values("translation_key")
    return list(
        model.objects.filter(locale_id=index.locale_id)
        .filter(Q(translation_key__in=carried) | Q(slug__in=asked))
        .order_by("name")
    )


def _options(pairs: Iterable[tuple[str, str]], asked: list[str]) -> list[Option]:
    return [Option(value, str(label), value in asked) for value, label in pairs]


def course_listing(index: "CourseIndexPage", courses: QuerySet, query: QueryDict) -> CourseListing:
    """One page of `courses` (the index's live, public courses in its language) under the
    filters in `query`, in the editors' order."""
    asked = {
        parameter: _asked(query, parameter)
        for parameter in (
            THEME_PARAMETER,
            AUDIENCE_PARAMETER,
            MUNICIPALITY_PARAMETER,
            FORMAT_PARAMETER,
            LANGUAGE_PARAMETER,
            COST_PARAMETER,
            ACCREDITATION_PARAMETER,
        )
    }
    terms = {
        parameter: _terms(model, index, courses, asked[parameter])
        for parameter, model in (
            (THEME_PARAMETER, Theme),
            (AUDIENCE_PARAMETER, Audience),
            (MUNICIPALITY_PARAMETER, Municipality),
        )
    }
    filters = [
        Filter(
            AUDIENCE_PARAMETER,
            _("Audience"),
            _options(
                ((t.slug, t.name) for t in terms[AUDIENCE_PARAMETER]), asked[AUDIENCE_PARAMETER]
            ),
        ),
        Filter(
            THEME_PARAMETER,
            _("Theme"),
            _options(((t.slug, t.name) for t in terms[THEME_PARAMETER]), asked[THEME_PARAMETER]),
        ),
        Filter(
            FORMAT_PARAMETER,
            _("Format"),
            _options(
                ((value, CourseFormat(fmt).label) for value, fmt in FORMAT_VALUES.items()),
                asked[FORMAT_PARAMETER],
            ),
        ),
        Filter(
            MUNICIPALITY_PARAMETER,
            _("Municipality"),
            _options(
                ((t.slug, t.name) for t in terms[MUNICIPALITY_PARAMETER]),
                asked[MUNICIPALITY_PARAMETER],
            ),
            description=_("Courses without a fixed place (online, on request) are always shown."),
        ),
        Filter(
            LANGUAGE_PARAMETER,
            _("Language of the course"),
            _options(CourseLanguage.choices, asked[LANGUAGE_PARAMETER]),
        ),
        Filter(
            COST_PARAMETER,
            _("Cost"),
            _options(((FREE, _("Free")), (PAID, _("Paid"))), asked[COST_PARAMETER]),
        ),
        Filter(
            ACCREDITATION_PARAMETER,
            _("Accreditation"),
            _options(
                ((ACCREDITED, _("With accreditation points")), (NOT_ACCREDITED, _("Without"))),
                asked[ACCREDITATION_PARAMETER],
            ),
        ),
    ]
    by_parameter = {f.parameter: f for f in filters}
    offered = {f.parameter: {option.value for option in f.options} for f in filters}
    unknown = [
        value
        for parameter, values in asked.items()
        for value in values
        if value not in offered[parameter]
    ]

    chosen = {p: [o.value for o in by_parameter[p].chosen] for p in by_parameter}
    listed = courses
    if unknown:
        listed = listed.none()
    for parameter, condition in _CONDITIONS.items():
        if chosen[parameter]:
            listed = listed.filter(condition(chosen[parameter], terms.get(parameter, [])))
    listed = (
        listed.distinct()
        .order_by("path")
        .prefetch_related("audiences", _next_sessions(chosen[MUNICIPALITY_PARAMETER], terms))
    )

    paginator = Paginator(listed, PER_PAGE)
    number = query.get(PAGE_PARAMETER, "")
    # Length first: int() refuses strings of more than 4300 digits with an error.
    out_of_range = (
        number.isascii()
        and number.isdigit()
        and (len(number) > 6 or int(number) > paginator.num_pages)
    )
    return CourseListing(
        courses=paginator.get_page(number if number.isascii() else ""),
        filters=filters,
        unknown=unknown,
        out_of_range=out_of_range,
    )


def _next_sessions(municipalities: list[str], terms: dict) -> Prefetch:
    """A classroom course's coming dates (`course.next_sessions`), in the municipalities
    chosen, if any: one query for the whole page. The catalogue is stored until content
    changes, and session changes count as content (CourseSession.cache_invalidates), so it
    shows dates and places, never free seats (the course page shows those, live)."""
    sessions = CourseSession.objects.upcoming().select_related("municipality")
    if municipalities:
        keys = _keys(municipalities, terms.get(MUNICIPALITY_PARAMETER, []))
        sessions = sessions.filter(municipality__translation_key__in=keys)
    return Prefetch("sessions", queryset=sessions.order_by("starts_at"), to_attr="next_sessions")


def _keys(values: list[str], terms: list) -> list:
    return [term.translation_key for term in terms if term.slug in values]


# Each filter as a condition on the courses; values within one filter are OR-ed.
_CONDITIONS: dict[str, Callable[[list[str], list], Q]] = {
    # By translation key: a course still carrying a label of another language is found too.
    THEME_PARAMETER: lambda values, terms: Q(themes__translation_key__in=_keys(values, terms)),
    AUDIENCE_PARAMETER: lambda values, terms: Q(
        audiences__translation_key__in=_keys(values, terms)
    ),
    # A course without municipalities has no fixed place (online, at the school that asks):
    # it is open to every municipality.
    MUNICIPALITY_PARAMETER: lambda values, terms: (
        Q(municipalities__translation_key__in=_keys(values, terms)) | Q(municipalities=None)
    ),
    FORMAT_PARAMETER: lambda values, _terms: Q(format__in=[FORMAT_VALUES[v] for v in values]),
    LANGUAGE_PARAMETER: lambda values, _terms: Q(language__in=values),
    COST_PARAMETER: lambda values, _terms: (
        (Q(price__isnull=True) | Q(price=0) if FREE in values else Q(pk__in=[]))
        | (Q(price__gt=0) if PAID in values else Q(pk__in=[]))
    ),
    ACCREDITATION_PARAMETER: lambda values, _terms: (
        (~Q(accreditation_register="") if ACCREDITED in values else Q(pk__in=[]))
        | (Q(accreditation_register="") if NOT_ACCREDITED in values else Q(pk__in=[]))
    ),
}
