"""Downloads: factsheets, brochures and posters offered on one page, each a Wagtail document
with what a visitor needs to choose it (kind, language, themes) and what the file is (type, size).

The files stay Wagtail's own documents, in collections, served through Wagtail's serve view
(settings.WAGTAILDOCS_SERVE_METHOD), so a collection's view restriction holds for every link.
What Wagtail's document model cannot carry (kind, language, themes) sits on the rows of a
DownloadsPage: the editor orders them, and they go through drafts, revisions and moderation
with the page.
"""

from django import forms
from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.documents import get_document_model_string
from wagtail.models import Orderable, Page
from wagtail.search import index

from portal.admin_forms import OwnLanguagePageForm
from portal.models import Theme
from portal.page_cache import CachePolicy

from . import download_listing, metadata
from .download_choices import DocumentLanguage, Kind
from .listing_pages import UnstoredMadeUpListingMixin


class DownloadsPageForm(OwnLanguagePageForm):
    """The page's own choosers and each download row's themes offer the labels of the page's
    language only (the rows' forms are made by the inline panel, which knows no locale)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        formset = self.formsets.get("downloads")
        if formset is not None:
            themes = Theme.objects.filter(locale=self.locale_being_edited())
            formset.form = _with_theme_choices(formset.form, themes)


def _with_theme_choices(form_class: type[forms.Form], themes) -> type[forms.Form]:
    class RowForm(form_class):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.fields["themes"].queryset = themes
            chosen = [getattr(theme, "pk", theme) for theme in self.initial.get("themes") or []]
            if chosen:
                # A translation's rows still carry the source's labels: show (and so keep) the
                # same labels in this language.
                keys = Theme.objects.filter(pk__in=chosen).values("translation_key")
                self.initial["themes"] = list(
                    themes.filter(translation_key__in=keys).values_list("pk", flat=True)
                )

    RowForm.__name__ = form_class.__name__
    return RowForm


class DownloadsPage(UnstoredMadeUpListingMixin, Page):
    """The downloads: every row a document, to filter by theme and language without
    JavaScript."""

    intro = models.TextField(_("introduction"), blank=True)

    # The two filters are what this page varies on; anything else is served, never stored.
    cache_policy = CachePolicy(
        query={
            download_listing.THEME_PARAMETER: r"[a-z0-9-]{0,80}",
            download_listing.LANGUAGE_PARAMETER: r"[a-z]{0,3}",
        }
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        InlinePanel("downloads", heading=_("Downloads"), label=_("Download")),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["knowledge.KnowledgeIndexPage", "portal.HomePage"]
    subpage_types: list[str] = []
    base_form_class = DownloadsPageForm

    class Meta:
        verbose_name = _("downloads page")
        verbose_name_plural = _("downloads pages")

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        listing = download_listing.download_listing(self, request)
        context["listing"] = listing
        context.update(metadata.page_metadata(self, request, query=listing.own_query))
        return context


class Download(Orderable, ClusterableModel):
    """One document on a downloads page, with what a visitor chooses it by."""

    page = ParentalKey(DownloadsPage, on_delete=models.CASCADE, related_name="downloads")
    # Deleting a document is a deliberate act (Wagtail first shows where it is used): its row
    # goes with it, so the page never offers a link to a file that is gone.
    document = models.ForeignKey(
        get_document_model_string(),
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("document"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.FACTSHEET)
    language = models.CharField(
        _("language of the document"),
        max_length=3,
        choices=DocumentLanguage.choices,
        default=DocumentLanguage.DUTCH,
        help_text=_(
            "The language the document is written in. Give the document a title in that "
            "language too: the page marks it so screen readers pronounce it correctly."
        ),
    )
    themes = ParentalManyToManyField(Theme, blank=True, related_name="+", verbose_name=_("themes"))
    description = models.CharField(
        _("short description"),
        max_length=250,
        blank=True,
        help_text=_("One sentence in the language of the page: who it is for, what it covers."),
    )

    panels = [
        FieldPanel("document"),
        FieldPanel("kind"),
        FieldPanel("language"),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("description"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("download")
        verbose_name_plural = _("downloads")

    def __str__(self) -> str:
        return str(self.document)
