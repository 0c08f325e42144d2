"""The demo Centre: its identity (the `CentreSettings` site setting) and its fixed pages.

Fictional but plausible for the region Hart van Brabant: an address in Tilburg, an example
phone number and addresses under the reserved .example domain, so nobody real is called or
mailed. The accessibility statement is honest about this site: no full evaluation yet
(status C), our own checks on every change, a full evaluation planned within six months, and
the one problem we know of.
"""

import datetime
from dataclasses import dataclass, field

from portal.demo.blocks import Block, text
from portal.demo.door import Translation


@dataclass(frozen=True)
class DemoCentreText:
    name: str
    opening_hours: str
    visiting_note: str = ""
    controller: str = ""


@dataclass(frozen=True)
class DemoCentre:
    visiting_street: str
    visiting_postcode: str
    visiting_city: str
    postal_address: str
    phone: str
    email: str
    privacy_officer_email: str
    texts: dict[str, DemoCentreText] = field(default_factory=dict)


CENTRE = DemoCentre(
    visiting_street="Stationsstraat 21",
    visiting_postcode="5038 EC",
    visiting_city="Tilburg",
    postal_address="Postbus 4321\n5000 AB Tilburg",
    phone="013 123 45 67",
    email="contact@steiger.example",
    privacy_officer_email="privacy@steiger.example",
    texts={
        "nl": DemoCentreText(
            name="Centrum huiselijk geweld en kindermishandeling Hart van Brabant",
            opening_hours="Maandag tot en met vrijdag, 9.00 tot 17.00 uur",
            visiting_note="Bezoek alleen op afspraak",
        ),
        "en": DemoCentreText(
            name="Centre against domestic violence and child abuse Hart van Brabant",
            opening_hours="Monday to Friday, 9 am to 5 pm",
            visiting_note="Visits by appointment only",
        ),
    },
)


@dataclass(frozen=True)
class DemoCentrePage:
    key: str
    model: str  # "app_label.ModelName"
    nl: Translation
    en: Translation


STATEMENT_DATE = datetime.date(2026, 11, 27)

_CONTACT_NL = """
<h2>Waarvoor kunt u bij ons terecht?</h2>
<ul>
<li>Advies als u zich zorgen maakt over uzelf of iemand anders.</li>
<li>Trainingen over de meldcode, signalen herkennen en de Multifocusmethodiek, voor uzelf,
uw team of uw organisatie.</li>
<li>Bewustwordingssessies voor scholen, sportclubs en verenigingen, ook met een
ervaringsdeskundige.</li>
</ul>
<p>Vertel ons wat u zoekt. Binnen vijf werkdagen hoort u wat wij kunnen doen.</p>
"""

_CONTACT_EN = """
<h2>What can you come to us for?</h2>
<ul>
<li>Advice when you are worried about yourself or someone else.</li>
<li>Courses on the reporting code, recognising signs and the Multifocus method, for
yourself, your team or your organisation.</li>
<li>Awareness sessions for schools, sports clubs and associations, also with a
lived-experience expert.</li>
</ul>
<p>Tell us what you are looking for. Within five working days you hear what we can do.</p>
"""

_PRIVACY_NL = """
<h2>Wat wij niet doen</h2>
<p>Wij volgen u niet. Deze website gebruikt geen trackers, geen advertenties en laadt niets van
andere websites. Wij gebruiken alleen cookies die nodig zijn om de website te laten werken,
zoals het onthouden van uw taal, of dat u bent ingelogd.</p>
<h2>Wat wij wel bewaren, en hoe lang</h2>
<ul>
<li><b>Een vraag aan het Centrum</b>: wat u invult, om uw vraag te beantwoorden. Wij bewaren
dit een jaar. U mag anoniem een vraag stellen.</li>
<li><b>Nieuwsbrief</b>: uw e-mailadres, pas nadat u uw aanmelding hebt bevestigd. Bevestigt u
niet, dan wissen wij het na zeven dagen.</li>
<li><b>Een account</b> (voor professionals en medewerkers): uw e-mailadres en wat u zelf
invult, zolang u het account hebt. Logt u twee jaar niet in, dan verwijderen wij het.</li>
<li><b>Ingelogd zijn</b>: zolang u bent ingelogd, onthoudt de website dat. Dat vervalt als u
uitlogt, en anders na hoogstens twee weken.</li>
</ul>
<h2>Uw rechten</h2>
<p>U mag uw gegevens inzien, laten verbeteren en laten verwijderen. Met een account doet u dat
zelf onder "Mijn account": daar downloadt u uw gegevens en verwijdert u uw account. Zonder
account, of met een andere vraag: mail of bel ons (zie hierboven). Bent u het niet eens met
hoe wij met uw gegevens omgaan? Dan kunt u een klacht indienen bij de
<a href="https://www.autoriteitpersoonsgegevens.nl/">Autoriteit Persoonsgegevens</a>.</p>
"""

_PRIVACY_EN = """
<h2>What we do not do</h2>
<p>We do not track you. This website uses no trackers, no advertising and loads nothing from
other websites. We only use cookies the website needs to work, such as remembering your
language, or that you are signed in.</p>
<h2>What we do keep, and for how long</h2>
<ul>
<li><b>A question to the Centre</b>: what you fill in, to answer your question. We keep it for
one year. You may ask a question anonymously.</li>
<li><b>Newsletter</b>: your email address, only after you have confirmed your subscription. If
you do not confirm, we delete it after seven days.</li>
<li><b>An account</b> (for professionals and staff): your email address and what you fill in
yourself, for as long as you have the account. If you do not sign in for two years, we delete
it.</li>
<li><b>Being signed in</b>: while you are signed in, the website remembers that. This ends
when you sign out, and otherwise after two weeks at most.</li>
</ul>
<h2>Your rights</h2>
<p>You may see, correct and delete your data. With an account you do this yourself under "My
account": there you download your data and delete your account. Without an account, or with
another question: email or call us (see above). If you disagree with how we handle your data,
you can complain to the Dutch Data Protection Authority
(<a href="https://www.autoriteitpersoonsgegevens.nl/">Autoriteit Persoonsgegevens</a>).</p>
"""


def _accessibility_extra(language: str) -> dict:
    """The modelled fields of the accessibility statement in one language."""
    nl = language == "nl"
    evaluation = {
        "date": "2026-11-20",  # StreamField data: dates as ISO strings
        "evaluator": "het webteam van het Centrum" if nl else "the Centre's web team",
        "method": "own-checks",
        "scope": (
            "Alle openbare pagina's in het Nederlands en het Engels: automatisch met axe-core "
            "bij elke wijziging, en met de hand met het toetsenbord en een schermlezer."
            if nl
            else "All public pages in Dutch and English: automatically with axe-core on every "
            "change, and by hand with a keyboard and a screen reader."
        ),
        "report": None,
    }
    issue = {
        "problem": (
            "Nederlandse woorden op Engelse pagina's zijn niet als Nederlands gemarkeerd"
            if nl
            else "Dutch words on English pages are not marked as Dutch"
        ),
        "consequence": (
            "Een schermlezer spreekt namen als Veilig Thuis en woorden als meldcode op de "
            "Engelse pagina's met een Engelse uitspraak uit."
            if nl
            else "A screen reader pronounces names such as Veilig Thuis and words such as "
            "meldcode on the English pages as if they were English."
        ),
        "criteria": "3.1.2 Taal van onderdelen" if nl else "3.1.2 Language of parts",
        "reason": "not-fixed-yet",
        "cause": (
            "De editor van de website kan een taal voor een enkel woord nog niet vastleggen."
            if nl
            else "The website's editor cannot yet mark the language of a single word."
        ),
        "fix": (
            "Wij voegen dit toe aan de editor en markeren daarna deze woorden in alle Engelse "
            "teksten."
            if nl
            else "We add this to the editor and then mark these words in every English text."
        ),
        "fixed_by": "2027-03-31",
    }
    return {
        "status": "C",
        "statement_date": STATEMENT_DATE,
        "wcag_version": "2.1",
        "evaluations": [{"type": "evaluation", "value": evaluation}],
        "next_evaluation": datetime.date(2027, 5, 1),
        "known_issues": [{"type": "issue", "value": issue}],
        "response_days": 5,
        "ombudsman_name": "Nationale ombudsman",
        "ombudsman_url": "https://www.nationaleombudsman.nl/",
    }


def _body(html: str) -> list[Block]:
    return [text(html)]


CENTRE_PAGES: tuple[DemoCentrePage, ...] = (
    DemoCentrePage(
        key="contact",
        model="portal.ContactPage",
        nl=Translation(
            title="Contact",
            slug="contact",
            intro=(
                "Heeft u een vraag voor het Centrum? Bel of mail ons, of stel uw vraag online. "
                "Dat mag anoniem."
            ),
            body=_body(_CONTACT_NL),
        ),
        en=Translation(
            title="Contact",
            slug="contact",
            intro=(
                "Do you have a question for the Centre? Call or email us, or ask your question "
                "online. You may stay anonymous."
            ),
            body=_body(_CONTACT_EN),
        ),
    ),
    DemoCentrePage(
        key="privacy",
        model="portal.PrivacyStatementPage",
        nl=Translation(
            title="Privacyverklaring",
            slug="privacyverklaring",
            intro="Hoe wij omgaan met uw gegevens. Kort gezegd: zo weinig mogelijk.",
            body=_body(_PRIVACY_NL),
            extra={"last_updated": STATEMENT_DATE},
        ),
        en=Translation(
            title="Privacy statement",
            slug="privacy-statement",
            intro="How we handle your data. In short: as little as possible.",
            body=_body(_PRIVACY_EN),
            extra={"last_updated": STATEMENT_DATE},
        ),
    ),
    DemoCentrePage(
        key="toegankelijkheid",
        model="portal.AccessibilityStatementPage",
        nl=Translation(
            title="Toegankelijkheidsverklaring",
            slug="toegankelijkheidsverklaring",
            intro=(
                "Iedereen moet deze website kunnen gebruiken. Hier leest u hoe toegankelijk "
                "de website is, wat nog niet goed werkt, en hoe u ons dat laat weten."
            ),
            extra=_accessibility_extra("nl"),
        ),
        en=Translation(
            title="Accessibility statement",
            slug="accessibility-statement",
            intro=(
                "Everyone should be able to use this website. Here you read how accessible it "
                "is, what does not work well yet, and how to let us know."
            ),
            extra=_accessibility_extra("en"),
        ),
    ),
)
