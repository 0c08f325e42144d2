"""The choices a download is described by: what kind of document it is and its language."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    FACTSHEET = "factsheet", _("Factsheet")
    BROCHURE = "brochure", _("Brochure")
    LEAFLET = "leaflet", _("Leaflet")
    POSTER = "poster", _("Poster")
    GUIDE = "guide", _("Guide")
    CHECKLIST = "checklist", _("Checklist")


class DocumentLanguage(models.TextChoices):
    """The language a document is written in: residents' brochures exist in many more
    languages than the site's two. ISO 639-1 codes, as in a lang attribute."""

    DUTCH = "nl", _("Dutch")
    ENGLISH = "en", _("English")
    ARABIC = "ar", _("Arabic")
    TURKISH = "tr", _("Turkish")
    POLISH = "pl", _("Polish")
    UKRAINIAN = "uk", _("Ukrainian")
    TIGRINYA = "ti", _("Tigrinya")
    SOMALI = "so", _("Somali")
    PERSIAN = "fa", _("Persian")
    ROMANIAN = "ro", _("Romanian")
    BULGARIAN = "bg", _("Bulgarian")
    SPANISH = "es", _("Spanish")
    FRENCH = "fr", _("French")
    GERMAN = "de", _("German")


# Written right to left: a title in one of these gets dir="rtl" next to its lang attribute.
RIGHT_TO_LEFT = frozenset({DocumentLanguage.ARABIC, DocumentLanguage.PERSIAN})
