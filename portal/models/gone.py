"""Addresses of public pages that are gone: unpublished, expired or deleted."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Site


class GonePage(models.Model):
    """An address that served a public page until the page was unpublished or deleted.

    A visitor who follows an old link or bookmark is told the page is gone (410) and offered the
    search box and the page's themes, instead of "not found" (portal/gone.py). The row goes as
    soon as a page is published at the address again. Holds no personal data: the page's title,
    its address and its themes.
    """

    # No database constraint: deleting a site's root page deletes the site in the same
    # cascade, after the page's address was recorded; portal/gone.py removes a deleted site's
    # rows when the site goes.
    site = models.ForeignKey(
        Site, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    path = models.CharField(_("address"), max_length=1024)
    title = models.CharField(_("title"), max_length=255)
    locale = models.ForeignKey(Locale, on_delete=models.CASCADE, related_name="+")
    # Theme ids rather than a relation: a theme deleted later simply no longer shows.
    theme_ids = models.JSONField(default=list, blank=True)
    gone_at = models.DateTimeField(_("gone since"), auto_now=True)

    class Meta:
        verbose_name = _("gone page")
        verbose_name_plural = _("gone pages")
        constraints = [
            models.UniqueConstraint(fields=["site", "path"], name="gone_page_unique_address")
        ]

    def __str__(self) -> str:
        return self.path
