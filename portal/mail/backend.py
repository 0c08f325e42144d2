from django.core.mail.backends.locmem import EmailBackend as OutboxBackend  # noqa: F401
