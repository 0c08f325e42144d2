"""A user's advice questions in their data export and erasure; retention by purge_expired_data."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from portal.accounts.factories import UserFactory
from portal.advice.models import AdviceQuestion
from portal.advice.services import submit_advice_question
from portal.newsletter.models import NewsletterSubscription
from portal.privacy import retention
from portal.privacy.services import erase_user_data, export_user_data, purge_expired_data

pytestmark = pytest.mark.django_db


# Both verified their address: only verified addresses tie anonymous records to an account.
@pytest.fixture
def anna():
    return UserFactory(email="anna@example.org")


@pytest.fixture
def bob():
    return UserFactory(email="bob@example.org")


def ask(locales, text, **kwargs) -> AdviceQuestion:
    return submit_advice_question(role="resident", question=text, locale=locales["nl"], **kwargs)


def section(export, key):
    return next(part["records"] for part in export["sections"] if part["key"] == key)


def test_export_contains_the_users_questions_and_nobody_elses(locales, anna, bob):
    signed_in = ask(locales, "Gevraagd met account", user=anna)
    by_address = ask(locales, "Gevraagd met adres", email="ANNA@example.org", email_consent=True)
    ask(locales, "Vraag van Bob", user=bob, email="bob@example.org", email_consent=True)
    ask(locales, "Anonieme vraag")

    records = section(export_user_data(anna), "advice_question")

    assert {record["reference"] for record in records} == {
        signed_in.reference,
        by_address.reference,
    }
    assert {record["question"] for record in records} == {
        "Gevraagd met account",
        "Gevraagd met adres",
    }


def test_export_contains_the_newsletter_subscription(anna):
    NewsletterSubscription.objects.create(email="anna@example.org", token_created_at=timezone.now())
    NewsletterSubscription.objects.create(email="bob@example.org", token_created_at=timezone.now())
    records = section(export_user_data(anna), "newsletter_subscription")
    assert [record["email"] for record in records] == ["anna@example.org"]


def test_erase_removes_the_users_questions_and_keeps_others(locales, anna, bob):
    ask(locales, "Gevraagd met account", user=anna)
    ask(locales, "Gevraagd met adres", email="anna@example.org", email_consent=True)
    bobs = ask(locales, "Vraag van Bob", user=bob)
    anonymous = ask(locales, "Anonieme vraag")

    counts = erase_user_data(anna)

    assert counts["advice_question"] == 2
    assert set(AdviceQuestion.objects.values_list("pk", flat=True)) == {bobs.pk, anonymous.pk}


def test_purge_removes_old_questions_and_keeps_recent_ones(locales):
    old = ask(locales, "Oude vraag")
    recent = ask(locales, "Recente vraag")
    AdviceQuestion.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - retention("advice_question") - timedelta(days=1)
    )

    counts = purge_expired_data()

    assert counts["advice_question"] == 1
    assert list(AdviceQuestion.objects.values_list("pk", flat=True)) == [recent.pk]


def test_purge_command_prints_counts_and_dry_run_deletes_nothing(locales):
    old = ask(locales, "Oude vraag")
    AdviceQuestion.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - retention("advice_question") - timedelta(days=1)
    )

    dry = StringIO()
    call_command("purge_expired_data", "--dry-run", stdout=dry)
    assert "advice_question: would purge 1" in dry.getvalue()
    assert AdviceQuestion.objects.filter(pk=old.pk).exists()

    real = StringIO()
    call_command("purge_expired_data", stdout=real)
    assert "advice_question: purged 1" in real.getvalue()
    assert "newsletter_subscription: purged 0" in real.getvalue()
    assert not AdviceQuestion.objects.exists()
