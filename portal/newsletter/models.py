"""Newsletter sign-up with double opt-in."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page


class NewsletterSubscription(models.Model):
    """One address on (or on its way to) the newsletter list.

    Only a hash of the confirmation token is stored: whoever reads the database cannot confirm
    someone else's address. Unsubscribed and never-confirmed rows are purged after
    RETENTION_DAYS["newsletter_unconfirmed"] days (see portal/newsletter/privacy.py).
    """

    email = models.EmailField(_("email address"), unique=True)
    language = models.CharField(_("language"), max_length=10, default="nl")
    token_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    created_at = models.DateTimeField(_("signed up at"), auto_now_add=True)
    token_created_at = models.DateTimeField(_("confirmation requested at"), db_index=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("newsletter subscription")
        verbose_name_plural = _("newsletter subscriptions")

    def __str__(self) -> str:
        return f"NewsletterSubscription #{self.pk}"

    @property
    def is_active(self) -> bool:
        return self.confirmed_at is not None and self.unsubscribed_at is None


class NewsletterSignupPage(Page):
    intro = models.TextField(_("introduction"), blank=True)
    thank_you_text = models.TextField(
        _("thank-you text"),
        blank=True,
        help_text=_("Shown after someone signed up; they still have to confirm by email."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("thank_you_text")]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("newsletter sign-up page")

    def serve(self, request, *args, **kwargs):
        from .views import serve_signup_page

        return serve_signup_page(self, request, *args, **kwargs)
