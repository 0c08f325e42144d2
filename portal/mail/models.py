"""The outbox: every email Django sends is stored here first and delivered by a task.

A message holds personal data (addresses, and a body that may mention a person's question), so
it lives only as long as delivery needs: it is deleted once delivered, and a message that could
not be delivered before `useful_until` (its link expired, or the outbox's retention
passed; see portal/mail/usefulness.py) is dropped unsent.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OutboxMessage(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        SENDING = "sending", _("Sending")
        FAILED = "failed", _("Failed")

    created_at = models.DateTimeField(_("created at"), auto_now_add=True, db_index=True)
    # After this the message is no use to its recipient: it is deleted instead of sent.
    useful_until = models.DateTimeField(_("useful until"), null=True, blank=True, db_index=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_attempt_at = models.DateTimeField(_("last attempt at"), null=True, blank=True)
    # The exception class only: an SMTP error message may quote the addresses.
    last_error = models.CharField(_("last error"), max_length=200, blank=True)

    subject = models.TextField(_("subject"), blank=True)
    body = models.TextField(_("body"), blank=True)
    content_subtype = models.CharField(max_length=20, default="plain")
    alternatives = models.JSONField(default=list, blank=True)  # [{"content", "mimetype"}]
    from_email = models.TextField(_("from"), blank=True)
    to = models.JSONField(_("to"), default=list, blank=True)
    cc = models.JSONField(default=list, blank=True)
    bcc = models.JSONField(default=list, blank=True)
    reply_to = models.JSONField(default=list, blank=True)
    headers = models.JSONField(default=dict, blank=True)
    # [{"filename", "mimetype", "content_b64"}] or [{"mime_b64"}] for a prebuilt MIME part.
    attachments = models.JSONField(default=list, blank=True)
    # ",a@example.org,b@example.org," in lower case: lets the privacy exporter and eraser find a
    # person's messages with one portable query (JSON containment differs per database).
    recipient_index = models.TextField(editable=False, blank=True)

    class Meta:
        verbose_name = _("outgoing email")
        verbose_name_plural = _("outgoing emails")
        ordering = ["created_at"]

    def __str__(self) -> str:
        # No subject or address: this string may end up in logs.
        return f"OutboxMessage #{self.pk} ({self.status})"
