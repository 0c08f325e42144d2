from .gone import GonePage
from .pages import AudiencePage, HomePage, StandardPage
from .review import ReviewReminderWeek
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
    "GonePage",
    "HomePage",
    "Municipality",
    "PrivacyStatementPage",
    "ReviewReminderWeek",
    "SafetySettings",
    "StandardPage",
    "TaggableMixin",
    "Theme",
]
