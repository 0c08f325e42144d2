"""Use cases of the outbox: queue a message, deliver it, retry failed ones."""

import base64
import email
import email.utils
import logging
from datetime import timedelta
from email.message import Message

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives, mailers
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .models import OutboxMessage
from .usefulness import current_usefulness

# The MAILERS alias that actually sends; "default" is the outbox itself.
DELIVERY_MAILER = "delivery"

logger = logging.getLogger(__name__)

# A message still pending or "sending" after this long lost its task (worker restart, queue
# outage): retry_failed_email picks it up too.
STALE_AFTER = timedelta(minutes=15)


def _recipient_index(addresses: list[str]) -> str:
    return "," + ",".join(address.strip().lower() for address in addresses) + ","


def _bare_address(address: str) -> str:
    return email.utils.parseaddr(address)[1] or address


def _serialise_attachment(attachment) -> dict:
    if isinstance(attachment, Message):
        return {"mime_b64": base64.b64encode(attachment.as_bytes()).decode("ascii")}
    filename, content, mimetype = attachment
    raw = content.encode() if isinstance(content, str) else bytes(content)
    return {
        "filename": filename,
        "mimetype": mimetype,
        "content_b64": base64.b64encode(raw).decode("ascii"),
    }


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


def queue_message(message: EmailMessage) -> OutboxMessage:
    """Store `message` and deliver it by task once the surrounding transaction commits."""
    recipients = [_bare_address(address) for address in message.recipients()]
    outbox = OutboxMessage.objects.create(
        useful_until=timezone.now() + current_usefulness(),
        subject=str(message.subject),
        body=str(message.body),
        content_subtype=message.content_subtype,
        alternatives=[
            {"content": str(content), "mimetype": mimetype}
            for content, mimetype in getattr(message, "alternatives", [])
        ],
        from_email=message.from_email or settings.DEFAULT_FROM_EMAIL,
        to=list(message.to),
        cc=list(message.cc),
        bcc=list(message.bcc),
        reply_to=list(message.reply_to),
        headers={str(key): str(value) for key, value in message.extra_headers.items()},
        attachments=[_serialise_attachment(attachment) for attachment in message.attachments],
        recipient_index=_recipient_index(recipients),
    )
    # robust=True: if the queue itself is down the request still succeeds; the message stays
    # pending and retry_failed_email sends it later.
    transaction.on_commit(lambda: enqueue_delivery(outbox.pk), robust=True)
    return outbox


def enqueue_delivery(message_id: int) -> None:
    from .tasks import deliver_outbox_message

    deliver_outbox_message.enqueue(message_id)


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


def retry_failed(now=None) -> int:
    """Enqueue delivery of failed messages and of pending ones whose task got lost.

    Messages past their usefulness are dropped first: they are never retried.
    """
    now = now or timezone.now()
    drop_useless(now)
    stale = now - STALE_AFTER
    ids = list(
        OutboxMessage.objects.filter(status=OutboxMessage.Status.FAILED).values_list(
            "pk", flat=True
        )
    )
    stuck = OutboxMessage.objects.filter(
        status__in=[OutboxMessage.Status.PENDING, OutboxMessage.Status.SENDING],
        created_at__lt=stale,
    ).exclude(last_attempt_at__gte=stale)
    stuck_ids = list(stuck.values_list("pk", flat=True))
    # A message stuck in "sending" gets its claim released so deliver() can take it again.
    OutboxMessage.objects.filter(pk__in=stuck_ids).update(status=OutboxMessage.Status.PENDING)
    for message_id in [*ids, *stuck_ids]:
        enqueue_delivery(message_id)
    return len(ids) + len(stuck_ids)
