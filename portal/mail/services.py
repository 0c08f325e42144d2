"""Use cases of the outbox: render and queue a templated message, retry failed ones.

Delivering a queued message is portal/mail/delivery.py's job (the task runs it).

An app sends its own email with one call; the templates are `<name>_subject.txt` and
`<name>.txt`, rendered in the recipient's language:

    send_templated_mail("mail/courses/booked", {"course": course.title}, booking.email,
                        language=booking.language, useful_for=timedelta(days=2))

Links in a mail: absolute_url("courses:booking", args=[booking.reference], language=...).
"""

import base64
import email
import email.utils
import logging
from contextlib import nullcontext
from datetime import timedelta
from email.message import Message

from django.conf import settings
from django.core.mail import EmailMessage, send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from . import usefulness
from .delivery import drop_useless
from .models import OutboxMessage
from .tasks import deliver_outbox_message

logger = logging.getLogger(__name__)

# A message still pending or "sending" after this long lost its task (worker restart, queue
# outage): retry_failed_email picks it up too.
STALE_AFTER = timedelta(minutes=15)


def send_templated_mail(
    template: str,
    context: dict,
    recipient: str,
    *,
    language: str,
    useful_for: timedelta | None = None,
) -> bool:
    """Render `<template>_subject.txt` and `<template>.txt` in `language` and queue the email
    for `recipient` in the outbox; True when it was queued.

    `useful_for`: how long the message is worth delivering (a link that expires); past that it
    is dropped unsent (portal/mail/usefulness.py). None: what the caller declared around this
    call, else the outbox's longest time.
    A failure to queue is logged, by template name and error class only (never the address or
    the text), and not raised: the caller's own work (a stored question) must not be lost for
    an email. URLs in `context` that depend on the language are the caller's to build in it.
    """
    with translation.override(language):
        # One line: a template's trailing newline must not end up in the Subject header.
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        body = render_to_string(f"{template}.txt", context)
    declared = usefulness.useful_for(useful_for) if useful_for is not None else nullcontext()
    try:
        with declared:
            send_mail(subject, body, None, [recipient])
    except Exception as error:
        logger.warning("Could not queue the %s email: %s", template, type(error).__name__)
        return False
    return True


def absolute_url(viewname: str, *, args: tuple = (), language: str | None = None) -> str:
    """The full address of a named URL, for a link in an email: in `language` when given (the
    recipient's), on the site's public address (settings.WAGTAILADMIN_BASE_URL)."""
    with translation.override(language) if language else nullcontext():
        path = reverse(viewname, args=args)
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


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


def queue_message(message: EmailMessage) -> OutboxMessage:
    """Store `message` and deliver it by task once the surrounding transaction commits."""
    recipients = [_bare_address(address) for address in message.recipients()]
    outbox = OutboxMessage.objects.create(
        useful_until=timezone.now() + usefulness.current_usefulness(),
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
    deliver_outbox_message.enqueue(message_id)


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
