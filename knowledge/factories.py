"""Test data for the knowledge base (factory-boy, wagtail-factories).

index = KnowledgeIndexPageFactory(parent=home)
article = ArticlePageFactory(parent=index, themes=[theme], audiences=[audience])
article = ArticlePageFactory(parent=index, body=[("signals", {"heading": "…", "items": ["…"]})])
"""

import datetime

import factory

from portal.factories import PortalPageFactory

from .models import ArticlePage, DownloadsPage, KnowledgeIndexPage, MeldcodePage


class KnowledgeIndexPageFactory(PortalPageFactory):
    title = "Kennisbank"
    slug = "kennisbank"
    intro = "Actuele kennis over huiselijk geweld en kindermishandeling."

    class Meta:
        model = KnowledgeIndexPage


class ArticlePageFactory(PortalPageFactory):
    """A live article; `themes`, `audiences` and `municipalities` take lists of labels."""

    title = factory.Sequence(lambda number: f"Artikel {number}")
    slug = factory.Sequence(lambda number: f"artikel-{number}")
    intro = "Wat u moet weten en wat u kunt doen."
    last_reviewed = factory.LazyFunction(datetime.date.today)
    author_organisation = "Veilig Thuis Hart van Brabant"

    class Meta:
        model = ArticlePage

    @factory.post_generation
    def themes(article, create: bool, terms, **kwargs) -> None:
        if create and terms:
            article.themes.set(terms)
            article.save()

    @factory.post_generation
    def audiences(article, create: bool, terms, **kwargs) -> None:
        if create and terms:
            article.audiences.set(terms)
            article.save()

    @factory.post_generation
    def municipalities(article, create: bool, terms, **kwargs) -> None:
        if create and terms:
            article.municipalities.set(terms)
            article.save()


class MeldcodePageFactory(PortalPageFactory):
    """A live meldcode walk-through with five steps and a two-question afwegingskader (see
    tests/knowledge/test_meldcode.py for the shape of `steps` and `assessment`)."""

    title = "De meldcode"
    slug = "meldcode"
    intro = "Vijf stappen bij een vermoeden van huiselijk geweld of kindermishandeling."
    last_reviewed = factory.LazyFunction(datetime.date.today)
    author_organisation = "Veilig Thuis Hart van Brabant"
    steps = factory.LazyFunction(lambda: meldcode_steps(5))
    assessment = factory.LazyFunction(lambda: meldcode_assessment(2))

    class Meta:
        model = MeldcodePage

    @factory.post_generation
    def themes(page, create: bool, terms, **kwargs) -> None:
        if create and terms:
            page.themes.set(terms)
            page.save()


def meldcode_steps(count: int) -> list[tuple[str, dict]]:
    return [
        (
            "step",
            {
                "title": f"Stap-titel {number}",
                "purpose": f"Waarvoor stap {number} dient.",
                "actions": [f"Actie {number}a", f"Actie {number}b"],
                "questions": [f"Zelfvraag {number}"],
                "watch_out": "Let op: bel bij twijfel 0800-2000." if number == 2 else "",
            },
        )
        for number in range(1, count + 1)
    ]


def meldcode_assessment(questions: int, *, final: bool = True) -> list[tuple[str, dict]]:
    """`questions` questions; odd ones exit on "no" (closing), even ones on "yes" (report)."""
    blocks: list[tuple[str, dict]] = [
        (
            "question",
            {
                "question": f"Afwegingsvraag {number}?",
                "explanation": f"Toelichting {number}.",
                "exit_answer": "no" if number % 2 else "yes",
                "outcome": {
                    "kind": "close" if number % 2 else "report",
                    "title": f"Uitkomst van vraag {number}",
                    "text": f"Wat u doet na vraag {number}.",
                },
            },
        )
        for number in range(1, questions + 1)
    ]
    if final:
        blocks.append(
            (
                "final_outcome",
                {"kind": "help", "title": "Hulp organiseren", "text": "U organiseert hulp."},
            )
        )
    return blocks


class DownloadsPageFactory(PortalPageFactory):
    """A live downloads page; give it rows with `page.downloads = [Download(...), ...]`, then
    `page.save_revision().publish()`."""

    title = "Downloads"
    slug = "downloads"
    intro = "Factsheets en folders om te lezen en door te geven."

    class Meta:
        model = DownloadsPage
