"""Random queries, facet values and page numbers on the search page and the suggestions
endpoint: never a server error (Hypothesis; the "steiger" profile in tests/conftest.py sets
the example count). The values travel as raw bytes, as a hand-made request can send them."""

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from search.facets import FACET_PARAMETERS
from tests.portal.test_hostile_input import (
    assert_no_server_error,
    encode,
    fresh_client,
    hostile_text,
)

pytestmark = pytest.mark.django_db(transaction=False)


@pytest.fixture(autouse=True)
def _no_rate_limit(settings):
    """Every example comes from one address; the per-IP limits would answer 429 (tested in
    test_search_page.py) long before the examples run out."""
    settings.SEARCH_RATE_LIMIT = settings.SUGGESTIONS_RATE_LIMIT = "1000000/m/ip"


facet_values = st.lists(
    st.one_of(hostile_text, st.sampled_from(["huiselijk-geweld", "inwoners", "articlepage"])),
    max_size=4,
)
# Words that exist in the index, so that facets, snippets and corrections have work to do.
queries = st.one_of(
    hostile_text,
    st.sampled_from(["geweld", "mishandeling", "partnergeweld samenleving", "kindermishandleing"]),
)


def address(query: str, facets: dict[str, list[str]], page: str, exact: str) -> str:
    parts = [f"q={encode(query)}", f"pagina={encode(page)}", f"precies={encode(exact)}"]
    for parameter, values in facets.items():
        parts.extend(f"{parameter}={encode(value)}" for value in values)
    return "/nl/zoeken/?" + "&".join(parts)


@given(
    query=queries,
    facets=st.fixed_dictionaries({parameter: facet_values for parameter in FACET_PARAMETERS}),
    page=st.one_of(hostile_text, st.integers().map(str)),
    exact=st.one_of(st.just("1"), hostile_text),
)
@example(query="geweld", facets={"thema": ["huiselijk-geweld"] * 4}, page="-1", exact="1")
@example(query="\x00", facets={"soort": ["\x00"]}, page="1e400", exact="")
def test_the_search_page_never_fails(articles, query, facets, page, exact):
    response = fresh_client().get(address(query, facets, page, exact))
    assert_no_server_error(response)
    assert response.status_code == 200


@given(query=queries)
@example(query="ou")
@example(query='"*')
def test_suggestions_never_fail(articles, query):
    response = fresh_client().get(f"/nl/zoeken/suggesties/?q={encode(query)}")
    assert_no_server_error(response)
    assert response.status_code == 200
    assert isinstance(response.json()["suggestions"], list)
