"""The meldcode's structure as blocks editors fill in: its five steps and the questions of the
afwegingskader (step 4), each question with the answer that leads to an outcome.

Modelled rather than free text, so the page can draw the walk-through (every answer a link to
the next question or to an outcome) and wagtail-localize offers each title, text and list item
to translators as a segment of its own. The answer that exits and an outcome's kind are choices,
not text: they stay the same in every language.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

STEP_COUNT = 5

YES = "yes"
NO = "no"
ANSWERS = [(YES, _("Yes")), (NO, _("No"))]

# What an outcome of the afwegingskader tells the professional to do.
REPORT = "report"
HELP = "help"
REPORT_AND_HELP = "report_and_help"
CLOSE = "close"
OUTCOME_KINDS = [
    (REPORT, _("Report to Veilig Thuis")),
    (HELP, _("Offer or organise help")),
    (REPORT_AND_HELP, _("Report and offer or organise help")),
    (CLOSE, _("No suspicion: record and close")),
]
# The kinds in which the professional reports: the outcome shows Veilig Thuis's number.
REPORTING_KINDS = frozenset({REPORT, REPORT_AND_HELP})


class MeldcodeStepBlock(blocks.StructBlock):
    """One of the five steps: what it is for, what the professional does, and what to ask."""

    title = blocks.CharBlock(label=_("title"), max_length=120)
    purpose = blocks.TextBlock(
        label=_("what this step is for"), help_text=_("One or two sentences.")
    )
    actions = blocks.ListBlock(
        blocks.CharBlock(label=_("action"), max_length=300), label=_("what you do"), min_num=1
    )
    questions = blocks.ListBlock(
        blocks.CharBlock(label=_("question"), max_length=300),
        label=_("questions to ask yourself"),
    )
    watch_out = blocks.TextBlock(label=_("watch out"), required=False)

    class Meta:
        icon = "list-ol"
        label = _("Step")


class MeldcodeStepsBlock(blocks.StreamBlock):
    """Exactly five steps; the page checks the number (MeldcodePage.clean_fields) so an editor
    reads one clear message. min_num and max_num let the editor's add button stop at five."""

    step = MeldcodeStepBlock()

    class Meta:
        min_num = STEP_COUNT
        max_num = STEP_COUNT

    def clean(self, value):
        # The page states the rule in the editor's words; Wagtail's own "the minimum number of
        # items is 5" would say the same twice.
        if len(value) != STEP_COUNT:
            return value
        return super().clean(value)


class OutcomeBlock(blocks.StructBlock):
    """Where an answer leads: what to do, in the kind's terms and in the editor's words."""

    kind = blocks.ChoiceBlock(choices=OUTCOME_KINDS, label=_("kind of outcome"))
    title = blocks.CharBlock(label=_("title"), max_length=120)
    text = blocks.TextBlock(label=_("text"))

    class Meta:
        icon = "success"
        label = _("Outcome")


class AssessmentQuestionBlock(blocks.StructBlock):
    """A question of the afwegingskader: one answer leads to its outcome, the other answer to
    the next question (after the last question: to the final outcome)."""

    question = blocks.CharBlock(label=_("question"), max_length=300)
    explanation = blocks.TextBlock(label=_("explanation"), required=False)
    exit_answer = blocks.ChoiceBlock(
        choices=ANSWERS,
        label=_("answer that leads to the outcome"),
        help_text=_("The other answer leads to the next question."),
    )
    outcome = OutcomeBlock(label=_("outcome of that answer"))

    class Meta:
        icon = "help"
        label = _("Question")


class AssessmentBlock(blocks.StreamBlock):
    """The questions in order, then the final outcome: where the last question's other answer
    leads. The page checks the order and the numbers (MeldcodePage.clean_fields)."""

    question = AssessmentQuestionBlock()
    final_outcome = OutcomeBlock(label=_("Final outcome"))

    class Meta:
        block_counts = {"final_outcome": {"max_num": 1}}
