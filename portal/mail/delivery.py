"""Deliver one outbox message: what the delivery task runs (portal/mail/tasks.py).

Kept apart from services.py, which queues messages and enqueues this task: the task module
imports this one and services imports the task, so neither waits on the other.
"""

import base64
import email
import logging
from email.message import Message

from django.core.mail import EmailMultiAlternatives, mailers
from django.db.models import Q
from django.utils import timezone

from .models import OutboxMessage

# The MAILERS alias that actually sends; "default" is the outbox itself.
DELIVERY_MAILER = "delivery"

logger = logging.getLogger(__name__)


def _deserialise_attachment(data: dict):
    if "mime_b64" in data:
        return email.message_from_bytes(base64.b64decode(data["mime_b64"]))
    content = base64.b64decode(data["content_b64"])
    mimetype = data.get("mimetype") or ""
    if mimetype.startswith("text/"):
        try:
            return (data["filename"], content.decode(), mimetype)
        except UnicodeDecodeError:
            pass
    return (data["filename"], content, mimetype)


def to_email_message(outbox: OutboxMessage) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=outbox.subject,
        body=outbox.body,
        from_email=outbox.from_email,
        to=outbox.to,
        cc=outbox.cc,
        bcc=outbox.bcc,
        reply_to=outbox.reply_to,
        headers=outbox.headers,
        alternatives=[(item["content"], item["mimetype"]) for item in outbox.alternatives],
    )
    message.content_subtype = outbox.content_subtype
    for attachment in outbox.attachments:
        data = _deserialise_attachment(attachment)
        if isinstance(data, Message):
            message.attach(data)
        else:
            message.attach(*data)
    return message


def _no_longer_useful(now):
    return Q(useful_until__lte=now)


def drop_useless(now=None) -> int:
    """Delete, unsent, every message whose usefulness has passed; returns how many."""
    count = OutboxMessage.objects.filter(_no_longer_useful(now or timezone.now())).delete()[0]
    if count:
        logger.info("Dropped %s outbox message(s) that were no longer useful", count)
    return count


def deliver(message_id: int) -> bool:
    """Send one outbox message with the "delivery" mailer; True when it was delivered.

    Never raises on a delivery failure: the message is marked failed with its attempt count and
    waits for a retry. A message past its usefulness is deleted instead of sent. The log names
    the message id only, never an address.
    """
    now = timezone.now()
    if OutboxMessage.objects.filter(pk=message_id).filter(_no_longer_useful(now)).delete()[0]:
        logger.info("Outbox message %s dropped: no longer useful", message_id)
        return False
    claimed = OutboxMessage.objects.filter(
        pk=message_id,
        status__in=[OutboxMessage.Status.PENDING, OutboxMessage.Status.FAILED],
    ).update(status=OutboxMessage.Status.SENDING, last_attempt_at=now)
    if not claimed:
        # Already delivered (and deleted), purged, or being sent by another worker.
        return False
    outbox = OutboxMessage.objects.get(pk=message_id)
    try:
        # The "delivery" mailer raises on failure (no fail_silently), so the message is kept.
        connection = mailers[DELIVERY_MAILER]
        connection.send_messages([to_email_message(outbox)])
    except Exception as error:
        OutboxMessage.objects.filter(pk=message_id).update(
            status=OutboxMessage.Status.FAILED,
            attempts=outbox.attempts + 1,
            last_error=type(error).__name__[:200],
        )
        logger.warning(
            "Delivery of outbox message %s failed (attempt %s): %s",
            message_id,
            outbox.attempts + 1,
            type(error).__name__,
        )
        return False
    # Delivered: the message has done its job, so its personal data goes.
    OutboxMessage.objects.filter(pk=message_id).delete()
    logger.info("Outbox message %s delivered", message_id)
    return True
