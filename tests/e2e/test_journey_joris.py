"""Journey 6 (shared/JOURNEYS.md), Joris, training coordinator, in real browsers: the admin's
"Klassikale trainingen" (courses/wagtail_hooks.py) for him, the public booking pages for the
people who book, Stripe stubbed only at its HTTP API (tests/courses/stripe_stub.py; its hosted
checkout page is answered by a route of this test, which posts Stripe's signed webhook).

Joris sets up three sessions of the Multifocus training in the admin, 16 seats and three days
each, in Tilburg, Oisterwijk and Dongen; the course page lists them with 16 free seats. The
bookings come in: one paid by card through Stripe Checkout, one by invoice, a group of three
by invoice with a purchase order (its contact names the three), the rest of Tilburg's seats
by others, and two more people join Tilburg's waiting list. Joris sees booked, free and
waiting per session, the Tilburg bookings with the waiting list, and exports Tilburg's
participants (CSV). On the last day of the Oisterwijk session he marks attendance, one
participant missed a day, and issues the certificates: only those present every day get one,
by email. Then Tilburg's trainer falls ill and Joris cancels that session after its
confirmation step: every booking, the waiting list too, is told; the card payment is refunded
once, each invoice gets a credit note, nobody is offered a seat on the cancelled date and the
course page no longer lists it. Stripe's webhook for the card payment, delivered again after
the cancellation, changes nothing: nobody is charged twice.

Its own small set-up (a catalogue with the Multifocus course) rather than the demo content:
the demo already has Multifocus sessions, and this journey is about Joris creating them.
axe runs on the public pages (the admin is Wagtail's own); the admin pages Joris passes are
photographed at 1280 px into /tmp/shots/joris-*.png for a person to look at.
"""

import csv
import datetime
import io
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from courses.choices import CourseFormat
from courses.classroom import (
    Booking,
    BookingStatus,
    CourseSession,
    InvoiceKind,
    Payment,
    PaymentMethod,
    PaymentStatus,
    SessionStatus,
)
from courses.factories import BookingFactory, CourseIndexPageFactory, CoursePageFactory
from courses.services.bookings import booking_token
from portal import roles
from portal.models import Audience, Municipality, Theme

# The fixtures stripe_stub and stripe_settings come from tests/e2e/conftest.py.
from tests.courses.stripe_stub import event_payload

from .conftest import submit
from .stripe_checkout import deliver_webhook, stripe_checkout

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

DESKTOP = {"viewport": {"width": 1280, "height": 900}}
SHOTS = Path("/tmp/shots")
COURSE = "Multifocus-training: werken met gezinnen bij geweld"
SEATS = 16
# Municipality, weeks from today, venue, street, postal code: a day a week for three weeks.
PLACES = [
    ("Tilburg", 4, "Vergadercentrum De Kring", "Stationsstraat 10", "5038 EA"),
    ("Oisterwijk", 8, "Zalencentrum De Tiliander", "Sint Jozefstraat 2", "5061 HA"),
    ("Dongen", 12, "Cultureel Centrum De Cammeleur", "Hoge Ham 115", "5104 JD"),
]
CARD = ("Ilse Jansen", "ilse@wijkteam-noord.example", "RP-40417")
INVOICE = ("Ruud de Wit", "ruud@jeugdhulp.example", "SKJ-118822")
GROUP = ("Petra Smits", "petra@ggd-hvb.example")
GROUP_NAMES = [("Petra Smits", "RP-51001"), ("Karim Bouzid", "RP-51002"), ("Els van Dijk", "")]
WAITING = [("Noor Hendriks", "noor@wijkteam-oost.example"), ("Bas Peeters", "bas@jgz.example")]


@pytest.fixture
def multifocus(site_pages, live_server, stripe_settings, outbox_email):
    """The Multifocus course on the site's catalogue, without any sessions yet."""
    dutch = {"locale__language_code": "nl"}
    catalogue = CourseIndexPageFactory(parent=site_pages["home"])
    return CoursePageFactory(
        parent=catalogue,
        title=COURSE,
        slug="multifocus-training",
        format=CourseFormat.CLASSROOM,
        duration_minutes=3 * 7 * 60,
        price=Decimal("395.00"),
        accreditation_register="Registerplein",
        accreditation_id="RP-2026-0412",
        accreditation_points=Decimal("18"),
        themes=[Theme.objects.get(slug="huiselijk-geweld", **dutch)],
        audiences=[Audience.objects.get(slug="professionals", **dutch)],
        municipalities=list(
            Municipality.objects.filter(slug__in=["tilburg", "oisterwijk", "dongen"], **dutch)
        ),
    )


# --- Helpers -------------------------------------------------------------------------------------


def shoot(page, name: str) -> None:
    """A full-length picture of an admin page at 1280 px. Wagtail's admin scrolls inside its
    own layout, so the window is made as tall as the content for the picture."""
    SHOTS.mkdir(exist_ok=True)
    height = page.evaluate(
        "() => Math.max(...Array.from(document.querySelectorAll('body, body *'),"
        " (element) => element.scrollHeight))"
    )
    page.set_viewport_size({"width": 1280, "height": min(max(height, 900), 8000)})
    page.screenshot(path=str(SHOTS / f"joris-{name}.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


def choose(page, chooser: str, *, pick: str, search: str = "", language: str = "") -> None:
    """Open the chooser of the field `chooser` (its hidden input's name), search for `search`
    or show the terms in `language` only, and pick the link `pick`."""
    field = page.locator(f"[data-field-input]:has(input[name={chooser}])")
    field.locator("[data-chooser-action-choose]").click()
    modal = page.locator(".modal-dialog")
    expect(modal).to_be_visible()
    with page.expect_response(lambda response: "/admin/" in response.url and "?" in response.url):
        if search:
            modal.locator("input[name=q]").fill(search)
        else:
            modal.locator("select[name=locale]").select_option(label=language)
    modal.locator("tbody").get_by_role("link", name=pick, exact=True).click()
    expect(modal).to_be_hidden()


def pick_in(page, selector: str, value: str) -> None:
    """Put a date or time in a field that has Wagtail's picker, as typing it would. The
    picker opens when its field takes focus, and on a busy machine it opened again after the
    click meant to close it, over the "add a day" button below: so the value is set without
    focusing the field (the server reads it as it reads typed text)."""
    page.locator(selector).evaluate(
        """(field, value) => {
            field.value = value;
            field.dispatchEvent(new Event("input", { bubbles: true }));
            field.dispatchEvent(new Event("change", { bubbles: true }));
        }""",
        value,
    )


def create_session(joris, live_server, place, first_day: datetime.date) -> None:
    municipality, _weeks, venue, street, postal_code = place
    joris.goto(live_server.url + reverse("course_sessions:add"))
    choose(joris, "course", search="Multifocus", pick=COURSE)
    joris.fill("#id_capacity", str(SEATS))
    joris.fill("#id_price", "395.00")
    joris.fill("#id_trainers", "Ingrid de Vries en Hamid El Amrani")
    joris.fill("#id_venue_name", venue)
    joris.fill("#id_street_address", street)
    joris.fill("#id_postal_code", postal_code)
    joris.fill("#id_city", municipality)
    joris.select_option("#id_municipality", label=municipality)
    pick_in(joris, "#id_booking_deadline", f"{first_day - datetime.timedelta(days=3)} 12:00")
    pick_in(joris, "#id_cancellation_deadline", f"{first_day - datetime.timedelta(days=14)} 12:00")
    for number in range(3):
        if number:
            joris.locator("#id_days-ADD").click()
        day = first_day + datetime.timedelta(weeks=number)
        pick_in(joris, f"#id_days-{number}-date", str(day))
        pick_in(joris, f"#id_days-{number}-start_time", "09:30")
        pick_in(joris, f"#id_days-{number}-end_time", "16:30")
    if municipality == "Tilburg":
        shoot(joris, "1-session-form")
    submit(joris, joris.locator("form button.button-longrunning[type=submit]").first)
    expect(joris.locator(".messages")).to_contain_text("aangemaakt")


def open_booking_form(page, course_url: str, city: str, link: str) -> None:
    page.goto(course_url)
    date = page.locator(".steiger-session", has_text=city)
    submit(page, date.get_by_role("link", name=re.compile(f"^{link}")))


def fill_booker(page, name: str, email: str, organisation: str, number: str = "") -> None:
    page.get_by_label("Uw naam").fill(name)
    page.get_by_label("Uw e-mailadres").fill(email)
    page.get_by_role("textbox", name=re.compile("^Organisatie")).fill(organisation)
    if number:
        page.get_by_label("Beroepsregister").fill("Registerplein")
        page.get_by_label("Registratienummer").fill(number)


def pay_by_invoice(page, address: str, purchase_order: str = "") -> None:
    submit(page, page.get_by_role("link", name="Kies hoe u betaalt"))
    page.get_by_label("Factuur aan de organisatie").check()
    page.get_by_label("Factuuradres").fill(address)
    if purchase_order:
        page.get_by_label("Inkoopordernummer").fill(purchase_order)
    submit(page, page.get_by_role("button", name="Doorgaan"))
    assert "Uw boeking is bevestigd" in page.locator("h1").inner_text()


def session_in(city: str) -> CourseSession:
    return CourseSession.objects.get(course__title=COURSE, city=city)


def listing_row(joris, city: str):
    return joris.locator("table.listing tbody tr", has_text=city)


def row_action(joris, city: str, action: str) -> None:
    """Open the row's "more" menu in a listing and follow one of its links."""
    row = listing_row(joris, city)
    row.locator("[data-w-dropdown-target=toggle]").last.click()
    submit(joris, row.locator("a", has_text=action))


def cells(row) -> list[str]:
    return [text.strip() for text in row.locator("td").all_inner_texts()]


# --- The journey ---------------------------------------------------------------------------------


def test_joris_runs_the_multifocus_sessions(
    staff_browser, new_page, live_server, multifocus, stripe_stub, axe_check
):
    course_url = live_server.url + multifocus.url
    today = timezone.localdate()

    # 1. Joris creates the three sessions: 16 seats, three days each, three municipalities.
    joris = staff_browser(roles.TRAINING_COORDINATOR, "joris@example.org")
    joris.set_viewport_size({"width": 1280, "height": 900})
    joris.get_by_role("button", name="Klassikale trainingen").click()
    submit(joris, joris.get_by_role("link", name="Bijeenkomsten"))
    shoot(joris, "0-sessions-empty")
    for place in PLACES:
        create_session(joris, live_server, place, today + datetime.timedelta(weeks=place[1]))
    assert CourseSession.objects.filter(course=multifocus, capacity=SEATS).count() == 3
    for municipality, weeks, *_ in PLACES:
        session = session_in(municipality)
        assert session.municipality.name == municipality
        assert [day.date for day in session.days.all()] == [
            today + datetime.timedelta(weeks=weeks + number) for number in range(3)
        ]
    shoot(joris, "1-sessions-created")

    visitor = new_page(**DESKTOP)
    visitor.goto(course_url)
    dates = visitor.locator(".steiger-session")
    expect(dates).to_have_count(3)
    for municipality, *_ in PLACES:
        assert "16 plaatsen vrij" in dates.filter(has_text=municipality).inner_text()
    axe_check(visitor)

    # 2. Bookings come in. Ilse pays by card through Stripe Checkout.
    tilburg = session_in("Tilburg")
    deliveries: list[bytes] = []
    ilse = new_page(**DESKTOP)
    open_booking_form(ilse, course_url, "Tilburg", "Boek deze datum")
    axe_check(ilse)
    fill_booker(ilse, CARD[0], CARD[1], "Wijkteam Tilburg-Noord", CARD[2])
    submit(ilse, ilse.get_by_role("button", name="Boeken en naar betalen"))
    with ilse.expect_response(re.compile(r"/betalen/[^/]+/$")) as choice:
        submit(ilse, ilse.get_by_role("link", name="Kies hoe u betaalt"))
    # The answer to the form is Stripe's checkout page: the policy lets the form lead there.
    policy = choice.value.headers["content-security-policy"]
    assert "https://checkout.stripe.com" in re.search(r"form-action[^;]*", policy).group(0)
    axe_check(ilse)
    stripe_checkout(ilse, stripe_stub, deliveries)
    ilse.get_by_label("Creditcard of iDEAL").check()
    submit(ilse, ilse.get_by_role("button", name="Doorgaan"))
    assert "Uw boeking is bevestigd" in ilse.locator("h1").inner_text()
    card_booking = Booking.objects.get(contact_email=CARD[1])
    card_payment = Payment.objects.get(booking=card_booking)
    assert (card_booking.status, card_payment.status) == (
        BookingStatus.CONFIRMED,
        PaymentStatus.PAID,
    )

    # Ruud's organisation pays by invoice.
    ruud = new_page(**DESKTOP)
    open_booking_form(ruud, course_url, "Tilburg", "Boek deze datum")
    fill_booker(ruud, INVOICE[0], INVOICE[1], "Jeugdhulp Hart van Brabant", INVOICE[2])
    submit(ruud, ruud.get_by_role("button", name="Boeken en naar betalen"))
    pay_by_invoice(ruud, "Jeugdhulp Hart van Brabant\nPostbus 10\n5000 AA Tilburg")
    axe_check(ruud)

    # Petra books three seats for her team, pays by invoice with a purchase order and names
    # the three.
    petra = new_page(**DESKTOP)
    open_booking_form(petra, course_url, "Tilburg", "Boek deze datum")
    petra.get_by_label("Meerdere plaatsen voor mijn organisatie").check()
    petra.get_by_label("Aantal plaatsen").fill("3")
    fill_booker(petra, *GROUP, "GGD Hart voor Brabant")
    submit(petra, petra.get_by_role("button", name="Boeken en naar betalen"))
    pay_by_invoice(petra, "GGD Hart voor Brabant\nPostbus 3024\n5003 DA Tilburg", "PO-88412")
    group_booking = Booking.objects.get(contact_email=GROUP[1])
    petra.goto(live_server.url + reverse("courses:booking", args=[booking_token(group_booking)]))
    submit(petra, petra.get_by_role("link", name="Geef de deelnemers door"))
    for number, (name, registration) in enumerate(GROUP_NAMES):
        petra.fill(f"#id_seat-{number}-name", name)
        if registration:
            petra.fill(f"#id_seat-{number}-accreditation_register", "Registerplein")
            petra.fill(f"#id_seat-{number}-registration_number", registration)
    axe_check(petra)
    submit(petra, petra.locator("main form button[type=submit]"))
    assert "Karim Bouzid" in petra.locator("main").inner_text()

    # The other eleven seats of Tilburg go to others; Oisterwijk gets five bookings.
    for _ in range(SEATS - 5):
        BookingFactory(session=tilburg)
    oisterwijk = session_in("Oisterwijk")
    for name in ["Anouk Verhoeven", "Daan Kuijpers", "Fleur Maas", "Joost van Gils", "Lara Aydin"]:
        BookingFactory(session=oisterwijk, contact_name=name)
    assert tilburg.free_seats() == 0

    # Tilburg is full: two more join the waiting list on the course page (which may show free
    # seats five seconds old: CoursePage.cache_policy; they come a little later).
    for name, email in WAITING:
        waiting = new_page(**DESKTOP)
        if name == WAITING[0][0]:
            waiting.wait_for_timeout(5_100)
        open_booking_form(waiting, course_url, "Tilburg", "Zet mij op de wachtlijst")
        if name == WAITING[0][0]:
            axe_check(waiting)
        fill_booker(waiting, name, email, "Wijkteam Tilburg-Oost")
        submit(waiting, waiting.get_by_role("button", name="Zet mij op de wachtlijst"))
        assert "U staat op de wachtlijst" in waiting.locator("main").inner_text()
    visitor.goto(course_url)
    assert "Vol" in visitor.locator(".steiger-session", has_text="Tilburg").inner_text()

    # Joris sees booked, free and waiting per session...
    joris.goto(live_server.url + reverse("course_sessions:index"))
    shoot(joris, "2-sessions-booked")
    assert cells(listing_row(joris, "Tilburg"))[-5:-1] == ["16", "16", "0", "2"]
    assert cells(listing_row(joris, "Oisterwijk"))[-5:-1] == ["16", "5", "11", "0"]
    assert cells(listing_row(joris, "Dongen"))[-5:-1] == ["16", "0", "16", "0"]
    # ... and Tilburg's bookings, the waiting list among them.
    row_action(joris, "Tilburg", "Boekingen")
    shoot(joris, "3-bookings-tilburg")
    listing = joris.locator("table.listing tbody")
    expect(listing.locator("tr")).to_have_count(16)  # 14 bookings, 2 on the waiting list
    for name in [CARD[0], INVOICE[0], GROUP[0]]:
        expect(listing.locator("tr", has_text=name)).to_contain_text("Bevestigd")
    for name, _email in WAITING:
        expect(listing.locator("tr", has_text=name)).to_contain_text("Op de wachtlijst")
    expect(listing).not_to_contain_text("Anouk Verhoeven")
    # The reference opens the corrections form; the participants are on the booking's page.
    submit(joris, listing.get_by_role("link", name=group_booking.reference))
    shoot(joris, "4-booking-group-edit")
    joris.goto(live_server.url + reverse("course_bookings:inspect", args=[group_booking.pk]))
    shoot(joris, "4-booking-group")
    for name, _registration in GROUP_NAMES:
        expect(joris.locator("main")).to_contain_text(name)

    # 3. Joris exports Tilburg's participants as CSV (Wagtail's spreadsheet export).
    joris.goto(
        live_server.url + reverse("course_participants:index") + f"?booking__session={tilburg.pk}"
    )
    shoot(joris, "5-participants-tilburg")
    joris.locator("header [data-w-dropdown-target=toggle]").first.click()  # the "..." menu
    with joris.expect_download() as download_info:
        joris.get_by_role("link", name=re.compile("CSV")).click()
    download = download_info.value
    assert download.suggested_filename == "deelnemers.csv"
    rows = list(csv.DictReader(io.StringIO(Path(download.path()).read_text(encoding="utf-8"))))
    by_name = {row["Naam"]: row for row in rows}
    assert len(rows) == SEATS + len(WAITING)  # 16 seats, and the 2 waiting
    assert by_name[CARD[0]]["Registratienummer"] == CARD[2]
    assert by_name[INVOICE[0]]["Registratienummer"] == INVOICE[2]
    assert by_name["Karim Bouzid"]["Registratienummer"] == "RP-51002"
    assert by_name["Karim Bouzid"]["Organisatie"] == "GGD Hart voor Brabant"
    assert by_name[WAITING[0][0]]["Status"] == "Op de wachtlijst"
    assert by_name[CARD[0]]["Status"] == "Bevestigd"

    # 4. The last day of the Oisterwijk session (the clock moves on: its three days are now
    # the last three weeks, the live server keeps no clock of its own to freeze).
    shift = today - oisterwijk.days.order_by("-date").first().date
    for day in oisterwijk.days.all():
        day.date += shift
        day.save()
    CourseSession.objects.filter(pk=oisterwijk.pk).update(
        starts_at=oisterwijk.starts_at + shift,
        booking_deadline=oisterwijk.booking_deadline + shift,
        cancellation_deadline=oisterwijk.cancellation_deadline + shift,
    )
    sent_before = len(mail.outbox)
    joris.goto(live_server.url + reverse("course_sessions:index"))
    row_action(joris, "Oisterwijk", "Aanwezigheid")
    shoot(joris, "6-attendance-before")
    days = list(oisterwijk.days.all())
    present = {}
    for booking in oisterwijk.bookings.all():
        participant = booking.participants.get()
        present[participant.name] = participant
        for number, day in enumerate(days):
            if participant.name == "Fleur Maas" and number == 1:
                continue  # Fleur was ill on the second day
            joris.check(f"#present-{participant.pk}-{day.pk}")
    submit(joris, joris.get_by_role("button", name="Opslaan en certificaten uitreiken"))
    messages = joris.locator(".messages")
    expect(messages).to_contain_text("Certificaten uitgereikt: 4.")
    expect(messages).to_contain_text("1")
    shoot(joris, "7-attendance-issued")
    for name, participant in present.items():
        participant.refresh_from_db()
        if name == "Fleur Maas":
            assert participant.certificate is None
        else:
            assert participant.certificate is not None
            assert participant.certificate.learner_name == name
            expect(joris.locator("main")).to_contain_text(participant.certificate.code)
    certificate_mails = mail.outbox[sent_before:]
    assert sorted(address for message in certificate_mails for address in message.to) == sorted(
        participant.email or participant.booking.contact_email
        for name, participant in present.items()
        if name != "Fleur Maas"
    )
    assert all(
        any(name.endswith(".pdf") for name, *_ in message.attachments)
        for message in certificate_mails
    )

    # 5. Tilburg's trainer falls ill: Joris cancels the session, after the confirmation step.
    tilburg_bookings = list(
        tilburg.bookings.filter(status__in=[BookingStatus.CONFIRMED, BookingStatus.WAITLISTED])
    )
    assert len(tilburg_bookings) == 14 + 2
    invoices_before = set(group_booking.invoices.values_list("pk", flat=True))
    sent_before = len(mail.outbox)
    joris.goto(live_server.url + reverse("course_sessions:index"))
    row_action(joris, "Tilburg", "Bijeenkomst annuleren")
    shoot(joris, "8-cancel-confirm")
    expect(joris.locator("main")).to_contain_text("16 boekingen")
    tilburg.refresh_from_db()
    assert tilburg.status == SessionStatus.SCHEDULED  # only asked
    submit(joris, joris.get_by_role("button", name="Ja, annuleer deze bijeenkomst"))
    expect(joris.locator(".messages")).to_contain_text("16")
    shoot(joris, "9-sessions-after-cancel")
    tilburg.refresh_from_db()
    assert tilburg.status == SessionStatus.CANCELLED
    assert set(tilburg.bookings.values_list("status", flat=True)) == {BookingStatus.CANCELLED}

    # Every booking is told once, the waiting list too; nobody is offered a seat.
    told = mail.outbox[sent_before:]
    assert sorted(address for message in told for address in message.to) == sorted(
        booking.contact_email for booking in tilburg_bookings
    )
    assert all(message.subject == f"Geannuleerd: {COURSE}" for message in told)
    assert not tilburg.bookings.filter(held_until__isnull=False).exists()
    # The card payment is refunded once, through Stripe; each invoice gets a credit note.
    assert [(refund["payment_intent"], refund["amount"]) for refund in stripe_stub.refunds] == [
        (card_payment.payment_intent, 39500)
    ]
    card_payment.refresh_from_db()
    assert card_payment.status == PaymentStatus.REFUNDED
    for booking in (Booking.objects.get(contact_email=INVOICE[1]), group_booking):
        invoice = booking.invoices.get(kind=InvoiceKind.INVOICE)
        credit_note = booking.invoices.get(kind=InvoiceKind.CREDIT_NOTE)
        assert credit_note.credits == invoice
        assert Payment.objects.get(booking=booking).provider == PaymentMethod.INVOICE
    assert invoices_before < set(group_booking.invoices.values_list("pk", flat=True))
    ilse_mail = next(message for message in told if CARD[1] in message.to)
    assert "terug" in ilse_mail.body  # the refund is announced
    assert "Dongen" in ilse_mail.body  # with the course's other dates

    # The course page no longer lists the Tilburg date.
    visitor.goto(course_url)
    expect(visitor.locator(".steiger-session")).to_have_count(1)  # Oisterwijk has taken place
    expect(visitor.locator(".steiger-sessions")).not_to_contain_text("Tilburg")
    expect(visitor.locator(".steiger-session")).to_contain_text("Dongen")
    axe_check(visitor)

    # Stripe delivers its checkout webhook again (as it may): nobody is charged twice.
    state = (
        sorted(Booking.objects.values_list("pk", "status")),
        sorted(Payment.objects.values_list("pk", "status", "refunded_amount")),
        len(mail.outbox),
        len(stripe_stub.refunds),
    )
    (payload,) = deliveries
    assert deliver_webhook(payload) == 200
    assert (
        deliver_webhook(event_payload("checkout.session.completed", stripe_stub.only_session()))
        == 200
    )
    assert state == (
        sorted(Booking.objects.values_list("pk", "status")),
        sorted(Payment.objects.values_list("pk", "status", "refunded_amount")),
        len(mail.outbox),
        len(stripe_stub.refunds),
    )
