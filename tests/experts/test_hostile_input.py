"""Whatever arrives in the expert pool's forms and addresses: never a server error.

Random Unicode (lone surrogates included), NUL and control characters, very long values and
search syntax (the strategies of tests/portal/test_hostile_input.py) go to every field of the
request form, the status page's three forms, the "new link" form and the expert's inbox
forms, and as the token of a status address. Runs on SQLite and PostgreSQL, where a NUL byte
or an over-long value is what used to become a 500.
"""

from urllib.parse import quote

import pytest
from django.urls import reverse
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from experts.factories import (
    AwarenessIndexPageFactory,
    SessionRequestPageFactory,
    submit_test_request,
)
from experts.records import SessionRequest
from tests.experts.test_inbox import (  # noqa: F401 (fixtures)
    _account,
    sam,
    sam_client,
    session_behind,
)
from tests.portal.test_hostile_input import (
    assert_no_server_error,
    fresh_client,
    hostile_email,
    hostile_text,
    post_form,
)

pytestmark = pytest.mark.django_db(transaction=False)

REQUEST_FIELDS = (
    "host_kind",
    "organisation",
    "municipality",
    "contact_name",
    "contact_phone",
    "age_group",
    "group_size",
    "theme",
    "preferred_date_1",
    "preferred_date_2",
    "preferred_date_3",
    "wishes",
    "expert_wanted",
    "offer",
)


def _nl(name: str, *args) -> str:
    with translation.override("nl"):
        return reverse(name, args=args)


@pytest.fixture
def request_form(home):
    return SessionRequestPageFactory(parent=AwarenessIndexPageFactory(parent=home))


@given(values=st.fixed_dictionaries({name: hostile_text for name in REQUEST_FIELDS}))
def test_the_request_form_never_fails(request_form, values):
    before = SessionRequest.objects.count()
    response = post_form(
        fresh_client(), request_form.url, values | {"contact_email": "lotte@example.org"}
    )

    assert_no_server_error(response)
    # Nothing hostile in a required choice or date is ever stored.
    assert SessionRequest.objects.count() == before


@given(email=hostile_email, organisation=hostile_text)
def test_the_request_forms_address_field_never_fails(request_form, email, organisation):
    response = post_form(
        fresh_client(), request_form.url, {"contact_email": email, "organisation": organisation}
    )

    assert_no_server_error(response)


@given(token=hostile_text)
def test_any_token_in_a_status_address_is_a_404_never_a_500(home, token):
    response = fresh_client().get(
        "/nl/expertpool/aanvraag/" + quote(token.encode("utf-8", "surrogatepass"), safe="") + "/"
    )

    assert response.status_code in (404, 301, 302)


@pytest.fixture
def sent(home):
    return submit_test_request()


@given(
    action=st.sampled_from(["message", "withdraw", "feedback"]) | hostile_text,
    values=st.fixed_dictionaries(
        {name: hostile_text for name in ("body", "confirm", "rating", "went_well", "could_improve")}
    ),
)
def test_the_status_pages_forms_never_fail(sent, action, values):
    _request, token = sent
    response = post_form(
        fresh_client(), _nl("experts:request_status", token), values | {"action": action}
    )

    assert_no_server_error(response)


@given(reference=hostile_text, email=hostile_email)
def test_the_new_link_form_never_fails(sent, reference, email):
    response = post_form(
        fresh_client(),
        _nl("experts:new_status_link"),
        {"reference": reference, "contact_email": email},
    )

    assert_no_server_error(response)


@given(
    action=st.sampled_from(["accept", "decline", "aftercare", "expense"]) | hostile_text,
    values=st.fixed_dictionaries(
        {
            name: hostile_text
            for name in (
                "reason",
                "wellbeing",
                "aftercare-note",
                "note",
                "travel_km",
                "travel_costs",
                "fee",
            )
        }
    ),
)
def test_the_inbox_forms_never_fail(sam_client, session_behind, action, values):  # noqa: F811
    response = post_form(
        sam_client, _nl("experts:invitation", session_behind.pk), values | {"action": action}
    )

    assert_no_server_error(response)


@given(starts_on=hostile_text, ends_on=hostile_text)
def test_the_pause_form_never_fails(sam_client, starts_on, ends_on):  # noqa: F811
    response = post_form(
        sam_client, _nl("experts:pause"), {"starts_on": starts_on, "ends_on": ends_on}
    )

    assert_no_server_error(response)
