"""Demo pages of portal's sub-apps (advice question form, newsletter sign-up).

Those apps are built alongside the base layer; a page is only added when its model exists.
"""

from dataclasses import dataclass

from django.apps import apps
from wagtail.models import Page

from portal.demo.content import Translation


@dataclass(frozen=True)
class ExtraPage:
    key: str
    model: type[Page]
    nl: Translation
    en: Translation


def _model(app_label: str, name: str) -> type[Page] | None:
    try:
        return apps.get_model(app_label, name)
    except LookupError:
        return None


def available() -> list[ExtraPage]:
    pages = []
    advice = _model("advice", "AdviceQuestionPage")
    if advice is not None:
        pages.append(
            ExtraPage(
                "advies",
                advice,
                nl=Translation(
                    title="Stel een vraag",
                    slug="stel-een-vraag",
                    intro=(
                        "Heeft u een vraag over huiselijk geweld of kindermishandeling? Stel "
                        "hem hier. Wij antwoorden binnen vijf werkdagen."
                    ),
                    extra={
                        "thank_you_text": (
                            "Dank u wel. Wij hebben uw vraag ontvangen en antwoorden binnen vijf "
                            "werkdagen."
                        )
                    },
                ),
                en=Translation(
                    title="Ask a question",
                    slug="ask-a-question",
                    intro=(
                        "Do you have a question about domestic violence or child abuse? Ask it "
                        "here. We answer within five working days."
                    ),
                    extra={
                        "thank_you_text": (
                            "Thank you. We have received your question and will answer within "
                            "five working days."
                        )
                    },
                ),
            )
        )
    newsletter = _model("newsletter", "NewsletterSignupPage")
    if newsletter is not None:
        pages.append(
            ExtraPage(
                "nieuwsbrief",
                newsletter,
                nl=Translation(
                    title="Nieuwsbrief",
                    slug="nieuwsbrief-aanmelden",
                    intro=(
                        "Ontvang een paar keer per jaar nieuws over trainingen en kennis. U "
                        "krijgt eerst een e-mail om uw aanmelding te bevestigen."
                    ),
                    extra={
                        "thank_you_text": (
                            "Bijna klaar. Klik op de link in de e-mail die wij u stuurden."
                        )
                    },
                ),
                en=Translation(
                    title="Newsletter",
                    slug="newsletter-sign-up",
                    intro=(
                        "Receive news about courses and knowledge a few times a year. You will "
                        "first get an email to confirm your sign-up."
                    ),
                    extra={
                        "thank_you_text": "Almost done. Click the link in the email we sent you."
                    },
                ),
            )
        )
    return pages
