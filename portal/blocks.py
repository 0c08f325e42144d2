"""StreamField blocks shared by every app's pages."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("afbeelding"))
    alt_text = blocks.CharBlock(
        label=_("alternatieve tekst"),
        max_length=250,
        help_text=_("Beschrijf wat de afbeelding laat zien voor wie haar niet kan zien."),
    )
    decorative = blocks.BooleanBlock(
        label=_("alleen decoratief"),
        required=False,
        help_text=_("Vink aan als de afbeelding niets toevoegt; schermlezers slaan haar dan over."),
    )
    caption = blocks.CharBlock(label=_("bijschrift"), required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "portal/blocks/image.html"
        label = _("Afbeelding")


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("titel"), max_length=120)
    text = blocks.TextBlock(label=_("tekst"), required=False)
    page = blocks.PageChooserBlock(label=_("pagina"), required=False)
    url = blocks.URLBlock(label=_("of een adres"), required=False)
    label = blocks.CharBlock(label=_("tekst op de knop"), max_length=60)

    class Meta:
        icon = "link"
        template = "portal/blocks/call_to_action.html"
        label = _("Oproep tot actie")


class AccordionItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("vraag"), max_length=250)
    answer = blocks.RichTextBlock(label=_("antwoord"), features=RICH_TEXT_FEATURES)


class AccordionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("titel"), required=False, max_length=120)
    items = blocks.ListBlock(AccordionItemBlock(), label=_("vragen"))

    class Meta:
        icon = "list-ul"
        template = "portal/blocks/accordion.html"
        label = _("Veelgestelde vragen")


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("citaat"))
    attribution = blocks.CharBlock(label=_("van"), required=False, max_length=120)

    class Meta:
        icon = "openquote"
        template = "portal/blocks/quote.html"
        label = _("Citaat")


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(label=_("titel"), required=False, max_length=120)
    description = blocks.TextBlock(label=_("omschrijving"), required=False)

    class Meta:
        icon = "doc-full"
        template = "portal/blocks/document.html"
        label = _("Document")


class BodyBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(label=_("Tekst"), features=RICH_TEXT_FEATURES, icon="pilcrow")
    image = ImageBlock()
    call_to_action = CallToActionBlock()
    accordion = AccordionBlock()
    quote = QuoteBlock()
    document = DocumentBlock()
