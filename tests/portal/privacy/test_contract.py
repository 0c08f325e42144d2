"""The personal data contract: every model of ours that holds personal data has an owner.

Owners and exemptions are declared in each app's privacy.py (found by autodiscovery), so a new
app's model with an email address, a name, an IP address, a link to the user or free text from
the public fails here until the app says who exports, erases and expires it, or why it is not
personal after all.
"""

from datetime import timedelta
from importlib import import_module
from io import StringIO

import pytest
from django.apps import AppConfig, apps
from django.conf import settings
from django.core.checks import run_checks
from django.core.management import call_command
from django.db import models
from django.test.utils import isolate_apps
from django.utils import timezone

from portal.accounts.models import User
from portal.advice.models import AdviceQuestion, AdviceQuestionPage
from portal.advice.services import submit_advice_question
from portal.models import StandardPage, Theme
from portal.privacy import PersonalDataOwner, registry
from portal.privacy.contract import (
    personal_fields,
    project_models,
    stale_declarations,
    uncovered,
)
from portal.privacy.registry import PersonalDataRegistry
from portal.privacy.services import purge_expired_data
from portal.project_apps import is_project_app


def test_every_personal_field_of_our_models_has_an_owner_or_an_exemption():
    missing = uncovered(project_models())
    assert not missing, (
        "Personal data without an owner: declare a PersonalDataOwner with models=[...] or an "
        "exempt(...) with a reason in the app's privacy.py:\n"
        + "\n".join(f"  {found}" for found in missing)
    )


def test_owners_and_exemptions_name_real_models_and_personal_fields():
    assert stale_declarations() == []


def test_the_project_apps_are_ours_and_the_libraries_are_not():
    ours = {config.label for config in apps.get_app_configs() if is_project_app(config)}
    assert {"portal", "accounts", "mail", "privacy", "advice", "newsletter"} <= ours
    assert not ours & {"wagtailcore", "wagtailimages", "account", "auth", "sessions", "taggit"}
    # An app that lives under tests/ (installed by the test settings only) is checked too.
    assert is_project_app(AppConfig("tests.portal", import_module("tests.portal")))


@isolate_apps("portal.advice")
def test_the_contract_finds_every_kind_of_personal_data():
    class Signup(models.Model):
        user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
        contact_email = models.EmailField()
        first_name = models.CharField(max_length=50)
        school_name = models.CharField(max_length=50)
        phone = models.CharField(max_length=20)
        remote_ip = models.CharField(max_length=45)
        address = models.GenericIPAddressField()
        message = models.TextField()
        # Not personal: a flag, a number, a date.
        email_consent = models.BooleanField(default=False)
        seats = models.PositiveIntegerField(default=1)
        created_at = models.DateTimeField(auto_now_add=True)

        class Meta:
            app_label = "advice"

    found = {(item.field, item.kind) for item in uncovered([Signup])}

    assert found == {
        ("user", "user"),
        ("contact_email", "email"),
        ("first_name", "name"),
        ("school_name", "name"),
        ("phone", "phone"),
        ("remote_ip", "ip"),
        ("address", "ip"),
        ("message", "free text"),
    }

    # An owner that names the model covers all of it; an exemption covers the fields it names.
    declared = PersonalDataRegistry()
    declared.exempt(Signup, fields=["school_name"], reason="a school's name, not a person's")
    assert {item.field for item in uncovered([Signup], declared)} == {
        "user",
        "contact_email",
        "first_name",
        "phone",
        "remote_ip",
        "address",
        "message",
    }
    declared.register(
        PersonalDataOwner(
            key="signup",
            label="Sign-ups",
            models=["advice.Signup"],
            exporter=lambda user: [],
            eraser=lambda user: 0,
            default_retention=timedelta(days=30),
            purger=lambda cutoff: 0,
        )
    )
    assert uncovered([Signup], declared) == []


def test_text_that_editors_write_is_not_free_text_from_the_public():
    # Page fields (an intro, a thank-you text) and a label's description are written by editors.
    assert not [item for item in personal_fields(StandardPage) if item.kind == "free text"]
    assert not [item for item in personal_fields(AdviceQuestionPage) if item.kind == "free text"]
    assert [item.field for item in personal_fields(Theme)] == ["name"]
    # What a resident types into the advice form is.
    assert ("question", "free text") in {
        (item.field, item.kind) for item in personal_fields(AdviceQuestion)
    }
    # Wagtail's own owner field on every page is judged on wagtailcore.Page, not on ours.
    assert "owner" not in {item.field for item in personal_fields(StandardPage)}


def test_each_owner_names_the_models_it_covers():
    assert registry.owner_of(User).key == "account"
    assert registry.owner_of(AdviceQuestion).key == "advice_question"
    assert registry.owner_of("sessions.Session").key == "session"


def test_an_owner_without_models_or_an_exemption_without_a_reason_is_refused():
    with pytest.raises(ValueError, match="names no models"):
        PersonalDataOwner(
            key="x",
            label="X",
            models=[],
            exporter=lambda user: [],
            eraser=lambda user: 0,
            default_retention=timedelta(days=1),
            purger=lambda cutoff: 0,
        )
    with pytest.raises(ValueError, match="reason"):
        PersonalDataRegistry().exempt(Theme, fields=["name"], reason=" ")


# --- retention: declared by the owner, overridden by settings --------------------------------


@pytest.mark.django_db
def test_settings_override_an_owners_retention(locales, settings):
    question = submit_advice_question(role="resident", question="Vraag", locale=locales["nl"])
    AdviceQuestion.objects.filter(pk=question.pk).update(
        created_at=timezone.now() - timedelta(days=40)
    )
    default = registry.get("advice_question").default_retention
    assert default > timedelta(days=40)

    assert purge_expired_data(dry_run=True)["advice_question"] == 0

    settings.RETENTION_DAYS = {**settings.RETENTION_DAYS, "advice_question": 30}
    output = StringIO()
    call_command("purge_expired_data", stdout=output)

    assert "advice_question: purged 1 (kept 30 days)" in output.getvalue()
    assert "session: purged 0 (kept 12 hours)" in output.getvalue()
    assert not AdviceQuestion.objects.exists()


def test_an_override_for_an_owner_that_does_not_exist_fails_the_check(settings):
    settings.RETENTION_DAYS = {"advice_questions": 30, "account": "forever"}

    errors = {error.id: error.msg for error in run_checks() if error.id.startswith("privacy.")}

    assert errors == {
        "privacy.E001": "RETENTION_DAYS['advice_questions'] names no personal data owner.",
        "privacy.E002": "RETENTION_DAYS['account'] must be a whole number of days, not 'forever'.",
    }
