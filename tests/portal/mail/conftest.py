"""Shared values for the outbox tests."""

BROKEN = "tests.portal.mail.broken_backend.BrokenBackend"
