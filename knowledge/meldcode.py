"""The meldcode page: the five steps of the meldcode huiselijk geweld en kindermishandeling
(2019, with the afwegingskader) as a walk-through for professionals.

The walk-through is plain HTML: every answer to a question of the afwegingskader is a link to
an anchor on the same page (the next question, or the outcome that answer leads to). So it
works without JavaScript, and nothing a professional answers about a case reaches the server:
a fragment is never sent in a request, so it is in no URL the server sees and in no log.
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.models import TaggableMixin

from . import article_lookups, metadata
from .meldcode_blocks import (
    ANSWERS,
    NO,
    REPORTING_KINDS,
    STEP_COUNT,
    YES,
    AssessmentBlock,
    MeldcodeStepsBlock,
)

# Anchors on the page. Language-neutral on purpose: the same address works in both languages.
STEP_ANCHOR = "stap-{number}"
QUESTION_ANCHOR = "vraag-{number}"
OUTCOME_ANCHOR = "uitkomst-{number}"
FINAL_OUTCOME_ANCHOR = "uitkomst-slot"
ASSESSMENT_ANCHOR = "afwegingskader"
# The step whose section holds the afwegingskader, and the step its outcomes lead on to.
ASSESSMENT_STEP = 4
DECISION_STEP = 5


@dataclass(frozen=True)
class Outcome:
    anchor: str
    kind: str
    kind_label: str
    title: str
    text: str
    # What led here: the answer ("Yes"/"No", translated) to the question with this number.
    answer_label: str = ""
    question_number: int = 0

    @property
    def reports(self) -> bool:
        return self.kind in REPORTING_KINDS


@dataclass(frozen=True)
class Question:
    number: int
    anchor: str
    text: str
    explanation: str
    yes_href: str
    no_href: str
    outcome: Outcome


@dataclass(frozen=True)
class Walkthrough:
    questions: list[Question]
    final_outcome: Outcome | None

    @property
    def start_href(self) -> str:
        return "#" + QUESTION_ANCHOR.format(number=1)


def _outcome(value, anchor: str, answer: str = "", number: int = 0) -> Outcome:
    kinds = dict(value.block.child_blocks["kind"].field.choices)
    return Outcome(
        anchor=anchor,
        kind=value["kind"],
        kind_label=str(kinds.get(value["kind"], "")),
        title=value["title"],
        text=value["text"],
        answer_label=str(dict(ANSWERS).get(answer, "")),
        question_number=number,
    )


def walkthrough(assessment) -> Walkthrough:
    """The afwegingskader as links: each question's exit answer points at its outcome, the other
    answer at the next question, or after the last question at the final outcome."""
    question_values = [child.value for child in assessment if child.block_type == "question"]
    final = next((child.value for child in assessment if child.block_type == "final_outcome"), None)
    final_outcome = None
    if final is not None:
        # Reached by the other answer to the last question.
        last = question_values[-1]["exit_answer"] if question_values else ""
        onward_answer = {YES: NO, NO: YES}.get(last, "")
        final_outcome = _outcome(final, FINAL_OUTCOME_ANCHOR, onward_answer, len(question_values))
    questions = []
    for number, value in enumerate(question_values, start=1):
        outcome_anchor = OUTCOME_ANCHOR.format(number=number)
        if number < len(question_values):
            onward = QUESTION_ANCHOR.format(number=number + 1)
        else:
            onward = FINAL_OUTCOME_ANCHOR
        exit_on_yes = value["exit_answer"] == YES
        questions.append(
            Question(
                number=number,
                anchor=QUESTION_ANCHOR.format(number=number),
                text=value["question"],
                explanation=value["explanation"],
                yes_href="#" + (outcome_anchor if exit_on_yes else onward),
                no_href="#" + (onward if exit_on_yes else outcome_anchor),
                outcome=_outcome(value["outcome"], outcome_anchor, value["exit_answer"], number),
            )
        )
    return Walkthrough(questions=questions, final_outcome=final_outcome)


def structure_errors(steps, assessment) -> dict[str, list[str]]:
    """What is wrong with the modelled structure, in the editor's language, by field."""
    errors: dict[str, list[str]] = {}
    if len(steps) != STEP_COUNT:
        errors["steps"] = [
            ngettext(
                "The meldcode has exactly five steps; this page has %(count)d step.",
                "The meldcode has exactly five steps; this page has %(count)d steps.",
                len(steps),
            )
            % {"count": len(steps)}
        ]
    kinds = [child.block_type for child in assessment]
    problems = []
    if "question" not in kinds:
        problems.append(_("Add at least one question to the assessment framework."))
    if kinds.count("final_outcome") != 1:
        problems.append(
            _(
                "End the assessment framework with one final outcome: where the other answer "
                "to the last question leads."
            )
        )
    elif kinds[-1] != "final_outcome":
        problems.append(_("Put the final outcome last, after the questions."))
    if problems:
        errors["assessment"] = [str(problem) for problem in problems]
    return errors


class MeldcodePage(TaggableMixin, Page):
    """The meldcode as a walk-through: the five steps, the afwegingskader of step 4 with its
    questions and outcomes, Veilig Thuis, and the trainings that carry the same themes."""

    intro = models.TextField(_("introduction"))
    steps = StreamField(MeldcodeStepsBlock(), verbose_name=_("the five steps"))
    assessment = StreamField(
        AssessmentBlock(),
        verbose_name=_("assessment framework (step 4)"),
        help_text=_(
            "The questions in order, then the final outcome. Each question has one answer "
            "that leads to an outcome; the other answer leads to the next question."
        ),
    )
    last_reviewed = models.DateField(
        _("last reviewed"),
        default=datetime.date.today,
        help_text=_("When an editor last checked that this page is still correct."),
    )
    author_organisation = models.CharField(
        _("author organisation"),
        max_length=200,
        blank=True,
        help_text=_("The organisation that wrote or checked this page."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("steps"),
        FieldPanel("assessment"),
        MultiFieldPanel(
            [FieldPanel("last_reviewed"), FieldPanel("author_organisation")],
            heading=_("Accountability"),
        ),
        MultiFieldPanel(TaggableMixin.taxonomy_panels, heading=_("Tags")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("steps"),
        index.SearchField("assessment"),
        index.SearchField("author_organisation"),
        index.FilterField("last_reviewed"),
        index.RelatedFields("themes", [index.SearchField("name")]),
        index.RelatedFields("audiences", [index.SearchField("name")]),
    ]
    parent_page_types = ["knowledge.KnowledgeIndexPage", "portal.HomePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("meldcode walk-through")

    def clean_fields(self, exclude=None) -> None:
        # Here rather than in clean(): Django leaves out of clean_fields the fields the admin
        # form already rejected, so an editor reads each problem once; Page.save() runs it too,
        # so a page saved in code (demo, translation) is held to the same structure.
        errors: dict[str, list] = {}
        try:
            super().clean_fields(exclude=exclude)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        skipped = set(exclude or ())
        for name, messages in structure_errors(self.steps, self.assessment).items():
            if name not in skipped and name not in errors:
                errors[name] = messages
        if errors:
            raise ValidationError(errors)

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        theme_keys = list(self.themes.values_list("translation_key", flat=True))
        context["walkthrough"] = walkthrough(self.assessment)
        context["assessment_step"] = ASSESSMENT_STEP
        context["decision_anchor"] = STEP_ANCHOR.format(number=DECISION_STEP)
        context["trainings"] = article_lookups.related_elsewhere(self.locale_id, theme_keys)
        context.update(metadata.page_metadata(self, request))
        return context
