"""A workshop catalogue on the test site: catalogue -> workshop page -> booking form."""

import pytest
from django.core.cache import caches

from tests.workshops.factories import (
    WorkshopBookingPageFactory,
    WorkshopFactory,
    WorkshopIndexPageFactory,
    WorkshopPageFactory,
)

CACHE_HEADER = "X-Page-Cache"


def page_cache_size() -> int:
    # LocMemCache keeps its entries in a dict; counting them is what "the cache grows" means.
    return len(caches["pages"]._cache)


@pytest.fixture
def catalogue(home):
    return WorkshopIndexPageFactory(parent=home)


@pytest.fixture
def workshop(db):
    return WorkshopFactory(title="Signalen bespreken", capacity=3, publish=True)


@pytest.fixture
def workshop_page(catalogue, workshop):
    return WorkshopPageFactory(parent=catalogue, workshop=workshop)


@pytest.fixture
def booking_page(workshop_page):
    return WorkshopBookingPageFactory(parent=workshop_page)
