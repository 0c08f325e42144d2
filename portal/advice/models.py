"""Advice questions from residents, professionals and volunteers, and the page that asks them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

QUESTION_MAX_LENGTH = 3000


class AdviceQuestion(models.Model):
    class Role(models.TextChoices):
        RESIDENT = "resident", _("Resident")
        PROFESSIONAL = "professional", _("Professional")
        VOLUNTEER = "volunteer", _("Volunteer")

    class Status(models.TextChoices):
        NEW = "new", _("New")
        ANSWERED = "answered", _("Answered")

    # Random, not a sequence number: it tells nobody how many questions there are or which
    # came before, and guessing one leads nowhere.
    reference = models.CharField(_("reference"), max_length=12, unique=True, editable=False)
    created_at = models.DateTimeField(_("received at"), auto_now_add=True, db_index=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.NEW
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    role = models.CharField(_("asked as"), max_length=20, choices=Role.choices)
    question = models.TextField(_("question"), max_length=QUESTION_MAX_LENGTH)
    email = models.EmailField(_("email address"), blank=True)
    email_consent = models.BooleanField(_("consent to store the email address"), default=False)
    municipality = models.ForeignKey(
        "portal.Municipality",
        verbose_name=_("municipality"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    locale = models.ForeignKey(
        "wagtailcore.Locale",
        verbose_name=_("language"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="advice_questions",
    )

    class Meta:
        verbose_name = _("advice question")
        verbose_name_plural = _("advice questions")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.reference


class AdviceQuestionPage(Page):
    """A page with the advice question form. Anonymous questions are welcome."""

    intro = models.TextField(_("introduction"), blank=True)
    thank_you_text = models.TextField(
        _("thank-you text"),
        blank=True,
        help_text=_("Shown with the reference after a question was sent."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("thank_you_text")]
    parent_page_types = ["portal.HomePage", "portal.AudiencePage", "portal.StandardPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("advice question page")

    def serve(self, request, *args, **kwargs):
        from .views import serve_advice_page

        return serve_advice_page(self, request, *args, **kwargs)
