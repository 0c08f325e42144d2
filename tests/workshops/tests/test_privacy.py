"""The privacy door, used by an app: tests/workshops/privacy.py, found by autodiscovery, owns the
bookings (export, erase, retention) and exempts what only looks personal (a venue's name)."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from portal.accounts.factories import UserFactory
from portal.accounts.services import delete_account, export_account
from portal.privacy import registry
from portal.privacy.contract import project_models, uncovered
from portal.privacy.registry import PersonalDataRegistry
from portal.privacy.services import purge_expired_data
from tests.workshops.factories import WorkshopBookingFactory, WorkshopFactory
from tests.workshops.models import Venue, WorkshopBooking

OWNER = "workshop_booking"


def registry_without(key: str) -> PersonalDataRegistry:
    """The project's registry as it would be if the app's privacy.py did not declare `key`."""
    copy = PersonalDataRegistry()
    for owner in registry.owners():
        if owner.key != key:
            copy.register(owner)
    for exemption in registry.exemptions():
        copy.exempt(exemption.model, fields=exemption.fields, reason=exemption.reason)
    return copy


def test_the_apps_owner_is_found_without_an_edit_in_portal():
    assert registry.owner_of(WorkshopBooking).key == OWNER
    assert registry.exemption_for(Venue, "name") is not None


def test_the_contract_covers_the_bookings_and_would_fail_without_the_owner():
    assert WorkshopBooking in project_models()
    assert uncovered(project_models()) == []

    missing = {str(found) for found in uncovered(project_models(), registry_without(OWNER))}

    assert missing == {
        "workshops.workshopbooking.user (user)",
        "workshops.workshopbooking.name (name)",
        "workshops.workshopbooking.email (email)",
    }


def _sections(user) -> dict[str, list]:
    return {section["key"]: section["records"] for section in export_account(user)["sections"]}


@pytest.mark.django_db
def test_the_data_download_holds_the_users_bookings_and_nobody_elses():
    user = UserFactory(email="sam@example.org")
    workshop = WorkshopFactory(title="Signalen bespreken")
    signed_in = WorkshopBookingFactory(workshop=workshop, user=user, email="werk@example.org")
    # Booked without signing in, with the address the account verified.
    by_address = WorkshopBookingFactory(workshop=workshop, email="sam@example.org")
    WorkshopBookingFactory(workshop=workshop, email="iemand@example.org", name="Iemand Anders")

    records = _sections(user)[OWNER]

    assert sorted(record["reference"] for record in records) == sorted(
        [signed_in.reference, by_address.reference]
    )
    assert {record["workshop"] for record in records} == {"Signalen bespreken"}
    assert "Iemand Anders" not in str(records)


@pytest.mark.django_db
def test_deleting_the_account_erases_the_users_bookings_only():
    user = UserFactory(email="sam@example.org")
    WorkshopBookingFactory(user=user)
    WorkshopBookingFactory(email="sam@example.org")
    other = WorkshopBookingFactory(email="iemand@example.org")

    counts = delete_account(user)

    assert counts[OWNER] == 2
    assert list(WorkshopBooking.objects.all()) == [other]


@pytest.mark.django_db
def test_old_bookings_are_purged_after_the_declared_retention():
    old, recent = WorkshopBookingFactory(), WorkshopBookingFactory()
    WorkshopBooking.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - timedelta(days=366)
    )

    assert purge_expired_data()[OWNER] == 1
    assert list(WorkshopBooking.objects.all()) == [recent]


@pytest.mark.django_db
def test_an_installation_shortens_the_retention_in_settings(settings):
    booking = WorkshopBookingFactory()
    WorkshopBooking.objects.filter(pk=booking.pk).update(
        created_at=timezone.now() - timedelta(days=40)
    )
    assert purge_expired_data(dry_run=True)[OWNER] == 0

    settings.RETENTION_DAYS = {**settings.RETENTION_DAYS, OWNER: 30}
    output = StringIO()
    call_command("purge_expired_data", stdout=output)

    assert f"{OWNER}: purged 1 (kept 30 days)" in output.getvalue()
    assert not WorkshopBooking.objects.exists()
