"""The demo door, used by an app: tests/workshops/demo.py is found by load_demo_content, loads
after the base layer it depends on, and a second run changes nothing."""

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Revision

from portal.demo.loader import load_demo_content, page_key
from tests.workshops.demo import PARTICIPANT, WORKSHOP_TITLE
from tests.workshops.models import Workshop, WorkshopBooking, WorkshopIndexPage, WorkshopPage

pytestmark = pytest.mark.django_db


def test_load_demo_content_makes_the_apps_pages_workshop_and_booking(client):
    output = StringIO()
    call_command("load_demo_content", "--force", stdout=output)

    # After the base layer it depends on; apps that depend on nothing more follow in
    # INSTALLED_APPS order.
    apps = output.getvalue().split("Demo content of: ", 1)[1].splitlines()[0].split(", ")
    assert apps[0] == "portal"
    assert "workshops" in apps
    for language, path in (
        ("nl", "/nl/professionals/workshops/"),
        ("en", "/en/professionals/workshops/"),
    ):
        catalogue = WorkshopIndexPage.objects.get(locale__language_code=language)
        assert catalogue.live and catalogue.url == path
        assert catalogue.get_parent().translation_key == page_key("professionals")
        page = WorkshopPage.objects.get(locale__language_code=language)
        assert page.get_parent().pk == catalogue.pk
        assert page.workshop.title == WORKSHOP_TITLE
        # The catalogue lists the workshop; its page counts the demo participant's seat.
        assert WORKSHOP_TITLE in client.get(catalogue.url).text
        assert "11 of 12 seats free" in client.get(page.url).text
    workshop = Workshop.objects.get()
    assert workshop.live and workshop.live_revision is not None
    assert WorkshopBooking.objects.get().user.email == PARTICIPANT


def test_a_second_run_changes_nothing():
    load_demo_content()
    counts = (
        Workshop.objects.count(),
        WorkshopBooking.objects.count(),
        WorkshopPage.objects.count(),
        Revision.objects.count(),
    )

    again = load_demo_content()

    assert not again.pages_changed
    assert not [note for note in again.notes if note.startswith("Workshops:")]
    assert (
        Workshop.objects.count(),
        WorkshopBooking.objects.count(),
        WorkshopPage.objects.count(),
        Revision.objects.count(),
    ) == counts
