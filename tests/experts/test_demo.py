"""The awareness sessions and the expert pool in the demo site (experts/demo.py): four offers
under "Voorlichting op school en club", six experts of whom five are public, Sam's account
linked to her record, and a request in every state, made through the use cases."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import translation

from experts.choices import InvitationStatus, RequestStatus
from experts.demo import demo_token
from experts.models import AwarenessIndexPage, AwarenessOfferPage, ExpertPoolPage
from experts.records import (
    ExpenseClaim,
    Expert,
    ExpertProfile,
    Feedback,
    Invitation,
    RequestEvent,
    RequestMessage,
    SessionRequest,
)
from experts.urls import status_path
from portal import roles

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _demo(demo_site):
    return demo_site


def _counts() -> dict[str, int]:
    models = (
        AwarenessIndexPage,
        AwarenessOfferPage,
        Expert,
        ExpertProfile,
        SessionRequest,
        RequestEvent,
        RequestMessage,
        Invitation,
        Feedback,
        ExpenseClaim,
    )
    return {model.__name__: model.objects.count() for model in models}


def test_the_offer_is_in_the_menu_with_four_sessions_in_both_languages(client):
    assert 'href="/nl/voorlichting/"' in client.get("/nl/").text

    html = client.get("/nl/voorlichting/").text

    for title in (
        "Grenzen en geheimen",
        "Wat is nog normaal? Over grenzen en relaties",
        "Een veilige club voor ieder kind",
        "Het verhaal achter de signalen",
    ):
        assert title in html
    assert AwarenessOfferPage.objects.filter(locale__language_code="nl").count() == 4
    assert client.get("/en/awareness-sessions/").status_code == 200
    for page in AwarenessOfferPage.objects.live():
        assert client.get(page.url).status_code == 200, page.url


def test_the_primary_school_session_is_for_groups_5_to_8_and_can_be_requested(client):
    offer = AwarenessOfferPage.objects.get(slug="grenzen-en-geheimen")

    html = client.get(offer.url).text

    assert offer.age_groups == ["groups_5_6", "groups_7_8"]
    assert "Groep 5 en 6" in html and "Groep 7 en 8" in html
    assert {theme.slug for theme in offer.themes.all()} >= {"kindermishandeling"}
    request_url = f"/nl/voorlichting/aanvragen/?aanbod={offer.pk}"
    assert f'href="{request_url}"' in html
    form = client.get(request_url)
    assert form.status_code == 200
    assert "U vraagt aan: <strong>Grenzen en geheimen</strong>" in form.text


def test_six_experts_of_whom_five_show_on_the_pool_page(client):
    assert Expert.objects.count() == 6
    assert ExpertProfile.objects.public().count() == 5
    pool = ExpertPoolPage.objects.get(locale__language_code="nl")

    html = client.get(pool.url).text

    for pseudonym in ("Roos", "Merel", "Daan", "Jasmijn", "Kees"):
        assert pseudonym in html
    assert "Iris" not in html
    for expert in Expert.objects.all():
        assert expert.real_name not in html and expert.email not in html


def test_sam_signs_in_to_her_own_record_with_two_invitations_waiting(django_user_model):
    sam = django_user_model.objects.get(groups__name=roles.EXPERT)

    expert = Expert.objects.get(user=sam)

    assert expert.profile.pseudonym == "Roos"
    pending = Invitation.objects.filter(expert=expert, status=InvitationStatus.PENDING)
    assert pending.count() == 2
    assert Expert.objects.exclude(user=None).count() == 1


def test_a_request_in_every_state_with_its_history(client):
    states = set(SessionRequest.objects.values_list("status", flat=True))

    assert states == set(RequestStatus.values)
    for request in SessionRequest.objects.all():
        assert request.events.exists(), request.status
        assert request.events.order_by("at", "pk").first().actor == "requester"
    evaluated = SessionRequest.objects.get(status=RequestStatus.EVALUATED)
    assert evaluated.feedback.rating == 5
    assert ExpenseClaim.objects.filter(invitation__request=evaluated).exists()


def test_the_demo_status_pages_open_with_their_known_links(client):
    with translation.override("nl"):
        confirmed = client.get(status_path(demo_token("bevestigd")))
        new = client.get(status_path(demo_token("nieuw")))

    assert confirmed.status_code == 200
    assert "Status: Bevestigd" in confirmed.text and "Merel, ervaringsdeskundige" in confirmed.text
    assert "Marloes" not in confirmed.text  # Merel's real first name
    assert new.status_code == 200 and "Status: Nieuw" in new.text


def test_loading_again_changes_nothing():
    before = _counts()

    output = StringIO()
    call_command("load_demo_content", "--force", stdout=output)

    assert _counts() == before
    assert "Expert pool:" not in output.getvalue()
    assert before["AwarenessOfferPage"] == 8  # four sessions, in Dutch and English
    assert before["Expert"] == 6
