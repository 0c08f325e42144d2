from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable

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
    # Site settings reach every template ({{ settings.portal.… }}), so any cached page may
    # show them (portal/page_cache.py).
    cache_invalidates = True

    class Meta:
        verbose_name = _("safety")


def content_languages() -> list[tuple[str, str]]:
    # A callable, so a change of languages does not need a migration.
    return list(settings.WAGTAIL_CONTENT_LANGUAGES)


phone_number_validator = RegexValidator(
    r"^\+?[0-9][0-9 ()-]{5,24}$",
    _("Enter a phone number with digits, spaces and dashes only, such as 013 123 45 67."),
)


@register_setting(icon="home")
class CentreSettings(ClusterableModel, BaseSiteSetting):
    """Who runs this website: the Centre's name, address and how to reach it, in one place.

    The footer, the contact page and the privacy and accessibility statements all show these
    details, so the Centre changes them here once. Texts that depend on the language (the
    Centre's name, opening hours) are kept per language in `texts`; the rest is the same in
    every language.
    """

    visiting_street = models.CharField(_("street and number"), max_length=100, blank=True)
    visiting_postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    visiting_city = models.CharField(_("town"), max_length=60, blank=True)
    postal_address = models.TextField(
        _("postal address"),
        blank=True,
        help_text=_(
            "Leave empty when letters go to the visiting address. Put each line of the "
            "address on a line of its own."
        ),
    )
    phone = models.CharField(
        _("phone number"), max_length=25, blank=True, validators=[phone_number_validator]
    )
    email = models.EmailField(_("email address"), blank=True)
    privacy_officer_email = models.EmailField(
        _("email address of the data protection officer"),
        blank=True,
        help_text=_("Shown in the privacy statement. Leave empty to use the general address."),
    )

    panels = [
        InlinePanel(
            "texts",
            heading=_("Name and opening hours per language"),
            label=_("language"),
            min_num=1,
        ),
        MultiFieldPanel(
            [
                FieldPanel("visiting_street"),
                FieldPanel("visiting_postcode"),
                FieldPanel("visiting_city"),
            ],
            heading=_("Visiting address"),
        ),
        FieldPanel("postal_address"),
        MultiFieldPanel(
            [FieldPanel("phone"), FieldPanel("email"), FieldPanel("privacy_officer_email")],
            heading=_("Contact"),
        ),
    ]
    # Every cached page shows these in its footer (portal/page_cache.py).
    cache_invalidates = True

    class Meta:
        verbose_name = _("the Centre")

    def text_for(self, language_code: str) -> "CentreText | None":
        """The texts in this language, else in the site's default language, else any."""
        texts = {text.language_code: text for text in self.texts.all()}
        return (
            texts.get(language_code)
            or texts.get(settings.LANGUAGE_CODE)
            or next(iter(texts.values()), None)
        )


class CentreText(Orderable):
    """The Centre's texts in one language."""

    centre = ParentalKey(CentreSettings, on_delete=models.CASCADE, related_name="texts")
    language_code = models.CharField(_("language"), max_length=10, choices=content_languages)
    name = models.CharField(
        _("name of the Centre"),
        max_length=150,
        help_text=_("The full name, as it should appear in the footer and the statements."),
    )
    controller = models.CharField(
        _("controller"),
        max_length=200,
        blank=True,
        help_text=_(
            "Who is responsible for personal data under the GDPR, when that is not the Centre "
            "itself (for example the municipality that runs it)."
        ),
    )
    opening_hours = models.TextField(
        _("opening hours"),
        blank=True,
        help_text=_("For example: Monday to Friday, 9 am to 5 pm. Each line on a line of its own."),
    )
    visiting_note = models.CharField(
        _("visits"),
        max_length=120,
        blank=True,
        help_text=_("For example: by appointment only."),
    )

    panels = [
        FieldPanel("language_code"),
        FieldPanel("name"),
        FieldPanel("controller"),
        FieldPanel("opening_hours"),
        FieldPanel("visiting_note"),
    ]
    # Saved apart from CentreSettings (an inline panel), and shown in every footer.
    cache_invalidates = True

    class Meta(Orderable.Meta):
        verbose_name = _("text of the Centre")
        constraints = [
            models.UniqueConstraint(
                fields=["centre", "language_code"], name="portal_centretext_one_per_language"
            )
        ]

    def __str__(self) -> str:
        return self.name
