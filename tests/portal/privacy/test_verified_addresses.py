"""Issue 5, item 2: a user's data is what they made signed in or under an address they verified.

Seen in the wild: an editor set their own user.email (Wagtail's /admin/account/, no
verification) to another person's address, then downloaded and could delete that person's advice
questions. user.email proves nothing; allauth's verified EmailAddress rows do.
"""

import json

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.core.mail import send_mail
from django.utils import timezone

from portal.accounts.factories import DEFAULT_PASSWORD, UserFactory, enable_totp, totp_code
from portal.advice.models import AdviceQuestion
from portal.advice.services import submit_advice_question
from portal.mail.models import OutboxMessage
from portal.newsletter.models import NewsletterSubscription
from portal.privacy.services import export_user_data

VICTIM = "slachtoffer@example.org"


@pytest.fixture
def victims_data(locales, outbox_email):
    """What a resident left without an account: a question, a subscription, a waiting email."""
    question = submit_advice_question(
        role="resident",
        question="Mijn partner bedreigt mij",
        locale=locales["nl"],
        email=VICTIM,
        email_consent=True,
    )
    subscription = NewsletterSubscription.objects.create(
        email=VICTIM, token_created_at=timezone.now()
    )
    send_mail("Uw vraag is ontvangen", "Tekst", None, [VICTIM])
    return question, subscription


def _records(export: dict, key: str) -> list[dict]:
    return next(part["records"] for part in export["sections"] if part["key"] == key)


def _victims_rows() -> tuple[int, int, int]:
    return (
        AdviceQuestion.objects.filter(email=VICTIM).count(),
        NewsletterSubscription.objects.filter(email=VICTIM).count(),
        OutboxMessage.objects.filter(recipient_index__contains=f",{VICTIM},").count(),
    )


@pytest.fixture
def editor(db):
    """An editor who passed MFA, with their own verified address."""
    user = UserFactory(email="redacteur@example.org")
    user.groups.add(Group.objects.create(name="Testrol redactie"))
    return user


def _sign_in_with_mfa(client, user) -> None:
    secret = enable_totp(user)
    client.post("/nl/account/login/", {"login": user.email, "password": DEFAULT_PASSWORD})
    client.post("/nl/account/2fa/authenticate/", {"code": totp_code(secret)})
    assert "_auth_user_id" in client.session


def test_an_editor_who_takes_someone_elses_address_cannot_download_their_data(
    client, editor, victims_data
):
    _sign_in_with_mfa(client, editor)
    # The change Wagtail's account page allowed, without any verification.
    type(editor).objects.filter(pk=editor.pk).update(email=VICTIM)

    response = client.get("/nl/mijn-account/gegevens-downloaden/")

    assert response.status_code == 200
    export = json.loads(response.content)
    assert _records(export, "advice_question") == []
    assert _records(export, "newsletter_subscription") == []
    assert _records(export, "outbox_message") == []
    assert "Mijn partner bedreigt mij" not in response.content.decode()


def test_an_editor_who_takes_someone_elses_address_cannot_delete_their_data(
    client, editor, victims_data
):
    _sign_in_with_mfa(client, editor)
    type(editor).objects.filter(pk=editor.pk).update(email=VICTIM)
    before = _victims_rows()
    assert all(before)  # a question, a subscription and waiting emails

    response = client.post(
        "/nl/mijn-account/verwijderen/", {"password": DEFAULT_PASSWORD, "confirm": "on"}
    )

    assert response.status_code == 302
    assert not type(editor).objects.filter(pk=editor.pk).exists()
    assert _victims_rows() == before


def test_an_unverified_second_address_opens_nothing(editor, victims_data):
    EmailAddress.objects.create(user=editor, email=VICTIM, verified=False, primary=False)

    export = export_user_data(editor)

    for key in ("advice_question", "newsletter_subscription", "outbox_message"):
        assert _records(export, key) == []


def test_a_verified_address_and_what_was_made_signed_in_belong_to_the_account(
    locales, outbox_email
):
    owner = UserFactory(email="Eigenaar@Example.org")
    EmailAddress.objects.create(user=owner, email=VICTIM, verified=True, primary=False)
    signed_in = submit_advice_question(
        role="professional", question="Gesteld na inloggen", locale=locales["nl"], user=owner
    )
    NewsletterSubscription.objects.create(
        email="eigenaar@example.org", token_created_at=timezone.now()
    )
    submit_advice_question(
        role="resident",
        question="Gesteld onder het tweede adres",
        locale=locales["nl"],
        email=VICTIM.upper(),
        email_consent=True,
    )

    export = export_user_data(owner)

    questions = {record["question"] for record in _records(export, "advice_question")}
    assert questions == {"Gesteld na inloggen", "Gesteld onder het tweede adres"}
    assert [r["email"] for r in _records(export, "newsletter_subscription")] == [
        "eigenaar@example.org"
    ]
    # The confirmation email of the question under the second address waits in the outbox.
    assert len(_records(export, "outbox_message")) >= 1
    assert AdviceQuestion.objects.get(pk=signed_in.pk).user == owner
