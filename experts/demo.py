"""The awareness sessions and the expert pool in the demo site (the demo door:
portal/demo/door.py).

Written for this site, a regional Centre for domestic violence and child abuse in Hart van
Brabant (shared/GLOSSARY.md): "u", never "je"; careful words, nothing sensational. The pages,
in Dutch and English: "Voorlichting op school en club" under the home page (in the menu) with
four sessions (a primary school's "Grenzen en geheimen" for groups 5 to 8, a secondary school,
a sports club, an organisation), the pool page and the request form.

The pool (`load`): six experts with pseudonyms, varied in themes, municipalities, age groups,
languages and how often they come; five consented to a public profile, one did not. "Roos" is
the demo account of role Ervaringsdeskundige (Sam, journey 4): two requests wait for her answer
in her inbox. The requests go through the use cases (experts/services), so their history is
right, with the messages muted: loading the demo emails nobody. One request in every state:
new, in review, proposed (two), confirmed, completed, evaluated, declined, withdrawn and
cancelled; dates count from the day of loading. Each demo request's status link is
/nl/expertpool/aanvraag/demo-<state>/ (the command lists them): a demo database only, never
loaded in production.

Idempotent: an expert is found by her pseudonym (or email address), a request by its status
link; what exists is left alone, so a second run changes nothing.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone, translation

from portal import roles
from portal.demo import users
from portal.demo.blocks import text
from portal.demo.door import DemoContext, DemoPage, Translation

from .choices import AgeGroup, HostKind, RequestStatus, WhoComes
from .records import Expert, ExpertPause, ExpertProfile, SessionRequest
from .services import care, matching, messages, requests, status_links
from .services.requests import RequestDetails

DEPENDS_ON = ["portal"]

INDEX = "experts/index"
POOL = "experts/pool"
REQUEST = "experts/request"

# --- Pages ---------------------------------------------------------------------------------------

INDEX_PAGE = DemoPage(
    key=INDEX,
    model="experts.AwarenessIndexPage",
    parent="home",
    nl=Translation(
        title="Voorlichting op school en club",
        slug="voorlichting",
        intro=(
            "Wilt u met uw klas, team of vereniging praten over grenzen, geheimen en wat u "
            "doet als het thuis niet veilig is? Het Centrum verzorgt bewustwordingssessies "
            "voor scholen, sportclubs en organisaties in de regio Hart van Brabant, op uw eigen "
            "locatie en afgestemd op de leeftijd van de groep."
        ),
        body=[
            text(
                "<h2>Zo werkt het</h2><ol>"
                "<li>U kiest een sessie en vraagt die aan met het formulier. U geeft ten minste "
                "één datum die u schikt, en het liefst drie.</li>"
                "<li>Een coördinator neemt contact met u op en zoekt een trainer en, als u dat "
                "wilt, een ervaringsdeskundige die bij uw groep past.</li>"
                "<li>U krijgt een bevestiging met de datum, wie er komt en wat u regelt. Via de "
                "link in onze eerste e-mail volgt u uw aanvraag.</li>"
                "<li>Na de sessie vragen wij u kort hoe het ging.</li></ol>"
            ),
            text(
                "<h2>Vanaf groep 1</h2><p>Met kinderen praten over grenzen kan al vanaf groep "
                "1. Voor de jongste groepen zijn er lessen die de leerkracht zelf geeft, met "
                "ondersteuning van onze trainers. Vraag ernaar in het formulier: kies groep 1 "
                "en 2 of groep 3 en 4.</p>"
            ),
        ],
    ),
    en=Translation(
        title="Awareness sessions",
        slug="awareness-sessions",
        intro=(
            "Would you like to talk with your class, team or club about boundaries, secrets "
            "and what to do when home is not safe? The Centre gives awareness sessions to "
            "schools, sports clubs and organisations in the Hart van Brabant region, at your "
            "own place and suited to the age of the group."
        ),
        body=[
            text(
                "<h2>How it works</h2><ol>"
                "<li>Choose a session and request it with the form, giving at least one date "
                "that suits you, preferably three.</li>"
                "<li>A coordinator contacts you and looks for a trainer and, if you wish, a "
                "lived-experience expert who fits your group.</li>"
                "<li>You receive a confirmation with the date, who comes and what you arrange. "
                "The link in our first email lets you follow your request.</li>"
                "<li>After the session we ask you briefly how it went.</li></ol>"
            ),
        ],
    ),
    fields={"show_in_menus": True},
)


def _offer(
    slug: str,
    nl: Translation,
    en: Translation,
    *,
    host_kind: str,
    age_groups: list[str],
    minutes: int,
    themes: tuple[str, ...],
    audiences: tuple[str, ...],
    who_comes: str = WhoComes.BOTH,
) -> DemoPage:
    return DemoPage(
        key=f"experts/offer/{slug}",
        model="experts.AwarenessOfferPage",
        parent=INDEX,
        nl=nl,
        en=en,
        fields={
            "host_kind": host_kind,
            "age_groups": age_groups,
            "duration_minutes": minutes,
            "who_comes": who_comes,
        },
        terms={"themes": themes, "audiences": audiences},
    )


PRIMARY = "grenzen-en-geheimen"
PRIMARY_OFFER = _offer(
    PRIMARY,
    Translation(
        title="Grenzen en geheimen",
        slug=PRIMARY,
        intro=(
            "Een les voor groep 5 tot en met 8 over de eigen grenzen en die van een ander, over "
            "fijne en nare geheimen, en over bij wie kinderen terechtkunnen als iets niet goed "
            "voelt."
        ),
        search_description=(
            "Bewustwordingssessie voor de basisschool, groep 5 tot en met 8: grenzen, geheimen "
            "en bij wie kinderen terechtkunnen."
        ),
        body=[
            text(
                "<p>Kinderen die thuis iets naars meemaken, vertellen dat zelden uit zichzelf. "
                "Ze weten vaak niet dat het niet hoort, of ze hebben beloofd het geheim te "
                "houden. In deze les leren ze het verschil tussen een fijn en een naar geheim, "
                "en dat ze over een naar geheim altijd mogen praten.</p>"
                "<h3>Wat de leerlingen doen</h3><ul>"
                "<li>met korte situaties oefenen: wat is wel oké, wat niet?</li>"
                "<li>ontdekken hoe hun lijf laat merken dat iets niet goed voelt;</li>"
                "<li>een eigen lijstje maken van volwassenen bij wie ze terechtkunnen.</li></ul>"
                "<p>Een ervaringsdeskundige vertelt, aangepast aan de leeftijd, wat zij als kind "
                "meemaakte en wat haar hielp. De trainer begeleidt het gesprek en bewaakt dat "
                "het voor alle kinderen veilig blijft.</p>"
                "<h3>Voor de leerkracht</h3><p>U krijgt vooraf een korte voorbereiding en na "
                "afloop tips voor het gesprek in de klas, en wat u doet als een leerling u iets "
                "vertelt.</p>"
            ),
        ],
        extra={
            "host_arranges": (
                "<ul><li>een eigen lokaal met digibord, waar niemand binnenloopt;</li>"
                "<li>de eigen leerkracht is de hele les in de klas;</li>"
                "<li>een korte brief aan de ouders vooraf (wij sturen een voorbeeld mee);</li>"
                "<li>de intern begeleider of aandachtsfunctionaris is die dag bereikbaar.</li>"
                "</ul>"
            ),
        },
    ),
    Translation(
        title="Boundaries and secrets",
        slug="boundaries-and-secrets",
        intro=(
            "A lesson for groups 5 to 8 about your own boundaries and those of others, about "
            "good and bad secrets, and about who you can turn to when something does not feel "
            "right."
        ),
        body=[
            text(
                "<p>Children who go through something bad at home rarely say so. In this lesson "
                "they learn the difference between a good and a bad secret, and that they may "
                "always talk about a bad one. A lived-experience expert tells, suited to their "
                "age, what she went through as a child and what helped her.</p>"
            ),
        ],
        extra={
            "host_arranges": (
                "<ul><li>a classroom with a digital board;</li>"
                "<li>the class's own teacher stays for the whole lesson;</li>"
                "<li>a short letter to the parents beforehand (we send an example).</li></ul>"
            ),
        },
    ),
    host_kind=HostKind.PRIMARY_SCHOOL,
    age_groups=[AgeGroup.GROUPS_5_6.value, AgeGroup.GROUPS_7_8.value],
    minutes=90,
    themes=("kindermishandeling", "seksueel-geweld", "signalen-herkennen"),
    audiences=("scholen",),
)

SECONDARY = "wat-is-nog-normaal"
SECONDARY_OFFER = _offer(
    SECONDARY,
    Translation(
        title="Wat is nog normaal? Over grenzen en relaties",
        slug=SECONDARY,
        intro=(
            "Twee lesuren voor de middelbare school over grenzen in vriendschap, verkering en "
            "online, over druk en controle, en over hoe jongeren een vriend helpen die iets naars "
            "meemaakt."
        ),
        search_description=(
            "Bewustwordingssessie voor het voortgezet onderwijs: grenzen, relaties, online druk "
            "en een vriend helpen."
        ),
        body=[
            text(
                "<p>Jongeren zoeken uit wat ze willen en wat niet, ook online. Controle door een "
                "vriend of vriendin, foto's die worden doorgestuurd, thuis dingen zien die niet "
                "kloppen: daar praten ze liever met elkaar dan met volwassenen. Deze sessie "
                "geeft ze woorden en laat zien waar ze terechtkunnen.</p>"
                "<ul><li>stellingen en korte filmpjes als start van het gesprek;</li>"
                "<li>het verhaal van een ervaringsdeskundige, met ruimte voor vragen;</li>"
                "<li>wat doet een leerling als een vriend iets vertelt, en wat juist niet?</li>"
                "</ul>"
            ),
        ],
        extra={
            "host_arranges": (
                "<ul><li>twee aaneengesloten lesuren in een eigen lokaal;</li>"
                "<li>een mentor of docent die de klas kent, is erbij;</li>"
                "<li>de zorgcoördinator is die dag bereikbaar voor leerlingen die willen "
                "praten.</li></ul>"
            ),
        },
    ),
    Translation(
        title="What is still normal? Boundaries and relationships",
        slug="what-is-still-normal",
        intro=(
            "Two lessons for secondary schools about boundaries in friendship, dating and "
            "online, about pressure and control, and about helping a friend who goes through "
            "something bad."
        ),
        extra={
            "host_arranges": (
                "<ul><li>two consecutive lessons in a classroom of your own;</li>"
                "<li>a mentor or teacher who knows the class is present.</li></ul>"
            ),
        },
    ),
    host_kind=HostKind.SECONDARY_SCHOOL,
    age_groups=[AgeGroup.SECONDARY_LOWER.value, AgeGroup.SECONDARY_UPPER.value],
    minutes=100,
    themes=("seksueel-geweld", "huiselijk-geweld", "signalen-herkennen"),
    audiences=("scholen",),
)

SPORTS = "een-veilige-club"
SPORTS_OFFER = _offer(
    SPORTS,
    Translation(
        title="Een veilige club voor ieder kind",
        slug=SPORTS,
        intro=(
            "Een avond voor trainers, coaches en bestuur van uw sportclub: signalen herkennen "
            "bij kinderen, het gesprek aangaan en samen met de vertrouwenscontactpersoon weten "
            "wat u doet."
        ),
        search_description=(
            "Bewustwordingsavond voor sportclubs: signalen van kindermishandeling herkennen en "
            "weten wat u doet."
        ),
        body=[
            text(
                "<p>Op de club ziet u kinderen elke week, vaak ontspannen en vrolijk. Juist daar "
                "vertellen ze soms iets wat ze nergens anders durven. Na deze avond weten uw "
                "vrijwilligers waar ze op letten, hoe ze reageren als een kind iets vertelt en "
                "bij wie ze het neerleggen.</p>"
                "<ul><li>signalen op het veld, langs de lijn en in de kleedkamer;</li>"
                "<li>het verhaal van een ervaringsdeskundige: wat had haar geholpen?</li>"
                "<li>de rol van de vertrouwenscontactpersoon en van Veilig Thuis.</li></ul>"
            ),
        ],
        extra={
            "host_arranges": (
                "<ul><li>een ruimte in het clubhuis waar u niet gestoord wordt;</li>"
                "<li>de vertrouwenscontactpersoon van de club is erbij;</li>"
                "<li>een beamer of groot scherm.</li></ul>"
            ),
        },
    ),
    Translation(
        title="A safe club for every child",
        slug="a-safe-club",
        intro=(
            "An evening for the trainers, coaches and board of your sports club: recognising "
            "signs in children, starting the conversation and knowing what to do, together "
            "with the club's confidential adviser."
        ),
        extra={
            "host_arranges": (
                "<ul><li>a quiet room in the clubhouse;</li>"
                "<li>the club's confidential adviser is present;</li>"
                "<li>a projector or large screen.</li></ul>"
            ),
        },
    ),
    host_kind=HostKind.SPORTS_CLUB,
    age_groups=[AgeGroup.ADULTS.value],
    minutes=120,
    themes=("kindermishandeling", "signalen-herkennen"),
    audiences=("vrijwilligers-en-sportclubs",),
)

ORGANISATION = "het-verhaal-achter-de-signalen"
ORGANISATION_OFFER = _offer(
    ORGANISATION,
    Translation(
        title="Het verhaal achter de signalen",
        slug=ORGANISATION,
        intro=(
            "Een teamsessie voor organisaties in zorg, welzijn, onderwijs en wonen: wat speelt "
            "er achter de voordeur, waarom vraagt iemand niet om hulp, en hoe helpt de meldcode "
            "u verder?"
        ),
        search_description=(
            "Teamsessie voor organisaties: signalen van huiselijk geweld, het verhaal van een "
            "ervaringsdeskundige en de meldcode."
        ),
        body=[
            text(
                "<p>Wie beroepsmatig met gezinnen, ouderen of jongeren werkt, ziet soms dat "
                "er iets niet klopt. Een ervaringsdeskundige vertelt hoe het voelde aan de "
                "andere kant, en wat een professional voor haar betekende. De trainer verbindt "
                "dat met de vijf stappen van de meldcode en met de werkwijze in uw "
                "organisatie.</p>"
            ),
        ],
        extra={
            "host_arranges": (
                "<ul><li>een zaal voor het team, met beamer;</li>"
                "<li>de aandachtsfunctionaris van uw organisatie is erbij;</li>"
                "<li>geen opnames en geen externe gasten.</li></ul>"
            ),
        },
    ),
    Translation(
        title="The story behind the signs",
        slug="the-story-behind-the-signs",
        intro=(
            "A team session for organisations in care, welfare, education and housing: what "
            "happens behind closed doors, why people do not ask for help, and how the "
            "reporting code helps you."
        ),
        extra={
            "host_arranges": (
                "<ul><li>a room for the team, with a projector;</li>"
                "<li>your organisation's meldcode officer is present.</li></ul>"
            ),
        },
    ),
    host_kind=HostKind.ORGANISATION,
    age_groups=[AgeGroup.ADULTS.value],
    minutes=120,
    themes=("huiselijk-geweld", "meldcode", "signalen-herkennen"),
    audiences=("professionals",),
)

POOL_PAGE = DemoPage(
    key=POOL,
    model="experts.ExpertPoolPage",
    parent=INDEX,
    nl=Translation(
        title="Onze ervaringsdeskundigen",
        slug="ervaringsdeskundigen",
        intro=(
            "Ervaringsdeskundigen hebben zelf geweld of mishandeling meegemaakt en zijn "
            "opgeleid om hun ervaring in te zetten. Zij komen alleen als zij dat zelf willen, "
            "en het Centrum zorgt voor een goede voorbereiding en nazorg."
        ),
        body=[
            text(
                "<p>Een ervaringsdeskundige komt nooit alleen: er is altijd een trainer van het "
                "Centrum bij. Wij vragen u vooraf een paar afspraken te maken, zodat het voor "
                "iedereen veilig blijft: iemand van uw eigen organisatie is aanwezig, niemand "
                "maakt opnames en er is geen pers.</p>"
            ),
        ],
    ),
    en=Translation(
        title="Our lived-experience experts",
        slug="experts",
        intro=(
            "Lived-experience experts went through violence or abuse themselves and are "
            "trained to use their experience. They come only when they want to, and the "
            "Centre takes care of their preparation and aftercare."
        ),
    ),
)

REQUEST_PAGE = DemoPage(
    key=REQUEST,
    model="experts.SessionRequestPage",
    parent=INDEX,
    nl=Translation(
        title="Sessie aanvragen",
        slug="aanvragen",
        intro=(
            "Vraag hier een bewustwordingssessie aan voor uw school, sportclub of organisatie. "
            "U heeft geen account nodig."
        ),
        extra={
            "thank_you_text": (
                "Binnen vijf werkdagen neemt een coördinator contact met u op. Heeft u een vraag "
                "over uw aanvraag? Stuur ons een bericht via de link in de e-mail."
            ),
        },
    ),
    en=Translation(
        title="Request a session",
        slug="request",
        intro=(
            "Request an awareness session for your school, sports club or organisation here. "
            "You do not need an account."
        ),
        extra={
            "thank_you_text": (
                "A coordinator will contact you within five working days. A question about your "
                "request? Send us a message through the link in the email."
            ),
        },
    ),
)

PAGES = [
    INDEX_PAGE,
    PRIMARY_OFFER,
    SECONDARY_OFFER,
    SPORTS_OFFER,
    ORGANISATION_OFFER,
    POOL_PAGE,
    REQUEST_PAGE,
]


# --- The pool ------------------------------------------------------------------------------------

MONDAY_TO_FRIDAY = [0, 1, 2, 3, 4]


@dataclass(frozen=True)
class DemoExpert:
    key: str
    real_name: str
    pseudonym: str
    story: str
    themes: tuple[str, ...]
    municipalities: tuple[str, ...]
    age_groups: tuple[str, ...]
    languages: tuple[str, ...] = ("nl",)
    max_per_month: int = 2
    weekdays: tuple[int, ...] = tuple(MONDAY_TO_FRIDAY)
    public: bool = True
    # The demo account of this role signs in as her (journey 4).
    account_role: str | None = None
    audiences: tuple[str, ...] = field(default=())

    @property
    def email(self) -> str:
        return f"{self.key}@ervaringsdeskundigen.steiger.localhost"


EXPERTS = (
    DemoExpert(
        key="roos",
        real_name="Samantha de Wit",
        pseudonym="Roos",
        story=(
            "Als kind wist ik niet dat wat er bij ons thuis gebeurde niet normaal was. Pas op "
            "de middelbare school durfde ik het te vertellen, aan een docent die de tijd nam om "
            "te luisteren. In de klas vertel ik over grenzen: dat kinderen mogen zeggen wat ze "
            "voelen, en dat een geheim dat een naar gevoel geeft geen goed geheim is. Ik vertel "
            "het zo dat kinderen het aankunnen, en dat volwassenen weten wat ze kunnen doen."
        ),
        themes=("kindermishandeling", "seksueel-geweld"),
        municipalities=("dongen", "tilburg", "oisterwijk", "loon-op-zand"),
        age_groups=(AgeGroup.GROUPS_5_6, AgeGroup.GROUPS_7_8, AgeGroup.SECONDARY_LOWER),
        audiences=("scholen",),
        account_role=roles.EXPERT,
    ),
    DemoExpert(
        key="merel",
        real_name="Marloes van den Heuvel",
        pseudonym="Merel",
        story=(
            "Ik groeide op in een gezin waar veel ruzie was en waar klappen vielen. Aan de "
            "buitenkant zag niemand dat. Ik vertel leerkrachten, trainers en ouders wat mij had "
            "kunnen helpen: een volwassene die doorvraagt, rustig blijft en het niet alleen "
            "probeert op te lossen."
        ),
        themes=("huiselijk-geweld", "kindermishandeling"),
        municipalities=("tilburg", "goirle", "hilvarenbeek"),
        age_groups=(AgeGroup.GROUPS_5_6, AgeGroup.GROUPS_7_8, AgeGroup.ADULTS),
        audiences=("scholen", "vrijwilligers-en-sportclubs"),
        max_per_month=3,
    ),
    DemoExpert(
        key="daan",
        real_name="Thijs Verhoeven",
        pseudonym="Daan",
        story=(
            "Op mijn vijftiende werd ik online onder druk gezet om foto's te sturen. Ik schaamde "
            "me en zei niets, tot een vriend het merkte. Nu praat ik met jongeren over grenzen, "
            "online en offline, en over hoe zij een vriend helpen die iets naars meemaakt. Ik ben "
            "eerlijk over wat moeilijk was, en vooral over wat hielp."
        ),
        themes=("seksueel-geweld", "kindermishandeling"),
        municipalities=("tilburg", "waalwijk", "loon-op-zand", "heusden"),
        age_groups=(AgeGroup.SECONDARY_LOWER, AgeGroup.SECONDARY_UPPER, AgeGroup.YOUTH),
        languages=("nl", "en"),
        max_per_month=3,
        audiences=("scholen", "vrijwilligers-en-sportclubs"),
    ),
    DemoExpert(
        key="jasmijn",
        real_name="Yasmina El Idrissi",
        pseudonym="Jasmijn",
        story=(
            "In mijn familie werd bepaald met wie ik omging en met wie ik later zou trouwen. "
            "Toen ik daar tegenin ging, werd het thuis onveilig. Ik vertel professionals wat er "
            "achter de voordeur kan spelen en waarom iemand niet zomaar om hulp vraagt. Ik "
            "spreek Nederlands en Arabisch."
        ),
        themes=("eergerelateerd-geweld", "huiselijk-geweld"),
        municipalities=("tilburg", "waalwijk", "heusden"),
        age_groups=(AgeGroup.SECONDARY_UPPER, AgeGroup.ADULTS),
        languages=("nl", "ar"),
        audiences=("professionals",),
    ),
    DemoExpert(
        key="kees",
        real_name="Gerard Smulders",
        pseudonym="Kees",
        story=(
            "Mijn moeder werd jarenlang financieel uitgebuit door iemand die dichtbij stond. "
            "Ik zag de signalen pas laat. Bij zorgorganisaties en verenigingen vertel ik hoe het "
            "zo ver kon komen, en waar u op kunt letten bij de ouderen om u heen."
        ),
        themes=("ouderenmishandeling", "huiselijk-geweld"),
        municipalities=("oisterwijk", "dongen", "gilze-en-rijen"),
        age_groups=(AgeGroup.ADULTS,),
        max_per_month=1,
        weekdays=(1, 3),  # Tuesdays and Thursdays
        audiences=("professionals", "inwoners"),
    ),
    DemoExpert(
        key="iris",
        real_name="Annemiek Hendriks",
        pseudonym="Iris",
        story=("Met een prentenboek praat ik met de jongste kinderen over fijne en nare geheimen."),
        themes=("kindermishandeling",),
        municipalities=("dongen", "tilburg", "oisterwijk"),
        age_groups=(AgeGroup.GROUPS_1_2, AgeGroup.GROUPS_3_4, AgeGroup.GROUPS_5_6),
        public=False,  # she prefers not to be on the website
        audiences=("scholen",),
    ),
)


def _account_for(role: str):
    wanted = next((user for user in users.USERS if user.role == role), None)
    if wanted is None:
        return None
    return get_user_model().objects.filter(email=wanted.email).first()


def _load_expert(demo: DemoContext, spec: DemoExpert) -> Expert:
    account = _account_for(spec.account_role) if spec.account_role else None
    email = account.email if account is not None else spec.email
    expert = (
        Expert.objects.filter(profile__pseudonym=spec.pseudonym).first()
        or Expert.objects.filter(email=email).first()
    )
    if expert is not None:
        if account is not None and expert.user_id is None:
            expert.user = account
            expert.save(update_fields=["user"])
        return expert
    now = timezone.now()
    expert = Expert.objects.create(
        user=account,
        real_name=spec.real_name,
        email=email,
        phone="013 000 00 00",
        age_groups=[str(value) for value in spec.age_groups],
        languages=list(spec.languages),
        max_sessions_per_month=spec.max_per_month,
        available_weekdays=list(spec.weekdays),
        consent_public_profile=spec.public,
        consent_photo=False,
        consents_recorded_at=now,
        notes="Demo: verzonnen ervaringsdeskundige.",
    )
    expert.themes.set(demo.terms("theme", spec.themes, "nl"))
    expert.audiences.set(demo.terms("audience", spec.audiences, "nl"))
    expert.municipalities.set(demo.terms("municipality", spec.municipalities, "nl"))
    profile = ExpertProfile.objects.create(
        expert=expert,
        pseudonym=spec.pseudonym,
        short_story=spec.story,
        approved=True,
        approved_at=now,
    )
    profile.themes.set(demo.terms("theme", spec.themes, "nl"))
    return expert


# --- Requests ------------------------------------------------------------------------------------


def demo_token(state: str) -> str:
    """The status link's token of the demo request in `state` (a demo database only)."""
    return f"demo-{state}"


def _weekday(days: int, weekdays=MONDAY_TO_FRIDAY) -> datetime.date:
    """The first day `days` from today (back in time when negative) on one of `weekdays`."""
    step = 1 if days >= 0 else -1
    day = timezone.localdate() + datetime.timedelta(days=days)
    while day.weekday() not in weekdays:
        day += datetime.timedelta(days=step)
    return day


@dataclass(frozen=True)
class DemoRequest:
    state: str
    host_kind: str
    organisation: str
    contact_name: str
    municipality: str
    age_group: str
    group_size: int
    theme: str
    days: tuple[int, ...]
    offer: str
    wishes: str = ""
    expert_wanted: bool = True

    @property
    def email(self) -> str:
        return f"{self.state}@aanvrager.steiger.localhost"


REQUESTS = {
    "nieuw": DemoRequest(
        state="nieuw",
        host_kind=HostKind.PRIMARY_SCHOOL,
        organisation="Basisschool De Vlindertuin",
        contact_name="Femke de Graaf",
        municipality="tilburg",
        age_group=AgeGroup.GROUPS_5_6,
        group_size=27,
        theme="kindermishandeling",
        days=(24, 31, 38),
        offer=PRIMARY,
        wishes="Het liefst op een dinsdag- of donderdagochtend. Groep 6 heeft net een les "
        "over vriendschap gehad.",
    ),
    "in-behandeling": DemoRequest(
        state="in-behandeling",
        host_kind=HostKind.SPORTS_CLUB,
        organisation="Korfbalvereniging De Meeuwen",
        contact_name="Ruud van Beek",
        municipality="waalwijk",
        age_group=AgeGroup.ADULTS,
        group_size=18,
        theme="kindermishandeling",
        days=(26, 33),
        offer=SPORTS,
        wishes="Voor onze jeugdtrainers en het bestuur, op een doordeweekse avond.",
    ),
    "gevraagd": DemoRequest(
        state="gevraagd",
        host_kind=HostKind.PRIMARY_SCHOOL,
        organisation="Basisschool De Klimop",
        contact_name="Sanne Willems",
        municipality="dongen",
        age_group=AgeGroup.GROUPS_7_8,
        group_size=31,
        theme="seksueel-geweld",
        days=(30, 37),
        offer=PRIMARY,
        wishes="Groep 7 en 8 samen in de aula.",
    ),
    "gevraagd-vo": DemoRequest(
        state="gevraagd-vo",
        host_kind=HostKind.SECONDARY_SCHOOL,
        organisation="Scholengemeenschap Het Baken",
        contact_name="Marco Peeters",
        municipality="tilburg",
        age_group=AgeGroup.SECONDARY_LOWER,
        group_size=28,
        theme="seksueel-geweld",
        days=(44,),
        offer=SECONDARY,
        wishes="Klas 2, in het kader van de lessen burgerschap.",
    ),
    "bevestigd": DemoRequest(
        state="bevestigd",
        host_kind=HostKind.PRIMARY_SCHOOL,
        organisation="Openbare Basisschool Het Startpunt",
        contact_name="Ilse Maas",
        municipality="goirle",
        age_group=AgeGroup.GROUPS_5_6,
        group_size=24,
        theme="kindermishandeling",
        days=(21, 28),
        offer=PRIMARY,
    ),
    "afgerond": DemoRequest(
        state="afgerond",
        host_kind=HostKind.SECONDARY_SCHOOL,
        organisation="Dr. Mollercollege",
        contact_name="Erik Jacobs",
        municipality="waalwijk",
        age_group=AgeGroup.SECONDARY_UPPER,
        group_size=25,
        theme="seksueel-geweld",
        days=(-12,),
        offer=SECONDARY,
    ),
    "geevalueerd": DemoRequest(
        state="geevalueerd",
        host_kind=HostKind.SPORTS_CLUB,
        organisation="Hockeyclub Hilvarenbeek",
        contact_name="Petra Schellekens",
        municipality="hilvarenbeek",
        age_group=AgeGroup.ADULTS,
        group_size=22,
        theme="kindermishandeling",
        days=(-40,),
        offer=SPORTS,
    ),
    "afgewezen": DemoRequest(
        state="afgewezen",
        host_kind=HostKind.ORGANISATION,
        organisation="Woningcorporatie Thuis in Heusden",
        contact_name="Karim Bouzid",
        municipality="heusden",
        age_group=AgeGroup.ADULTS,
        group_size=40,
        theme="eergerelateerd-geweld",
        days=(16,),
        offer=ORGANISATION,
    ),
    "ingetrokken": DemoRequest(
        state="ingetrokken",
        host_kind=HostKind.PRIMARY_SCHOOL,
        organisation="Basisschool De Wegwijzer",
        contact_name="Joyce Kuijpers",
        municipality="loon-op-zand",
        age_group=AgeGroup.GROUPS_7_8,
        group_size=29,
        theme="kindermishandeling",
        days=(35,),
        offer=PRIMARY,
    ),
    "geannuleerd": DemoRequest(
        state="geannuleerd",
        host_kind=HostKind.ORGANISATION,
        organisation="Zorgcentrum De Lindehof",
        contact_name="Anja Verbunt",
        municipality="oisterwijk",
        age_group=AgeGroup.ADULTS,
        group_size=15,
        theme="ouderenmishandeling",
        days=(19,),
        offer=ORGANISATION,
    ),
}


def _submit(demo: DemoContext, spec: DemoRequest, weekdays=MONDAY_TO_FRIDAY) -> SessionRequest:
    offer = demo.page(f"experts/offer/{spec.offer}", "nl")
    [municipality] = demo.terms("municipality", (spec.municipality,), "nl")
    [theme] = demo.terms("theme", (spec.theme,), "nl")
    with translation.override("nl"):
        sent = requests.submit_request(
            RequestDetails(
                host_kind=spec.host_kind,
                organisation=spec.organisation,
                contact_name=spec.contact_name,
                contact_email=spec.email,
                municipality=municipality,
                age_group=str(spec.age_group),
                group_size=spec.group_size,
                theme=theme,
                preferred_dates=[_weekday(days, weekdays) for days in spec.days],
                wishes=spec.wishes,
                expert_wanted=spec.expert_wanted,
                offer_id=offer.pk if offer is not None else None,
            ),
            language="nl",
        )
    # A known link for the demo's status pages (the real one is random and shown once).
    request = sent.request
    request.status_token_digest = status_links.digest(demo_token(spec.state))
    request.save(update_fields=["status_token_digest"])
    return request


def _backdate(request: SessionRequest, days_before_session: int = 35) -> None:
    """A request whose session is behind it was sent weeks before: its history says so."""
    session = request.preferred_dates()[0]

    def at(day: datetime.date, hour: int) -> datetime.datetime:
        return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))

    received = at(session - datetime.timedelta(days=days_before_session), 10)
    SessionRequest.objects.filter(pk=request.pk).update(created_at=received)
    for number, event in enumerate(request.events.order_by("at", "pk")):
        if event.status == RequestStatus.COMPLETED:
            event.at = at(session + datetime.timedelta(days=1), 9)
        elif event.status == RequestStatus.EVALUATED:
            event.at = at(session + datetime.timedelta(days=3), 14)
        else:  # two days between the steps before the session
            event.at = received + datetime.timedelta(days=2 * number)
        event.save(update_fields=["at"])


def _propose(request, experts, coordinator) -> list:
    day = request.preferred_dates()[0]
    return matching.propose(request, [(expert, day) for expert in experts], user=coordinator)


def _confirm(request, expert, coordinator):
    [invitation] = _propose(request, [expert], coordinator)
    matching.accept(invitation)
    request.refresh_from_db()
    return invitation


CONFIRMED_NOTE = (
    "Wij komen met een trainer en ervaringsdeskundige Merel. Wilt u zorgen voor een rustig "
    "lokaal met digibord, dat de eigen leerkracht de hele les in de klas blijft, en voor een "
    "korte brief aan de ouders vooraf (een voorbeeld sturen wij u per e-mail)? Wij zijn "
    "er om 8.15 uur; de les begint om 8.30 uur en duurt tot 10.00 uur."
)
CONFIRMED_BRIEFING = (
    "Ontvangst om 8.15 uur bij de hoofdingang door de intern begeleider. Groep 5 en 6 hebben in "
    "de weken ervoor lessen over vriendschap en grenzen gehad. Twee kinderen in de groep hebben "
    "hulp via het wijkteam; de leerkracht weet dat u komt en blijft erbij."
)


def _load_requests(demo: DemoContext, experts: dict[str, Expert], coordinator) -> list[str]:
    made = []
    for state, spec in REQUESTS.items():
        digest = status_links.digest(demo_token(state))
        if SessionRequest.objects.filter(status_token_digest=digest).exists():
            continue
        weekdays = MONDAY_TO_FRIDAY
        if state == "geannuleerd":
            weekdays = experts["kees"].available_weekdays
        request = _submit(demo, spec, weekdays)
        made.append(state)
        if state == "nieuw":
            continue
        if state == "in-behandeling":
            # The messages' history entries take the status of the object they are given.
            request = requests.start_review(request, user=coordinator)
            requests.add_requester_message(
                request,
                "Kan de avond ook na 19.30 uur beginnen? Onze trainers komen dan net van het veld.",
            )
            requests.add_coordinator_message(
                request,
                "Dat kan. Wij zoeken een datum waarop onze trainer en een ervaringsdeskundige "
                "allebei kunnen, en laten het u deze week weten.",
                user=coordinator,
            )
        elif state == "gevraagd":
            requests.start_review(request, user=coordinator)
            _propose(request, [experts["roos"]], coordinator)
        elif state == "gevraagd-vo":
            _propose(request, [experts["roos"], experts["daan"]], coordinator)
        elif state == "bevestigd":
            requests.start_review(request, user=coordinator)
            _confirm(request, experts["merel"], coordinator)
            SessionRequest.objects.filter(pk=request.pk).update(
                coordinator_note=CONFIRMED_NOTE,
                briefing=CONFIRMED_BRIEFING,
                host_professional_present=True,
                no_recording=True,
                no_press=True,
            )
        elif state == "afgerond":
            invitation = _confirm(request, experts["daan"], coordinator)
            requests.complete(request, user=coordinator)
            care.record_aftercare(
                matching.invitation_of(experts["daan"], invitation.pk),
                wellbeing="mixed",
                note="De klas was onrustig in het begin. Het gesprek daarna was goed.",
            )
            _backdate(request)
        elif state == "geevalueerd":
            invitation = _confirm(request, experts["merel"], coordinator)
            requests.complete(request, user=coordinator)
            requests.give_feedback(
                request,
                rating=5,
                went_well=(
                    "De trainer sloot goed aan bij de vragen van onze vrijwilligers. Het verhaal "
                    "van Merel maakte veel indruk, zonder dat het te zwaar werd."
                ),
                could_improve="Wat meer tijd voor het gesprek na afloop.",
            )
            invitation = matching.invitation_of(experts["merel"], invitation.pk)
            care.record_aftercare(invitation, wellbeing="good")
            claim = care.submit_expense(
                invitation,
                travel_km=Decimal("36.0"),
                travel_costs=Decimal("7.92"),
                fee=Decimal("75.00"),
                note="Auto, Tilburg - Hilvarenbeek en terug",
            )
            if coordinator is not None:
                care.decide_expense(claim, approve=True, user=coordinator)
            _backdate(request)
        elif state == "afgewezen":
            requests.start_review(request, user=coordinator)
            requests.decline(
                request,
                user=coordinator,
                reason=(
                    "Op de datum die u noemde, is helaas geen ervaringsdeskundige beschikbaar. "
                    "Wij bellen u om te kijken of een later moment in het voorjaar past."
                ),
            )
        elif state == "ingetrokken":
            requests.withdraw(request)
        elif state == "geannuleerd":
            _confirm(request, experts["kees"], coordinator)
            requests.cancel(
                request,
                user=coordinator,
                reason=(
                    "Door onvoorziene omstandigheden kan de sessie op deze datum niet doorgaan. "
                    "Wij bellen u om een nieuwe datum af te spreken."
                ),
            )
    return made


def load(demo: DemoContext) -> None:
    experts = {spec.key: _load_expert(demo, spec) for spec in EXPERTS}
    # Iris takes a break in two months: the coordinators see it in her load.
    iris = experts["iris"]
    if not ExpertPause.objects.filter(expert=iris).exists():
        starts = timezone.localdate() + datetime.timedelta(days=60)
        ExpertPause.objects.create(
            expert=iris, starts_on=starts, ends_on=starts + datetime.timedelta(days=30)
        )
    coordinator = _account_for(roles.EXPERT_POOL_COORDINATOR)
    with messages.muted():
        made = _load_requests(demo, experts, coordinator)
    if made:
        from .urls import status_path  # noqa: PLC0415 (the URLconf imports the views and forms)

        demo.note(
            f"Expert pool: {len(EXPERTS)} experts, {len(made)} demo requests; their status "
            "pages (this machine only):"
        )
        with translation.override("nl"):
            for state in made:
                demo.note(f"  {status_path(demo_token(state))}")
