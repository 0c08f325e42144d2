"""An email outage never turns a sign-up into an error: the message waits in the outbox."""

from django.core import mail

from portal.accounts.models import User
from portal.mail.models import OutboxMessage
from tests.mailers import BROKEN, deliver_with

from .test_entrance import PASSWORD, _sign_up


def test_sign_up_succeeds_while_the_mail_server_is_down(
    client, db, outbox_email, django_capture_on_commit_callbacks
):
    deliver_with(outbox_email, BROKEN)

    with django_capture_on_commit_callbacks(execute=True):
        response = _sign_up(client, "tijdens-storing@example.org")

    # The visitor sees the normal next step, not an error page.
    assert response.status_code == 302
    assert response["Location"] == "/nl/account/confirm-email/"
    assert User.objects.filter(email="tijdens-storing@example.org").exists()
    # Nothing was delivered, and the verification mail is kept for a retry.
    assert mail.outbox == []
    kept = OutboxMessage.objects.get()
    assert kept.status == OutboxMessage.Status.FAILED
    assert kept.to == ["tijdens-storing@example.org"]
    assert PASSWORD not in kept.body
