from .pages import AudiencePage, HomePage, StandardPage
from .site_settings import SafetySettings
from .taxonomy import Audience, Municipality, TaggableMixin, Theme

__all__ = [
    "Audience",
    "AudiencePage",
    "HomePage",
    "Municipality",
    "SafetySettings",
    "StandardPage",
    "TaggableMixin",
    "Theme",
]
