"""The requester's status page, opened by the private link: where the request stands, its
details, the confirmed session (date, the expert's pseudonym, what the host arranges), messages,
withdrawing, and feedback once the session took place."""

import re

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.formats import date_format

from experts.choices import InvitationStatus, RequestStatus
from experts.factories import ExpertFactory, ExpertProfileFactory, submit_test_request
from experts.records import Feedback, RequestMessage, SessionRequest
from experts.services import matching, requests, status_links
from experts.urls import status_path
from tests.experts.conftest import confirm

pytestmark = pytest.mark.django_db


def _url(token: str) -> str:
    with translation.override("nl"):
        return status_path(token)


@pytest.fixture
def sent(home):
    """A fresh request from Lotte's school: (request, token)."""
    return submit_test_request()


def _confirmed(sent, coordinator, note=""):
    request, token = sent
    profile = ExpertProfileFactory(
        pseudonym="Merel", expert=ExpertFactory(real_name="Marieke Jansen")
    )
    invitation = confirm(request, profile.expert, coordinator)
    if note:
        SessionRequest.objects.filter(pk=request.pk).update(coordinator_note=note)
    request.refresh_from_db()
    return request, token, invitation


def test_the_link_shows_the_request_and_where_it_stands(client, sent):
    request, token = sent

    response = client.get(_url(token))

    assert response.status_code == 200
    html = response.text
    assert f"Uw aanvraag {request.reference}" in html
    assert "Status: Nieuw" in html
    assert 'aria-current="step"' in html
    for detail in ("Basisschool De Regenboog", "Lotte van Dijk", "Dongen", "Kindermishandeling"):
        assert detail in html
    assert "Groep 7 en 8 (10 tot 12 jaar), 28 deelnemers" in html
    assert "Graag in de ochtend." in html
    # Private: nothing keeps it, nothing crawls it, no Referer leaves it.
    assert "no-store" in response["Cache-Control"]
    assert response["Referrer-Policy"] == "no-referrer"
    assert "noindex" in response["X-Robots-Tag"]
    # The tab title is neutral.
    title = html[html.index("<title>") : html.index("</title>")]
    assert request.reference in title and "mishandeling" not in title.lower()


def test_a_guessed_mistyped_or_spent_link_finds_nothing(client, sent):
    request, token = sent
    other, other_token = submit_test_request(organisation="Sportclub De Zwaluwen")

    for guess in (token[:-1] + ("A" if token[-1] != "A" else "B"), "x" * 43, "a" * 200):
        response = client.get(_url(guess))
        assert response.status_code == 404
        assert request.reference not in response.text
    # Another request's link shows that request only.
    html = client.get(_url(other_token)).text
    assert "Sportclub De Zwaluwen" in html and request.reference not in html
    # Once the request is anonymised, its link opens nothing any more.
    SessionRequest.objects.filter(pk=request.pk).update(anonymised_at=other.created_at)
    assert client.get(_url(token)).status_code == 404
    assert status_links.request_for_token(token) is None


def test_the_requester_withdraws_the_request(
    client, sent, coordinator, django_capture_on_commit_callbacks
):
    request, token = sent
    url = _url(token)

    refused = client.post(url, {"action": "withdraw"})

    assert refused.status_code == 400
    assert "Vink het vakje aan om te bevestigen dat u de aanvraag intrekt." in refused.text
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"action": "withdraw", "confirm": "on"})

    assert response.status_code == 303
    assert response["Location"] == f"{url}?gedaan=withdraw"
    request.refresh_from_db()
    assert request.status == RequestStatus.WITHDRAWN
    html = client.get(response["Location"]).text
    assert "Uw aanvraag is ingetrokken." in html
    assert "Status: Ingetrokken" in html
    assert 'value="withdraw"' not in html  # no second withdrawal
    assert [message.to for message in mail.outbox] == [[coordinator.email]]
    assert request.reference in mail.outbox[0].subject


def test_withdrawing_a_confirmed_session_releases_the_expert(client, sent, coordinator):
    _request, token, invitation = _confirmed(sent, coordinator)

    client.post(_url(token), {"action": "withdraw", "confirm": "on"})

    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.RELEASED


def test_the_requester_writes_to_the_coordinators(
    client, sent, coordinator, django_capture_on_commit_callbacks
):
    request, token = sent
    url = _url(token)
    mail.outbox.clear()

    empty = client.post(url, {"action": "message", "body": "  "})
    assert empty.status_code == 400 and "Typ een bericht." in empty.text

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url, {"action": "message", "body": "Kan het ook op een dinsdag?\nGroet, Lotte"}
        )

    assert response.status_code == 303
    html = client.get(response["Location"]).text
    assert "Uw bericht is verstuurd." in html
    assert "Kan het ook op een dinsdag?<br>Groet, Lotte" in html
    assert RequestMessage.objects.get().request == request
    # The coordinators are told there is a message, not what it says.
    [notice] = mail.outbox
    assert notice.to == [coordinator.email]
    assert "dinsdag" not in notice.body


def test_a_coordinators_message_shows_on_the_page(client, sent, coordinator):
    request, token = sent
    requests.add_coordinator_message(request, "Wij bellen u maandag.", user=coordinator)

    html = client.get(_url(token)).text

    assert "De coördinatoren" in html and "Wij bellen u maandag." in html


def test_a_confirmed_session_shows_the_date_the_pseudonym_and_what_to_arrange(
    client, sent, coordinator
):
    request, token, _invitation = _confirmed(
        sent, coordinator, note="Zorg voor een lokaal met digibord. De juf blijft erbij."
    )

    html = client.get(_url(token)).text

    assert "Status: Bevestigd" in html
    assert "Merel, ervaringsdeskundige" in html
    assert "Zorg voor een lokaal met digibord." in html
    with translation.override("nl"):
        assert date_format(request.confirmed_date, "l j F Y") in html
    # Of the expert's record: nothing. Of the coordinators' safety checklist: nothing.
    assert "Marieke Jansen" not in html
    for item in ("Er is een professional van de ontvanger aanwezig", "Geen pers", "Geen opnames"):
        assert item not in html


def test_feedback_only_once_the_session_took_place(client, sent, coordinator):
    request, token, _invitation = _confirmed(sent, coordinator)
    url = _url(token)

    before = client.get(url).text
    assert 'value="feedback"' not in before
    refused = client.post(url, {"action": "feedback", "rating": "5"})
    assert refused.status_code == 400
    assert "U kunt feedback geven zodra de sessie heeft plaatsgevonden." in refused.text
    assert not Feedback.objects.exists()

    requests.complete(request)
    after = client.get(url).text
    assert 'value="feedback"' in after and "Hoe ging de sessie?" in after

    response = client.post(
        url,
        {
            "action": "feedback",
            "rating": "4",
            "went_well": "De kinderen luisterden heel goed.",
            "could_improve": "Iets meer tijd voor vragen.",
        },
    )

    assert response.status_code == 303
    feedback = Feedback.objects.get()
    assert (feedback.request, feedback.rating) == (request, 4)
    request.refresh_from_db()
    assert request.status == RequestStatus.EVALUATED
    html = client.get(response["Location"]).text
    assert "Dank u wel voor uw feedback." in html
    assert 'value="feedback"' not in html and 'value="withdraw"' not in html


def test_the_forms_on_the_page_have_ids_of_their_own(client, sent, coordinator):
    request, token, _invitation = _confirmed(sent, coordinator)
    requests.complete(request)

    html = client.get(_url(token)).text

    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)


def _queries(client, url: str) -> list[str]:
    client.get(url)  # warm the menus
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return [query["sql"] for query in queries.captured_queries]


def test_the_page_takes_the_same_few_queries_however_long_the_history(client, sent, coordinator):
    request, token, _invitation = _confirmed(sent, coordinator)
    url = _url(token)
    requests.add_requester_message(request, "Eerste bericht")

    few = _queries(client, url)

    for number in range(6):
        requests.add_requester_message(request, f"Bericht {number}")
        requests.add_coordinator_message(request, f"Antwoord {number}", user=coordinator)
    many = _queries(client, url)

    assert len(many) == len(few), "\n".join(many)
    # The request with its expert's pseudonym, the messages, the history, the site, the locale.
    assert len(few) == 5, "\n".join(few)


def test_what_happened_lists_each_step_once_and_no_experts_no(client, sent, coordinator):
    request, token = sent
    no, yes = ExpertFactory(), ExpertFactory()
    ExpertProfileFactory(expert=yes, pseudonym="Merel")
    request = requests.start_review(request, user=coordinator)
    day = request.preferred_dates()[0]
    first, second = matching.propose(request, [(no, day), (yes, day)], user=coordinator)
    matching.decline(first, reason="Die week is te zwaar voor mij.")
    matching.accept(second)
    request.refresh_from_db()
    requests.add_requester_message(request, "Fijn, dank u wel!")

    html = client.get(_url(token)).text

    section = html[html.index('id="history-title"') : html.index('id="messages-title"')]
    steps = re.findall(r": (Nieuw|In behandeling|Ervaringsdeskundige gevraagd|Bevestigd)<", section)
    assert steps == ["Nieuw", "In behandeling", "Ervaringsdeskundige gevraagd", "Bevestigd"]
    assert "te zwaar" not in html
