"""Workshops: a test-only domain app that plugs into Steiger through every door, and nothing else.

Installed by tests/settings.py only, and named nowhere in portal/ (tests/workshops/tests/
test_not_in_portal.py checks that). It has the shape a real domain app (courses) would have: a
catalogue page type, a snippet with live numbers, bookings with personal data, role grants in a
data migration, demo content, a form page with a confirmation email, and views that declare
what they need (second factor, never stored, live numbers, query parameters).
"""
