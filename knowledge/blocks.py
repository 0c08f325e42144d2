"""The article body: the shared blocks plus signals, step-by-step guides and callouts."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from portal.blocks import RICH_TEXT_FEATURES, BodyBlock


class SignalsBlock(blocks.StructBlock):
    """Signs that something may be wrong, as a list a reader can scan."""

    heading = blocks.CharBlock(label=_("heading"), max_length=120)
    items = blocks.ListBlock(
        blocks.CharBlock(label=_("signal"), max_length=250), label=_("signals")
    )

    class Meta:
        icon = "warning"
        template = "knowledge/blocks/signals.html"
        label = _("Signals")


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=120)
    text = blocks.TextBlock(label=_("text"))


class StepsBlock(blocks.StructBlock):
    """A numbered, step-by-step guide."""

    heading = blocks.CharBlock(label=_("heading"), max_length=120)
    steps = blocks.ListBlock(StepBlock(), label=_("steps"))

    class Meta:
        icon = "list-ol"
        template = "knowledge/blocks/steps.html"
        label = _("Step by step")


class CalloutBlock(blocks.StructBlock):
    """ "What can you do": the reader's next step, set apart from the text."""

    heading = blocks.CharBlock(label=_("heading"), max_length=120)
    text = blocks.RichTextBlock(label=_("text"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "help"
        template = "knowledge/blocks/callout.html"
        label = _("What you can do")


class KnowledgeBodyBlock(BodyBlock):
    signals = SignalsBlock()
    steps = StepsBlock()
    callout = CalloutBlock()
