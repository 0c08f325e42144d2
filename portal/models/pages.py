"""The base layer's page types: home, audience landing pages and standard pages."""

from dataclasses import dataclass

from django import forms
from django.core.cache import cache
from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.admin_forms import OwnLanguagePageForm
from portal.blocks import BodyBlock
from portal.page_cache import content_version
from portal.page_lookups import private_pages_q

from .tagging import tagged_pages
from .taxonomy import Audience, TaggableMixin

HOME_SECTIONS_CACHE_SECONDS = 60 * 60


class HomePage(Page):
    """The front door: four audience entrances, featured content, search and help numbers."""

    intro = models.TextField(_("introduction"), blank=True)
    featured = StreamField(
        [("page", blocks.PageChooserBlock(label=_("page")))],
        verbose_name=_("featured"),
        blank=True,
        max_num=6,
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("featured")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    max_count_per_parent = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # A preview must show the draft's own choices; the live page uses the cached sections.
        is_preview = getattr(request, "is_preview", False)
        sections = (
            build_home_sections(self, request) if is_preview else home_sections(self, request)
        )
        context["entrances"] = sections.entrances
        # The template walks page.featured; handing it the resolved pages costs no query.
        self.featured = [("page", page) for page in sections.featured]
        return context


class AudiencePage(Page):
    """Landing page for one audience; lists what every app tagged for that audience."""

    audience = models.ForeignKey(
        Audience,
        verbose_name=_("audience"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [
        *Page.content_panels,
        # The audiences of the page's own language only (OwnLanguagePageForm), as radio buttons.
        FieldPanel("audience", widget=forms.RadioSelect),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    base_form_class = OwnLanguagePageForm
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["portal.HomePage"]

    class Meta:
        verbose_name = _("audience page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["tagged_pages"] = tagged_pages(audience=self.audience, locale=self.locale)
        return context


@dataclass(frozen=True)
class HomeSections:
    """The pages the home page links to: audience entrances and featured pages (live, public)."""

    entrances: tuple[Page, ...]
    featured: tuple[Page, ...]


def build_home_sections(home: HomePage, request: HttpRequest | None = None) -> HomeSections:
    private = private_pages_q(request)  # pages under a view restriction, asked once
    entrances = tuple(
        AudiencePage.objects.child_of(home)
        .live()
        .exclude(private)
        .defer_streamfields()
        .order_by("path")
    )
    featured_ids = [block["value"] for block in home.featured.raw_data if block["type"] == "page"]
    found = Page.objects.live().exclude(private).in_bulk(featured_ids) if featured_ids else {}
    featured = tuple(found[pk] for pk in featured_ids if pk in found)
    return HomeSections(entrances=entrances, featured=featured)


def home_sections(home: HomePage, request: HttpRequest | None = None) -> HomeSections:
    """The home page is the most visited page: its sections are built once per content version
    (portal.page_cache), which keeps it within its budget of SQL queries (test_pages.py)."""
    key = f"portal:home:{content_version()}:{home.pk}"
    sections = cache.get(key)
    if sections is None:
        sections = build_home_sections(home, request)
        cache.set(key, sections, HOME_SECTIONS_CACHE_SECONDS)
    return sections


class StandardPage(TaggableMixin, Page):
    """A general content page: text, images, calls to action, FAQs, quotes and documents."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    show_in_footer = models.BooleanField(
        _("show in footer"),
        default=False,
        help_text=_("For fixed pages such as the privacy statement."),
    )

    promote_panels = [*Page.promote_panels, FieldPanel("show_in_footer")]
    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel(TaggableMixin.taxonomy_panels, heading=_("Tags")),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = _("standard page")
