"""Test data for the newsletter: the sign-up page, and subscriptions in each state.

page = NewsletterSignupPageFactory(parent=home)
pending = NewsletterSubscriptionFactory()                   # signed up, not yet confirmed
reader = NewsletterSubscriptionFactory(confirmed=True)      # confirmed, receives the newsletter
"""

import factory
from django.utils import timezone

from portal.factories import PortalPageFactory

from .models import NewsletterSignupPage, NewsletterSubscription


class NewsletterSignupPageFactory(PortalPageFactory):
    title = "Nieuwsbrief"
    slug = "nieuwsbrief-aanmelden"
    thank_you_text = "Tot snel in uw inbox."

    class Meta:
        model = NewsletterSignupPage


class NewsletterSubscriptionFactory(factory.django.DjangoModelFactory):
    email = factory.Sequence(lambda number: f"lezer{number}@example.org")
    language = "nl"
    token_created_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = NewsletterSubscription

    class Params:
        confirmed = factory.Trait(confirmed_at=factory.SelfAttribute("token_created_at"))
