import pytest

from portal.advice.models import AdviceQuestionPage


@pytest.fixture
def advice_page(home) -> AdviceQuestionPage:
    page = AdviceQuestionPage(
        title="Stel je vraag",
        slug="vraag",
        intro="Heb je een vraag? Stel hem hier.",
        thank_you_text="We antwoorden binnen vijf werkdagen.",
    )
    home.add_child(instance=page)
    return page


@pytest.fixture
def outbox_email(settings):
    """Send email the production way: stored in the outbox, delivered by a task on commit."""
    settings.EMAIL_BACKEND = "portal.mail.backend.OutboxBackend"
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    return settings
