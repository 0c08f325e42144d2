"""The course catalogue in the demo site (the demo door: portal/demo/door.py).

Written for this site, a regional Centre for domestic violence and child abuse in Hart van
Brabant, following shared/GLOSSARY.md (Veilig Thuis 0800-2000, 112, the five meldcode steps).
Rules for the texts, as in knowledge/demo_articles.py: "u", never "je"; phone numbers only in
rich text, as tel: links; a title that names abuse or violence gets a neutral seo_title, so a
browser tab reveals nothing. The courses are in Dutch only (en=None); the English catalogue
exists and says there are no courses yet.

Six courses for variety in the catalogue: three online (residents, sports volunteers, an
accredited meldcode refresher with a final test), two classroom courses and one awareness
session on request.

The classroom courses have dated sessions (`load`): the meldcode basic training free for
professionals of the region in Tilburg, Waalwijk and Dongen, plus one open session at EUR 195 in
Tilburg; the three-day Multifocus training at EUR 395, 16 seats, in three municipalities, the
first one full with two people on the waiting list (the coordinator's demo: bookings, waiting
list, export, attendance). Dates count from the day of loading; a course gets new sessions only
when it has none to come, so a second run changes nothing.
"""

import datetime
from datetime import date
from decimal import Decimal

from django.utils import timezone

from portal.demo.blocks import Block
from portal.demo.door import DemoContext, DemoPage, Translation

from .classroom import (
    Booking,
    BookingStatus,
    CourseSession,
    CourseSessionDay,
    Participant,
    PaymentMethod,
)

DEPENDS_ON = ["portal"]

CATALOGUE = "courses/catalogue"
VEILIG_THUIS_LINK = '<a href="tel:08002000">0800-2000</a>'
EMERGENCY_LINK = '<a href="tel:112">112</a>'


# --- Helpers that build a lesson's StreamField data -------------------------------------------


def text(html: str) -> Block:
    return {"type": "text", "value": html.strip()}


def case(title: str, html: str) -> Block:
    return {"type": "case", "value": {"title": title, "text": html.strip()}}


def reflection(question: str, hint: str = "") -> Block:
    return {"type": "reflection", "value": {"question": question, "hint": hint}}


def answer(text_: str, correct: bool = False, feedback: str = "") -> dict:
    return {"text": text_, "is_correct": correct, "feedback": feedback}


def question(kind: str, text_: str, *answers: dict) -> dict:
    return {"kind": kind, "question": text_, "choices": list(answers)}


def single(text_: str, *answers: dict) -> dict:
    return question("single", text_, *answers)


def multiple(text_: str, *answers: dict) -> dict:
    return question("multiple", text_, *answers)


def true_false(text_: str, true: bool, if_true: str, if_false: str) -> dict:
    """A statement; `true` says whether it is; the feedback goes with the answer "Waar" or
    "Niet waar"."""
    return question(
        "true_false",
        text_,
        answer("Waar", true, if_true),
        answer("Niet waar", not true, if_false),
    )


def quiz(title: str, *questions: dict) -> Block:
    return {"type": "quiz", "value": {"title": title, "questions": list(questions)}}


def _course(
    slug: str,
    nl: Translation,
    *,
    fields: dict,
    themes: tuple[str, ...],
    audiences: tuple[str, ...],
    municipalities: tuple[str, ...] = (),
) -> DemoPage:
    terms = {"themes": themes, "audiences": audiences}
    if municipalities:
        terms["municipalities"] = municipalities
    return DemoPage(
        key=f"courses/{slug}",
        model="courses.CoursePage",
        parent=CATALOGUE,
        nl=nl,
        en=None,
        fields={"last_reviewed": date(2026, 5, 1), **fields},
        terms=terms,
    )


def _lessons(course: str, lessons: list[tuple[str, str, int, list[Block]]], *, neutral: str = ""):
    """Lesson pages under the course with key courses/<course>: (title, slug, minutes, body);
    the last one is a final test when its slug says "eindtoets". `neutral` is the tab title's
    stem for courses whose lesson titles name the subject."""
    return [
        DemoPage(
            key=f"courses/{course}/{slug}",
            model="courses.LessonPage",
            parent=f"courses/{course}",
            nl=Translation(
                title=title,
                slug=slug,
                seo_title=f"{neutral}, les {number}" if neutral else "",
                body=body,
            ),
            en=None,
            fields={
                "kind": "final_test" if slug == "eindtoets" else "lesson",
                "estimated_minutes": minutes,
            },
        )
        for number, (title, slug, minutes, body) in enumerate(lessons, 1)
    ]


INDEX = DemoPage(
    key=CATALOGUE,
    model="courses.CourseIndexPage",
    parent="home",
    nl=Translation(
        title="Trainingen",
        slug="trainingen",
        intro=(
            "Leer signalen herkennen en weet wat u kunt doen. Online in uw eigen tempo, "
            "klassikaal of als sessie op uw school of club. Online trainingen voor inwoners en "
            "vrijwilligers zijn gratis en u heeft er geen account voor nodig."
        ),
    ),
    en=Translation(
        title="Courses",
        slug="courses",
        intro="Learn to recognise signs and know what you can do.",
    ),
    fields={"show_in_menus": True},
)

# --- (a) Residents: free, online ---------------------------------------------------------------

RESIDENTS = "signalen-van-kindermishandeling"
RESIDENTS_COURSE = _course(
    RESIDENTS,
    Translation(
        title="Signalen van kindermishandeling — wat kunt u doen?",
        slug=RESIDENTS,
        seo_title="Training voor inwoners",
        intro=(
            "Maakt u zich zorgen over een kind in uw buurt, familie of omgeving? In deze gratis "
            "online training leert u in drie korte lessen welke signalen er zijn, hoe u een "
            "gesprek aangaat en waar u terechtkunt voor advies. U heeft geen account nodig."
        ),
        search_description=(
            "Gratis online training voor inwoners: signalen van kindermishandeling herkennen en "
            "weten wat u kunt doen."
        ),
        extra={
            "what_you_learn": (
                "<ul><li>welke signalen kunnen wijzen op kindermishandeling;</li>"
                "<li>hoe u een gesprek begint met het kind of met de ouder;</li>"
                "<li>wanneer en hoe u Veilig Thuis om advies vraagt;</li>"
                "<li>wat u doet als er direct gevaar is.</li></ul>"
            ),
            "for_whom": (
                "<p>Voor iedereen die zich zorgen maakt om een kind: buren, familieleden, "
                "ouders van vriendjes. U hoeft niets te weten om te beginnen.</p>"
            ),
        },
    ),
    fields={"format": "online", "duration_minutes": 30, "language": "nl"},
    themes=("kindermishandeling", "signalen-herkennen"),
    audiences=("inwoners",),
)
RESIDENTS_LESSONS = _lessons(
    RESIDENTS,
    [
        (
            "Wat is kindermishandeling?",
            "wat-is-kindermishandeling",
            8,
            [
                text(
                    "<p>Bij kindermishandeling denken veel mensen aan slaan. Maar het is "
                    "breder: ook een kind steeds uitschelden, bang maken, niet genoeg te eten "
                    "geven of geen zorg geven als het ziek is, is kindermishandeling. En een kind "
                    "dat thuis geweld tussen de ouders meemaakt, wordt ook mishandeld, ook als "
                    "het zelf niet geslagen wordt.</p>"
                    "<h2>Vormen</h2><ul><li>lichamelijke mishandeling;</li>"
                    "<li>emotionele mishandeling: kleineren, bedreigen, negeren;</li>"
                    "<li>verwaarlozing: geen eten, hygiëne, medische zorg of aandacht;</li>"
                    "<li>seksueel misbruik;</li>"
                    "<li>getuige zijn van huiselijk geweld.</li></ul>"
                ),
                text(
                    "<p>Kindermishandeling gebeurt in alle soorten gezinnen. Vaak willen ouders "
                    "het niet, maar lukt het hun niet om goed voor hun kind te zorgen, "
                    "bijvoorbeeld door stress, schulden of eigen problemen. Hulp voor het gezin "
                    "helpt dan ook het kind.</p>"
                ),
                reflection(
                    "Denk aan een kind dat u kent. Wat zou u merken als het thuis niet goed gaat?",
                    "Er is geen goed of fout antwoord. Het gaat erom dat u bewust kijkt.",
                ),
            ],
        ),
        (
            "Signalen herkennen",
            "signalen-herkennen",
            10,
            [
                text(
                    "<p>Kinderen vertellen zelden uit zichzelf wat er thuis gebeurt. Ze schamen "
                    "zich, zijn bang of willen hun ouders beschermen. Daarom zijn signalen "
                    "belangrijk. Eén signaal zegt nog niet veel; let vooral op een combinatie van "
                    "signalen en op veranderingen.</p>"
                    "<h2>Signalen bij het kind</h2><ul>"
                    "<li>blauwe plekken of wondjes die het kind niet kan of wil uitleggen;</li>"
                    "<li>schrikachtig, teruggetrokken of juist heel druk en agressief;</li>"
                    "<li>vaak honger, vieze kleding, niet naar de dokter als dat nodig is;</li>"
                    "<li>niet naar huis willen of bang zijn voor een ouder.</li></ul>"
                    "<h2>Signalen bij de ouder</h2><ul>"
                    "<li>praat negatief over het kind of schreeuwt het vaak uit;</li>"
                    "<li>houdt het kind weg van anderen;</li>"
                    "<li>geeft uitleg over letsel die niet klopt.</li></ul>"
                ),
                case(
                    "Het meisje van de buren",
                    "<p>Sara (8) woont naast u. De laatste weken hoort u 's avonds vaak "
                    "geschreeuw. Sara zit na school lang buiten op de stoep, ook als het koud "
                    "is. Toen u vroeg of ze naar binnen ging, zei ze: 'Ik mag pas als papa "
                    "slaapt.'</p>",
                ),
                reflection(
                    "Welke signalen ziet u bij Sara? En wat zou u als eerste doen?",
                    "Kijk naar wat u ziet én hoort, en naar wat Sara zelf zegt.",
                ),
            ],
        ),
        (
            "Wat kunt u doen?",
            "wat-kunt-u-doen",
            12,
            [
                text(
                    "<p>U hoeft niet zeker te weten dat er iets aan de hand is om iets te doen. "
                    "Een vermoeden is genoeg om advies te vragen.</p>"
                    "<h2>Zo pakt u het aan</h2><ol>"
                    "<li><strong>Schrijf op wat u ziet en hoort</strong>, met de datum. Houd "
                    "feiten en uw gevoel uit elkaar.</li>"
                    "<li><strong>Praat met het kind</strong> als dat kan: rustig, zonder door te "
                    "vragen. Zeg dat het goed is dat het iets vertelt, en beloof geen geheim te "
                    "houden.</li>"
                    "<li><strong>Vraag advies</strong> aan Veilig Thuis: "
                    f"{VEILIG_THUIS_LINK}, gratis en dag en nacht bereikbaar. U mag anoniem "
                    "bellen.</li></ol>"
                    f"<p>Is er direct gevaar? Bel {EMERGENCY_LINK}.</p>"
                ),
                quiz(
                    "Test uw kennis",
                    single(
                        "U hoort vaak geschreeuw bij de buren en het kind lijkt bang. Wat doet "
                        "u eerst?",
                        answer(
                            "Ik wacht tot ik zeker weet dat er iets aan de hand is.",
                            feedback="Wachten is niet nodig: een vermoeden is genoeg om "
                            "advies te vragen.",
                        ),
                        answer(
                            "Ik schrijf op wat ik zie en hoor en vraag advies aan Veilig Thuis.",
                            True,
                            "Goed. Veilig Thuis denkt met u mee, ook als u twijfelt.",
                        ),
                        answer(
                            "Ik spreek de ouders er meteen boos op aan.",
                            feedback="Een boze confrontatie kan het voor het kind erger maken. "
                            "Vraag eerst advies.",
                        ),
                    ),
                    multiple(
                        "Welke van deze signalen kunnen wijzen op kindermishandeling? Kies alle "
                        "goede antwoorden.",
                        answer(
                            "Het kind wil niet naar huis.",
                            True,
                            "Ja. Bang zijn om naar huis te gaan is een belangrijk signaal.",
                        ),
                        answer(
                            "Het kind heeft een nieuwe fiets.",
                            feedback="Nee, dit zegt niets over hoe het thuis gaat.",
                        ),
                        answer(
                            "Het kind heeft blauwe plekken die het niet kan uitleggen.",
                            True,
                            "Ja, zeker als het vaker gebeurt of op plekken waar kinderen niet "
                            "snel vallen.",
                        ),
                    ),
                    true_false(
                        "Als u Veilig Thuis belt, moet u uw naam noemen.",
                        False,
                        "Dat klopt niet: u mag anoniem advies vragen.",
                        "Juist. U mag anoniem bellen en gewoon om advies vragen.",
                    ),
                ),
            ],
        ),
    ],
    neutral="Training voor inwoners",
)

# --- (b) Sports volunteers: free, online ---------------------------------------------------------

SPORTS = "een-veilige-sportclub"
SPORTS_COURSE = _course(
    SPORTS,
    Translation(
        title="Een veilige sportclub: signalen en wat u doet",
        slug=SPORTS,
        intro=(
            "Als trainer, coach of vrijwilliger ziet u kinderen elke week. Soms merkt u dat er "
            "iets niet goed gaat. Deze gratis online training helpt u signalen te herkennen en "
            "te weten wat u dan doet, samen met de vertrouwenscontactpersoon van uw club."
        ),
        search_description="Gratis online training voor trainers en vrijwilligers bij sportclubs.",
        extra={
            "what_you_learn": (
                "<ul><li>waar u op let bij kinderen op de club;</li>"
                "<li>hoe u reageert als een kind iets vertelt;</li>"
                "<li>wat de vertrouwenscontactpersoon (VCP) doet;</li>"
                "<li>wanneer u Veilig Thuis om advies vraagt.</li></ul>"
            ),
            "for_whom": (
                "<p>Voor trainers, coaches, teamleiders en andere vrijwilligers bij sportclubs "
                "in de regio Hart van Brabant.</p>"
            ),
        },
    ),
    fields={"format": "online", "duration_minutes": 35, "language": "nl"},
    themes=("kindermishandeling", "signalen-herkennen"),
    audiences=("vrijwilligers-en-sportclubs",),
)
SPORTS_LESSONS = _lessons(
    SPORTS,
    [
        (
            "Waarom dit bij de club hoort",
            "waarom-bij-de-club",
            10,
            [
                text(
                    "<p>Op de sportclub zijn kinderen vaak vrolijk en ontspannen. Juist daar "
                    "vertellen ze soms iets wat ze thuis of op school niet durven. U bent als "
                    "trainer een volwassene die ze vertrouwen.</p>"
                    "<p>U hoeft geen hulpverlener te zijn. Uw taak is: opletten, luisteren en "
                    "het niet alleen oplossen. Daarvoor heeft uw club een "
                    "vertrouwenscontactpersoon (VCP).</p>"
                ),
                reflection(
                    "Weet u wie de vertrouwenscontactpersoon van uw club is, en hoe u die bereikt?",
                    "Staat het niet op de website van uw club? Vraag het aan het bestuur.",
                ),
            ],
        ),
        (
            "Signalen op het veld en in de kleedkamer",
            "signalen-op-de-club",
            12,
            [
                text(
                    "<p>Let op veranderingen. Een kind dat altijd graag kwam en nu vaak "
                    "afzegt, een kind dat zich niet wil omkleden waar anderen bij zijn, of een "
                    "kind dat na de training niet opgehaald wordt en niet naar huis wil.</p>"
                    "<ul><li>letsel dat het kind niet kan of wil uitleggen;</li>"
                    "<li>heel angstig reageren op een fout of op harde stemmen;</li>"
                    "<li>steeds zonder eten of drinken, of in te dunne kleding;</li>"
                    "<li>een ouder die het kind langs de lijn kleineert of hard aanpakt.</li></ul>"
                ),
                case(
                    "Daan blijft hangen",
                    "<p>Daan (11) blijft na de training steeds het langst in de kantine. Als "
                    "zijn vader hem komt halen, wordt hij stil. Vorige week had hij een blauwe "
                    "plek op zijn arm. 'Gevallen,' zei hij snel.</p>",
                ),
                reflection(
                    "Wat zou u tegen Daan zeggen? En met wie op de club bespreekt u dit?",
                    "Houd het gesprek luchtig en open. Bespreek uw zorg daarna met de VCP.",
                ),
            ],
        ),
        (
            "Wat u doet: melden bij de VCP en advies vragen",
            "wat-u-doet",
            13,
            [
                text(
                    "<h2>Als een kind iets vertelt</h2><ul>"
                    "<li>blijf rustig en luister; vraag niet door;</li>"
                    "<li>zeg dat het goed is dat het kind het vertelt;</li>"
                    "<li>beloof geen geheimhouding: zeg dat u hulp gaat vragen;</li>"
                    "<li>schrijf daarna op wat het kind letterlijk zei.</li></ul>"
                    "<h2>Daarna</h2><p>Bespreek het dezelfde dag met de "
                    "vertrouwenscontactpersoon. Samen vraagt u advies aan Veilig Thuis: "
                    f"{VEILIG_THUIS_LINK}. Bij direct gevaar belt u {EMERGENCY_LINK}.</p>"
                ),
                quiz(
                    "Wat weet u nu?",
                    single(
                        "Een speler vertelt u na de training dat hij thuis geslagen wordt. Hij "
                        "vraagt of u het geheim wilt houden. Wat zegt u?",
                        answer(
                            "U belooft dat u het aan niemand vertelt.",
                            feedback="Dat kunt u niet waarmaken: u moet hulp vragen om het kind "
                            "te helpen.",
                        ),
                        answer(
                            "Dat het goed is dat hij het vertelt, en dat u iemand om hulp gaat "
                            "vragen die hem kan helpen.",
                            True,
                            "Goed. U bent eerlijk en laat het kind niet alleen.",
                        ),
                        answer(
                            "U vraagt of hij het zeker weet: misschien bedoelde zijn vader het "
                            "niet zo.",
                            feedback="Twijfel aan zijn verhaal kan ervoor zorgen dat het kind "
                            "niets meer vertelt.",
                        ),
                    ),
                    multiple(
                        "Wat doet u na zo'n gesprek? Kies alle goede antwoorden.",
                        answer(
                            "Ik schrijf op wat het kind letterlijk zei.",
                            True,
                            "Ja, dat helpt de VCP en Veilig Thuis.",
                        ),
                        answer(
                            "Ik bespreek het met de vertrouwenscontactpersoon.",
                            True,
                            "Ja, u lost het niet alleen op.",
                        ),
                        answer(
                            "Ik bel de ouders om te vragen hoe het zit.",
                            feedback="Liever niet zelf: overleg eerst met de VCP en Veilig Thuis.",
                        ),
                    ),
                    true_false(
                        "De vertrouwenscontactpersoon neemt uw zorg serieus, ook als u twijfelt.",
                        True,
                        "Klopt. Twijfel is juist een reden om te overleggen.",
                        "Toch wel: twijfel is juist een reden om te overleggen.",
                    ),
                ),
            ],
        ),
    ],
    neutral="Training voor vrijwilligers",
)

# --- (c) Professionals: accredited meldcode refresher with a final test ------------------------

REFRESHER = "meldcode-opfrissen"
REFRESHER_COURSE = _course(
    REFRESHER,
    Translation(
        title="Meldcode opfrissen",
        slug=REFRESHER,
        intro=(
            "Een online opfriscursus voor professionals die de meldcode al kennen. U neemt de "
            "vijf stappen en het afwegingskader door, oefent met een casus en sluit af met een "
            "eindtoets. Geaccrediteerd voor Registerplein."
        ),
        search_description="Online opfriscursus meldcode met eindtoets, 2 accreditatiepunten.",
        extra={
            "what_you_learn": (
                "<ul><li>de vijf stappen van de meldcode, en wat er in 2019 veranderde;</li>"
                "<li>de vragen van het afwegingskader;</li>"
                "<li>wanneer u moet melden bij Veilig Thuis;</li>"
                "<li>hoe u zorgvuldig vastlegt wat u doet.</li></ul>"
            ),
            "for_whom": (
                "<p>Voor professionals in onderwijs, zorg, jeugdhulp, kinderopvang en sociaal "
                "domein die met de meldcode werken. U heeft de basistraining gevolgd.</p>"
            ),
        },
    ),
    fields={
        "format": "online",
        "duration_minutes": 120,
        "language": "nl",
        "accreditation_register": "Registerplein",
        "accreditation_id": "RP-2026-0412",
        "accreditation_points": Decimal("2"),
        "completion_rule": "final_test_passed",
        "pass_mark": 80,
        "certificate_validity_months": 24,
    },
    themes=("meldcode",),
    audiences=("professionals",),
)
REFRESHER_LESSONS = _lessons(
    REFRESHER,
    [
        (
            "De vijf stappen",
            "de-vijf-stappen",
            30,
            [
                text(
                    "<p>De meldcode geeft u vijf stappen als u huiselijk geweld of "
                    "kindermishandeling vermoedt:</p><ol>"
                    "<li>signalen in kaart brengen;</li>"
                    "<li>collegiale consultatie en zo nodig Veilig Thuis raadplegen;</li>"
                    "<li>gesprek met de betrokkene;</li>"
                    "<li>wegen aan de hand van het afwegingskader;</li>"
                    "<li>beslissen: hulp organiseren en/of melden.</li></ol>"
                    "<p>De stappen zijn geen afvinklijst: u kunt teruggaan en stappen "
                    "overslaan als de veiligheid dat vraagt. Leg elke stap vast.</p>"
                ),
                reflection(
                    "Bij welke stap aarzelt u in de praktijk het meest? Waarom?",
                    "Veel professionals noemen het gesprek met de betrokkene (stap 3).",
                ),
            ],
        ),
        (
            "Het afwegingskader",
            "het-afwegingskader",
            40,
            [
                text(
                    "<p>In stap 4 en 5 gebruikt u het afwegingskader van uw beroepsgroep. "
                    "Sinds 2019 is melden bij Veilig Thuis de norm bij acute en structurele "
                    "onveiligheid, ook als u zelf hulp biedt. Daarnaast beslist u of u "
                    "passende hulp kunt bieden of organiseren.</p>"
                ),
                case(
                    "Een moeder op het spreekuur",
                    "<p>Een moeder vertelt op het consultatiebureau dat haar partner 'soms "
                    "uitschiet'. Ze heeft een blauwe plek bij haar pols. Haar baby van vier "
                    "maanden is erbij. Ze vraagt u niets door te vertellen.</p>",
                ),
                reflection(
                    "Loop de vragen van het afwegingskader langs voor deze casus. Waar komt u uit?",
                    "Denk aan de baby: is er sprake van acute of structurele onveiligheid?",
                ),
            ],
        ),
        (
            "Eindtoets",
            "eindtoets",
            30,
            [
                text(
                    "<p>Beantwoord de vijf vragen. U slaagt met 80% goed: vier van de vijf "
                    "vragen. U mag de toets opnieuw maken.</p>"
                ),
                quiz(
                    "Eindtoets meldcode",
                    single(
                        "Wat is stap 2 van de meldcode?",
                        answer("Signalen in kaart brengen.", feedback="Dat is stap 1."),
                        answer(
                            "Collegiale consultatie en zo nodig Veilig Thuis raadplegen.",
                            True,
                            "Juist.",
                        ),
                        answer("Melden bij Veilig Thuis.", feedback="Dat gebeurt in stap 5."),
                    ),
                    true_false(
                        "Bij acute onveiligheid meldt u bij Veilig Thuis, ook als u zelf hulp "
                        "biedt.",
                        True,
                        "Klopt: bij acute en structurele onveiligheid is melden de norm.",
                        "Toch wel: bij acute en structurele onveiligheid is melden de norm.",
                    ),
                    multiple(
                        "Wat legt u vast in het dossier? Kies alle goede antwoorden.",
                        answer("De signalen die u zag.", True, "Ja, feitelijk beschreven."),
                        answer("Met wie u overlegde en wat u besloot.", True, "Ja, elke stap."),
                        answer(
                            "Uw vermoeden over wie de dader is, als feit.",
                            feedback="Nee: scheid feiten van vermoedens en interpretaties.",
                        ),
                    ),
                    single(
                        "Een collega vindt dat u 'te snel' meldt. Wat doet u?",
                        answer(
                            "Ik volg het afwegingskader en leg mijn afweging vast.",
                            True,
                            "Juist: het kader en uw verslag onderbouwen het besluit.",
                        ),
                        answer(
                            "Ik zie af van een melding om de relatie goed te houden.",
                            feedback="De veiligheid van de betrokkene gaat voor.",
                        ),
                    ),
                    true_false(
                        "U mag Veilig Thuis om advies vragen zonder de naam van de cliënt te "
                        "noemen.",
                        True,
                        "Klopt: advies vragen kan anoniem.",
                        "Toch wel: advies vragen kan zonder namen.",
                    ),
                ),
            ],
        ),
    ],
)

# --- (d) Classroom and (e) on request ---------------------------------------------------------

CLASSROOM_COURSE = _course(
    "basistraining-meldcode",
    Translation(
        title="Basistraining meldcode",
        slug="basistraining-meldcode",
        intro=(
            "Een dag over de meldcode, met oefeningen en een trainingsacteur. U leert de vijf "
            "stappen toepassen en oefent het gesprek met ouders of cliënten."
        ),
        extra={
            "what_you_learn": (
                "<ul><li>signalen herkennen en vastleggen;</li>"
                "<li>het gesprek met de betrokkene voeren;</li>"
                "<li>het afwegingskader gebruiken.</li></ul>"
            ),
            "for_whom": (
                "<p>Voor professionals die met de meldcode gaan werken, en voor "
                "aandachtsfunctionarissen die hun kennis willen opbouwen.</p>"
            ),
        },
    ),
    fields={
        "format": "classroom",
        "duration_minutes": 360,
        "language": "nl",
        "price": Decimal("195.00"),
        "accreditation_register": "Registerplein",
        "accreditation_id": "RP-2026-0388",
        "accreditation_points": Decimal("6"),
    },
    themes=("meldcode", "huiselijk-geweld", "kindermishandeling"),
    audiences=("professionals",),
    municipalities=("tilburg", "waalwijk", "dongen"),
)

MULTIFOCUS = "multifocus-training"
MULTIFOCUS_COURSE = _course(
    MULTIFOCUS,
    Translation(
        title="Multifocus-training: werken met gezinnen bij geweld",
        slug=MULTIFOCUS,
        seo_title="Multifocus-training voor professionals",
        intro=(
            "Een driedaagse training in de Multifocusmethode: u leert met het hele gezin te "
            "werken aan veiligheid, met oog voor ieders kant van het verhaal en voor de "
            "patronen die geweld in stand houden."
        ),
        extra={
            "what_you_learn": (
                "<ul><li>de uitgangspunten van de Multifocusmethode;</li>"
                "<li>een veiligheidsplan opstellen met alle gezinsleden;</li>"
                "<li>patronen van geweld herkennen en bespreken;</li>"
                "<li>meerzijdig partijdig werken in de praktijk, met een trainingsacteur.</li></ul>"
            ),
            "for_whom": (
                "<p>Voor hulpverleners in de wijkteams, jeugdhulp en Veilig Thuis die met "
                "gezinnen werken waar geweld speelt. U heeft de basistraining meldcode "
                "gevolgd.</p>"
            ),
        },
    ),
    fields={
        "format": "classroom",
        "duration_minutes": 3 * 7 * 60,
        "language": "nl",
        "price": Decimal("395.00"),
        "certificate_validity_months": 36,
    },
    themes=("huiselijk-geweld", "kindermishandeling"),
    audiences=("professionals",),
    municipalities=("tilburg", "oisterwijk", "dongen"),
)

SESSION_COURSE = _course(
    "bewustwordingssessie-grenzen",
    Translation(
        title="Bewustwordingssessie: grenzen aangeven",
        slug="bewustwordingssessie-grenzen",
        intro=(
            "Een les op uw school over grenzen: wat is wel en niet oké, en bij wie kunnen "
            "leerlingen terecht? Samen met een ervaringsdeskundige, afgestemd op de leeftijd van "
            "de groep."
        ),
        extra={
            "what_you_learn": (
                "<ul><li>leerlingen leren hun eigen grenzen en die van een ander kennen;</li>"
                "<li>leerlingen weten bij wie ze terechtkunnen;</li>"
                "<li>leerkrachten krijgen tips voor het gesprek in de klas.</li></ul>"
            ),
            "for_whom": (
                "<p>Voor basisscholen, vanaf groep 1, en voor het voortgezet onderwijs.</p>"
            ),
        },
    ),
    fields={"format": "on_request", "duration_minutes": 90, "language": "nl"},
    themes=("kindermishandeling", "seksueel-geweld"),
    audiences=("scholen",),
)

PAGES = [
    INDEX,
    RESIDENTS_COURSE,
    *RESIDENTS_LESSONS,
    SPORTS_COURSE,
    *SPORTS_LESSONS,
    REFRESHER_COURSE,
    *REFRESHER_LESSONS,
    CLASSROOM_COURSE,
    MULTIFOCUS_COURSE,
    SESSION_COURSE,
]


# --- Classroom sessions and bookings -------------------------------------------------------------

VENUES = {
    "tilburg": ("Vergadercentrum De Kring", "Stationsstraat 10", "5038 EA", "Tilburg"),
    "waalwijk": ("Het Huis van de Wijk", "Grotestraat 215", "5141 JV", "Waalwijk"),
    "dongen": ("Cultureel Centrum De Cammeleur", "Hoge Ham 115", "5104 JD", "Dongen"),
    "oisterwijk": ("Zalencentrum De Tiliander", "Sint Jozefstraat 2", "5061 HA", "Oisterwijk"),
}
TRAINERS = "Ingrid de Vries en Hamid El Amrani"

# (municipality, weeks from today, price): the meldcode day is free for the region's
# professionals, one open session is paid.
MELDCODE_SESSIONS = (
    ("tilburg", 3, Decimal("0")),
    ("waalwijk", 5, Decimal("0")),
    ("dongen", 7, Decimal("0")),
    ("tilburg", 9, Decimal("195.00")),
)
MULTIFOCUS_SESSIONS = (("tilburg", 4), ("oisterwijk", 8), ("dongen", 12))
MULTIFOCUS_SEATS = 16
MULTIFOCUS_WAITING = 2
DEMO_ORGANISATIONS = (
    "Wijkteam Tilburg-Noord",
    "Jeugdhulp Hart van Brabant",
    "GGD Hart voor Brabant",
)


def _at(day: date, hour: int, minute: int = 0) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def _session(
    course,
    municipality,
    first_day: date,
    *,
    days: int,
    price: Decimal,
    capacity: int,
) -> CourseSession:
    venue, street, postal_code, city = VENUES[municipality.slug]
    starts_at = _at(first_day, 9, 30)
    session = CourseSession.objects.create(
        course=course,
        starts_at=starts_at,
        venue_name=venue,
        street_address=street,
        postal_code=postal_code,
        city=city,
        municipality=municipality,
        capacity=capacity,
        trainers=TRAINERS,
        price=price,
        booking_deadline=starts_at - datetime.timedelta(days=3),
        cancellation_deadline=starts_at - datetime.timedelta(days=14),
    )
    for number in range(days):  # a day a week, as the methods are practised in between
        CourseSessionDay.objects.create(
            session=session,
            date=first_day + datetime.timedelta(weeks=number),
            start_time=datetime.time(9, 30),
            end_time=datetime.time(16, 30),
        )
    return session


def _book(session: CourseSession, number: int, status: str) -> Booking:
    """Demo booking `number` of the session, by a made-up professional (example addresses)."""
    reference = f"DEMO{session.pk:02d}{number:02d}"
    booking = Booking.objects.filter(reference=reference).first()
    if booking is not None:
        return booking
    now = timezone.now()
    name = f"Deelnemer {number}"
    booking = Booking.objects.create(
        reference=reference,
        session=session,
        status=status,
        contact_name=name,
        contact_email=f"deelnemer{session.pk}-{number}@example.org",
        organisation=DEMO_ORGANISATIONS[number % len(DEMO_ORGANISATIONS)],
        payment_method=PaymentMethod.INVOICE if status == BookingStatus.CONFIRMED else "",
        price_per_seat=session.price,
        confirmed_at=now if status == BookingStatus.CONFIRMED else None,
        waitlisted_at=now if status == BookingStatus.WAITLISTED else None,
    )
    Participant.objects.create(
        booking=booking,
        name=name,
        email=booking.contact_email,
        accreditation_register="Registerplein",
        registration_number=f"{100000 + session.pk * 100 + number}",
    )
    return booking


def _plan(demo: DemoContext, key: str, plans, *, days: int, capacity: int) -> list:
    course = demo.page(key, "nl")
    if course is None:
        return []
    if CourseSession.objects.upcoming().filter(course=course.pk).exists():
        return list(CourseSession.objects.upcoming().filter(course=course.pk))
    today = timezone.localdate()
    sessions = []
    for slug, weeks, price in plans:
        [municipality] = demo.terms("municipality", (slug,), "nl")
        first_day = today + datetime.timedelta(weeks=weeks)
        sessions.append(
            _session(course, municipality, first_day, days=days, price=price, capacity=capacity)
        )
    demo.note(f"Courses: {len(sessions)} sessions of {course.title!r}.")
    return sessions


def load(demo: DemoContext) -> None:
    _plan(demo, CLASSROOM_COURSE.key, MELDCODE_SESSIONS, days=1, capacity=20)
    multifocus = _plan(
        demo,
        MULTIFOCUS_COURSE.key,
        [(slug, weeks, Decimal("395.00")) for slug, weeks in MULTIFOCUS_SESSIONS],
        days=3,
        capacity=MULTIFOCUS_SEATS,
    )
    if multifocus:
        full = multifocus[0]
        for number in range(1, MULTIFOCUS_SEATS + 1):
            _book(full, number, BookingStatus.CONFIRMED)
        for number in range(MULTIFOCUS_SEATS + 1, MULTIFOCUS_SEATS + MULTIFOCUS_WAITING + 1):
            _book(full, number, BookingStatus.WAITLISTED)
        _book(multifocus[1], 1, BookingStatus.CONFIRMED)
