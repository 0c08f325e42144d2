"""The search page's address, read leniently: anything typed there gives a page, never an
error. An unknown facet value or a page number out of range is simply no choice."""

import re
from collections.abc import Mapping
from urllib.parse import urlencode

from django.http import QueryDict

from search.facets import FACET_PARAMETERS
from search.services.site_search import SearchRequest

QUERY = "q"
PAGE = "pagina"
EXACT = "precies"
MAX_VALUES_PER_FACET = 20
_FACET_VALUE = re.compile(r"[a-z0-9-]{1,100}")


def search_request(params: QueryDict) -> SearchRequest:
    return SearchRequest(
        raw_query=params.get(QUERY, ""),
        page_number=params.get(PAGE),
        chosen=chosen_facets(params),
        exact=params.get(EXACT) == "1",
    )


def chosen_facets(params: QueryDict) -> dict[str, set[str]]:
    chosen = {}
    for parameter in FACET_PARAMETERS:
        values = {value for value in params.getlist(parameter) if _FACET_VALUE.fullmatch(value)}
        if values:
            chosen[parameter] = set(sorted(values)[:MAX_VALUES_PER_FACET])
    return chosen


def address(query: str, chosen: Mapping[str, set[str]], **extra: str) -> str:
    """The query string of a search page: `?q=...&thema=...` (as QueryDict.urlencode writes
    it; built from pairs because a results page writes one for every facet value)."""
    pairs = [(QUERY, query)]
    for parameter in FACET_PARAMETERS:
        pairs += [(parameter, value) for value in sorted(chosen.get(parameter, ()))]
    pairs += extra.items()
    return "?" + urlencode(pairs)


def toggled(chosen: Mapping[str, set[str]], parameter: str, value: str) -> dict[str, set[str]]:
    """`chosen` with `value` of `parameter` switched on or off."""
    result = {name: set(values) for name, values in chosen.items()}
    values = result.setdefault(parameter, set())
    values.symmetric_difference_update({value})
    return result
