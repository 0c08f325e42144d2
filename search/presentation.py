"""What the search page shows of the facets: each value as a link that switches it on or off,
so the filters work without JavaScript and by keyboard like any other link."""

from collections.abc import Mapping
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from search import forms
from search.facets import TYPE
from search.services.site_search import SearchResponse

FACET_HEADINGS = {
    TYPE: _("Type"),
    "thema": _("Theme"),
    "doelgroep": _("Audience"),
    "gemeente": _("Municipality"),
}


@dataclass(frozen=True)
class FacetLink:
    label: str
    count: int
    chosen: bool
    href: str


@dataclass(frozen=True)
class FacetGroup:
    parameter: str
    heading: str
    links: list[FacetLink]


def facet_links(outcome: SearchResponse, chosen: Mapping[str, set[str]]) -> list[FacetGroup]:
    """The facets with more than nothing to offer, as groups of links. A link goes back to the
    first page of results: page 3 of a narrower search may not exist."""
    groups = []
    for facet in outcome.facets:
        if not facet.values:
            continue
        links = [
            FacetLink(
                label=value.label,
                count=value.count,
                chosen=value.chosen,
                href=forms.address(
                    outcome.query, forms.toggled(chosen, facet.parameter, value.value)
                ),
            )
            for value in facet.values
        ]
        groups.append(FacetGroup(facet.parameter, str(FACET_HEADINGS[facet.parameter]), links))
    return groups
