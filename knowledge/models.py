"""The knowledge base's page types: an index that browses articles by theme and audience, and
the articles themselves."""

import datetime

from django.db import models
from django.http import HttpRequest
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.models import TaggableMixin
from portal.page_cache import CachePolicy

from . import article_lookups, metadata, services
from .blocks import KnowledgeBodyBlock
from .downloads import Download, DownloadsPage  # noqa: F401 (their own module)
from .listing_pages import UnstoredMadeUpListingMixin

# Bounded: a label slug (or nothing, the form's "all" choice) and a page number below 1000.
SLUG_VALUE = r"[a-z0-9-]{0,80}"


class KnowledgeIndexPage(UnstoredMadeUpListingMixin, Page):
    """The knowledge base: its articles, newest first, to browse by theme and audience."""

    intro = models.TextField(_("introduction"), blank=True)

    # The filters and the page number are what this page varies on: those listings are cached;
    # any other parameter, or a value outside these patterns, is served but never stored.
    cache_policy = CachePolicy(
        query={
            services.PAGE_PARAMETER: r"[1-9][0-9]{0,2}",
            services.THEME_PARAMETER: SLUG_VALUE,
            services.AUDIENCE_PARAMETER: SLUG_VALUE,
        }
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["portal.HomePage", "portal.AudiencePage"]
    subpage_types = ["knowledge.ArticlePage", "knowledge.MeldcodePage", "knowledge.DownloadsPage"]

    class Meta:
        verbose_name = _("knowledge base")

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        listing = services.article_listing(self, ArticlePage.objects.child_of(self), request.GET)
        context["listing"] = listing
        context["other_guides"] = services.other_guides(self, ArticlePage)
        context.update(metadata.page_metadata(self, request, query=listing.own_query))
        return context


class ArticlePage(TaggableMixin, Page):
    """An article: what is going on, how to recognise it and what the reader can do."""

    intro = models.TextField(_("introduction"))
    body = StreamField(KnowledgeBodyBlock(), verbose_name=_("body"), blank=True)
    last_reviewed = models.DateField(
        _("last reviewed"),
        default=datetime.date.today,
        help_text=_("When an editor last checked that this article is still correct."),
    )
    author_organisation = models.CharField(
        _("author organisation"),
        max_length=200,
        blank=True,
        help_text=_("The organisation that wrote or checked the article."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("last_reviewed"), FieldPanel("author_organisation")],
            heading=_("Accountability"),
        ),
        MultiFieldPanel(TaggableMixin.taxonomy_panels, heading=_("Tags")),
    ]
    promote_panels = Page.promote_panels
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("author_organisation"),
        index.FilterField("last_reviewed"),
        index.RelatedFields("themes", [index.SearchField("name")]),
        index.RelatedFields("audiences", [index.SearchField("name")]),
        index.RelatedFields("municipalities", [index.SearchField("name")]),
    ]
    parent_page_types = ["knowledge.KnowledgeIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    @cached_property
    def reading_minutes(self) -> int:
        body_text = services.stream_text(list(self.body.raw_data))
        return services.reading_minutes(services.count_words(self.intro, *body_text))

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        if getattr(request, "is_preview", False):
            # A draft's tags are held in memory until it is published.
            themes, audiences = list(self.themes.all()), list(self.audiences.all())
            keys = [theme.translation_key for theme in themes]
            related = article_lookups.related_content(self, keys)
        else:
            found = article_lookups.tags_and_related(self)
            themes, audiences, related = found.themes, found.audiences, found.related
        context["themes"] = themes
        context["audiences"] = audiences
        # The theme and audience links all lead to the index: its address is worked out once.
        context["knowledge_index_url"] = self.get_parent().get_url(request)
        context["related_articles"] = related.articles
        context["related_elsewhere"] = related.elsewhere
        context.update(metadata.page_metadata(self, request))
        context["structured_data"] = metadata.article_structured_data(
            self, context["canonical_url"], context["language_code"], themes
        )
        return context


from .meldcode import MeldcodePage  # noqa: E402, F401  (its own module; registered here)
