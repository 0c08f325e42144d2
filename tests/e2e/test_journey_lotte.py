"""Journey 3 (shared/JOURNEYS.md), Lotte, a teacher at a primary school in Dongen, in real
browsers, on the demo content; and the coordinator and the expert who make her session happen.

Lotte reads what the Centre offers schools, opens "Grenzen en geheimen" and requests it for
groups 7 and 8: first with mistakes (the form says what is wrong, in Dutch, and keeps what she
typed), then right. She gets a reference and a private link, also by email, and follows her
request there. The expert-pool coordinator takes it up in the admin and asks the expert who
fits (theme, age group, Dongen, room that month): Roos, the pseudonym of the demo expert whose
account is Sam's. Sam, signed in with her second factor, says yes in her inbox. Lotte's status
page then shows the date, who comes (the pseudonym, never the real name) and what the school
arranges; so does her email. After the session the coordinator marks it done; Lotte gives
feedback on her status page, and Sam tells in her inbox how it went for her.

axe runs on the offer page, the request form with errors, the status page and the expert's
inbox and invitation.
"""

import datetime
import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from experts.choices import InvitationStatus, RequestStatus
from experts.records import Expert, Feedback, Invitation, SessionRequest
from portal import roles
from portal.accounts.factories import DEFAULT_PASSWORD, enable_totp, totp_code

from .conftest import submit

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

DESKTOP = {"viewport": {"width": 1280, "height": 900}}
LOTTE = ("Lotte van Dijk", "lotte@obs-de-vlinder.example")
SCHOOL = "OBS De Vlinder"
EXPERT_ACCOUNT = "ervaringsdeskundige@steiger.localhost"


@pytest.fixture
def demo(live_server, outbox_email):
    call_command("load_demo_content", "--force", stdout=StringIO())
    return live_server.url


def weekdays_ahead(count: int, *, from_days: int = 21) -> list[datetime.date]:
    """`count` weekdays at least `from_days` from today (the form asks for two weeks' notice)."""
    day = timezone.localdate() + datetime.timedelta(days=from_days)
    days = []
    while len(days) < count:
        if day.weekday() < 5:
            days.append(day)
        day += datetime.timedelta(days=1)
    return days


def mails_to(address: str) -> list:
    return [message for message in mail.outbox if address in message.to]


def sign_in_as_expert(page, site: str) -> None:
    """Sam signs in as she would: her inbox asks for the password, then the TOTP code."""
    user = get_user_model().objects.get(email=EXPERT_ACCOUNT)
    user.set_password(DEFAULT_PASSWORD)
    user.save()
    secret = enable_totp(user)
    page.goto(site + reverse("experts:inbox"))
    page.wait_for_url(re.compile(r"/nl/account/login/"))
    page.fill("#id_login", EXPERT_ACCOUNT)
    page.fill("#id_password", DEFAULT_PASSWORD)
    submit(page, page.locator("main form button[type=submit]").last)
    page.wait_for_url(re.compile(r"/nl/account/2fa/authenticate/"))
    page.fill("#id_code", totp_code(secret))
    submit(page, page.locator("form:has(#id_code) button[type=submit]").first)
    page.wait_for_url(re.compile(r"/nl/expertpool/inbox/$"))


def test_lotte_requests_a_session_and_follows_it_to_feedback(
    demo, new_page, staff_browser, axe_check, csp_violations, third_party_requests
):
    first, second, third = weekdays_ahead(3)

    # --- Lotte reads the offer for schools and requests "Grenzen en geheimen" ---------------
    lotte = new_page(**DESKTOP)
    lotte.goto(demo + "/nl/voorlichting/")
    lotte.get_by_role("link", name="Grenzen en geheimen").first.click()
    expect(lotte.get_by_role("heading", level=1)).to_contain_text("Grenzen en geheimen")
    axe_check(lotte)
    lotte.get_by_role("link", name="Deze sessie aanvragen").first.click()
    expect(lotte.get_by_role("heading", level=1)).to_be_visible()
    # The offer chose for her: a primary school.
    expect(lotte.get_by_label("Basisschool")).to_be_checked()

    # First with mistakes: no email address, a date next week, a weekend day.
    lotte.get_by_label("Naam van de school, club of organisatie").fill(SCHOOL)
    lotte.get_by_label("Gemeente").select_option(label="Dongen")
    lotte.get_by_label("Contactpersoon").fill(LOTTE[0])
    lotte.get_by_label("Voor welke groep?").select_option(value="groups_7_8")
    lotte.get_by_label("Aantal deelnemers").fill("52")
    lotte.get_by_label("Thema").select_option(label="Kindermishandeling")
    soon = timezone.localdate() + datetime.timedelta(days=3)
    lotte.get_by_label("Eerste voorkeursdatum").fill(soon.isoformat())
    lotte.get_by_label("Wensen").fill("Graag in de ochtend, na de pauze van 10.15 uur.")
    submit(lotte, lotte.get_by_role("button", name="Aanvraag versturen"))
    summary = lotte.locator(".utrecht-form-field-error-message, [role=alert]").first
    expect(summary).to_be_visible()
    expect(lotte.locator("body")).to_contain_text("e-mailadres")
    expect(lotte.locator("body")).to_contain_text("14 dagen")
    # What she typed is still there.
    expect(lotte.get_by_label("Naam van de school, club of organisatie")).to_have_value(SCHOOL)
    expect(lotte.get_by_label("Wensen")).to_have_value(
        "Graag in de ochtend, na de pauze van 10.15 uur."
    )
    axe_check(lotte)

    lotte.get_by_label("E-mailadres").fill(LOTTE[1])
    lotte.get_by_label("Eerste voorkeursdatum").fill(first.isoformat())
    lotte.get_by_label("Tweede voorkeursdatum").fill(second.isoformat())
    lotte.get_by_label("Derde voorkeursdatum").fill(third.isoformat())
    submit(lotte, lotte.get_by_role("button", name="Aanvraag versturen"))

    request = SessionRequest.objects.get(contact_email=LOTTE[1])
    expect(lotte.locator("main")).to_contain_text(request.reference)
    assert request.preferred_dates() == [first, second, third]
    assert request.status == RequestStatus.NEW
    # The link is hers alone: only its digest is stored.
    status_link = lotte.get_by_role("link", name="Bekijk hoe uw aanvraag ervoor staat")
    status_path = status_link.get_attribute("href")
    token = status_path.rstrip("/").rsplit("/", 1)[-1]
    assert token not in request.status_token_digest
    received = mails_to(LOTTE[1])
    assert len(received) == 1
    assert request.reference in received[0].subject
    assert status_path in received[0].body

    status_link.click()
    expect(lotte.locator("main")).to_contain_text(request.reference)
    expect(lotte.locator("main")).to_contain_text("Nieuw")
    axe_check(lotte)

    # --- The coordinator takes it up and asks Roos ---------------------------------------
    coordinator = staff_browser(roles.EXPERT_POOL_COORDINATOR, "pool@steiger.localhost")
    coordinator.goto(demo + reverse("experts_requests:inspect", args=(request.pk,)))
    submit(coordinator, coordinator.get_by_role("button", name="Deze aanvraag oppakken"))
    roos = Expert.objects.get(profile__pseudonym="Roos")
    proposal = coordinator.locator(f"#proposal-{roos.pk}-{first:%Y%m%d}")
    proposal.check()
    submit(
        coordinator,
        coordinator.get_by_role("button", name="Aangevinkte ervaringsdeskundigen vragen"),
    )
    invitation = Invitation.objects.get(request=request, expert=roos)
    assert invitation.session_date == first
    request.refresh_from_db()
    assert request.status == RequestStatus.PROPOSED
    lotte.reload()
    expect(lotte.locator("main")).to_contain_text("Ervaringsdeskundige gevraagd")

    # --- Sam, signed in with her second factor, says yes ---------------------------------
    sam = new_page(**DESKTOP)
    sign_in_as_expert(sam, demo)
    expect(sam.locator("main")).to_contain_text("Dongen")
    axe_check(sam)
    sam.locator(f"a[href='{reverse('experts:invitation', args=(invitation.pk,))}']").first.click()
    expect(sam.locator("main")).to_contain_text("Kindermishandeling")
    axe_check(sam)
    submit(sam, sam.get_by_role("button", name="Ja, ik kom"))
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.ACCEPTED
    request.refresh_from_db()
    assert (request.status, request.confirmed_date) == (RequestStatus.CONFIRMED, first)

    # --- Lotte sees the confirmation: the date, the pseudonym, never the real name -------
    lotte.reload()
    main = lotte.locator("main")
    expect(main).to_contain_text("Bevestigd")
    expect(main).to_contain_text("Roos")
    expect(main).not_to_contain_text(roos.real_name)
    expect(main).not_to_contain_text(roos.email)
    confirmed = [m for m in mails_to(LOTTE[1]) if "bevestigd" in m.subject.lower()]
    assert len(confirmed) == 1
    assert "Roos" in confirmed[0].body
    for message in mails_to(LOTTE[1]):
        assert roos.real_name not in message.body + message.subject
        assert roos.email not in message.body
    axe_check(lotte)

    # --- After the session: the coordinator marks it done, Lotte gives feedback ----------
    coordinator.reload()
    submit(coordinator, coordinator.get_by_role("button", name="De sessie heeft plaatsgevonden"))
    request.refresh_from_db()
    assert request.status == RequestStatus.COMPLETED
    lotte.reload()
    lotte.get_by_label("5: heel goed").check()
    lotte.get_by_label("Wat ging goed").fill("De kinderen luisterden ademloos.")
    submit(lotte, lotte.get_by_role("button", name="Feedback versturen"))
    expect(lotte.locator("main")).to_contain_text("Geëvalueerd")
    feedback = Feedback.objects.get(request=request)
    assert (feedback.rating, feedback.went_well) == (5, "De kinderen luisterden ademloos.")
    axe_check(lotte)

    # --- Sam tells how it went for her -------------------------------------------------
    sam.reload()
    sam.get_by_label("Het ging goed").check()
    submit(sam, sam.get_by_role("button", name="Versturen"))
    invitation.refresh_from_db()
    assert invitation.aftercare_wellbeing == "good"

    # Months later she has lost the link: her reference and address send a new one.
    lotte.goto(demo + reverse("experts:new_status_link"))
    lotte.get_by_label("Kenmerk").fill(request.reference)
    lotte.get_by_label("E-mailadres").fill(LOTTE[1])
    submit(lotte, lotte.get_by_role("button", name="Stuur mij een nieuwe link"))
    expect(lotte.locator(".utrecht-alert--ok")).to_contain_text("nieuwe link")
    axe_check(lotte)
    assert mails_to(LOTTE[1])[-1].subject.startswith("Een nieuwe link")

    assert not csp_violations
    assert not third_party_requests
