"""Signing in adopts the anonymous learner the browser carries (courses/services/learning.py)."""

from allauth.account.signals import user_logged_in
from django.dispatch import receiver

from .services import learning


@receiver(user_logged_in, dispatch_uid="courses-adopt-learner")
def adopt_anonymous_learner(sender, request, user, **kwargs) -> None:
    if request is not None:
        learning.adopt_from_request(request, user)
