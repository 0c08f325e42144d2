"""Test data for advice: the question page, and questions as the form stores them.

page = AdviceQuestionPageFactory(parent=home)
question = AdviceQuestionFactory(email="vrager@example.org")    # consent goes with an address
"""

import factory
from wagtail.models import Locale

from portal.factories import PortalPageFactory

from .models import AdviceQuestion, AdviceQuestionPage
from .services import new_reference


class AdviceQuestionPageFactory(PortalPageFactory):
    title = "Stel uw vraag"
    slug = "vraag"
    intro = "Heeft u een vraag? Stel hem hier."
    thank_you_text = "We antwoorden binnen vijf werkdagen."

    class Meta:
        model = AdviceQuestionPage


class AdviceQuestionFactory(factory.django.DjangoModelFactory):
    """An anonymous question asked on the Dutch site (pass `locale` for another language)."""

    reference = factory.LazyFunction(new_reference)
    role = AdviceQuestion.Role.RESIDENT
    question = "Mijn buurjongen huilt vaak. Wat kan ik doen?"
    email = ""
    email_consent = factory.LazyAttribute(lambda question: bool(question.email))
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = AdviceQuestion
