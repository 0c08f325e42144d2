import pytest


@pytest.fixture
def outbox_email(settings):
    """Send email the production way: stored in the outbox, delivered by a task on commit."""
    settings.EMAIL_BACKEND = "portal.mail.backend.OutboxBackend"
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    return settings


BROKEN = "tests.portal.mail.broken_backend.BrokenBackend"
