"""The base layer's personal data declarations, and Django's sessions.

This is the privacy app's own `<app>/privacy.py`. It also speaks for the `portal` app: for that
app autodiscovery finds `portal.privacy`, which is this package, so its declarations live here.
"""

from datetime import timedelta

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from . import sessions
from .registry import PersonalDataOwner, exempt, register

# Sessions belong to django.contrib.sessions, which declares nothing itself. Retention: the
# server-side life of a session (settings.SESSION_COOKIE_AGE); see sessions.py.
register(
    PersonalDataOwner(
        key="session",
        label=_("Sessions (signed-in browsers)"),
        models=["sessions.Session"],
        exporter=sessions.export,
        eraser=sessions.erase,
        default_retention=timedelta(seconds=settings.SESSION_COOKIE_AGE),
        purger=sessions.purge,
    )
)

for term in ("portal.Theme", "portal.Audience", "portal.Municipality"):
    exempt(term, fields=["name"], reason="the name of a label editors keep, not of a person")
exempt(
    "portal.CentreSettings",
    fields=["email", "privacy_officer_email", "phone"],
    reason="the Centre's own addresses and number, published in every footer",
)
exempt("portal.CentreText", fields=["name"], reason="the Centre's name")
exempt(
    "portal.AccessibilityStatementPage",
    fields=["ombudsman_name"],
    reason="the name of the ombudsman institution the statement refers to",
)
