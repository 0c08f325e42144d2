"""Point the outbox's "delivery" mailer at a backend, for tests of delivery and outages."""

LOCMEM = "django.core.mail.backends.locmem.EmailBackend"
BROKEN = "tests.portal.mail.broken_backend.BrokenBackend"
OUTBOX = "portal.mail.backend.OutboxBackend"


def deliver_with(settings, backend: str) -> None:
    """Send through the outbox (as production does) and deliver with `backend`."""
    settings.MAILERS = {"default": {"BACKEND": OUTBOX}, "delivery": {"BACKEND": backend}}
