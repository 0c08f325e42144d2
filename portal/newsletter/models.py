"""Newsletter sign-up with double opt-in."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.form_pages import FormPage


class NewsletterSubscription(models.Model):
    """One address on (or on its way to) the newsletter list.

    Only a hash of the confirmation token is stored: whoever reads the database cannot confirm
    someone else's address. Unsubscribed and never-confirmed rows are purged after
    the retention of the "newsletter_subscription" owner (portal/newsletter/privacy.py).
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


class NewsletterSignupPage(FormPage):
    # A path, not the class: the form imports this module's NewsletterSubscription.
    form_class = "portal.newsletter.forms.NewsletterSignupForm"

    class Meta:
        verbose_name = _("newsletter sign-up page")
