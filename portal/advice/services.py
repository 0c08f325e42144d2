"""Use cases of the advice question: submit one, mark it answered."""

import secrets

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.models import Locale

from portal.mail.services import absolute_url, send_templated_mail
from portal.models import Municipality

from .models import AdviceQuestion

# No 0/O, 1/I/L: a reference is read aloud on the phone and typed over from an email.
REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
REFERENCE_LENGTH = 6
REFERENCE_PREFIX = "AV-"


class AdviceQuestionError(Exception):
    """The question could not be stored."""


def new_reference() -> str:
    return REFERENCE_PREFIX + "".join(
        secrets.choice(REFERENCE_ALPHABET) for _ in range(REFERENCE_LENGTH)
    )


def submit_advice_question(
    *,
    role: str,
    question: str,
    locale: Locale,
    email: str = "",
    email_consent: bool = False,
    municipality: Municipality | None = None,
    user=None,
) -> AdviceQuestion:
    """Store a question, notify the Centre and, if an address was given, confirm to the sender.

    The address is stored only with consent. Emails go through the outbox, so a mail outage
    does not lose the question or fail the request.
    """
    email = email.strip() if email_consent else ""
    for _attempt in range(5):
        try:
            with transaction.atomic():
                advice_question = AdviceQuestion.objects.create(
                    reference=new_reference(),
                    role=role,
                    question=question.strip(),
                    email=email,
                    email_consent=bool(email),
                    municipality=municipality,
                    locale=locale,
                    user=user if user is not None and user.is_authenticated else None,
                )
            break
        except IntegrityError:
            # A reference collision (about one in 900 million): draw another one.
            continue
    else:
        raise AdviceQuestionError("Could not draw a unique reference.")
    _notify(advice_question)
    return advice_question


def _notify(advice_question: AdviceQuestion) -> None:
    admin_url = absolute_url("advice_questions:inspect", args=(advice_question.pk,))
    context = {"reference": advice_question.reference, "admin_url": admin_url}
    send_templated_mail(
        "mail/advice/centre_notification",
        context,
        settings.CENTRE_NOTIFICATION_EMAIL,
        language=settings.LANGUAGE_CODE,
    )
    if advice_question.email:
        send_templated_mail(
            "mail/advice/sender_confirmation",
            context,
            advice_question.email,
            language=advice_question.locale.language_code,
        )


def mark_answered(advice_question: AdviceQuestion) -> AdviceQuestion:
    advice_question.status = AdviceQuestion.Status.ANSWERED
    advice_question.answered_at = timezone.now()
    advice_question.save(update_fields=["status", "answered_at"])
    return advice_question
