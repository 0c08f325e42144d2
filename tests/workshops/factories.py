"""Test data for workshops (factory-boy, wagtail-factories).

workshop = WorkshopFactory(capacity=3)                      # live, with a venue
catalogue = WorkshopIndexPageFactory(parent=home)
page = WorkshopPageFactory(parent=catalogue, workshop=workshop)
form = WorkshopBookingPageFactory(parent=page)
booking = WorkshopBookingFactory(workshop=workshop, email="sam@example.org")
"""

from datetime import timedelta

import factory
from django.utils import timezone

from portal.factories import PortalPageFactory

from .models import (
    Venue,
    Workshop,
    WorkshopBooking,
    WorkshopBookingPage,
    WorkshopIndexPage,
    WorkshopPage,
)


class VenueFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda number: f"Zaal {number}")
    town = "Tilburg"

    class Meta:
        model = Venue


class WorkshopFactory(factory.django.DjangoModelFactory):
    """A live workshop a week from now; `publish=True` also publishes it through a revision."""

    title = factory.Sequence(lambda number: f"Workshop {number}")
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))
    venue = factory.SubFactory(VenueFactory)
    capacity = 12
    live = True

    class Meta:
        model = Workshop
        skip_postgeneration_save = True

    @factory.post_generation
    def publish(workshop, create: bool, extracted, **kwargs) -> None:
        if create and extracted:
            workshop.save_revision().publish()


class WorkshopBookingFactory(factory.django.DjangoModelFactory):
    workshop = factory.SubFactory(WorkshopFactory)
    name = factory.Sequence(lambda number: f"Deelnemer {number}")
    email = factory.Sequence(lambda number: f"deelnemer{number}@example.org")

    class Meta:
        model = WorkshopBooking


class WorkshopIndexPageFactory(PortalPageFactory):
    title = "Workshops"
    # Not "workshops": /nl/workshops/ is the app's own URL include (tests/urls.py).
    slug = "aanbod"
    intro = "Oefen in een kleine groep."

    class Meta:
        model = WorkshopIndexPage


class WorkshopPageFactory(PortalPageFactory):
    workshop = factory.SubFactory(WorkshopFactory)
    title = factory.LazyAttribute(lambda page: page.workshop.title)
    slug = factory.Sequence(lambda number: f"workshop-{number}")

    class Meta:
        model = WorkshopPage


class WorkshopBookingPageFactory(PortalPageFactory):
    title = "Boek een plaats"
    slug = "boeken"
    thank_you_text = "Tot dan."

    class Meta:
        model = WorkshopBookingPage
