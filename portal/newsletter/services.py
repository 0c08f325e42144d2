"""Use cases of the newsletter: sign up, confirm, unsubscribe (double opt-in)."""

import hashlib
import secrets
from datetime import timedelta

from django.core import signing
from django.db import transaction
from django.utils import timezone

from portal.mail.services import absolute_url, send_templated_mail
from portal.privacy import retention

from .models import NewsletterSubscription

UNSUBSCRIBE_SALT = "portal.newsletter.unsubscribe"


class InvalidToken(Exception):
    """The link is unknown, expired or already used."""


def confirmation_valid_for() -> timedelta:
    # An unconfirmed address is forgotten after the owner's retention (privacy.py); the link
    # must not outlive it.
    return retention("newsletter_subscription")


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def unsubscribe_token(subscription: NewsletterSubscription) -> str:
    # Signed rather than stored, so every future newsletter can carry a working link. It holds
    # the row id only, never the address.
    return signing.dumps(subscription.pk, salt=UNSUBSCRIBE_SALT, compress=True)


def request_subscription(email: str, *, language: str) -> None:
    """Start (or restart) the double opt-in for `email`.

    Returns nothing and behaves the same for a new, pending or already confirmed address, so the
    sign-up page cannot be used to find out who is on the list.
    """
    email = email.strip().lower()
    now = timezone.now()
    token = secrets.token_urlsafe(32)
    with transaction.atomic():
        subscription, created = NewsletterSubscription.objects.select_for_update().get_or_create(
            email=email,
            defaults={"language": language, "token_hash": _hash(token), "token_created_at": now},
        )
        if not created:
            if subscription.is_active:
                # Already subscribed: nothing to confirm, and no mail that could be used to
                # flood someone's inbox.
                return
            subscription.language = language
            subscription.token_hash = _hash(token)
            subscription.token_created_at = now
            subscription.confirmed_at = None
            subscription.unsubscribed_at = None
            subscription.save()
        _send_confirmation(subscription, token)


def _send_confirmation(subscription: NewsletterSubscription, token: str) -> None:
    # The links lead to the pages in the subscriber's language.
    language = subscription.language
    confirm_url = absolute_url("newsletter:confirm", args=(token,), language=language)
    unsubscribe_url = absolute_url(
        "newsletter:unsubscribe", args=(unsubscribe_token(subscription),), language=language
    )
    send_templated_mail(
        "mail/newsletter/confirm",
        {
            "confirm_url": confirm_url,
            "unsubscribe_url": unsubscribe_url,
            "valid_days": confirmation_valid_for().days,
        },
        subscription.email,
        language=subscription.language,
        # Unsent by the time the link expires: dropped from the outbox, not sent late.
        useful_for=confirmation_valid_for(),
    )


def _pending_for_token(token: str) -> NewsletterSubscription:
    cutoff = timezone.now() - confirmation_valid_for()
    subscription = NewsletterSubscription.objects.filter(
        token_hash=_hash(token), token_created_at__gte=cutoff
    ).first()
    if subscription is None or not token:
        raise InvalidToken
    return subscription


def check_confirmation_token(token: str) -> None:
    """Raise InvalidToken unless `token` can still confirm a subscription."""
    _pending_for_token(token)


def confirm(token: str) -> NewsletterSubscription:
    subscription = _pending_for_token(token)
    subscription.confirmed_at = timezone.now()
    subscription.unsubscribed_at = None
    # One use only: the link in the mailbox stops working once it did its job.
    subscription.token_hash = ""
    subscription.save(update_fields=["confirmed_at", "unsubscribed_at", "token_hash"])
    return subscription


def _subscription_for_unsubscribe(token: str) -> NewsletterSubscription:
    try:
        pk = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature as error:
        raise InvalidToken from error
    subscription = NewsletterSubscription.objects.filter(pk=pk).first()
    if subscription is None:
        raise InvalidToken
    return subscription


def check_unsubscribe_token(token: str) -> None:
    _subscription_for_unsubscribe(token)


def unsubscribe(token: str) -> None:
    subscription = _subscription_for_unsubscribe(token)
    if subscription.unsubscribed_at is None:
        subscription.unsubscribed_at = timezone.now()
        subscription.token_hash = ""
        subscription.save(update_fields=["unsubscribed_at", "token_hash"])
