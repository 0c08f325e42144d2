"""Advice questions from residents, professionals and volunteers, and the page that asks them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.form_pages import FormPage

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


class AdviceQuestionPage(FormPage):
    """A page with the advice question form. Anonymous questions are welcome."""

    # A path, not the class: the form imports this module's AdviceQuestion.
    form_class = "portal.advice.forms.AdviceQuestionForm"
    parent_page_types = ["portal.HomePage", "portal.AudiencePage", "portal.StandardPage"]

    class Meta:
        verbose_name = _("advice question page")
