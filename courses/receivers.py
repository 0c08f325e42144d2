"""Signing in adopts the anonymous learner the browser carries (courses/services/learning.py);
an account's learner takes its certificates along when it is deleted (courses/privacy.py)."""

from allauth.account.signals import user_logged_in
from django.db.models.signals import pre_delete
from django.dispatch import receiver

from .models import Certificate, Learner
from .services import learning


@receiver(user_logged_in, dispatch_uid="courses-adopt-learner")
def adopt_anonymous_learner(sender, request, user, **kwargs) -> None:
    if request is not None:
        learning.adopt_from_request(request, user)


@receiver(pre_delete, sender=Learner, dispatch_uid="courses-learner-certificates")
def delete_account_certificates(sender, instance: Learner, **kwargs) -> None:
    """A deleted account's certificates go with it, however the account is deleted (the
    privacy eraser, an administrator, the cascade from the user). An anonymous learner's stay:
    purging an unused record must not make a certificate someone handed out unverifiable."""
    if instance.user_id is not None:
        Certificate.objects.filter(learner=instance).delete()
