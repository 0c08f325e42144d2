from .pages import AudiencePage, HomePage, StandardPage
from .site_settings import CentreSettings, CentreText, SafetySettings
from .statements import AccessibilityStatementPage, ContactPage, PrivacyStatementPage
from .taxonomy import Audience, Municipality, TaggableMixin, Theme

__all__ = [
    "AccessibilityStatementPage",
    "Audience",
    "AudiencePage",
    "CentreSettings",
    "CentreText",
    "ContactPage",
    "HomePage",
    "Municipality",
    "PrivacyStatementPage",
    "SafetySettings",
    "StandardPage",
    "TaggableMixin",
    "Theme",
]
