"""The demo downloads: a handful of factsheets and leaflets as real PDFs, made at load time.

The files are not committed: WeasyPrint writes each one from a short HTML text as a tagged,
accessible PDF (PDF/UA-1), the first time the demo is loaded; later loads find them by title
in their collection and leave them alone. One leaflet is for professionals only, in a
collection that asks visitors to sign in, so the demo shows the downloads page hiding it from
anonymous visitors and the serve view refusing it to them.

`PAGE` is the downloads page under the knowledge base; `with_factsheets(ARTICLES)` puts two
of the factsheets in the body of the demo articles they belong to.
"""

import dataclasses
import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.utils.html import escape
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Page

from portal.demo.door import DemoContext, DemoPage, Translation

from .download_choices import DocumentLanguage, Kind
from .downloads import Download

PUBLIC_COLLECTION = "Downloads"
PROFESSIONALS_COLLECTION = "Downloads voor professionals"
CENTRE = "Centrum huiselijk geweld en kindermishandeling Hart van Brabant"


@dataclass(frozen=True)
class DemoDocument:
    """One demo file: its title (in its own language), the text of the PDF, and how the
    downloads page describes it."""

    key: str  # also the file name
    title: str
    language: str
    kind: str
    themes: tuple[str, ...]  # Dutch slugs of seeded themes
    description_nl: str
    description_en: str
    sections: tuple[tuple[str, str], ...]  # (heading, paragraph) in the document's language
    professionals_only: bool = False


DOCUMENTS = [
    DemoDocument(
        key="factsheet-huiselijk-geweld",
        title="Factsheet huiselijk geweld",
        language=DocumentLanguage.DUTCH,
        kind=Kind.FACTSHEET,
        themes=("huiselijk-geweld", "signalen-herkennen"),
        description_nl="Wat huiselijk geweld is, welke vormen er zijn en waar u terechtkunt.",
        description_en="What domestic violence is, its forms and where to go (in Dutch).",
        sections=(
            (
                "Wat is huiselijk geweld?",
                "Geweld door iemand uit de huiselijke kring: een partner, ex-partner, ouder, "
                "kind, ander familielid of huisgenoot. Het kan lichamelijk, psychisch, "
                "seksueel of financieel zijn, en het gebeurt in alle lagen van de bevolking.",
            ),
            (
                "Waar let u op?",
                "Verwondingen zonder goede verklaring, iemand die zich terugtrekt, angst voor "
                "de partner, geldgebrek terwijl er genoeg inkomen is.",
            ),
            (
                "Wat kunt u doen?",
                "Bel voor advies Veilig Thuis: 0800-2000, gratis en dag en nacht bereikbaar. "
                "U mag anoniem bellen. Bij acuut gevaar belt u 112.",
            ),
        ),
    ),
    DemoDocument(
        key="factsheet-kindermishandeling",
        title="Factsheet kindermishandeling",
        language=DocumentLanguage.DUTCH,
        kind=Kind.FACTSHEET,
        themes=("kindermishandeling", "signalen-herkennen"),
        description_nl="Signalen bij kinderen en wat u als volwassene kunt doen.",
        description_en="Signs in children and what an adult can do (in Dutch).",
        sections=(
            (
                "Wat is kindermishandeling?",
                "Elke vorm van geweld tegen een kind, en ook verwaarlozing. Een kind dat "
                "geweld tussen zijn ouders meemaakt, wordt ook mishandeld.",
            ),
            (
                "Signalen",
                "Een kind dat plotseling stil of juist druk is, blauwe plekken op vreemde "
                "plaatsen, niet naar huis willen, honger of vieze kleren.",
            ),
            (
                "Wat kunt u doen?",
                "Neem het kind serieus en blijf rustig. Beloof geen geheimhouding. Bel voor "
                "advies Veilig Thuis: 0800-2000. Bij acuut gevaar belt u 112.",
            ),
        ),
    ),
    DemoDocument(
        key="folder-hulp-bij-geweld-thuis",
        title="Geweld thuis? Hier vindt u hulp",
        language=DocumentLanguage.DUTCH,
        kind=Kind.LEAFLET,
        themes=("huiselijk-geweld",),
        description_nl="Een korte folder voor inwoners: wie u kunt bellen en wat er dan gebeurt.",
        description_en="A short leaflet for residents: whom to call and what happens then.",
        sections=(
            (
                "U staat er niet alleen voor",
                "Is er thuis geweld, of bent u bang dat het gebeurt? Praat erover. Veilig "
                "Thuis luistert, geeft advies en zoekt met u naar hulp.",
            ),
            (
                "Bellen",
                "Veilig Thuis: 0800-2000, gratis, dag en nacht. Bij acuut gevaar: 112.",
            ),
        ),
    ),
    DemoDocument(
        key="folder-hulp-bij-geweld-thuis-arabisch",
        title="العنف في المنزل؟ هنا تجد المساعدة",
        language=DocumentLanguage.ARABIC,
        kind=Kind.LEAFLET,
        themes=("huiselijk-geweld",),
        description_nl="Dezelfde folder in het Arabisch.",
        description_en="The same leaflet in Arabic.",
        sections=(
            (
                "لست وحدك",
                "هل يوجد عنف في منزلك، أو تخاف أن يحدث؟ تحدث عن ذلك. منظمة Veilig Thuis "
                "تستمع إليك وتقدم لك النصيحة وتبحث معك عن المساعدة.",
            ),
            ("الاتصال", "Veilig Thuis: 0800-2000، مجاناً، ليلاً ونهاراً. في حالة الخطر الحاد: 112."),
        ),
    ),
    # Turkish writes a dotless i (U+0131), which RUF001 takes for a look-alike.
    DemoDocument(
        key="folder-hulp-bij-geweld-thuis-turks",
        title="Evde şiddet mi var? Burada yardım bulabilirsiniz",  # noqa: RUF001
        language=DocumentLanguage.TURKISH,
        kind=Kind.LEAFLET,
        themes=("huiselijk-geweld",),
        description_nl="Dezelfde folder in het Turks.",
        description_en="The same leaflet in Turkish.",
        sections=(
            (
                "Yalnız değilsiniz",  # noqa: RUF001
                "Evde şiddet mi var, ya da olmasından mı korkuyorsunuz? Bunu konuşun. Veilig "  # noqa: RUF001
                "Thuis sizi dinler, tavsiye verir ve sizinle birlikte yardım arar.",  # noqa: RUF001
            ),
            (
                "Arayın",  # noqa: RUF001
                "Veilig Thuis: 0800-2000, ücretsiz, gece gündüz. Acil tehlikede: 112.",
            ),
        ),
    ),
    DemoDocument(
        key="zakkaart-meldcode",
        title="Zakkaart meldcode: de vijf stappen",
        language=DocumentLanguage.DUTCH,
        kind=Kind.CHECKLIST,
        themes=("meldcode",),
        description_nl="De vijf stappen van de meldcode op één kaart, voor professionals.",
        description_en="The five steps of the reporting code on one card, for professionals.",
        sections=(
            ("Stap 1", "Breng signalen in kaart."),
            ("Stap 2", "Overleg met een collega en raadpleeg zo nodig Veilig Thuis: 0800-2000."),
            ("Stap 3", "Ga in gesprek met de betrokkene."),
            ("Stap 4", "Weeg het geweld of de kindermishandeling met het afwegingskader."),
            ("Stap 5", "Neem twee besluiten: is melden noodzakelijk, en is hulp mogelijk?"),
        ),
        professionals_only=True,
    ),
]

# Two factsheets also appear in the body of the Dutch article they belong to.
ARTICLE_FACTSHEETS = {
    "knowledge/wat-is-huiselijk-geweld": "factsheet-huiselijk-geweld",
    "knowledge/kinderen-die-geweld-tussen-hun-ouders-meemaken": "factsheet-kindermishandeling",
}

PDF_STYLE = """
@page { size: A4; margin: 2cm; }
body { font-family: "DejaVu Sans", sans-serif; font-size: 11pt; line-height: 1.5; }
h1 { font-size: 20pt; color: #3b1f5c; }
h2 { font-size: 13pt; margin-top: 1.2em; }
footer { margin-top: 2em; font-size: 9pt; }
"""


@functools.cache  # one rendering per process, however often a test loads the demo
def pdf(document: DemoDocument) -> bytes:
    """The document as a tagged PDF (PDF/UA-1): language, title and headings a screen reader
    can use. Its title in the PDF's metadata (a viewer's tab) is neutral, like the pages'
    seo_title: a glance at someone's screen should not reveal what they read."""
    from weasyprint import HTML  # noqa: PLC0415 (loads Pango: only when a file is made)

    direction = "rtl" if document.language == DocumentLanguage.ARABIC else "ltr"
    sections = "".join(
        f"<h2>{escape(heading)}</h2><p>{escape(text)}</p>" for heading, text in document.sections
    )
    html = (
        f'<!doctype html><html lang="{document.language}" dir="{direction}"><head>'
        f'<meta charset="utf-8"><title>Steiger</title><style>{PDF_STYLE}</style></head>'
        f"<body><h1>{escape(document.title)}</h1>{sections}"
        f'<footer><p lang="nl" dir="ltr">{CENTRE}</p></footer></body></html>'
    )
    return HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")


def _collection(name: str, *, login_required: bool) -> Collection:
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=name).first()
    if collection is None:
        collection = root.add_child(name=name)
    if login_required:
        CollectionViewRestriction.objects.get_or_create(
            collection=collection, restriction_type=CollectionViewRestriction.LOGIN
        )
    return collection


def document(spec: DemoDocument):
    """The demo document for `spec`, made (with its PDF) the first time only."""
    collection = _collection(
        PROFESSIONALS_COLLECTION if spec.professionals_only else PUBLIC_COLLECTION,
        login_required=spec.professionals_only,
    )
    model = get_document_model()
    found = model.objects.filter(collection=collection, title=spec.title).first()
    if found is not None:
        return found
    content = pdf(spec)
    made = model(title=spec.title, collection=collection, file_size=len(content))
    name = made.file.field.generate_filename(made, f"{spec.key}.pdf")
    storage = made.file.storage
    if storage.exists(name) and storage.size(name) == len(content):
        # Left by an earlier load whose database is gone (a test's, or a reset): the same
        # file, so no copy with a random suffix next to it.
        made.file.name = name
    else:
        made.file.save(f"{spec.key}.pdf", ContentFile(content), save=False)
    made._set_file_hash()
    made.save()
    return made


def _by_key(key: str) -> DemoDocument:
    return next(spec for spec in DOCUMENTS if spec.key == key)


def fill_downloads(page: Page, language: str, demo: DemoContext) -> None:
    """The downloads page's rows: every demo document, in the order above, with the themes of
    the page's language. The same rows every time (the loader may call this twice)."""
    rows = []
    for spec in DOCUMENTS:
        row = Download(
            document=document(spec),
            kind=spec.kind,
            language=spec.language,
            description=spec.description_nl if language == "nl" else spec.description_en,
        )
        row.themes = demo.terms("theme", spec.themes, language)
        rows.append(row)
    page.downloads = rows


PAGE = DemoPage(
    key="knowledge/downloads",
    model="knowledge.DownloadsPage",
    parent="knowledge/index",
    nl=Translation(
        title="Downloads",
        slug="downloads",
        intro=(
            "Factsheets, folders en zakkaarten om te lezen, te printen of door te geven. "
            "Sommige folders zijn er ook in het Arabisch en het Turks."
        ),
        search_description="Factsheets, folders en zakkaarten, ook in het Arabisch en Turks.",
    ),
    en=Translation(
        title="Downloads",
        slug="downloads",
        intro=(
            "Factsheets, leaflets and pocket cards to read, print or pass on. Some leaflets "
            "are also available in Arabic and Turkish."
        ),
        search_description="Factsheets, leaflets and pocket cards, also in Arabic and Turkish.",
    ),
    fill=fill_downloads,
)


def _add_factsheet(key: str) -> Callable[[Page, str, DemoContext], None]:
    def fill(page: Page, language: str, demo: DemoContext) -> None:
        if language != "nl":
            return  # the factsheets are in Dutch: the English articles do without
        factsheet = document(_by_key(key))
        if any(
            block["type"] == "document" and block["value"].get("document") == factsheet.pk
            for block in page.body.raw_data
        ):
            return
        page.body.raw_data.append(
            {
                "type": "document",
                "value": {"document": factsheet.pk, "title": "", "description": ""},
            }
        )

    return fill


def with_factsheets(articles: Iterable[DemoPage]) -> list[DemoPage]:
    """`articles`, two of them with their factsheet at the end of the Dutch body."""
    return [
        dataclasses.replace(article, fill=_add_factsheet(ARTICLE_FACTSHEETS[article.key]))
        if article.key in ARTICLE_FACTSHEETS and article.fill is None
        else article
        for article in articles
    ]
