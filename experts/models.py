"""The awareness-session offer and the expert pool on the public site.

- AwarenessIndexPage: the offer for schools, sports clubs and organisations, with the request
  form and the pool page below it.
- AwarenessOfferPage: one session (for whom, what it does, duration, who comes, what the host
  arranges) with "request this session".
- ExpertPoolPage: introduces the experts by their public profiles, and nothing else of them.
- SessionRequestPage: the one request form (the form-page door, portal/form_pages.py).

The records (experts, profiles, requests, invitations...) are in experts/records.py.
"""

from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.blocks import RICH_TEXT_FEATURES, BodyBlock
from portal.form_pages import FormPage
from portal.models import TaggableMixin, Theme

from .choices import AgeGroup, HostKind, WhoComes
from .records import (  # noqa: F401 (registers the records with this app's models)
    ExpenseClaim,
    Expert,
    ExpertPause,
    ExpertProfile,
    Feedback,
    Invitation,
    RequestEvent,
    RequestMessage,
    SessionRequest,
)

# The query parameter that preselects an offer on the request form.
OFFER_PARAMETER = "aanbod"


class AwarenessIndexPage(Page):
    """What the Centre offers schools, sports clubs and organisations."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["portal.HomePage", "portal.AudiencePage", "portal.StandardPage"]
    subpage_types = [
        "experts.AwarenessOfferPage",
        "experts.ExpertPoolPage",
        "experts.SessionRequestPage",
    ]

    class Meta:
        verbose_name = _("awareness sessions")

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        children = self.get_children().live().public().specific()
        context["offers"] = [page for page in children if isinstance(page, AwarenessOfferPage)]
        context["pool_page"] = next(
            (page for page in children if isinstance(page, ExpertPoolPage)), None
        )
        context["request_page"] = next(
            (page for page in children if isinstance(page, SessionRequestPage)), None
        )
        return context


class AwarenessOfferPage(TaggableMixin, Page):
    """One awareness session the Centre offers, with a link to request it."""

    intro = models.TextField(_("introduction"))
    host_kind = models.CharField(_("for"), max_length=20, choices=HostKind.choices)
    age_groups = models.JSONField(_("age groups"), default=list, blank=True)
    duration_minutes = models.PositiveSmallIntegerField(_("duration in minutes"), default=60)
    who_comes = models.CharField(
        _("who comes"), max_length=10, choices=WhoComes.choices, default=WhoComes.BOTH
    )
    body = StreamField(BodyBlock(), verbose_name=_("what the session does"), blank=True)
    host_arranges = RichTextField(
        _("what the host arranges"), features=RICH_TEXT_FEATURES, blank=True
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("host_kind"),
                FieldPanel("age_groups"),
                FieldPanel("duration_minutes"),
                FieldPanel("who_comes"),
            ],
            heading=_("For whom"),
        ),
        FieldPanel("body"),
        FieldPanel("host_arranges"),
        MultiFieldPanel(TaggableMixin.taxonomy_panels, heading=_("Tags")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro", boost=2),
        index.SearchField("body"),
        index.SearchField("host_arranges"),
        index.FilterField("host_kind"),
    ]
    parent_page_types = ["experts.AwarenessIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("awareness session offer")

    def age_group_labels(self) -> list[str]:
        labels = dict(AgeGroup.choices)
        return [str(labels[value]) for value in self.age_groups if value in labels]

    def request_page(self) -> "SessionRequestPage | None":
        return SessionRequestPage.objects.sibling_of(self).live().first()

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        request_page = self.request_page()
        context["request_url"] = (
            f"{request_page.url}?{OFFER_PARAMETER}={self.pk}" if request_page else None
        )
        return context


class ExpertPoolPage(Page):
    """The experts, introduced by what each approved for the public."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["experts.AwarenessIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("expert pool")

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        profiles = list(
            ExpertProfile.objects.public()
            .select_related("photo", "expert")
            .prefetch_related("themes")
            .only(
                "pk",
                "pseudonym",
                "short_story",
                "photo",
                "expert__consent_photo",
            )
        )
        # Profiles carry the Dutch terms; the page names them in its own language.
        names = dict(
            Theme.objects.filter(locale_id=self.locale_id).values_list("translation_key", "name")
        )
        for profile in profiles:
            profile.theme_names = [
                names.get(theme.translation_key, theme.name) for theme in profile.themes.all()
            ]
        context["profiles"] = profiles
        return context


class SessionRequestPage(FormPage):
    """The one request form for schools, clubs and organisations."""

    form_class = "experts.forms.SessionRequestForm"
    parent_page_types = ["experts.AwarenessIndexPage"]

    class Meta:
        verbose_name = _("request form")

    def chosen_offer(self, request: HttpRequest) -> "AwarenessOfferPage | None":
        """The offer named in the address (?aanbod=12) or in the form sent, when it is live;
        looked up once per request (the context and the form's start both ask)."""
        if not hasattr(request, "_steiger_chosen_offer"):
            request._steiger_chosen_offer = self._find_offer(request)
        return request._steiger_chosen_offer

    def _find_offer(self, request: HttpRequest) -> "AwarenessOfferPage | None":
        raw = request.POST.get("offer") if request.method == "POST" else None
        raw = raw or request.GET.get(OFFER_PARAMETER, "")
        if not raw.isdigit() or len(raw) > 9:
            return None
        return (
            AwarenessOfferPage.objects.live()
            .public()
            .filter(pk=int(raw))
            .prefetch_related("themes")
            .first()
        )

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        context["offer"] = self.chosen_offer(request)
        return context

    def render_form_page(self, request: HttpRequest, *, form=None, thank_you=None):
        offer = self.chosen_offer(request) if form is not None and not form.is_bound else None
        if offer is not None:
            # Start from what the offer says; the requester can change each of these.
            themes = [theme for theme in offer.themes.all() if theme.locale_id == self.locale_id]
            form.initial.update(
                {
                    "offer": offer.pk,
                    "host_kind": offer.host_kind,
                    "theme": themes[0].pk if themes else None,
                    "age_group": offer.age_groups[0] if len(offer.age_groups) == 1 else "",
                }
            )
        return super().render_form_page(request, form=form, thank_you=thank_you)
