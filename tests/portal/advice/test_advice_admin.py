"""Coordinators read advice questions in the Wagtail admin and mark them answered."""

import time

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
)
from django.contrib.auth.models import Permission
from django.urls import reverse

from portal.accounts.models import User
from portal.advice.models import AdviceQuestion
from portal.advice.services import submit_advice_question

PASSWORD = "koffie-met-slagroom-42"


@pytest.fixture
def coordinator_client(client, locales):
    """A staff user who signed in through allauth with password and a TOTP code."""
    user = User.objects.create_user(email="coordinator@example.org", password=PASSWORD)
    user.is_staff = True
    user.save()
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_advicequestion"),
        Permission.objects.get(codename="change_advicequestion"),
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    secret = generate_totp_secret()
    TOTP.activate(user, secret)

    client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    code = format_hotp_value(hotp_value(secret, int(time.time()) // 30))
    client.post(reverse("mfa_authenticate"), {"code": code})
    return client


@pytest.fixture
def question(locales):
    return submit_advice_question(
        role=AdviceQuestion.Role.PROFESSIONAL,
        question="Hoe pak ik stap 2 van de meldcode aan?",
        locale=locales["nl"],
    )


def test_coordinator_reads_the_question_in_the_admin(coordinator_client, question):
    listing = coordinator_client.get(reverse("advice_questions:index"))
    assert listing.status_code == 200
    assert question.reference in listing.content.decode()

    detail = coordinator_client.get(reverse("advice_questions:inspect", args=[question.pk]))
    assert detail.status_code == 200
    assert "Hoe pak ik stap 2 van de meldcode aan?" in detail.content.decode()


def test_coordinator_marks_a_question_answered(coordinator_client, question):
    response = coordinator_client.post(
        reverse("advice_questions:edit", args=[question.pk]), {"status": "answered"}
    )

    assert response.status_code == 302
    question.refresh_from_db()
    assert question.status == AdviceQuestion.Status.ANSWERED
    assert question.answered_at is not None


def test_admin_is_closed_to_the_public(client, question):
    response = client.get(reverse("advice_questions:inspect", args=[question.pk]))
    assert response.status_code == 302
    assert question.question not in response.content.decode()
