"""The meldcode walk-through in the demo site, in Dutch and English (the demo door).

The steps and the afwegingsvragen follow the meldcode huiselijk geweld en kindermishandeling
as revised in 2019 (Besluit verplichte meldcode, with the afwegingskader) and
shared/GLOSSARY.md. Rules as for the demo articles: "u", never "je"; plain text (the page turns
0800-2000 and 112 into tel: links).
"""

from datetime import date

from portal.demo.door import DemoPage, Translation

CENTRE = "Centrum huiselijk geweld en kindermishandeling Hart van Brabant"

Block = dict


def _step(
    title: str, purpose: str, actions: list[str], questions: list[str], watch_out: str = ""
) -> Block:
    return {
        "type": "step",
        "value": {
            "title": title,
            "purpose": purpose,
            "actions": actions,
            "questions": questions,
            "watch_out": watch_out,
        },
    }


def _outcome(kind: str, title: str, text: str) -> dict:
    return {"kind": kind, "title": title, "text": text}


def _question(question: str, explanation: str, exit_answer: str, outcome: dict) -> Block:
    return {
        "type": "question",
        "value": {
            "question": question,
            "explanation": explanation,
            "exit_answer": exit_answer,
            "outcome": outcome,
        },
    }


def _final(outcome: dict) -> Block:
    return {"type": "final_outcome", "value": outcome}


STEPS_NL = [
    _step(
        "Signalen in kaart brengen",
        "U legt vast wat u ziet en hoort, zodat u en anderen later kunnen nagaan waarop uw "
        "zorg berust.",
        [
            "Beschrijf de signalen feitelijk in het dossier: wat u zag of hoorde, wanneer en "
            "van wie.",
            "Houd feiten en uw interpretatie apart; noteer een vermoeden als vermoeden.",
            "Leg ook vast met wie u over de signalen spreekt en welke stappen u zet.",
            "Werkt u met volwassenen? Ga na of er kinderen in het gezin zijn die het geweld "
            "meemaken (de kindcheck).",
        ],
        [
            "Wat heb ik precies gezien of gehoord?",
            "Wat is feit, en wat is mijn uitleg ervan?",
            "Zijn er kinderen bij betrokken?",
        ],
        "Is er acuut gevaar? Bel dan 112 en zorg eerst voor veiligheid. De stappen doorloopt u "
        "daarna.",
    ),
    _step(
        "Collegiale consultatie en zo nodig Veilig Thuis raadplegen",
        "U toetst uw zorg bij anderen, zodat u niet alleen staat en niets over het hoofd ziet.",
        [
            "Bespreek de signalen met een deskundige collega of met de aandachtsfunctionaris "
            "van uw organisatie.",
            "Vraag zo nodig advies aan Veilig Thuis: 0800-2000. Dat kan zonder de naam van uw "
            "cliënt te noemen.",
            "Ziet u letsel? Raadpleeg zo nodig een deskundige op het gebied van letselduiding, "
            "zoals een forensisch arts.",
            "Leg vast met wie u hebt overlegd en wat dat opleverde.",
        ],
        [
            "Zijn er andere verklaringen voor de signalen?",
            "Wat weet een collega of Veilig Thuis dat ik niet weet?",
        ],
        "Een adviesvraag is geen melding. Zolang u niet meldt, geeft u Veilig Thuis geen "
        "gegevens waarmee uw cliënt te herkennen is.",
    ),
    _step(
        "Gesprek met de cliënt",
        "U bespreekt uw zorg met de cliënt: bij een kind met de ouders en, afhankelijk van de "
        "leeftijd, met het kind zelf.",
        [
            "Leg uit waarom u het gesprek voert.",
            "Beschrijf de feiten die u hebt vastgelegd, en wat u hebt gezien en gehoord.",
            "Nodig de cliënt uit om te reageren, en kom pas daarna tot een interpretatie.",
            "Leg het gesprek en de reactie van de cliënt vast.",
        ],
        [
            "Hoe kijkt de cliënt zelf naar wat ik zie?",
            "Is mijn zorg na het gesprek kleiner of groter geworden?",
        ],
        "U mag van het gesprek afzien als het de veiligheid van de cliënt, van uzelf of van een "
        "ander in gevaar brengt, of als u goede redenen hebt om te denken dat de cliënt dan het "
        "contact met u verbreekt. Leg vast waarom u het gesprek niet voerde.",
    ),
    _step(
        "Wegen van het geweld aan de hand van het afwegingskader",
        "U weegt op basis van stap 1 tot en met 3 het risico, de aard en de ernst van het "
        "geweld of de mishandeling, met het afwegingskader van uw beroepsgroep.",
        [
            "Loop de vragen van het afwegingskader hieronder een voor een door.",
            "Twijfelt u of er sprake is van acute of structurele onveiligheid? Vraag Veilig "
            "Thuis om advies: 0800-2000.",
            "Leg uw afweging en de redenen ervoor vast.",
        ],
        [
            "Is iemand nu of in de toekomst onveilig?",
            "Kan ik, met anderen, hulp bieden die het geweld stopt?",
        ],
    ),
    _step(
        "Beslissen: hulp organiseren en/of melden",
        "U neemt een besluit en legt het vast: melden bij Veilig Thuis, hulp bieden of "
        "organiseren, of allebei.",
        [
            "Is er acute of structurele onveiligheid? Dan meldt u bij Veilig Thuis, ook als u "
            "daarnaast zelf hulp biedt.",
            "Bespreek een melding vooraf met de cliënt, tenzij dat de veiligheid van iemand in "
            "gevaar brengt.",
            "Bied of organiseer hulp als u dat kunt en de cliënt die aanvaardt, en volg of de "
            "veiligheid terugkeert.",
            "Meld alsnog als de hulp niet tot de noodzakelijke veiligheid leidt.",
        ],
        [
            "Weet de cliënt wat ik heb besloten, en waarom?",
            "Wie houdt de veiligheid in de gaten, en tot wanneer?",
        ],
        "Melden en hulp bieden sluiten elkaar niet uit. Bespreek met Veilig Thuis wat u na een "
        "melding blijft doen.",
    ),
]

REPORT_NL = (
    "U meldt bij Veilig Thuis. Bespreek met Veilig Thuis wat u na de melding, binnen uw "
    "gewone werk, kunt blijven doen om de cliënt en het gezin te beschermen en te steunen."
)

ASSESSMENT_NL = [
    _question(
        "Is er op basis van stap 1 tot en met 3 een vermoeden van huiselijk geweld of "
        "kindermishandeling?",
        "Kijk naar de signalen, het overleg en het gesprek met de cliënt samen.",
        "no",
        _outcome(
            "close",
            "Geen vermoeden: vastleggen en afsluiten",
            "Leg vast welke signalen er waren, wat u hebt gedaan en waarom u afsluit. Komen er "
            "nieuwe signalen, dan begint u opnieuw bij stap 1.",
        ),
    ),
    _question(
        "Is er sprake van acute of structurele onveiligheid?",
        "Acuut: iemand is nu in gevaar. Structureel: het geweld herhaalt zich, of zal zich naar "
        "verwachting herhalen. Twijfelt u, vraag dan Veilig Thuis om advies.",
        "yes",
        _outcome("report", "Melden bij Veilig Thuis", REPORT_NL),
    ),
    _question(
        "Bent u in staat effectieve hulp te bieden of te organiseren?",
        "Kunt u, eventueel samen met anderen, hulp bieden of regelen die de risico's op "
        "(nieuw) geweld of mishandeling wegneemt?",
        "no",
        _outcome("report", "Melden bij Veilig Thuis", REPORT_NL),
    ),
    _question(
        "Aanvaarden de betrokkenen de hulp?",
        "Staan de cliënt en de andere betrokkenen open voor de hulp, en zijn zij bereid zich er "
        "actief voor in te zetten?",
        "no",
        _outcome("report", "Melden bij Veilig Thuis", REPORT_NL),
    ),
    _question(
        "Leidt de hulp tot de noodzakelijke veiligheid?",
        "Zorgt de hulp binnen de afgesproken tijd voor veiligheid en voor duurzaam herstel van "
        "het welzijn van de betrokkenen?",
        "no",
        _outcome(
            "report",
            "Alsnog melden bij Veilig Thuis",
            "De hulp brengt niet de veiligheid die nodig is. U meldt alsnog bij Veilig Thuis en "
            "bespreekt wat u zelf blijft doen.",
        ),
    ),
    _final(
        _outcome(
            "help",
            "Hulp bieden of organiseren en de veiligheid volgen",
            "U biedt of organiseert de hulp en volgt of de veiligheid blijvend is. Leg uw "
            "afspraken vast. Begint het geweld opnieuw, dan meldt u alsnog bij Veilig Thuis.",
        )
    ),
]

STEPS_EN = [
    _step(
        "Map the signs",
        "You record what you see and hear, so that you and others can later check what your "
        "concern is based on.",
        [
            "Describe the signs factually in the file: what you saw or heard, when and from whom.",
            "Keep facts apart from your interpretation; write a suspicion down as a suspicion.",
            "Also record whom you discuss the signs with and which steps you take.",
            "Do you work with adults? Check whether there are children in the family who "
            "witness the violence (the child check).",
        ],
        [
            "What exactly did I see or hear?",
            "What is fact, and what is my reading of it?",
            "Are children involved?",
        ],
        "Is there immediate danger? Then call 112 and make sure everyone is safe first. You go "
        "through the steps afterwards.",
    ),
    _step(
        "Consult a colleague and, if needed, Veilig Thuis",
        "You test your concern with others, so that you are not alone and overlook nothing.",
        [
            "Discuss the signs with an expert colleague or your organisation's meldcode officer.",
            "If needed, ask Veilig Thuis for advice: 0800-2000. You can do so without naming "
            "your client.",
            "Do you see injuries? If needed, consult an expert in injury assessment, such as a "
            "forensic physician.",
            "Record whom you consulted and what came of it.",
        ],
        [
            "Are there other explanations for the signs?",
            "What does a colleague or Veilig Thuis know that I do not?",
        ],
        "Asking for advice is not a report. As long as you do not report, you give Veilig "
        "Thuis nothing by which your client can be identified.",
    ),
    _step(
        "Talk with the client",
        "You discuss your concern with the client: for a child, with the parents and, "
        "depending on age, with the child.",
        [
            "Explain why you are having the conversation.",
            "Describe the facts you recorded, and what you saw and heard.",
            "Invite the client to respond, and only then come to an interpretation.",
            "Record the conversation and the client's response.",
        ],
        [
            "How does the client see what I see?",
            "Has my concern grown or lessened after the conversation?",
        ],
        "You may skip the conversation if it would put the safety of the client, yourself or "
        "someone else at risk, or if you have good reason to think the client would then break "
        "off contact with you. Record why you did not have it.",
    ),
    _step(
        "Weigh the violence with the assessment framework",
        "Based on steps 1 to 3 you weigh the risk, nature and seriousness of the violence or "
        "abuse, with your profession's assessment framework.",
        [
            "Go through the questions of the assessment framework below one by one.",
            "In doubt whether there is acute or structural unsafety? Ask Veilig Thuis for "
            "advice: 0800-2000.",
            "Record your assessment and your reasons.",
        ],
        [
            "Is anyone unsafe now or in the future?",
            "Can I, with others, offer help that stops the violence?",
        ],
    ),
    _step(
        "Decide: organise help and/or report",
        "You take a decision and record it: report to Veilig Thuis, offer or organise help, "
        "or both.",
        [
            "Is there acute or structural unsafety? Then you report to Veilig Thuis, also if "
            "you offer help yourself as well.",
            "Discuss a report with the client beforehand, unless that would put someone's "
            "safety at risk.",
            "Offer or organise help if you can and the client accepts it, and follow whether "
            "safety returns.",
            "Report after all if the help does not bring the safety that is needed.",
        ],
        [
            "Does the client know what I decided, and why?",
            "Who keeps an eye on safety, and until when?",
        ],
        "Reporting and helping do not exclude each other. Agree with Veilig Thuis what you "
        "keep doing after a report.",
    ),
]

REPORT_EN = (
    "You report to Veilig Thuis. Agree with Veilig Thuis what you can keep doing after the "
    "report, within your usual work, to protect and support the client and the family."
)

ASSESSMENT_EN = [
    _question(
        "Based on steps 1 to 3, is there a suspicion of domestic violence or child abuse?",
        "Look at the signs, the consultation and the conversation with the client together.",
        "no",
        _outcome(
            "close",
            "No suspicion: record and close",
            "Record which signs there were, what you did and why you close the matter. If new "
            "signs appear, you start again at step 1.",
        ),
    ),
    _question(
        "Is there acute or structural unsafety?",
        "Acute: someone is in danger now. Structural: the violence repeats itself, or is "
        "expected to. In doubt? Ask Veilig Thuis for advice.",
        "yes",
        _outcome("report", "Report to Veilig Thuis", REPORT_EN),
    ),
    _question(
        "Are you able to offer or organise effective help?",
        "Can you, with others if need be, offer or arrange help that removes the risk of "
        "(further) violence or abuse?",
        "no",
        _outcome("report", "Report to Veilig Thuis", REPORT_EN),
    ),
    _question(
        "Do the people involved accept the help?",
        "Are the client and the others involved open to the help, and willing to work at it "
        "actively?",
        "no",
        _outcome("report", "Report to Veilig Thuis", REPORT_EN),
    ),
    _question(
        "Does the help lead to the safety that is needed?",
        "Does the help bring safety and a lasting recovery of the wellbeing of those involved "
        "within the agreed time?",
        "no",
        _outcome(
            "report",
            "Report to Veilig Thuis after all",
            "The help does not bring the safety that is needed. You report to Veilig Thuis "
            "after all and agree what you keep doing yourself.",
        ),
    ),
    _final(
        _outcome(
            "help",
            "Offer or organise help and follow safety",
            "You offer or organise the help and follow whether safety lasts. Record your "
            "agreements. If the violence starts again, you report to Veilig Thuis after all.",
        )
    ),
]

MELDCODE = DemoPage(
    key="knowledge/meldcode",
    model="knowledge.MeldcodePage",
    parent="knowledge/index",
    nl=Translation(
        title="De meldcode in vijf stappen",
        slug="meldcode-in-vijf-stappen",
        intro=(
            "Vermoedt u huiselijk geweld of kindermishandeling bij een cliënt, leerling of "
            "patiënt? De meldcode leidt u in vijf stappen naar een zorgvuldig besluit. Bij stap "
            "4 beantwoordt u de vragen van het afwegingskader; uw antwoorden blijven op deze "
            "pagina."
        ),
        search_description=(
            "De vijf stappen van de meldcode en de vragen van het afwegingskader, stap voor stap."
        ),
        extra={"steps": STEPS_NL, "assessment": ASSESSMENT_NL},
    ),
    en=Translation(
        title="The reporting code in five steps",
        slug="reporting-code-in-five-steps",
        intro=(
            "Do you suspect domestic violence or child abuse of a client, pupil or patient? "
            "The reporting code (meldcode) takes you to a careful decision in five steps. At "
            "step 4 you answer the questions of the assessment framework; your answers stay on "
            "this page."
        ),
        search_description=(
            "The five steps of the reporting code and the questions of the assessment framework."
        ),
        extra={"steps": STEPS_EN, "assessment": ASSESSMENT_EN},
    ),
    fields={"last_reviewed": date(2026, 10, 5), "author_organisation": CENTRE},
    terms={"themes": ("meldcode",), "audiences": ("professionals",)},
)

PAGES = [MELDCODE]
