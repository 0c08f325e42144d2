"""A delivery backend that fails like an unreachable SMTP server (test-only, the external edge)."""

import smtplib

from django.core.mail.backends.base import BaseEmailBackend


class BrokenBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        # Real SMTP errors quote addresses; the outbox must not copy them into its log.
        raise smtplib.SMTPRecipientsRefused({"centrum@example.org": (550, b"mailbox unavailable")})
