"""Journey 4 (shared/JOURNEYS.md), Sam, lived-experience expert, in a real browser on the demo
content, where her pseudonym is Roos and two requests wait for her answer.

Sam signs in with her password and her second factor and lands in her inbox. She declines one
request with a reason (only the coordinators read it), accepts the other, and pauses her
availability for a month. Her public profile on the pool page shows the pseudonym, themes and
short story she approved; her real name, email address and phone number appear on no public
page, in no search result, in the sitemap, nor in any email to a school.

axe runs on her inbox, an invitation and the pool page.
"""

import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from experts.choices import InvitationStatus, RequestStatus
from experts.records import Expert, Invitation

from .conftest import submit
from .test_journey_lotte import DESKTOP, demo, sign_in_as_expert  # noqa: F401 (fixture)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_sam_answers_her_invitations_pauses_and_stays_anonymous(
    demo,  # noqa: F811 (the fixture imported above)
    new_page,
    axe_check,
    csp_violations,
    third_party_requests,
):
    sam_record = Expert.objects.get(profile__pseudonym="Roos")
    waiting = list(
        Invitation.objects.filter(expert=sam_record, status=InvitationStatus.PENDING).order_by(
            "session_date", "pk"
        )
    )
    assert len(waiting) == 2, "the demo has two requests waiting for Roos"
    to_decline, to_accept = waiting

    sam = new_page(**DESKTOP)
    sign_in_as_expert(sam, demo)
    expect(sam.get_by_role("heading", level=1)).to_have_text("Mijn uitnodigingen")
    axe_check(sam)

    # She declines the first, with a reason for the coordinators.
    sam.locator(f"a[href='{reverse('experts:invitation', args=(to_decline.pk,))}']").first.click()
    axe_check(sam)
    sam.get_by_label("Reden").fill("Die week heb ik al twee andere afspraken.")
    submit(sam, sam.get_by_role("button", name="Nee, ik sla af"))
    to_decline.refresh_from_db()
    assert to_decline.status == InvitationStatus.DECLINED
    assert to_decline.decline_reason == "Die week heb ik al twee andere afspraken."

    # She accepts the second.
    sam.goto(demo + reverse("experts:invitation", args=(to_accept.pk,)))
    submit(sam, sam.get_by_role("button", name="Ja, ik kom"))
    to_accept.refresh_from_db()
    assert to_accept.status == InvitationStatus.ACCEPTED
    assert to_accept.request.status == RequestStatus.CONFIRMED
    assert to_accept.request.confirmed_expert_id == sam_record.pk

    # She pauses for a month, starting tomorrow.
    sam.goto(demo + reverse("experts:inbox"))
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    month_later = tomorrow + datetime.timedelta(days=30)
    sam.get_by_label("Pauze vanaf").fill(tomorrow.isoformat())
    sam.get_by_label("Tot en met").fill(month_later.isoformat())
    submit(sam, sam.get_by_role("button", name="Mijn beschikbaarheid pauzeren"))
    expect(sam.locator(".utrecht-alert--ok")).to_contain_text("Uw pauze is opgeslagen")
    assert sam_record.pauses.filter(starts_on=tomorrow, ends_on=month_later).exists()
    assert sam_record.is_paused_on(tomorrow + datetime.timedelta(days=10))

    # Her public profile: what she approved, nothing of her record.
    visitor = new_page(**DESKTOP)
    visitor.goto(demo + "/nl/voorlichting/ervaringsdeskundigen/")
    profile = sam_record.profile
    main = visitor.locator("main")
    expect(main).to_contain_text("Roos")
    expect(main).to_contain_text(profile.short_story[:60])
    axe_check(visitor)
    pages = [
        "/nl/voorlichting/ervaringsdeskundigen/",
        "/nl/voorlichting/",
        "/nl/zoeken/?q=Roos",
        "/nl/zoeken/?q=" + sam_record.real_name.split()[0],
    ]
    for path in pages:
        visitor.goto(demo + path)
        content = visitor.content()
        assert sam_record.real_name not in content, path
        assert sam_record.email not in content, path
        if sam_record.phone:
            assert sam_record.phone not in content, path
    # The sitemap and each of its sections (fetched, not shown: the browser's XML viewer styles
    # itself inline, which our CSP rightly refuses).
    index = visitor.request.get(demo + "/sitemap.xml").text()
    sections = re.findall(r"<loc>(http[^<]+)</loc>", index)
    assert sections
    section_answers = [visitor.request.get(url) for url in sections]
    assert all(answer.ok for answer in section_answers)
    assert "/nl/voorlichting/ervaringsdeskundigen/" in "".join(a.text() for a in section_answers)
    for text in [index, *(answer.text() for answer in section_answers)]:
        assert sam_record.real_name not in text
        assert sam_record.email not in text
    # The search finds her by her pseudonym, on the pool page.
    visitor.goto(demo + "/nl/zoeken/?q=Roos")
    expect(visitor.locator("main")).to_contain_text("Roos")

    # No email to a school names her.
    school_addresses = set(
        to_accept.request.__class__.objects.values_list("contact_email", flat=True)
    )
    for message in mail.outbox:
        if set(message.to) & school_addresses:
            assert sam_record.real_name not in message.body + message.subject
            assert sam_record.email not in message.body
    sam_mails = [m for m in mail.outbox if sam_record.email in m.to]
    assert any(re.search(r"bevestigd", m.subject, re.IGNORECASE) for m in sam_mails)

    assert not csp_violations
    assert not third_party_requests
