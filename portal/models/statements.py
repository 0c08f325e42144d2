"""The Centre's fixed pages: contact, privacy statement and accessibility statement.

They show the Centre's identity (name, address, phone, email) from one place, the site
setting `CentreSettings`, so an address changes once for the footer and every statement. The
accessibility statement follows the Dutch government's model ("toegankelijkheidsverklaring",
digitoegankelijk.nl): a compliance status A-E, the date, how the site was evaluated, what is not
accessible yet with the reason and the planned fix, where to give feedback and where to go next.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.blocks import BodyBlock

NATIONAL_OMBUDSMAN_URL = "https://www.nationaleombudsman.nl/"


class _CentrePage(Page):
    """A fixed page of which each language has exactly one, right under its home page."""

    parent_page_types = ["portal.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        abstract = True


class ContactPage(_CentrePage):
    """How to reach the Centre: its details from the site settings, then free text."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = _("contact page")


class PrivacyStatementPage(_CentrePage):
    """The privacy statement; it names the controller from the Centre's settings."""

    intro = models.TextField(_("introduction"), blank=True)
    last_updated = models.DateField(_("last updated"), null=True, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("last_updated"),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = _("privacy statement")


class ComplianceStatus(models.TextChoices):
    """The compliance statuses of the Dutch model statement (digitoegankelijk.nl)."""

    A = "A", _("A: fully compliant")
    B = "B", _("B: partially compliant")
    C = "C", _("C: first measures taken")
    D = "D", _("D: no measures taken yet")
    E = "E", _("E: not compliant")


STATUS_EXPLANATIONS = {
    ComplianceStatus.A: _(
        "A full evaluation of this website, less than three years old, found that it meets "
        "every accessibility requirement."
    ),
    ComplianceStatus.B: _(
        "A full evaluation of this website, less than three years old, found that it does not "
        "yet meet every requirement. Below you read what is not accessible yet, why, and when "
        "we fix it."
    ),
    ComplianceStatus.C: _(
        "This website has not been evaluated in full yet. We took the first measures and "
        "planned a full evaluation."
    ),
    ComplianceStatus.D: _("This website has not been evaluated and no measures were taken yet."),
    ComplianceStatus.E: _("This website does not meet the accessibility requirements."),
}


class EvaluationMethod(models.TextChoices):
    WCAG_EM = "wcag-em", _("full evaluation following WCAG-EM")
    PARTIAL = "partial", _("partial evaluation")
    OWN_CHECKS = "own-checks", _("our own automated and manual checks")


class IssueReason(models.TextChoices):
    NOT_FIXED_YET = "not-fixed-yet", _("not fixed yet")
    DISPROPORTIONATE = "disproportionate", _("disproportionate burden")
    OUT_OF_SCOPE = "out-of-scope", _("outside the scope of the law")


class EvaluationBlock(blocks.StructBlock):
    """One evaluation the statement rests on."""

    date = blocks.DateBlock(label=_("date"))
    evaluator = blocks.CharBlock(label=_("carried out by"), max_length=150)
    method = blocks.ChoiceBlock(choices=EvaluationMethod.choices, label=_("method"))
    scope = blocks.TextBlock(label=_("what was evaluated"), required=False)
    report = DocumentChooserBlock(label=_("report"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Evaluation")


class KnownIssueBlock(blocks.StructBlock):
    """Something that is not accessible yet: what, for whom, why, and what we do about it."""

    problem = blocks.CharBlock(label=_("what is not accessible"), max_length=200)
    consequence = blocks.TextBlock(label=_("what this means for visitors"), required=False)
    criteria = blocks.CharBlock(
        label=_("WCAG success criteria"),
        max_length=200,
        required=False,
        help_text=_("For example: 3.1.2 Language of parts."),
    )
    reason = blocks.ChoiceBlock(choices=IssueReason.choices, label=_("reason"))
    cause = blocks.TextBlock(label=_("cause"), required=False)
    fix = blocks.TextBlock(label=_("what we do about it"))
    fixed_by = blocks.DateBlock(label=_("planned to be fixed by"), required=False)

    class Meta:
        icon = "warning"
        label = _("Known issue")


class WcagVersion(models.TextChoices):
    WCAG_21 = "2.1", "WCAG 2.1"
    WCAG_22 = "2.2", "WCAG 2.2"


class AccessibilityStatementPage(_CentrePage):
    """The accessibility statement, modelled on the Dutch government's model statement."""

    intro = models.TextField(_("introduction"), blank=True)
    status = models.CharField(
        _("compliance status"),
        max_length=1,
        choices=ComplianceStatus.choices,
        default=ComplianceStatus.C,
    )
    statement_date = models.DateField(_("date of this statement"))
    last_reviewed = models.DateField(
        _("last reviewed"),
        null=True,
        blank=True,
        help_text=_("When the statement was last checked for being current and complete."),
    )
    scope = models.TextField(
        _("what this statement covers"),
        blank=True,
        help_text=_("Leave empty for this whole website, in every language."),
    )
    wcag_version = models.CharField(
        _("standard"), max_length=3, choices=WcagVersion.choices, default=WcagVersion.WCAG_21
    )
    evaluations = StreamField(
        [("evaluation", EvaluationBlock())], verbose_name=_("evaluations"), blank=True
    )
    next_evaluation = models.DateField(
        _("next full evaluation planned for"),
        null=True,
        blank=True,
        help_text=_("Required for status C: a full evaluation within six months."),
    )
    known_issues = StreamField(
        [("issue", KnownIssueBlock())], verbose_name=_("known issues"), blank=True
    )
    response_days = models.PositiveSmallIntegerField(
        _("we respond within (working days)"), default=5
    )
    ombudsman_name = models.CharField(
        _("where to go if the answer does not help"),
        max_length=150,
        default="Nationale ombudsman",
    )
    ombudsman_url = models.URLField(_("their website"), default=NATIONAL_OMBUDSMAN_URL)
    body = StreamField(BodyBlock(), verbose_name=_("more information"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldPanel("statement_date"),
                FieldPanel("last_reviewed"),
                FieldPanel("scope"),
                FieldPanel("wcag_version"),
            ],
            heading=_("Status"),
        ),
        MultiFieldPanel(
            [FieldPanel("evaluations"), FieldPanel("next_evaluation")],
            heading=_("How this website was evaluated"),
        ),
        FieldPanel("known_issues"),
        MultiFieldPanel(
            [
                FieldPanel("response_days"),
                FieldPanel("ombudsman_name"),
                FieldPanel("ombudsman_url"),
            ],
            heading=_("Feedback"),
        ),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    class Meta:
        verbose_name = _("accessibility statement")

    @property
    def evaluation_list(self) -> list[dict]:
        """The evaluations, newest first, each with its method in words."""
        items = [
            {**dict(block.value), "method_label": EvaluationMethod(block.value["method"]).label}
            for block in self.evaluations
        ]
        return sorted(items, key=lambda item: item["date"], reverse=True)

    @property
    def known_issue_list(self) -> list[dict]:
        """The known issues, each with its reason in words."""
        return [
            {**dict(block.value), "reason_label": IssueReason(block.value["reason"]).label}
            for block in self.known_issues
        ]

    @property
    def status_explanation(self) -> str:
        return STATUS_EXPLANATIONS[ComplianceStatus(self.status)]

    def clean(self) -> None:
        super().clean()
        errors: dict[str, str] = {}
        methods = {evaluation.value["method"] for evaluation in self.evaluations}
        full_evaluation_needed = self.status in (ComplianceStatus.A, ComplianceStatus.B)
        if full_evaluation_needed and EvaluationMethod.WCAG_EM not in methods:
            errors["status"] = _(
                "Status A and B rest on a full evaluation following WCAG-EM: add it under "
                "evaluations, or choose status C."
            )
        if self.status == ComplianceStatus.A and any(
            issue.value["reason"] == IssueReason.NOT_FIXED_YET for issue in self.known_issues
        ):
            errors["status"] = _(
                "Status A means nothing is left to fix: choose status B while known issues "
                "are still being fixed."
            )
        if self.status == ComplianceStatus.C and not self.next_evaluation:
            errors["next_evaluation"] = _("With status C, say when the full evaluation is planned.")
        if errors:
            raise ValidationError(errors)
