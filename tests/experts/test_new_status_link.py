"""A requester who lost her status link asks for a new one with her reference and email
address: the new link goes to the address the request has, the old one stops opening anything,
and the page answers the same whether the two matched or not."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from experts.factories import (
    AwarenessIndexPageFactory,
    SessionRequestPageFactory,
    submit_test_request,
)
from experts.services import requests
from experts.urls import status_path

pytestmark = pytest.mark.django_db

DUTCH_INVALID_ADDRESS = "Vul een e-mailadres in zoals naam@voorbeeld.nl."


def _page() -> str:
    with translation.override("nl"):
        return reverse("experts:new_status_link")


def _status(token: str) -> str:
    with translation.override("nl"):
        return status_path(token)


def test_the_reference_and_address_send_a_new_link_and_the_old_one_closes(client, home):
    request, old_token = submit_test_request(contact_email="lotte@example.org")
    mail.outbox.clear()

    # Typed as people do: lower case, without the prefix, the address in capitals.
    response = client.post(
        _page(),
        {
            "reference": request.reference.removeprefix("VL-").lower(),
            "contact_email": "LOTTE@example.org",
        },
    )

    assert response.status_code == 303
    [message] = mail.outbox
    assert message.to == ["lotte@example.org"]
    assert request.reference in message.subject
    new_link = re.search(r"https?://\S+/expertpool/aanvraag/(\S+)/", message.body)
    assert new_link
    assert client.get(_status(new_link.group(1))).status_code == 200
    assert client.get(_status(old_token)).status_code == 404
    done = client.get(response["Location"])
    assert "hebben wij een nieuwe link naar dat adres gestuurd" in done.text


def test_a_reference_with_another_address_sends_nothing_and_says_the_same(client, home):
    request, token = submit_test_request(contact_email="lotte@example.org")
    mail.outbox.clear()

    response = client.post(
        _page(), {"reference": request.reference, "contact_email": "someone@example.org"}
    )

    assert response.status_code == 303
    assert mail.outbox == []
    assert client.get(_status(token)).status_code == 200
    assert (
        "hebben wij een nieuwe link naar dat adres gestuurd"
        in client.get(response["Location"]).text
    )


def test_mistakes_are_named_in_dutch_and_what_was_typed_stays(client, home):
    response = client.post(_page(), {"reference": "VL-ABC", "contact_email": "geen-adres"})

    assert response.status_code == 400
    assert DUTCH_INVALID_ADDRESS in response.text
    assert 'value="VL-ABC"' in response.text


def test_asking_again_and_again_is_limited(client, home):
    request, _token = submit_test_request(contact_email="lotte@example.org")
    data = {"reference": request.reference, "contact_email": "lotte@example.org"}
    answers = [client.post(_page(), data).status_code for _ in range(6)]

    assert answers[:5] == [303] * 5
    assert answers[5] == 429
    refused = client.post(_page(), data)
    assert request.reference in refused.text


def test_the_request_form_and_the_later_emails_point_to_it(
    client, home, coordinator, django_capture_on_commit_callbacks
):
    form_page = SessionRequestPageFactory(parent=AwarenessIndexPageFactory(parent=home))
    request, _token = submit_test_request(contact_email="lotte@example.org")
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        requests.start_review(request, user=coordinator)

    [message] = [m for m in mail.outbox if m.to == ["lotte@example.org"]]
    assert _page() in message.body
    assert f'href="{_page()}"' in client.get(form_page.url).text
