from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

DEFAULT_QUICK_EXIT_URL = "https://www.buienradar.nl/"


@register_setting(icon="warning")
class SafetySettings(BaseSiteSetting):
    """Where the quick exit sends a visitor: a neutral site that reveals nothing."""

    quick_exit_url = models.URLField(
        _("neutral site for the quick exit"),
        default=DEFAULT_QUICK_EXIT_URL,
        help_text=_(
            "The quick exit sends visitors here. Choose an everyday site, "
            "such as the weather forecast."
        ),
    )

    panels = [FieldPanel("quick_exit_url")]

    class Meta:
        verbose_name = _("safety")
