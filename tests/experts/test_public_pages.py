"""The public side of the expert pool, as Lotte (journey 3) meets it: the offer for schools and
clubs, one session's page with "request this session", the pool page with the experts' public
profiles, and the one request form with its reference, private status link and email."""

import datetime
import re

import pytest
from django.conf import settings
from django.core import mail
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from experts.choices import RequestStatus
from experts.factories import (
    AwarenessIndexPageFactory,
    AwarenessOfferPageFactory,
    ExpertFactory,
    ExpertPoolPageFactory,
    ExpertProfileFactory,
    SessionRequestPageFactory,
    next_weekday,
)
from experts.models import ExpertPoolPage, SessionRequestPage
from experts.records import Actor, SessionRequest
from portal.models import Municipality, Theme

pytestmark = pytest.mark.django_db


def _form_data(themes, municipalities, **overrides) -> dict:
    data = {
        "host_kind": "primary_school",
        "organisation": "Basisschool De Regenboog",
        "municipality": municipalities["dongen"].pk,
        "contact_name": "Lotte van Dijk",
        "contact_email": "lotte@regenboog.example.org",
        "contact_phone": "0162 123456",
        "age_group": "groups_7_8",
        "group_size": "52",
        "theme": themes["kindermishandeling"].pk,
        "preferred_date_1": next_weekday(21).isoformat(),
        "preferred_date_2": next_weekday(28).isoformat(),
        "preferred_date_3": next_weekday(35).isoformat(),
        "wishes": "Groep 7 en 8 samen, graag in de ochtend.",
        "expert_wanted": "yes",
    }
    data.update(overrides)
    return data


def test_the_index_lists_the_offers_and_leads_to_the_pool_and_the_form(client, awareness):
    response = client.get(awareness.index.url)

    assert response.status_code == 200
    html = response.text
    assert "Grenzen en geheimen" in html
    assert f'href="{awareness.offer.url}"' in html
    assert f'href="{awareness.pool.url}"' in html
    assert f'href="{awareness.form.url}"' in html
    # The facts on the card, in Dutch.
    assert "Basisschool" in html and "90 minuten" in html


def test_an_offer_says_for_whom_and_requesting_it_preselects_it(client, awareness, themes):
    offer = awareness.offer

    html = client.get(offer.url).text

    assert "Groep 5 en 6" in html and "Groep 7 en 8" in html
    assert "90 minuten" in html
    assert "Een trainer en een ervaringsdeskundige" in html
    assert "Wat u regelt" in html and "digibord" in html
    request_url = f"{awareness.form.url}?aanbod={offer.pk}"
    assert f'href="{request_url}"' in html
    assert "Deze sessie aanvragen" in html

    form_page = client.get(request_url)

    assert form_page.status_code == 200
    form = form_page.context["form"]
    assert form.initial["offer"] == offer.pk
    assert form.initial["host_kind"] == "primary_school"
    assert form.initial["theme"] == themes["kindermishandeling"].pk
    form_html = form_page.text
    assert "U vraagt aan: <strong>Grenzen en geheimen</strong>" in form_html
    assert f'name="offer" value="{offer.pk}"' in form_html
    assert re.search(r'value="primary_school"[^>]*checked', form_html)


def test_a_made_up_offer_in_the_address_is_ignored(client, awareness):
    response = client.get(f"{awareness.form.url}?aanbod=999999")

    assert response.status_code == 200
    assert "U vraagt aan" not in response.text
    assert response.context["form"].initial.get("offer") is None


def test_the_pool_shows_only_public_profiles_and_never_a_real_name(client, awareness, themes):
    shown = ExpertProfileFactory(
        pseudonym="Merel",
        short_story="Ik groeide op in een gezin waar veel ruzie was.",
        expert=ExpertFactory(real_name="Marieke Jansen", email="marieke@example.org"),
        themes=[themes["huiselijk-geweld"]],
    )
    ExpertProfileFactory(
        pseudonym="Niet Toegestaan",
        expert=ExpertFactory(real_name="Anna Zonder Toestemming", consent_public_profile=False),
    )
    ExpertProfileFactory(pseudonym="Nog Niet Goedgekeurd", approved=False)
    ExpertProfileFactory(
        pseudonym="Vertrokken",
        expert=ExpertFactory(active=False, left_at=timezone.now()),
    )

    html = client.get(awareness.pool.url).text

    assert "Merel" in html and "veel ruzie" in html and "Huiselijk geweld" in html
    assert f'id="{shown.anchor}"' in html
    for hidden in ("Niet Toegestaan", "Nog Niet Goedgekeurd", "Vertrokken"):
        assert hidden not in html
    for private in ("Marieke Jansen", "marieke@example.org", "Anna Zonder Toestemming"):
        assert private not in html


def test_a_request_with_mistakes_answers_in_dutch_and_keeps_what_was_typed(
    client, awareness, themes, municipalities
):
    too_soon = timezone.localdate() + datetime.timedelta(days=3)
    data = _form_data(
        themes,
        municipalities,
        organisation="OBS De Vlinder",
        contact_email="geen-adres",
        group_size="",
        preferred_date_1=too_soon.isoformat(),
        preferred_date_2="",
        preferred_date_3="",
    )

    response = client.post(awareness.form.url, data)

    assert response.status_code == 200
    html = response.text
    assert "Controleer het formulier" in html
    assert "Vul een e-mailadres in zoals naam@voorbeeld.nl." in html
    assert "Vul ongeveer in hoeveel deelnemers er zijn." in html
    assert "Kies een datum die ten minste 14 dagen na vandaag ligt." in html
    # What was typed stays.
    assert 'value="OBS De Vlinder"' in html
    assert 'value="geen-adres"' in html
    assert "Groep 7 en 8 samen, graag in de ochtend." in html
    assert not SessionRequest.objects.exists()
    assert mail.outbox == []


def test_a_request_answers_with_a_reference_a_private_link_and_an_email(
    client, awareness, themes, municipalities, django_capture_on_commit_callbacks
):
    data = _form_data(themes, municipalities, offer=str(awareness.offer.pk))

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(awareness.form.url, data)

    assert response.status_code == 302
    request = SessionRequest.objects.get()
    assert request.status == RequestStatus.NEW
    assert request.offer_id == awareness.offer.pk
    assert request.preferred_dates() == [next_weekday(21), next_weekday(28), next_weekday(35)]
    assert list(request.events.values_list("actor", flat=True)) == [Actor.REQUESTER]

    thank_you = client.get(response["Location"])

    html = thank_you.text
    assert "Bedankt. We hebben uw aanvraag ontvangen." in html
    assert request.reference in html
    status_path = re.search(r'href="(/nl/expertpool/aanvraag/[^"]+/)"', html).group(1)
    assert "Deze link is privé" in html and "per e-mail" in html
    # Only the token's digest is stored: the address itself is nowhere in the database.
    token = status_path.rstrip("/").rsplit("/", 1)[1]
    assert token not in request.status_token_digest
    # The thank-you is shown once.
    assert request.reference not in client.get(awareness.form.url).text

    status_page = client.get(status_path)

    assert status_page.status_code == 200
    assert request.reference in status_page.text
    assert "Basisschool De Regenboog" in status_page.text

    to_lotte = [message for message in mail.outbox if message.to == [request.contact_email]]
    assert len(to_lotte) == 1
    message = to_lotte[0]
    assert message.subject == f"Uw aanvraag {request.reference}"
    assert f"http://testserver{status_path}" in message.body
    assert "Beste Lotte van Dijk," in message.body
    assert "Grenzen en geheimen" in message.body
    # The coordinators hear of it too, without the details.
    to_centre = [message for message in mail.outbox if message.to != [request.contact_email]]
    assert to_centre and all(status_path not in item.body for item in to_centre)
    assert all("Lotte" not in item.body for item in to_centre)


def _queries(client, url: str) -> list[str]:
    """The queries of `url` with the page cache missing but the menus warm."""
    client.get(url)
    caches[settings.PAGE_CACHE_ALIAS].clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return [query["sql"] for query in queries.captured_queries]


def test_the_pages_take_the_same_queries_however_many_offers_and_experts(client, awareness, themes):
    ExpertProfileFactory(themes=[themes["kindermishandeling"]])
    urls = {
        "index": awareness.index.url,
        "offer": awareness.offer.url,
        "pool": awareness.pool.url,
        "form": f"{awareness.form.url}?aanbod={awareness.offer.pk}",
    }
    few = {name: _queries(client, url) for name, url in urls.items()}

    for _number in range(4):
        AwarenessOfferPageFactory(parent=awareness.index, themes=[themes["meldcode"]])
        ExpertProfileFactory(themes=[themes["huiselijk-geweld"], themes["meldcode"]])
    many = {name: _queries(client, url) for name, url in urls.items()}

    for name in urls:
        assert len(many[name]) == len(few[name]), (name, "\n".join(many[name]))
    assert {name: len(found) for name, found in few.items()} == {
        "index": 12,
        "offer": 9,
        # The profiles, their themes, and the theme names in the page's language.
        "pool": 10,
        # The offer once (SessionRequestPage.chosen_offer), with its themes.
        "form": 12,
    }


def test_a_request_from_the_english_form_is_answered_in_english(home, locales):
    index = AwarenessIndexPageFactory(parent=home, translations=["en"])
    SessionRequestPageFactory(parent=index, translations=["en"])
    english_form = SessionRequestPage.objects.get(locale=locales["en"])
    english = {
        model: model.objects.get(locale=locales["en"], translation_key=dutch.translation_key)
        for model, dutch in (
            (Theme, Theme.objects.get(locale=locales["nl"], slug="kindermishandeling")),
            (Municipality, Municipality.objects.get(locale=locales["nl"], slug="dongen")),
        )
    }
    client = Client()
    data = _form_data(
        {"kindermishandeling": english[Theme]},
        {"dongen": english[Municipality]},
        contact_email="teacher@school.example.org",
    )

    response = client.post(english_form.url, data)

    assert response.status_code == 302
    request = SessionRequest.objects.get()
    assert request.language == "en"
    assert "Thank you. We received your request." in client.get(response["Location"]).text
    [message] = mail.outbox
    assert message.subject == f"Your request {request.reference}"
    assert "http://testserver/en/expertpool/aanvraag/" in message.body
    assert "Dear Lotte van Dijk," in message.body


def test_the_english_pool_page_names_the_themes_in_english(home, locales, themes):
    index = AwarenessIndexPageFactory(parent=home, translations=["en"])
    ExpertPoolPageFactory(parent=index, translations=["en"])
    ExpertProfileFactory(pseudonym="Roos", themes=[themes["kindermishandeling"]])
    english_pool = ExpertPoolPage.objects.get(locale=locales["en"])
    english_name = Theme.objects.get(
        locale=locales["en"], translation_key=themes["kindermishandeling"].translation_key
    ).name

    html = Client().get(english_pool.url).content.decode()

    assert "Roos" in html
    assert english_name in html
    assert themes["kindermishandeling"].name not in html
