"""An expert's real identity never leaves the coordinators' screens (journey 4, issue 11's
privacy tests), and the pool's personal data has its owners: export, erasure, retention.

The canary: an expert with a public profile and a confirmed session, whose real name, email and
phone are words found nowhere else. They must appear on no public page, in no sitemap, in no
search result or index entry, in no API, and in no email to the school; her pseudonym is what
the public and the school see (each test also finds the pseudonym, so a pass cannot come from
a page that shows nothing).
"""

import datetime
import re
from types import SimpleNamespace
from urllib.parse import quote, quote_plus

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape

from experts.choices import InvitationStatus, RequestStatus
from experts.factories import (
    ExpenseClaimFactory,
    ExpertFactory,
    ExpertPauseFactory,
    ExpertProfileFactory,
    submit_test_request,
)
from experts.privacy import purge_experts, purge_requests
from experts.records import (
    ExpenseClaim,
    Expert,
    ExpertPause,
    ExpertProfile,
    Feedback,
    Invitation,
    RequestMessage,
    SessionRequest,
)
from experts.services import care, matching, requests, status_links
from experts.urls import status_path
from portal.privacy import registry
from portal.privacy.services import erase_user_data, export_user_data, purge_expired_data
from tests.experts.conftest import confirm

# The search upkeep's fixtures: the index kept as on the site, commits that run its tasks.
from tests.search.test_upkeep import committed, index_text, upkeep  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db

REAL_NAME = "Zwaantje Canarisdottir"
EMAIL = "canary@expert.invalid"
PHONE = "06 13572468"
PSEUDONYM = "Wilgenroosje"
CANARIES = (REAL_NAME, "Zwaantje", "Canarisdottir", EMAIL, "canary@", PHONE, "13572468")


def _assert_no_canary(text: str, where: str) -> None:
    lowered = text.lower()
    for canary in CANARIES:
        assert canary.lower() not in lowered, f"{canary!r} in {where}"


@pytest.fixture
def canary(awareness, themes, coordinator, committed):  # noqa: F811 (the imported fixture)
    """The canary expert, public profile and all, confirmed for Lotte's request; everything
    committed, so the search index and the emails are as on the site."""
    with committed():
        expert = ExpertFactory(
            real_name=REAL_NAME,
            email=EMAIL,
            phone=PHONE,
            notes=f"{REAL_NAME} belt liever niet op maandag.",
            themes=[themes["kindermishandeling"]],
        )
        ExpertProfileFactory(
            expert=expert,
            pseudonym=PSEUDONYM,
            short_story="Als kind durfde ik het aan niemand te vertellen. Nu vertel ik het wel.",
            themes=[themes["kindermishandeling"]],
        )
    with committed():
        request, token = submit_test_request(offer_id=awareness.offer.pk)
    with committed():
        requests.start_review(request, user=coordinator)
    with committed():
        [invitation] = matching.propose(
            request, [(expert, request.preferred_dates()[0])], user=coordinator
        )
    with committed():
        matching.accept(invitation)
    with committed():
        requests.add_coordinator_message(
            request, "Wij komen met twee personen. Zorgt u voor koffie?", user=coordinator
        )
    request.refresh_from_db()
    return SimpleNamespace(expert=expert, request=request, token=token, invitation=invitation)


def test_public_pages_show_the_pseudonym_and_never_the_real_identity(client, awareness, canary):
    with translation.override("nl"):
        status = status_path(canary.token)
    pages = {
        "index": awareness.index.url,
        "offer": awareness.offer.url,
        "pool": awareness.pool.url,
        "form": awareness.form.url,
        "status": status,
    }
    for where, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200, where
        _assert_no_canary(response.text, where)

    assert PSEUDONYM in client.get(awareness.pool.url).text
    assert f"{PSEUDONYM}, ervaringsdeskundige" in client.get(status).text


def test_the_sitemaps_never_name_the_expert(client, canary):
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    sections = re.findall(r"<loc>https?://[^/<]+(/[^<]+)</loc>", index.text)
    assert sections

    for section in sections:
        response = client.get(section)
        assert response.status_code == 200, section
        _assert_no_canary(response.text, section)
        # Nor the private status link.
        assert "/expertpool/" not in response.text


def test_search_finds_the_pseudonym_and_never_the_expert(client, canary):
    search = reverse("search")

    found = client.get(search, {"q": PSEUDONYM})
    assert PSEUDONYM in found.text  # the index works, and holds the public profile

    for query in (REAL_NAME, "Canarisdottir", EMAIL, PHONE):
        response = client.get(search, {"q": query})
        assert response.status_code == 200
        results = list(response.context["results"])
        assert not any(PSEUDONYM in result.title for result in results), query
        for result in results:
            _assert_no_canary(f"{result.title} {result.snippet} {result.details}", query)
        # The page echoes what was searched for; beyond that, no trace of the expert.
        shown = response.text
        for echo in (escape(query), query, quote_plus(query), quote(query)):
            shown = shown.replace(echo, "")
        _assert_no_canary(shown, query)
    _assert_no_canary(index_text(), "the search index")


def test_there_is_no_api_that_could_show_the_expert(client, canary):
    # The site runs no Wagtail API (nor Django REST framework): its addresses find nothing.
    assert "wagtail.api.v2" not in settings.INSTALLED_APPS
    assert "rest_framework" not in settings.INSTALLED_APPS
    for path in ("/api/v2/pages/", "/nl/api/v2/pages/", "/api/", "/nl/api/"):
        response = client.get(path, follow=True)
        assert response.status_code in (404, 410), path
        _assert_no_canary(response.text, path)


def test_no_email_to_the_school_names_the_expert(client, canary, coordinator, committed):  # noqa: F811
    with committed():
        requests.complete(canary.request)
    with committed():
        requests.give_feedback(canary.request, rating=5, went_well="Heel waardevol.")

    to_school = [message for message in mail.outbox if message.to == [canary.request.contact_email]]
    subjects = [message.subject for message in to_school]
    # Received, in review, asking an expert, confirmed, a message, and after the session.
    assert len(to_school) == 6, subjects
    for message in to_school:
        _assert_no_canary(f"{message.subject}\n{message.body}", message.subject)
        for header in message.extra_headers.values():
            _assert_no_canary(str(header), message.subject)
    confirmed = next(message for message in to_school if "bevestigd" in message.subject)
    assert f"{PSEUDONYM}, ervaringsdeskundige" in confirmed.body
    # The expert's own emails go to her address; nothing of the school's contact in them.
    to_expert = [message for message in mail.outbox if message.to == [EMAIL]]
    assert to_expert
    for message in to_expert:
        assert "Lotte" not in message.body and "lotte@example.org" not in message.body


# --- The personal data registry -----------------------------------------------------------------


def _user_with_address(django_user_model, address: str):
    from allauth.account.models import EmailAddress

    user = django_user_model.objects.create_user(email=address, password="x")
    EmailAddress.objects.create(user=user, email=address, verified=True, primary=True)
    return user


def test_every_model_of_the_pool_has_an_owner():
    for model, key in (
        (SessionRequest, "session_request"),
        (RequestMessage, "session_request"),
        (Feedback, "session_request"),
        (Expert, "expert_pool"),
        (ExpertPause, "expert_pool"),
        (ExpertProfile, "expert_pool"),
        (Invitation, "expert_pool"),
        (ExpenseClaim, "expert_bookkeeping"),
    ):
        assert registry.owner_of(model).key == key, model


def test_a_requester_with_an_account_gets_and_erases_her_requests(
    home, django_user_model, coordinator
):
    lotte = _user_with_address(django_user_model, "lotte@example.org")
    mine, token = submit_test_request(contact_email="Lotte@Example.org")
    requests.add_requester_message(mine, "Kan het ook op dinsdag?")
    others, _token = submit_test_request(contact_email="iemand@example.org")

    exported = next(
        section
        for section in export_user_data(lotte)["sections"]
        if section["key"] == "session_request"
    )
    assert [record["reference"] for record in exported["records"]] == [mine.reference]
    assert exported["records"][0]["messages"][0]["message"] == "Kan het ook op dinsdag?"

    erase_user_data(lotte)

    mine.refresh_from_db()
    assert mine.status == RequestStatus.WITHDRAWN  # nobody waits for it any more
    assert mine.anonymised_at is not None
    assert (mine.contact_name, mine.contact_email, mine.wishes) == ("", "", "")
    assert not RequestMessage.objects.filter(request=mine).exists()
    assert status_links.request_for_token(token) is None
    others.refresh_from_db()
    assert others.contact_email == "iemand@example.org"


def test_requests_are_anonymised_two_years_after_the_session(home, coordinator):
    expert = ExpertFactory()
    old, old_token = submit_test_request()
    confirm(old, expert, coordinator)
    requests.complete(old)
    requests.give_feedback(old, rating=4, went_well="Fijn gesprek met groep 8.")
    recent, _token = submit_test_request(contact_email="recent@example.org")

    now = timezone.now()
    two_years_ago = now - datetime.timedelta(days=2 * 365 + 1)
    SessionRequest.objects.filter(pk=old.pk).update(
        updated_at=two_years_ago, confirmed_date=two_years_ago.date()
    )
    old.events.update(at=two_years_ago)
    assert purge_expired_data(now)["session_request"] == 1

    old.refresh_from_db()
    assert old.anonymised_at is not None and old.contact_email == ""
    assert old.organisation == "Basisschool De Regenboog"  # a school, kept for the numbers
    feedback = Feedback.objects.get(request=old)
    assert (feedback.rating, feedback.went_well) == (4, "")
    assert status_links.request_for_token(old_token) is None
    recent.refresh_from_db()
    assert recent.anonymised_at is None
    # A second run finds nothing more.
    assert purge_requests(now - datetime.timedelta(days=2 * 365)) == 0


def test_a_request_with_a_session_still_to_come_is_kept(home, coordinator):
    request, _token = submit_test_request()
    confirm(request, ExpertFactory(), coordinator)
    long_ago = timezone.now() - datetime.timedelta(days=3 * 365)
    SessionRequest.objects.filter(pk=request.pk).update(updated_at=long_ago)
    request.events.update(at=long_ago)

    assert purge_requests(timezone.now() - datetime.timedelta(days=2 * 365)) == 0


def test_an_expert_who_left_the_pool_is_erased_but_her_claims_are_kept(home, coordinator):
    expert = ExpertFactory(real_name=REAL_NAME, email=EMAIL, phone=PHONE, notes="Belt liever niet.")
    ExpertProfileFactory(expert=expert, pseudonym=PSEUDONYM)
    soon = timezone.localdate() + datetime.timedelta(days=100)
    ExpertPauseFactory(expert=expert, starts_on=soon, ends_on=soon + datetime.timedelta(days=14))
    request, _token = submit_test_request()
    invitation = confirm(request, expert, coordinator)
    requests.complete(request)
    care.record_aftercare(invitation, wellbeing="hard", note="Het raakte me meer dan gedacht.")
    claim = ExpenseClaimFactory(invitation=invitation)
    later = request.preferred_dates()[0] + datetime.timedelta(days=7)
    other_pending, _token = submit_test_request(preferred_dates=[later])
    [pending] = matching.propose(
        other_pending, [(expert, other_pending.preferred_dates()[0])], user=coordinator
    )
    staying = ExpertFactory(real_name="Blijft Erbij")

    left = timezone.now() - datetime.timedelta(days=91)
    Expert.objects.filter(pk=expert.pk).update(active=False, left_at=left)
    purge_expired_data()

    expert.refresh_from_db()
    assert (expert.email, expert.phone, expert.notes, expert.user) == ("", "", "", None)
    assert not expert.consent_public_profile and not expert.themes.exists()
    assert not ExpertProfile.objects.filter(expert=expert).exists()
    assert not ExpertPause.objects.filter(expert=expert).exists()
    invitation.refresh_from_db()
    assert (invitation.aftercare_note, invitation.aftercare_wellbeing) == ("", "")
    pending.refresh_from_db()
    assert pending.status == InvitationStatus.DECLINED  # back to the coordinators
    # Bookkeeping: the claim stays, and with it the name of whom the Centre paid.
    assert ExpenseClaim.objects.filter(pk=claim.pk).exists()
    assert expert.real_name == REAL_NAME
    assert Expert.objects.get(pk=staying.pk).email != ""

    # Seven years on, the claim goes, and the run after that the name.
    ExpenseClaim.objects.filter(pk=claim.pk).update(
        submitted_at=timezone.now() - datetime.timedelta(days=7 * 366 + 1)
    )
    purge_expired_data()
    purge_expired_data()
    assert not ExpenseClaim.objects.filter(pk=claim.pk).exists()
    expert.refresh_from_db()
    assert expert.real_name == ""
    assert purge_experts(timezone.now()) == 0


def test_an_expert_gets_her_record_and_deleting_her_account_erases_it(
    home, django_user_model, coordinator
):
    sam = _user_with_address(django_user_model, "sam@example.org")
    expert = ExpertFactory(user=sam, real_name="Sam de Wit", email="sam.dewit@example.org")
    ExpertProfileFactory(expert=expert, pseudonym="Sam")
    request, _token = submit_test_request()
    invitation = confirm(request, expert, coordinator)
    requests.complete(request)
    care.submit_expense(
        invitation, travel_km=24, travel_costs=5, fee=75, note="Trein Tilburg-Dongen"
    )

    sections = {section["key"]: section["records"] for section in export_user_data(sam)["sections"]}

    [record] = sections["expert_pool"]
    assert record["real_name"] == "Sam de Wit"
    assert record["public_profile"]["pseudonym"] == "Sam"
    assert record["invitations"][0]["request"] == request.reference
    assert sections["expert_bookkeeping"][0]["note"] == "Trein Tilburg-Dongen"

    erase_user_data(sam)

    expert.refresh_from_db()
    assert expert.left_at is not None and not expert.active
    assert expert.email == "" and not ExpertProfile.objects.filter(expert=expert).exists()
    assert ExpenseClaim.objects.filter(invitation=invitation).exists()
