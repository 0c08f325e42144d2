"""The default mailer: store every message in the outbox and deliver it with a task after commit.

A request never talks to the mail server, so an email outage cannot turn a form post into an
error; the message waits in the outbox for `manage.py retry_failed_email`.
"""

from collections.abc import Sequence

from django.core.mail import EmailMessage
from django.core.mail.backends.base import BaseEmailBackend

from . import services


class OutboxBackend(BaseEmailBackend):
    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        count = 0
        for message in email_messages:
            if not message.recipients():
                continue
            services.queue_message(message)
            count += 1
        return count
