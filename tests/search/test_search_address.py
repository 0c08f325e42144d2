"""A facet link's address reads back as the search it stands for: the words typed (whatever
they hold), every chosen value, and nothing else (Hypothesis)."""

from django.http import QueryDict
from hypothesis import given
from hypothesis import strategies as st

from search import forms
from search.facets import FACET_PARAMETERS

facet_value = st.from_regex(r"[a-z0-9-]{1,20}", fullmatch=True)
chosen_facets = st.dictionaries(
    st.sampled_from(FACET_PARAMETERS), st.sets(facet_value, min_size=1, max_size=4), max_size=4
)


@given(query=st.text(max_size=60), chosen=chosen_facets, exact=st.booleans())
def test_an_address_reads_back_as_its_search(query, chosen, exact):
    extra = {forms.EXACT: "1"} if exact else {}
    address = forms.address(query, chosen, **extra)

    assert address.startswith("?")
    read = forms.search_request(QueryDict(address[1:]))
    # What a browser sends back: the query as typed, the chosen values, "exactly this".
    assert read.raw_query == query
    assert read.chosen == chosen
    assert read.exact is exact
