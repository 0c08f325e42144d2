"""The workshops in the demo site (the demo door: portal/demo/door.py).

A catalogue under the professionals' entrance, one workshop page with its seats, and one seat
already booked by a demo participant. Everything is found before it is made, so a second run
changes nothing.
"""

from datetime import datetime, time, timedelta

from django.utils import timezone

from portal.demo.door import DemoContext, DemoPage, Translation

from .models import Venue, Workshop, WorkshopBooking

DEPENDS_ON = ["portal"]

WORKSHOP_TITLE = "De meldcode in de praktijk"
PARTICIPANT = "deelnemer@steiger.localhost"


def demo_workshop() -> Workshop:
    """The demo workshop, published once; found by its title on every later run."""
    workshop = Workshop.objects.filter(title=WORKSHOP_TITLE).first()
    if workshop is not None:
        return workshop
    venue, _created = Venue.objects.get_or_create(
        name="Centrum Hart van Brabant", defaults={"town": "Tilburg"}
    )
    day = timezone.localdate() + timedelta(days=30)
    workshop = Workshop.objects.create(
        title=WORKSHOP_TITLE,
        starts_at=timezone.make_aware(datetime.combine(day, time(13, 30))),
        venue=venue,
        capacity=12,
        live=False,
    )
    workshop.save_revision().publish()
    return workshop


def _link_workshop(page, language: str, demo: DemoContext) -> None:
    page.workshop = demo_workshop()


PAGES = [
    DemoPage(
        key="workshops/catalogue",
        model="workshops.WorkshopIndexPage",
        parent="professionals",
        nl=Translation(
            title="Workshops",
            slug="workshops",
            intro="Oefen in een kleine groep met wat u in uw werk tegenkomt.",
        ),
        en=Translation(
            title="Workshops",
            slug="workshops",
            intro="Practise in a small group with what you meet in your work.",
        ),
    ),
    DemoPage(
        key="workshops/meldcode",
        model="workshops.WorkshopPage",
        parent="workshops/catalogue",
        nl=Translation(
            title=WORKSHOP_TITLE,
            slug="meldcode-in-de-praktijk",
            intro="Een middag oefenen met de vijf stappen van de meldcode.",
        ),
        en=Translation(
            title="The reporting code in practice",
            slug="reporting-code-in-practice",
            intro="An afternoon practising the five steps of the reporting code.",
        ),
        fill=_link_workshop,
    ),
]


def load(demo: DemoContext) -> None:
    participant = demo.account(PARTICIPANT, "Sam")
    workshop = demo_workshop()
    _booking, created = WorkshopBooking.objects.get_or_create(
        workshop=workshop,
        user=participant,
        defaults={"name": "Sam Deelnemer", "email": PARTICIPANT},
    )
    if created:
        demo.note(f"Workshops: {PARTICIPANT} booked a seat on {WORKSHOP_TITLE!r}.")
