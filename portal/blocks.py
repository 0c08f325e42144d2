"""StreamField blocks shared by every app's pages."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    alt_text = blocks.CharBlock(
        label=_("alternative text"),
        max_length=250,
        help_text=_("Describe what the image shows for people who cannot see it."),
    )
    decorative = blocks.BooleanBlock(
        label=_("decorative only"),
        required=False,
        help_text=_("Tick this if the image adds nothing; screen readers will then skip it."),
    )
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "portal/blocks/image.html"
        label = _("Image")


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=120)
    text = blocks.TextBlock(label=_("text"), required=False)
    page = blocks.PageChooserBlock(label=_("page"), required=False)
    url = blocks.URLBlock(label=_("or an address"), required=False)
    label = blocks.CharBlock(label=_("button text"), max_length=60)

    class Meta:
        icon = "link"
        template = "portal/blocks/call_to_action.html"
        label = _("Call to action")


class AccordionItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("question"), max_length=250)
    answer = blocks.RichTextBlock(label=_("answer"), features=RICH_TEXT_FEATURES)


class AccordionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), required=False, max_length=120)
    items = blocks.ListBlock(AccordionItemBlock(), label=_("questions"))

    class Meta:
        icon = "list-ul"
        template = "portal/blocks/accordion.html"
        label = _("Frequently asked questions")


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("quote"))
    attribution = blocks.CharBlock(label=_("by"), required=False, max_length=120)

    class Meta:
        icon = "openquote"
        template = "portal/blocks/quote.html"
        label = _("Quote")


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(label=_("title"), required=False, max_length=120)
    description = blocks.TextBlock(label=_("description"), required=False)

    class Meta:
        icon = "doc-full"
        template = "portal/blocks/document.html"
        label = _("Document")


class BodyBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES, icon="pilcrow")
    image = ImageBlock()
    call_to_action = CallToActionBlock()
    accordion = AccordionBlock()
    quote = QuoteBlock()
    document = DocumentBlock()
