"""The article body: the shared blocks plus signals, step-by-step guides and callouts."""

import copy

from django.db import connections, router
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from portal import plain_select
from portal.blocks import RICH_TEXT_FEATURES, BodyBlock, CallToActionBlock, DocumentBlock


class OneSelectChooserMixin:
    """A chooser block that loads what an article's body chose with one plain SELECT of the
    chosen model's table (portal.plain_select), not through the ORM's in_bulk.

    The objects are the same (every column, converted as the ORM converts them) and so is the
    number of queries; but building and compiling in_bulk's query for a page (some thirty
    columns) took the ORM longer than rendering the block: the page and the document chosen in
    the bench's article cost 0.8 ms of its uncached render that way, 0.4 ms through
    Model.objects.raw, and 0.2 ms less again with the converters worked out once (issue 7).
    A model that keeps some of its columns in a parent's table (a page type of its own) is
    loaded the ORM's way."""

    def bulk_to_python(self, values):
        model = self.model_class
        if model._meta.parents:
            return super().bulk_to_python(values)
        ids = [value for value in values if value is not None]
        found = {}
        if ids:
            columns = plain_select.every_column(model)
            connection = connections[router.db_for_read(model)]
            table = connection.ops.quote_name(model._meta.db_table)
            key = connection.ops.quote_name(model._meta.pk.column)
            marks = ", ".join(["%s"] * len(ids))
            sql = (
                f"SELECT {columns.select_list(connection)} FROM {table}"  # noqa: S608 (quoted names; the keys are parameters)
                f" WHERE {key} IN ({marks})"
            )
            found = {item.pk: item for item in columns.instances(sql, ids)}
        # As Wagtail's ChooserBlock: in the order of `values`, None kept, one object per use.
        result, seen = [], set()
        for value in values:
            item = found.get(value)
            if item is not None and value in seen:
                item = copy.copy(item)
            result.append(item)
            seen.add(value)
        return result


class PageLinkChooserBlock(OneSelectChooserMixin, blocks.PageChooserBlock):
    pass


class DocumentLinkChooserBlock(OneSelectChooserMixin, DocumentChooserBlock):
    pass


class ArticleCallToActionBlock(CallToActionBlock):
    page = PageLinkChooserBlock(label=_("page"), required=False)


class ArticleDocumentBlock(DocumentBlock):
    document = DocumentLinkChooserBlock(label=_("document"))


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
    call_to_action = ArticleCallToActionBlock()
    document = ArticleDocumentBlock()
    signals = SignalsBlock()
    steps = StepsBlock()
    callout = CalloutBlock()
