"""The knowledge base's demo articles: Dutch, and English for ten of them.

Written for this site, a regional Centre for domestic violence and child abuse in Hart van
Brabant. The facts (Veilig Thuis 0800-2000, 112, the five meldcode steps, the afwegingskader,
Multifocus, gefaseerde ketensamenwerking) follow shared/GLOSSARY.md; no statistics are put in
anyone's mouth. Rules for the texts, as in portal/demo/content.py: "u", never "je"; every phone
number is a tel: link, so numbers only appear in rich text (text, callout, faq answers); a call
to action points only at a demo page that exists in that language; a title that names abuse or
violence gets a neutral seo_title, so a browser tab reveals nothing.

`last_reviewed` is spread over two years on purpose: several articles are older than a year,
so the review reminder has something to report. An article without English has en=None.
"""

from datetime import date

from portal.demo.blocks import Block, cta, faq, quote, text
from portal.demo.door import DemoPage, Translation

CENTRE = "Centrum huiselijk geweld en kindermishandeling Hart van Brabant"
VEILIG_THUIS = "Veilig Thuis Hart van Brabant"
GGD = "GGD Hart voor Brabant"

VEILIG_THUIS_LINK = '<a href="tel:08002000">0800-2000</a>'
EMERGENCY_LINK = '<a href="tel:112">112</a>'


def signals(heading: str, items: list[str]) -> Block:
    """A list of signs to look out for (plain text items)."""
    return {"type": "signals", "value": {"heading": heading, "items": list(items)}}


def steps(heading: str, items: list[tuple[str, str]]) -> Block:
    """Numbered steps, each a short title and a plain-text explanation."""
    return {
        "type": "steps",
        "value": {
            "heading": heading,
            "steps": [{"title": title, "text": body} for title, body in items],
        },
    }


def callout(heading: str, html: str) -> Block:
    """A highlighted "what can you do" box; `html` is rich text."""
    return {"type": "callout", "value": {"heading": heading, "text": html.strip()}}


def _article(
    nl: Translation,
    en: Translation | None = None,
    *,
    themes: tuple[str, ...],
    audiences: tuple[str, ...],
    reviewed: date,
    author: str = CENTRE,
) -> DemoPage:
    return DemoPage(
        key=f"knowledge/{nl.slug}",
        model="knowledge.ArticlePage",
        parent="knowledge/index",
        nl=nl,
        en=en,
        fields={"last_reviewed": reviewed, "author_organisation": author},
        terms={"themes": themes, "audiences": audiences},
    )


ARTICLES: list[DemoPage] = [
    _article(
        Translation(
            title="Wat is huiselijk geweld?",
            slug="wat-is-huiselijk-geweld",
            seo_title="Wat valt eronder?",
            intro=(
                "Huiselijk geweld is geweld door iemand uit de huiselijke kring: een partner, "
                "ex-partner, ouder, kind, ander familielid of huisgenoot. Het gebeurt in alle "
                "lagen van de bevolking, vaak achter de voordeur en vaak lange tijd."
            ),
            search_description="Welke vormen er zijn, en waar u met uw vragen terechtkunt.",
            body=[
                text("""
<h2>Meer dan slaan</h2>
<p>Bij huiselijk geweld denken veel mensen aan slaan of schoppen. Maar geweld heeft meer
vormen. Iemand voortdurend kleineren, bedreigen of controleren is ook geweld. Net als
iemand dwingen tot seks, iemand geld afhandig maken of iemand afsluiten van familie en
vrienden. Ook verwaarlozing van iemand die van u afhankelijk is, hoort erbij.</p>
<p>Het gaat niet om één ruzie. Ruzie hoort bij het leven. Bij huiselijk geweld is iemand
bang voor een ander, of gebeurt het steeds opnieuw.</p>
"""),
                signals(
                    "Vormen van huiselijk geweld",
                    [
                        "lichamelijk geweld, zoals duwen, slaan, knijpen of schoppen",
                        "psychisch geweld, zoals dreigen, uitschelden, kleineren of controleren",
                        "seksueel geweld, ook binnen een relatie of huwelijk",
                        "financieel misbruik, zoals geld afpakken of schulden op iemands naam "
                        "zetten",
                        "verwaarlozing van een kind, een oudere of een zieke huisgenoot",
                        "stalking en dreiging na een scheiding",
                    ],
                ),
                text("""
<h2>Kinderen zien en horen meer dan u denkt</h2>
<p>Kinderen die geweld tussen hun ouders meemaken, lopen schade op, ook als zij zelf niet
worden geraakt. Getuige zijn van huiselijk geweld geldt daarom als kindermishandeling.</p>
"""),
                callout(
                    "Wat kunt u doen?",
                    f"""
<p>Maakt u het zelf mee, of maakt u zich zorgen over iemand anders? Bel Veilig Thuis voor
advies: {VEILIG_THUIS_LINK}. Dat is gratis, kan anoniem en is dag en nacht bereikbaar. Is er
direct gevaar? Bel dan {EMERGENCY_LINK}.</p>
""",
                ),
                cta(
                    "Meer lezen",
                    "In de kennisbank vindt u meer over signalen, hulp en de aanpak in de regio.",
                    "Naar de kennisbank",
                    page="knowledge/index",
                ),
            ],
        ),
        Translation(
            title="What is domestic violence?",
            slug="what-is-domestic-violence",
            seo_title="What does it include?",
            intro=(
                "Domestic violence is violence by someone in the domestic circle: a partner, "
                "ex-partner, parent, child, other relative or housemate. It happens in every "
                "part of society, often behind closed doors and often for a long time."
            ),
            search_description="The forms it takes, and where you can go with your questions.",
            body=[
                text("""
<h2>More than hitting</h2>
<p>When people think of domestic violence, they often think of hitting or kicking. But
violence takes more forms. Constantly belittling, threatening or controlling someone is
violence too. So is forcing someone into sex, taking their money or cutting them off from
family and friends. Neglecting someone who depends on you is part of it as well.</p>
<p>It is not about a single argument. Arguments are part of life. In domestic violence,
someone is afraid of another person, or it happens again and again.</p>
"""),
                signals(
                    "Forms of domestic violence",
                    [
                        "physical violence, such as pushing, hitting, pinching or kicking",
                        "psychological violence, such as threats, insults, belittling or control",
                        "sexual violence, also within a relationship or marriage",
                        "financial abuse, such as taking money or putting debts in someone's name",
                        "neglect of a child, an older person or an ill member of the household",
                        "stalking and threats after a separation",
                    ],
                ),
                text("""
<h2>Children see and hear more than you think</h2>
<p>Children who witness violence between their parents are harmed, even when they are not
hit themselves. That is why witnessing domestic violence counts as child abuse.</p>
"""),
                callout(
                    "What can you do?",
                    f"""
<p>Is it happening to you, or are you worried about someone else? Call Veilig Thuis for
advice: {VEILIG_THUIS_LINK}. It is free, you can stay anonymous, and it is available day and
night. Is there immediate danger? Then call {EMERGENCY_LINK}.</p>
""",
                ),
                cta(
                    "Read more",
                    "The knowledge base has more on signs, help and the approach in the region.",
                    "Go to the knowledge base",
                    page="knowledge/index",
                ),
            ],
        ),
        themes=("huiselijk-geweld", "signalen-herkennen"),
        audiences=("inwoners",),
        reviewed=date(2026, 9, 14),
    ),
    _article(
        Translation(
            title="Zorgen over iemand in uw omgeving",
            slug="zorgen-over-iemand-in-uw-omgeving",
            intro=(
                "U hoort geschreeuw bij de buren, een vriendin trekt zich steeds meer terug, "
                "of een collega heeft vaak blauwe plekken. Wat doet u met zo'n onderbuikgevoel? "
                "Wegkijken voelt niet goed, maar ingrijpen voelt groot."
            ),
            search_description="Wat u als buur, vriend of familielid kunt doen bij een zorg.",
            body=[
                text("""
<p>Veel mensen twijfelen: is het wel mijn zaak, en wat als ik het mis heb? Die twijfel is
begrijpelijk. Toch maakt het verschil als iemand uit de omgeving iets doet. Mensen die
geweld meemaken, zeggen achteraf vaak dat zij hoopten dat iemand het zou vragen.</p>
"""),
                steps(
                    "Zo pakt u het aan",
                    [
                        (
                            "Schrijf op wat u ziet en hoort",
                            "Noteer feiten met de datum erbij: wat u hoorde, wat u zag, wie erbij "
                            "was. Dat helpt u later bij een gesprek of bij advies.",
                        ),
                        (
                            "Maak contact",
                            "Vraag op een rustig moment hoe het gaat, zonder beschuldiging. "
                            "Bijvoorbeeld: ik maak me zorgen om u, gaat het wel goed thuis?",
                        ),
                        (
                            "Luister en oordeel niet",
                            "Dring niet aan en zeg niet wat iemand moet doen. Laat merken dat u er "
                            "bent, ook als iemand nu nog niets wil.",
                        ),
                        (
                            "Vraag advies",
                            "U hoeft het niet alleen te dragen. Veilig Thuis denkt met u mee, ook "
                            "als u niet zeker weet of er iets aan de hand is.",
                        ),
                    ],
                ),
                callout(
                    "Advies of direct gevaar",
                    f"""
<p>Veilig Thuis geeft advies aan omstanders: {VEILIG_THUIS_LINK}, gratis en dag en nacht. U
kunt anoniem bellen. Hoort of ziet u dat iemand op dit moment in gevaar is? Bel dan meteen
{EMERGENCY_LINK}.</p>
""",
                ),
                faq(
                    "Veelgestelde vragen",
                    [
                        (
                            "Komt de ander te weten dat ik heb gebeld?",
                            "<p>U kunt anoniem advies vragen. Doet u een melding, dan vraagt "
                            "Veilig Thuis uw gegevens, maar die worden in principe niet aan het "
                            "gezin gegeven.</p>",
                        ),
                        (
                            "Wat als ik het mis heb?",
                            "<p>Advies vragen is geen beschuldiging. Samen met een adviseur "
                            "kijkt u wat u ziet en wat een goede volgende stap is.</p>",
                        ),
                    ],
                ),
            ],
        ),
        themes=("huiselijk-geweld", "signalen-herkennen"),
        audiences=("inwoners", "vrijwilligers-en-sportclubs"),
        reviewed=date(2025, 3, 4),
    ),
    _article(
        Translation(
            title="Hulp voor wie geweld gebruikt",
            slug="hulp-voor-wie-geweld-gebruikt",
            seo_title="Hulp bij boosheid en spanning",
            intro=(
                "Schrikt u van uw eigen gedrag? Wordt u thuis vaker boos dan u wilt, of bent u "
                "weleens hardhandig geweest? Dat u dit leest, is al een eerste stap. Hulp is "
                "er, ook voor u."
            ),
            search_description=(
                "Waar u terechtkunt als u thuis geweld gebruikt of bang bent dat te doen."
            ),
            body=[
                text("""
<p>De meeste mensen die thuis geweld gebruiken, willen dat helemaal niet. Vaak speelt er
veel tegelijk: stress, schulden, drank, jaloezie of eigen nare ervaringen van vroeger. Dat
maakt geweld niet goed, maar het verklaart wel waarom stoppen op eigen kracht zo moeilijk
is.</p>
<h2>Verantwoordelijkheid nemen</h2>
<p>De eerste stap is erkennen dat uw gedrag anderen pijn doet en bang maakt. Ook uw kinderen,
als zij het zien of horen. Hulp richt zich op wat u zelf kunt veranderen: spanning eerder
herkennen, op tijd weggaan, anders praten over wat u dwarszit.</p>
"""),
                signals(
                    "Herkent u dit bij uzelf?",
                    [
                        "u schreeuwt, gooit met spullen of slaat deuren dicht",
                        "u controleert de telefoon of het geld van uw partner",
                        "uw gezinsleden zijn stil of voorzichtig als u thuiskomt",
                        "u hebt uw partner of kind geduwd, vastgepakt of geslagen",
                        "u hebt na een ruzie spijt, maar het gebeurt toch weer",
                    ],
                ),
                callout(
                    "Wat kunt u doen?",
                    f"""
<p>Praat met uw huisarts of met het sociaal wijkteam van uw gemeente. Zij kennen de hulp in
de regio. U kunt ook zelf Veilig Thuis bellen: {VEILIG_THUIS_LINK}. Veilig Thuis is er ook
voor mensen die geweld gebruiken en daarmee willen stoppen.</p>
""",
                ),
                quote(
                    "Ik dacht dat hulp vragen zwak was. Het was het sterkste wat ik voor mijn "
                    "gezin heb gedaan.",
                    "Een vader uit de regio, ervaringsdeskundige",
                ),
                cta(
                    "Een vraag aan het Centrum?",
                    "Weet u niet waar u moet beginnen? Neem contact met ons op, wij wijzen u de "
                    "weg.",
                    "Neem contact op",
                    page="contact",
                ),
            ],
        ),
        Translation(
            title="Help for people who use violence",
            slug="help-for-people-who-use-violence",
            seo_title="Help with anger and tension",
            intro=(
                "Does your own behaviour frighten you? Do you get angry at home more often than "
                "you want, or have you been rough with someone? Reading this is already a first "
                "step. Help is available, for you too."
            ),
            search_description="Where to go if you use violence at home or are afraid you might.",
            body=[
                text("""
<p>Most people who use violence at home do not want to at all. Often a lot is going on at
once: stress, debts, drink, jealousy or painful experiences from the past. That does not
make violence acceptable, but it does explain why stopping on your own is so hard.</p>
<h2>Taking responsibility</h2>
<p>The first step is to acknowledge that your behaviour hurts and frightens others. Your
children too, when they see or hear it. Help focuses on what you yourself can change:
recognising tension earlier, walking away in time, talking differently about what bothers
you.</p>
"""),
                signals(
                    "Do you recognise this in yourself?",
                    [
                        "you shout, throw things or slam doors",
                        "you check your partner's phone or money",
                        "the people at home go quiet or careful when you come in",
                        "you have pushed, grabbed or hit your partner or child",
                        "you regret it after an argument, but it happens again",
                    ],
                ),
                callout(
                    "What can you do?",
                    f"""
<p>Talk to your GP or to your municipality's neighbourhood social team. They know the help
available in the region. You can also call Veilig Thuis yourself: {VEILIG_THUIS_LINK}. Veilig
Thuis is also there for people who use violence and want to stop.</p>
""",
                ),
                quote(
                    "I thought asking for help was weak. It was the strongest thing I ever did "
                    "for my family.",
                    "A father from the region, lived-experience expert",
                ),
                cta(
                    "A question for the Centre?",
                    "Not sure where to start? Contact us and we will point you in the right "
                    "direction.",
                    "Contact us",
                    page="contact",
                ),
            ],
        ),
        themes=("huiselijk-geweld", "systeemgericht-werken"),
        audiences=("inwoners",),
        reviewed=date(2025, 6, 23),
    ),
    _article(
        Translation(
            title="Wat gebeurt er na een melding bij Veilig Thuis?",
            slug="wat-gebeurt-er-na-een-melding-bij-veilig-thuis",
            seo_title="Na een melding",
            intro=(
                "Een melding doen voelt voor veel mensen als een grote stap. Het helpt om te "
                "weten wat er daarna gebeurt. Hier leest u in grote lijnen hoe Veilig Thuis met "
                "een melding omgaat."
            ),
            search_description="Het verschil tussen advies en melding, en de stappen daarna.",
            body=[
                text(f"""
<h2>Advies of melding</h2>
<p>Bij Veilig Thuis kunt u advies vragen of een melding doen. Bij advies denkt een
medewerker met u mee over wat u ziet en wat u zelf kunt doen. U blijft dan zelf aan zet en
u kunt anoniem blijven. Bij een melding gaat Veilig Thuis zelf aan de slag. U belt naar
{VEILIG_THUIS_LINK}, gratis en dag en nacht.</p>
"""),
                steps(
                    "Na een melding",
                    [
                        (
                            "Veiligheid inschatten",
                            "Veilig Thuis beoordeelt eerst hoe veilig de situatie op dit moment "
                            "is en of er direct iets moet gebeuren.",
                        ),
                        (
                            "Informatie verzamelen",
                            "Zo nodig vraagt Veilig Thuis informatie op bij anderen die het gezin "
                            "kennen, zoals de huisarts of de school.",
                        ),
                        (
                            "Contact met het gezin",
                            "Veilig Thuis gaat in gesprek met de betrokkenen. Zij horen dat er een "
                            "melding is. Uw naam wordt in principe niet genoemd.",
                        ),
                        (
                            "Besluit over vervolg",
                            "Veilig Thuis besluit wat nodig is: hulp in het gezin regelen, de "
                            "situatie nader onderzoeken of anderen inschakelen.",
                        ),
                        (
                            "Terugkoppeling",
                            "Wie beroepsmatig meldt, hoort in elk geval wat Veilig Thuis met de "
                            "melding doet.",
                        ),
                    ],
                ),
                faq(
                    "Vragen over melden",
                    [
                        (
                            "Kan ik anoniem melden?",
                            "<p>Bij een melding vraagt Veilig Thuis in principe naar uw naam, "
                            "zodat zij u kunnen terugbellen. Uw gegevens worden niet zomaar aan "
                            "het gezin gegeven. Wilt u onbekend blijven, bespreek dat dan met de "
                            "medewerker. Advies vragen kan altijd anoniem.</p>",
                        ),
                        (
                            "Wordt het gezin dan uit elkaar gehaald?",
                            "<p>Het doel is dat het geweld stopt en dat iedereen veilig is. In "
                            "de meeste gevallen gebeurt dat met hulp in het gezin zelf.</p>",
                        ),
                        (
                            "En als er direct gevaar is?",
                            f"<p>Bel dan altijd eerst {EMERGENCY_LINK}.</p>",
                        ),
                    ],
                ),
                cta(
                    "Meer over Veilig Thuis",
                    "Lees wat Veilig Thuis voor inwoners en professionals doet.",
                    "Wat doet Veilig Thuis?",
                    page="veilig-thuis",
                ),
            ],
        ),
        themes=("huiselijk-geweld", "kindermishandeling", "meldcode"),
        audiences=("inwoners", "professionals"),
        reviewed=date(2025, 10, 6),
        author=VEILIG_THUIS,
    ),
    _article(
        Translation(
            title="Kinderen die geweld tussen hun ouders meemaken",
            slug="kinderen-die-geweld-tussen-hun-ouders-meemaken",
            seo_title="Kinderen en spanning thuis",
            intro=(
                "Ouders denken vaak dat hun kinderen niets merken van de ruzies, omdat de "
                "kinderen sliepen of in een andere kamer waren. Kinderen merken bijna altijd "
                "meer dan volwassenen denken."
            ),
            search_description="Wat het met kinderen doet, en hoe volwassenen om hen heen helpen.",
            body=[
                text("""
<p>Een kind dat geweld tussen zijn ouders ziet of hoort, voelt zich onveilig op de plek
waar het zich juist veilig zou moeten voelen. Het kind maakt zich zorgen om de ouder die
wordt geslagen of uitgescholden, en soms ook om de ouder die slaat. Veel kinderen denken dat
het hun schuld is, of dat zij het moeten oplossen.</p>
<p>Daarom geldt het meemaken van huiselijk geweld als een vorm van kindermishandeling. De
gevolgen kunnen vergelijkbaar zijn met die van geweld tegen het kind zelf.</p>
"""),
                signals(
                    "Wat u bij een kind kunt zien",
                    [
                        "slecht slapen, nachtmerries of weer in bed plassen",
                        "schrikachtig, waakzaam en snel gespannen",
                        "buikpijn of hoofdpijn zonder duidelijke oorzaak",
                        "concentratieproblemen of achteruitgang op school",
                        "zorgen voor broertjes en zusjes alsof het kind zelf de ouder is",
                        "zelf agressief gedrag, of juist heel aangepast en stil",
                    ],
                ),
                text("""
<h2>Wat helpt een kind?</h2>
<p>Een kind heeft baat bij een volwassene die het merkt en die er rustig over durft te
praten. Zeg dat het niet de schuld van het kind is en dat volwassenen ervoor moeten zorgen
dat het stopt. Een vaste, voorspelbare plek, zoals de klas of de sportclub, geeft houvast.</p>
"""),
                callout(
                    "Wat kunt u doen?",
                    f"""
<p>Bent u leerkracht, trainer of familielid en maakt u zich zorgen? Vraag advies bij Veilig
Thuis: {VEILIG_THUIS_LINK}. Bent u ouder en herkent u dit in uw eigen gezin? Ook dan kunt u
bellen, voor uzelf en voor uw kinderen.</p>
""",
                ),
            ],
        ),
        themes=("kindermishandeling", "huiselijk-geweld"),
        audiences=("inwoners", "scholen"),
        reviewed=date(2024, 12, 9),
    ),
    _article(
        Translation(
            title="Praten met kinderen over zorgen",
            slug="praten-met-kinderen-over-zorgen",
            intro=(
                "U ziet dat een kind niet lekker in zijn vel zit en u vraagt zich af of er thuis "
                "iets speelt. Hoe begint u een gesprek zonder het kind te laten schrikken of "
                "woorden in de mond te leggen?"
            ),
            search_description="Praktische tips voor leerkrachten, trainers en andere volwassenen.",
            body=[
                text("""
<p>Kinderen vertellen zelden uit zichzelf wat er thuis gebeurt. Ze schamen zich, zijn bang
voor de gevolgen of willen hun ouders beschermen. Een volwassene die rustig en open vraagt,
maakt het makkelijker om toch iets te vertellen, soms pas na een paar gesprekken.</p>
"""),
                steps(
                    "Een goed gesprek in vijf stappen",
                    [
                        (
                            "Kies een rustig moment",
                            "Praat op een plek waar anderen niet meeluisteren, maar niet achter "
                            "een dichte deur als het kind zich daar ongemakkelijk bij voelt.",
                        ),
                        (
                            "Begin bij wat u ziet",
                            "Benoem wat u opvalt, zonder oordeel. Bijvoorbeeld dat het kind de "
                            "laatste tijd vaak moe lijkt of stil is in de klas of op het veld.",
                        ),
                        (
                            "Stel open vragen",
                            "Vraag hoe het gaat, wat er gebeurde, hoe het thuis is. Vermijd "
                            "vragen die een antwoord voorzeggen, zoals de vraag of papa heeft "
                            "geslagen.",
                        ),
                        (
                            "Luister en blijf rustig",
                            "Laat stiltes vallen. Laat geen schrik of boosheid zien over wat u "
                            "hoort, want dan kan het kind dichtklappen.",
                        ),
                        (
                            "Zeg wat u gaat doen",
                            "Beloof geen geheimhouding. Zeg dat u hulp gaat vragen aan iemand die "
                            "hier meer van weet, en dat u het kind daarover vertelt.",
                        ),
                    ],
                ),
                quote(
                    "Niemand vroeg het ooit. Als iemand het had gevraagd, had ik het verteld.",
                    "Ervaringsdeskundige uit de pool van het Centrum",
                ),
                callout(
                    "Na het gesprek",
                    f"""
<p>Schrijf zo snel mogelijk op wat het kind zei, in de woorden van het kind. Bespreek het
met de aandachtsfunctionaris of de vertrouwenscontactpersoon, of vraag advies bij Veilig
Thuis: {VEILIG_THUIS_LINK}.</p>
""",
                ),
            ],
        ),
        Translation(
            title="Talking with children about worries",
            slug="talking-with-children-about-worries",
            intro=(
                "You notice a child is not doing well and you wonder whether something is going "
                "on at home. How do you start a conversation without frightening the child or "
                "putting words in their mouth?"
            ),
            search_description="Practical tips for teachers, coaches and other adults.",
            body=[
                text("""
<p>Children rarely tell anyone on their own what happens at home. They feel ashamed, fear
the consequences or want to protect their parents. An adult who asks calmly and openly
makes it easier to tell something after all, sometimes only after a few conversations.</p>
"""),
                steps(
                    "A good conversation in five steps",
                    [
                        (
                            "Choose a quiet moment",
                            "Talk where others cannot overhear, but not behind a closed door if "
                            "the child feels uncomfortable there.",
                        ),
                        (
                            "Start with what you see",
                            "Say what you notice, without judgement. For example: I see you have "
                            "often been tired lately. With young children: I can see things are "
                            "not going so well.",
                        ),
                        (
                            "Ask open questions",
                            "Ask how things are, what happened, what it is like at home. Avoid "
                            "questions that suggest an answer, such as: did your dad hit you?",
                        ),
                        (
                            "Listen and stay calm",
                            "Allow silences. Do not show shock or anger at what you hear, or the "
                            "child may close up.",
                        ),
                        (
                            "Say what you will do",
                            "Do not promise to keep it secret. Say you are going to ask for help "
                            "from someone who knows more about this, and that you will tell the "
                            "child about it.",
                        ),
                    ],
                ),
                quote(
                    "Nobody ever asked. If someone had asked, I would have told them.",
                    "Lived-experience expert from the Centre's pool",
                ),
                callout(
                    "After the conversation",
                    f"""
<p>Write down what the child said as soon as possible, in the child's own words. Discuss it
with your organisation's meldcode officer or confidential adviser, or ask Veilig Thuis for
advice: {VEILIG_THUIS_LINK}.</p>
""",
                ),
            ],
        ),
        themes=("kindermishandeling", "signalen-herkennen"),
        audiences=("scholen", "vrijwilligers-en-sportclubs"),
        reviewed=date(2026, 4, 20),
    ),
    _article(
        Translation(
            title="Als een kind u iets vertelt",
            slug="als-een-kind-u-iets-vertelt",
            intro=(
                "Een kind vertelt u dat het thuis wordt geslagen, of dat iemand aan het kind "
                "heeft gezeten. Dat is een moment van groot vertrouwen. Wat u dan zegt en doet, "
                "maakt verschil."
            ),
            search_description="Hoe u reageert als een kind over geweld of misbruik vertelt.",
            seo_title="Als een kind iets vertelt",
            body=[
                text("""
<p>Kinderen kiezen zelf aan wie zij iets vertellen: vaak een juf, een trainer, een buurvrouw
of de ouder van een vriendje. Zij testen soms eerst voorzichtig hoe u reageert, met een
half verhaal of een vraag over iemand anders. Neem zo'n eerste signaal serieus.</p>
"""),
                faq(
                    "Wat zegt u wel en niet?",
                    [
                        (
                            "Moet ik doorvragen?",
                            "<p>Nee. Laat het kind in eigen woorden vertellen en vraag alleen "
                            "wat nodig is om het te begrijpen. Het uitzoeken van wat er precies "
                            "is gebeurd, laat u aan anderen over.</p>",
                        ),
                        (
                            "Mag ik beloven dat ik het niet doorvertel?",
                            "<p>Nee. Zeg eerlijk dat u dit niet alleen kunt oplossen en dat u "
                            "hulp gaat vragen. Beloof wel dat u het kind vertelt wat u doet.</p>",
                        ),
                        (
                            "Wat zeg ik tegen het kind?",
                            "<p>Zeg dat u het kind gelooft, dat het goed is dat het kind het "
                            "vertelt en dat het niet de schuld van het kind is.</p>",
                        ),
                        (
                            "Confronteer ik de ouders?",
                            "<p>Niet op eigen houtje. Zeker bij vermoedens van seksueel misbruik "
                            "kan dat het kind in gevaar brengen. Vraag eerst advies.</p>",
                        ),
                    ],
                ),
                callout(
                    "Wat kunt u doen?",
                    f"""
<p>Schrijf letterlijk op wat het kind zei en wanneer. Werkt u bij een organisatie met een
meldcode, betrek dan de aandachtsfunctionaris. Vraag in elk geval advies bij Veilig Thuis:
{VEILIG_THUIS_LINK}. Is het kind op dit moment in gevaar? Bel {EMERGENCY_LINK}.</p>
""",
                ),
                text("""
<h2>En uzelf?</h2>
<p>Zo'n gesprek kan veel met u doen. Bespreek het met een collega of leidinggevende en neem
de tijd om het een plek te geven. Ook dat hoort bij goed zorgen voor het kind.</p>
"""),
            ],
        ),
        themes=("kindermishandeling", "seksueel-geweld"),
        audiences=("scholen", "vrijwilligers-en-sportclubs", "professionals"),
        reviewed=date(2025, 8, 11),
    ),
    _article(
        Translation(
            title="Verwaarlozing herkennen",
            slug="verwaarlozing-herkennen",
            seo_title="Wat een kind nodig heeft",
            intro=(
                "Verwaarlozing is de meest voorkomende vorm van kindermishandeling en tegelijk "
                "de vorm die het minst opvalt. Er gebeurt niet iets, maar er gebeurt juist iets "
                "niet: een kind krijgt niet wat het nodig heeft."
            ),
            search_description="Lichamelijke en emotionele verwaarlozing: signalen en aanpak.",
            body=[
                text("""
<h2>Twee vormen</h2>
<p>Bij <b>lichamelijke verwaarlozing</b> krijgt een kind onvoldoende eten, schone kleding,
hygiëne, medische zorg of toezicht. Bij <b>emotionele verwaarlozing</b> krijgt een kind te
weinig aandacht, warmte en steun. Ook die tweede vorm laat sporen na, al zijn die lastiger
te zien.</p>
<p>Vaak is er geen sprake van onwil. Ouders kunnen overvraagd zijn door armoede, psychische
problemen, verslaving of een licht verstandelijke beperking. Dat vraagt om hulp voor het
hele gezin, niet om een oordeel.</p>
"""),
                signals(
                    "Signalen bij het kind",
                    [
                        "vaak hongerig, of eten dat het kind meeneemt of verstopt",
                        "kleding die vies is of niet past bij het weer",
                        "onbehandelde medische of tandheelkundige klachten",
                        "vaak te laat of afwezig zonder goede reden",
                        "zoekt veel aandacht bij onbekende volwassenen",
                        "achterstand in taal of ontwikkeling zonder duidelijke oorzaak",
                    ],
                ),
                text("""
<h2>Het totaalbeeld</h2>
<p>Eén vieze broek zegt niets. Het gaat om een patroon dat blijft bestaan. Houd daarom bij
wat u ziet, met data erbij, en bespreek het met een collega. Zo ziet u of het beeld blijft
of verandert.</p>
"""),
                callout(
                    "Wat kunt u doen?",
                    f"""
<p>Werkt u in het onderwijs of de zorg, volg dan de stappen van de meldcode en betrek de
aandachtsfunctionaris. Twijfelt u? Overleg met Veilig Thuis: {VEILIG_THUIS_LINK}. Vaak is
een gesprek met de ouders over wat zij nodig hebben een goede volgende stap.</p>
""",
                ),
                cta(
                    "De meldcode",
                    "Lees hoe de vijf stappen van de meldcode u helpen bij een vermoeden.",
                    "Naar de meldcode",
                    page="knowledge/de-meldcode-stap-voor-stap",
                ),
            ],
        ),
        themes=("kindermishandeling", "signalen-herkennen"),
        audiences=("professionals", "scholen"),
        reviewed=date(2025, 1, 27),
    ),
    _article(
        Translation(
            title="Ouderenmishandeling: signalen en wat u kunt doen",
            slug="ouderenmishandeling-signalen-en-wat-u-kunt-doen",
            seo_title="Zorgen over een oudere",
            intro=(
                "Ouderenmishandeling gebeurt vaak door iemand die dichtbij staat: een partner, "
                "een kind, een kleinkind of een zorgverlener. Juist daardoor blijft het lang "
                "verborgen, ook voor de oudere zelf."
            ),
            search_description="Vormen, signalen en waar u advies vraagt over een oudere.",
            body=[
                text("""
<p>Ouderen die afhankelijk zijn van anderen, praten er zelden over. Zij schamen zich, willen
hun kind niet in de problemen brengen of zijn bang voor wat er gebeurt als de hulp wegvalt.
Soms beseffen zij niet dat wat er gebeurt niet in orde is.</p>
"""),
                signals(
                    "Signalen bij de oudere",
                    [
                        "onverklaarde blauwe plekken, vaak op armen of polsen",
                        "angstig of stil in het bijzijn van een bepaalde persoon",
                        "geldgebrek terwijl er voldoende inkomen is",
                        "onverzorgd, vermagerd of zonder de nodige medicijnen",
                        "bezoek dat steeds wordt tegengehouden of afgezegd",
                        "een ander die alle post, pinpassen en beslissingen overneemt",
                    ],
                ),
                text("""
<h2>Vormen</h2>
<p>Net als bij ander huiselijk geweld gaat het om lichamelijk, psychisch en seksueel geweld,
om verwaarlozing en om financieel misbruik. Financieel misbruik komt bij ouderen veel voor:
iemand neemt geld op, laat de oudere dingen tekenen of regelt zaken zonder overleg.</p>
<p>Soms is er geen kwade opzet. Een mantelzorger die het al jaren alleen doet, kan over
grenzen gaan zonder dat te willen. Ook dan is hulp nodig, voor de oudere en voor de
mantelzorger.</p>
"""),
                callout(
                    "Wat kunt u doen?",
                    f"""
<p>Praat met de oudere op een moment dat u samen alleen bent. Vraag advies bij Veilig Thuis:
{VEILIG_THUIS_LINK}, ook als u twijfelt. Bij direct gevaar belt u {EMERGENCY_LINK}.</p>
""",
                ),
                cta(
                    "Meer weten?",
                    "Lees meer over ouderenmishandeling en de hulp in de regio.",
                    "Over ouderenmishandeling",
                    page="ouderenmishandeling",
                ),
            ],
        ),
        Translation(
            title="Elder abuse: signs and what you can do",
            slug="elder-abuse-signs-and-what-you-can-do",
            seo_title="Worried about an older person",
            intro=(
                "Elder abuse is often committed by someone close: a partner, a child, a "
                "grandchild or a carer. That is exactly why it stays hidden for a long time, "
                "sometimes even from the older person themselves."
            ),
            search_description="Forms, signs and where to ask for advice about an older person.",
            body=[
                text("""
<p>Older people who depend on others rarely talk about it. They feel ashamed, do not want to
get their child into trouble or fear what will happen if the help they receive falls away.
Sometimes they do not realise that what is happening is not right.</p>
"""),
                signals(
                    "Signs in the older person",
                    [
                        "unexplained bruises, often on the arms or wrists",
                        "anxious or quiet in the presence of a particular person",
                        "short of money although there is enough income",
                        "unkempt, losing weight or without the medicines they need",
                        "visits that are repeatedly prevented or cancelled",
                        "someone else taking over all post, bank cards and decisions",
                    ],
                ),
                text("""
<h2>Forms</h2>
<p>As with other domestic violence, it can be physical, psychological or sexual violence,
neglect or financial abuse. Financial abuse is common among older people: someone withdraws
money, has the older person sign things or arranges matters without consulting them.</p>
<p>Sometimes there is no bad intent. An informal carer who has been doing it alone for years
may overstep boundaries without meaning to. Help is needed then too, for the older person
and for the carer.</p>
"""),
                callout(
                    "What can you do?",
                    f"""
<p>Talk with the older person at a moment when you are alone together. Ask Veilig Thuis for
advice: {VEILIG_THUIS_LINK}, even if you are not sure. In immediate danger, call
{EMERGENCY_LINK}.</p>
""",
                ),
                cta(
                    "Want to know more?",
                    "Read more about elder abuse and the help available in the region.",
                    "About elder abuse",
                    page="ouderenmishandeling",
                ),
            ],
        ),
        themes=("ouderenmishandeling", "signalen-herkennen"),
        audiences=("inwoners", "professionals"),
        reviewed=date(2026, 2, 2),
    ),
    _article(
        Translation(
            title="Financieel misbruik van ouderen",
            slug="financieel-misbruik-van-ouderen",
            seo_title="Geldzaken van ouderen",
            intro=(
                "Een zoon die steeds geld leent en het nooit terugbetaalt. Een nieuwe kennis die "
                "ineens de bankzaken regelt. Financieel misbruik begint vaak klein en groeit "
                "ongemerkt."
            ),
            search_description="Hoe u financieel misbruik van een oudere herkent en voorkomt.",
            body=[
                text("""
<p>Van financieel misbruik is sprake als iemand zonder toestemming, of met toestemming die
onder druk is gegeven, geld of bezittingen van een oudere gebruikt. Het gebeurt vaak door
familie of bekenden, soms door iemand die zich heel behulpzaam voordoet.</p>
<p>Ouderen met beginnende dementie zijn extra kwetsbaar. Zij overzien hun geldzaken minder
goed en merken later dat er iets mis is. Wie regelmatig meekijkt, ziet eerder dat er iets
niet klopt.</p>
"""),
                signals(
                    "Let op bij",
                    [
                        "onverklaarbare opnames of overboekingen van de rekening",
                        "rekeningen die ineens niet meer worden betaald",
                        "een gewijzigd testament of een nieuwe volmacht zonder duidelijke reden",
                        "spullen of sieraden die uit huis verdwijnen",
                        "een oudere die zegt geen geld te hebben voor boodschappen",
                        "iemand die de oudere afschermt van familie of de bank",
                    ],
                ),
                steps(
                    "Zo voorkomt u problemen",
                    [
                        (
                            "Leg afspraken vast",
                            "Spreek op papier af wie welke geldzaken regelt, en laat een tweede "
                            "persoon meekijken.",
                        ),
                        (
                            "Kies een volmacht met zorg",
                            "Een notaris kan helpen een levenstestament op te stellen, met een "
                            "vertrouwd persoon als gevolmachtigde en iemand die controleert.",
                        ),
                        (
                            "Blijf in contact",
                            "Regelmatig bezoek en open gesprekken over geld maken misbruik "
                            "moeilijker en zichtbaarder.",
                        ),
                    ],
                ),
                callout(
                    "Wat kunt u doen?",
                    f"""
<p>Vertrouwt u het niet? Bespreek het eerst met de oudere zelf. Veilig Thuis denkt met u
mee: {VEILIG_THUIS_LINK}. Gaat het om oplichting of diefstal, dan kunt u aangifte doen bij de
politie. De bank kan bij verdachte transacties vaak ook iets doen.</p>
""",
                ),
            ],
        ),
        themes=("ouderenmishandeling",),
        audiences=("inwoners",),
        reviewed=date(2024, 11, 18),
    ),
    _article(
        Translation(
            title="Als mantelzorg te zwaar wordt",
            slug="als-mantelzorg-te-zwaar-wordt",
            intro=(
                "Wie jarenlang voor een partner of ouder zorgt, komt soms op de grens van wat "
                "kan. Uitputting en frustratie kunnen ertoe leiden dat de zorg ontspoort, zonder "
                "dat iemand dat ooit wilde."
            ),
            search_description="Ontspoorde mantelzorg: herkennen, bespreken en hulp vinden.",
            body=[
                text("""
<p>Ontspoorde mantelzorg is een vorm van ouderenmishandeling die vaak voortkomt uit
overbelasting. De mantelzorger schreeuwt, pakt te hard vast, laat de oudere te lang alleen
of beperkt diens vrijheid, omdat hij of zij het niet meer overziet. Schuld en schaamte maken
het moeilijk om daarover te praten.</p>
<p>Het omgekeerde komt ook voor: een oudere die de mantelzorger uitscheldt of slaat, bijvoorbeeld
door dementie. Ook dan staat de relatie onder druk en is hulp nodig.</p>
"""),
                signals(
                    "Signalen van overbelasting",
                    [
                        "de mantelzorger slaapt slecht en heeft geen tijd meer voor zichzelf",
                        "vaker boos, ongeduldig of kortaf tegen de oudere",
                        "hulp van buiten wordt afgehouden",
                        "de oudere lijkt angstig of teruggetrokken",
                        "er zijn geen vervangers als de mantelzorger zelf ziek wordt",
                    ],
                ),
                text("""
<h2>Kijk naar het hele systeem</h2>
<p>Een verwijt helpt niemand. Wie met de mantelzorger én de oudere kijkt naar wat er nodig
is, vindt vaker een oplossing: respijtzorg, dagbesteding, thuiszorg of hulp van andere
familieleden. Professionals werken daarbij systeemgericht: zij betrekken het hele netwerk.</p>
"""),
                quote(
                    "Ik schaamde me kapot dat ik tegen mijn moeder schreeuwde. Toen de "
                    "wijkverpleegkundige vroeg hoe het met mij ging, brak ik.",
                    "Een mantelzorger uit Dongen",
                ),
                callout(
                    "Wat kunt u doen?",
                    f"""
<p>Bent u mantelzorger en herkent u dit? Het sociaal wijkteam van uw gemeente kan hulp en
ontlasting regelen. U kunt ook Veilig Thuis bellen voor advies: {VEILIG_THUIS_LINK}. Bent u
vrijwilliger of professional, benoem dan wat u ziet en vraag hoe het met de mantelzorger
gaat.</p>
""",
                ),
            ],
        ),
        themes=("ouderenmishandeling", "systeemgericht-werken"),
        audiences=("inwoners", "vrijwilligers-en-sportclubs", "professionals"),
        reviewed=date(2026, 6, 8),
    ),
    _article(
        Translation(
            title="Eergerelateerd geweld herkennen",
            slug="eergerelateerd-geweld-herkennen",
            seo_title="Eer en familie: signalen",
            intro=(
                "Bij eergerelateerd geweld gaat het om de eer van een familie of gemeenschap. "
                "Wie die eer in de ogen van anderen schendt, bijvoorbeeld door een eigen "
                "partner te kiezen, kan onder zware druk komen te staan."
            ),
            search_description=(
                "Wat eergerelateerd geweld is, de signalen, en waarom voorzichtigheid nodig is."
            ),
            body=[
                text("""
<p>Eergerelateerd geweld verschilt van ander huiselijk geweld doordat vaak meerdere familie-
of gemeenschapsleden betrokken zijn, ook buiten het gezin en soms in het buitenland. De druk
is collectief. Het komt voor in verschillende culturen en gemeenschappen en treft meisjes en
vrouwen, maar ook jongens, mannen en lhbtiq+-personen. Vaak is degene die het geweld
uitvoert zelf ook onder druk gezet.</p>
"""),
                signals(
                    "Signalen",
                    [
                        "een leerling of cliënt wordt streng gecontroleerd door familieleden",
                        "angst om met een vriend of vriendin gezien te worden",
                        "plotseling verzuim, of een lange reis naar het land van herkomst",
                        "praten over een huwelijk waar iemand zelf niet voor kiest",
                        "signalen van depressie, zelfbeschadiging of weglopen",
                        "een broer of neef die toezicht houdt buiten school of werk",
                    ],
                ),
                text("""
<h2>Waarom voorzichtigheid nodig is</h2>
<p>Een goedbedoeld gesprek met de ouders kan de situatie gevaarlijker maken. Bespreek de
zorg daarom nooit met de familie voordat u advies hebt gevraagd. Dat is ook de reden dat de
meldcode bij eergerelateerd geweld vraagt om extra zorgvuldigheid bij stap 3, het gesprek
met betrokkenen.</p>
"""),
                callout(
                    "Wat kunt u doen?",
                    f"""
<p>Overleg met de aandachtsfunctionaris en vraag advies bij Veilig Thuis:
{VEILIG_THUIS_LINK}. Veilig Thuis kan een gespecialiseerde adviseur inschakelen. Is er acuut
gevaar, bijvoorbeeld een dreigende ontvoering of bedreiging? Bel dan {EMERGENCY_LINK}.</p>
""",
                ),
                cta(
                    "Training voor uw team?",
                    "Wilt u met uw team leren eergerelateerd geweld te herkennen? Neem contact op.",
                    "Neem contact op",
                    page="contact",
                ),
            ],
        ),
        Translation(
            title="Recognising honour-based violence",
            slug="recognising-honour-based-violence",
            seo_title="Honour and family: signs",
            intro=(
                "Honour-based violence is about the honour of a family or community. Anyone "
                "who, in the eyes of others, violates that honour, for example by choosing their "
                "own partner, can come under heavy pressure."
            ),
            search_description=(
                "What honour-based violence is, its signs, and why caution is needed."
            ),
            body=[
                text("""
<p>Honour-based violence differs from other domestic violence in that several family or
community members are often involved, also outside the household and sometimes abroad. The
pressure is collective. It occurs in different cultures and communities and affects girls
and women, but also boys, men and LGBTIQ+ people. Often the person who carries out the
violence is under pressure too.</p>
"""),
                signals(
                    "Signs",
                    [
                        "a pupil or client is closely controlled by relatives",
                        "fear of being seen with a boyfriend or girlfriend",
                        "sudden absence, or a long trip to the country of origin",
                        "talk of a marriage the person does not choose themselves",
                        "signs of depression, self-harm or running away",
                        "a brother or cousin keeping watch outside school or work",
                    ],
                ),
                text("""
<h2>Why caution is needed</h2>
<p>A well-meant conversation with the parents can make the situation more dangerous. So
never discuss the worry with the family before you have asked for advice. That is also why
the reporting code asks for extra care at step 3, the conversation with those involved,
when honour-based violence may be at play.</p>
"""),
                callout(
                    "What can you do?",
                    f"""
<p>Consult your meldcode officer and ask Veilig Thuis for advice: {VEILIG_THUIS_LINK}.
Veilig Thuis can bring in a specialised adviser. Is there acute danger, such as a threatened
abduction or threats? Then call {EMERGENCY_LINK}.</p>
""",
                ),
                cta(
                    "Training for your team?",
                    "Would your team like to learn to recognise honour-based violence? Contact us.",
                    "Contact us",
                    page="contact",
                ),
            ],
        ),
        themes=("eergerelateerd-geweld", "signalen-herkennen"),
        audiences=("professionals", "scholen"),
        reviewed=date(2025, 5, 12),
    ),
    _article(
        Translation(
            title="Huwelijksdwang en achterlating",
            slug="huwelijksdwang-en-achterlating",
            seo_title="Zomervakantie en zorgen om een leerling",
            intro=(
                "Elk jaar maken scholen en hulpverleners zich voor de zomervakantie zorgen om "
                "een leerling die misschien niet terugkomt. Achterlating en huwelijksdwang zijn "
                "vormen van eergerelateerd geweld waarbij tijdig handelen telt."
            ),
            search_description=(
                "Signalen van huwelijksdwang en achterlating, en wat u vóór de vakantie doet."
            ),
            body=[
                text("""
<p>Bij <b>huwelijksdwang</b> wordt iemand onder druk gezet om te trouwen met een partner die
hij of zij niet zelf kiest. Bij <b>achterlating</b> wordt iemand tegen zijn of haar wil in
het buitenland achtergelaten, vaak zonder paspoort. Huwelijksdwang is in Nederland strafbaar, en
bij achterlating is vaak sprake van strafbare feiten zoals vrijheidsberoving. Ze gaan vaak
samen: iemand gaat op vakantie en blijkt daar te moeten trouwen of te moeten
blijven.</p>
"""),
                signals(
                    "Signalen vóór een vakantie",
                    [
                        "een leerling is opvallend somber of angstig over de vakantie",
                        "een reis van onbekende duur of zonder duidelijk terugkeerdatum",
                        "spullen worden meegenomen of weggegeven alsof iemand lang wegblijft",
                        "een oudere broer of zus is eerder niet teruggekomen",
                        "de leerling vraagt voorzichtig wat er gebeurt als hij of zij niet "
                        "terugkomt",
                    ],
                ),
                steps(
                    "Wat u als school of hulpverlener doet",
                    [
                        (
                            "Neem het signaal serieus",
                            "Vraag de leerling in een veilig gesprek, zonder familie erbij, wat er "
                            "speelt en hoe de leerling zelf over de reis denkt.",
                        ),
                        (
                            "Overleg direct",
                            "Bespreek het met de aandachtsfunctionaris en vraag advies bij Veilig "
                            "Thuis. Wacht niet tot de laatste schooldag.",
                        ),
                        (
                            "Maak een veiligheidsplan",
                            "Leg samen met de leerling vast wat de leerling kan doen als het "
                            "misgaat, met wie contact op te nemen en welke gegevens te bewaren.",
                        ),
                    ],
                ),
                callout(
                    "Direct advies",
                    f"""
<p>Veilig Thuis: {VEILIG_THUIS_LINK}. Is iemand al in het buitenland achtergelaten, dan kan
Veilig Thuis helpen met de juiste contacten, zoals het Landelijk Knooppunt Huwelijksdwang en
Achterlating. Bij acuut gevaar belt u {EMERGENCY_LINK}.</p>
""",
                ),
            ],
        ),
        themes=("eergerelateerd-geweld",),
        audiences=("scholen", "professionals"),
        reviewed=date(2026, 5, 25),
    ),
    _article(
        Translation(
            title="Seksueel geweld meegemaakt: wat nu?",
            slug="seksueel-geweld-meegemaakt-wat-nu",
            seo_title="Wat nu?",
            intro=(
                "Hebt u seksueel geweld meegemaakt, kort geleden of langer terug? Dan is het "
                "niet uw schuld. U mag zelf bepalen wat u wilt en in welk tempo. Hier leest u "
                "welke hulp er is."
            ),
            search_description=(
                "Eerste stappen en hulp na seksueel geweld, ook als het lang geleden is."
            ),
            body=[
                text("""
<p>Seksueel geweld is elke seksuele handeling waarmee u niet instemt. Dat kan door een
onbekende gebeuren, maar veel vaker door iemand die u kent: een partner, ex, familielid,
vriend of collega. Veel mensen bevriezen op het moment zelf. Dat is een normale reactie en
betekent niet dat u instemde.</p>
"""),
                callout(
                    "Is het minder dan een week geleden?",
                    f"""
<p>Neem dan zo snel mogelijk contact op met het Centrum Seksueel Geweld:
<a href="tel:08000188">0800-0188</a>, gratis en dag en nacht. Daar krijgt u medische zorg,
onder meer om zwangerschap en soa's te voorkomen, en kan sporenonderzoek worden gedaan. Of u
aangifte doet, beslist u later. Bent u in gevaar? Bel {EMERGENCY_LINK}.</p>
""",
                ),
                text("""
<h2>Is het langer geleden?</h2>
<p>Ook dan kunt u hulp krijgen. Uw huisarts kan u doorverwijzen naar hulp die bij u past.
Veel mensen hebben baat bij gespecialiseerde traumabehandeling. Praten met iemand die u
vertrouwt, kan ook al lucht geven.</p>
"""),
                faq(
                    "Veelgestelde vragen",
                    [
                        (
                            "Moet ik aangifte doen?",
                            "<p>Nee, dat bepaalt u zelf. U kunt eerst een informatief gesprek "
                            "met de politie voeren over wat een aangifte inhoudt.</p>",
                        ),
                        (
                            "Wat als het binnen mijn relatie gebeurt?",
                            "<p>Ook binnen een relatie of huwelijk is seks zonder instemming "
                            "seksueel geweld. Veilig Thuis kan u helpen: "
                            f"{VEILIG_THUIS_LINK}.</p>",
                        ),
                        (
                            "Ik kan er niet over praten. Is dat raar?",
                            "<p>Nee. Veel mensen praten er pas na lange tijd over, of nooit "
                            "uitgebreid. Hulpverleners gaan daar zorgvuldig mee om.</p>",
                        ),
                    ],
                ),
            ],
        ),
        Translation(
            title="Experienced sexual violence: what now?",
            slug="experienced-sexual-violence-what-now",
            seo_title="What now?",
            intro=(
                "Have you experienced sexual violence, recently or longer ago? It is not your "
                "fault. You decide what you want and at what pace. Here you can read what help "
                "is available."
            ),
            search_description=(
                "First steps and help after sexual violence, also when it was long ago."
            ),
            body=[
                text("""
<p>Sexual violence is any sexual act you do not consent to. It can be committed by a
stranger, but far more often by someone you know: a partner, an ex, a relative, a friend or
a colleague. Many people freeze in the moment itself. That is a normal reaction and does not
mean you consented.</p>
"""),
                callout(
                    "Was it less than a week ago?",
                    f"""
<p>Then contact the Centrum Seksueel Geweld (Sexual Assault Centre) as soon as possible:
<a href="tel:08000188">0800-0188</a>, free and day and night. There you receive medical
care, including care to prevent pregnancy and STIs, and evidence can be collected. Whether
you report it to the police, you can decide later. Are you in danger? Call
{EMERGENCY_LINK}.</p>
""",
                ),
                text("""
<h2>Was it longer ago?</h2>
<p>You can still get help. Your GP can refer you to help that suits you. Many people benefit
from specialised trauma treatment. Talking with someone you trust can already bring some
relief.</p>
"""),
                faq(
                    "Frequently asked questions",
                    [
                        (
                            "Do I have to report it to the police?",
                            "<p>No, that is your decision. You can first have an informative "
                            "conversation with the police about what a report involves.</p>",
                        ),
                        (
                            "What if it happens within my relationship?",
                            "<p>Within a relationship or marriage too, sex without consent is "
                            "sexual violence. Veilig Thuis can help you: "
                            f"{VEILIG_THUIS_LINK}.</p>",
                        ),
                        (
                            "I cannot talk about it. Is that strange?",
                            "<p>No. Many people only talk about it after a long time, or never "
                            "in detail. Professionals handle that with care.</p>",
                        ),
                    ],
                ),
            ],
        ),
        themes=("seksueel-geweld",),
        audiences=("inwoners",),
        reviewed=date(2026, 10, 19),
        author=GGD,
    ),
    _article(
        Translation(
            title="Grensoverschrijdend gedrag in de sportclub voorkomen",
            slug="grensoverschrijdend-gedrag-in-de-sportclub-voorkomen",
            seo_title="Een veilig sportklimaat",
            intro=(
                "Een sportclub is voor veel kinderen een tweede thuis. Juist daarom verdient "
                "veiligheid op de club aandacht: met duidelijke afspraken wordt "
                "grensoverschrijdend "
                "gedrag minder waarschijnlijk en sneller opgemerkt."
            ),
            search_description=(
                "Praktische afspraken voor een veilige club, van VOG tot vertrouwenscontactpersoon."
            ),
            body=[
                text("""
<p>Grensoverschrijdend gedrag op de club kan van alles zijn: pesten, intimidatie,
discriminatie, maar ook seksuele opmerkingen, aanrakingen of misbruik. Het gebeurt tussen
sporters onderling en tussen begeleiders en sporters. Afhankelijkheid, bijvoorbeeld van een
trainer die de selectie bepaalt, maakt sporters kwetsbaar.</p>
"""),
                steps(
                    "Vijf afspraken die helpen",
                    [
                        (
                            "Gedragsregels",
                            "Leg vast hoe begeleiders met sporters omgaan: niet alleen in de "
                            "kleedkamer, geen privéberichten met jonge sporters, vervoer in "
                            "overleg.",
                        ),
                        (
                            "VOG voor begeleiders",
                            "Vraag van iedere trainer en begeleider een Verklaring Omtrent het "
                            "Gedrag, ook van vrijwilligers. Veel clubs kunnen die kosteloos "
                            "aanvragen.",
                        ),
                        (
                            "Een vertrouwenscontactpersoon",
                            "Wijs iemand aan bij wie sporters, ouders en vrijwilligers terecht "
                            "kunnen met een zorg, en maak bekend wie dat is.",
                        ),
                        (
                            "Vraag naar referenties",
                            "Informeer bij een nieuwe trainer naar eerdere clubs. Een goed gesprek "
                            "bij de start voorkomt veel.",
                        ),
                        (
                            "Praat erover",
                            "Maak grenzen bespreekbaar in het bestuur, onder trainers en met "
                            "sporters zelf. Zwijgen beschermt de dader, niet de club.",
                        ),
                    ],
                ),
                callout(
                    "Hebt u een zorg?",
                    f"""
<p>Bespreek het met de vertrouwenscontactpersoon of het bestuur. Gaat het om een kind of om
huiselijk geweld, vraag dan advies bij Veilig Thuis: {VEILIG_THUIS_LINK}. Uw sportbond en
het Centrum Veilige Sport Nederland geven advies over grensoverschrijdend gedrag in de sport.
Bij direct gevaar belt u {EMERGENCY_LINK}.</p>
""",
                ),
                cta(
                    "Een sessie voor uw club?",
                    "Wij geven bewustwordingssessies voor trainers en besturen. Vertel ons wat u "
                    "zoekt.",
                    "Neem contact op",
                    page="contact",
                ),
            ],
        ),
        themes=("seksueel-geweld", "signalen-herkennen"),
        audiences=("vrijwilligers-en-sportclubs",),
        reviewed=date(2025, 4, 7),
    ),
    _article(
        Translation(
            title="Seksuele ontwikkeling van kinderen: wat is gewoon?",
            slug="seksuele-ontwikkeling-van-kinderen-wat-is-gewoon",
            seo_title="Ontwikkeling van kinderen",
            intro=(
                "Een kleuter die doktertje speelt, een puber die schuine grappen maakt: veel "
                "seksueel gedrag van kinderen hoort bij een gezonde ontwikkeling. Maar wanneer "
                "is gedrag een reden tot zorg?"
            ),
            search_description="Gezond en zorgelijk seksueel gedrag bij kinderen onderscheiden.",
            body=[
                text("""
<p>Leerkrachten en ouders twijfelen vaak hoe zij moeten reageren op seksueel gedrag van
kinderen. Te heftig reageren maakt een kind onzeker over iets wat normaal is. Te weinig
reageren kan betekenen dat een kind dat grensoverschrijdend gedrag ervaart of vertoont, geen
hulp krijgt.</p>
<h2>Een eenvoudige toets</h2>
<p>Bij het beoordelen van gedrag kunt u zich een paar vragen stellen. Is er wederzijdse
instemming? Zijn de kinderen ongeveer even oud en even sterk? Past het gedrag bij de leeftijd?
Gebeurt het vrijwillig en zonder dwang? En is het gedrag passend in de situatie? Methoden
zoals het Vlaggensysteem werken met vergelijkbare criteria.</p>
"""),
                signals(
                    "Reden tot zorg",
                    [
                        "seksuele kennis of gedrag dat ver vooruitloopt op de leeftijd",
                        "dwang, dreiging of geheimhouding rond seksueel spel",
                        "een groot verschil in leeftijd of macht tussen de kinderen",
                        "gedrag dat steeds terugkomt en niet stopt na een duidelijke grens",
                        "angst of onrust bij een kind rond aanraken of uitkleden",
                    ],
                ),
                text("""
<h2>Vanaf groep 1 over grenzen praten</h2>
<p>Kinderen die woorden hebben voor hun lichaam en hun gevoel, kunnen beter aangeven wanneer
iets niet goed voelt. Daarom is het zinvol om al vanaf groep 1 met kinderen over grenzen te
praten: wat is fijn, wat is niet fijn, en bij wie kan een kind terecht? Het Centrum ondersteunt
scholen daarbij.</p>
"""),
                callout(
                    "Wat kunt u doen?",
                    f"""
<p>Zet zorgelijk gedrag in het team op tafel en betrek de aandachtsfunctionaris. Twijfelt u
of het gedrag wijst op misbruik? Overleg met Veilig Thuis: {VEILIG_THUIS_LINK}.</p>
""",
                ),
                cta(
                    "Grenzen in de klas",
                    "Lees hoe scholen met kinderen over grenzen praten.",
                    "Over grenzen",
                    page="grenzen",
                ),
            ],
        ),
        themes=("seksueel-geweld", "kindermishandeling"),
        audiences=("scholen",),
        reviewed=date(2025, 9, 1),
    ),
    _article(
        Translation(
            title="De meldcode stap voor stap",
            slug="de-meldcode-stap-voor-stap",
            intro=(
                "Werkt u in de zorg, het onderwijs, de kinderopvang, de jeugdhulp of de "
                "maatschappelijke ondersteuning? Dan werkt uw organisatie met een meldcode. Die "
                "helpt u om bij een vermoeden van huiselijk geweld of kindermishandeling "
                "zorgvuldig "
                "en op tijd te handelen."
            ),
            search_description="De vijf stappen van de meldcode, met wat u bij elke stap doet.",
            body=[
                text("""
<p>De meldcode is geen meldplicht. Het is een stappenplan dat u verplicht doorloopt zodra u
een vermoeden hebt. Het eindigt met een besluit: hulp organiseren, melden bij Veilig Thuis,
of allebei. Zo weet u zeker dat u niets over het hoofd ziet en dat u uw besluit kunt
verantwoorden.</p>
"""),
                steps(
                    "De vijf stappen",
                    [
                        (
                            "Breng signalen in kaart",
                            "Leg feitelijk vast wat u ziet en hoort, met datum en bron. Scheid "
                            "feiten van uw interpretatie.",
                        ),
                        (
                            "Overleg met een collega en zo nodig Veilig Thuis",
                            "Bespreek de signalen met een deskundige collega of de "
                            "aandachtsfunctionaris. Vraag zo nodig advies aan Veilig Thuis.",
                        ),
                        (
                            "Praat met de betrokkene",
                            "Bespreek uw zorg met de cliënt, ouder of jongere. Alleen als dat de "
                            "veiligheid van iemand in gevaar brengt, slaat u dit gesprek over.",
                        ),
                        (
                            "Weeg het geweld of de mishandeling",
                            "Beoordeel met het afwegingskader van uw beroepsgroep of er sprake is "
                            "van een vermoeden en hoe ernstig en onveilig de situatie is.",
                        ),
                        (
                            "Beslis: hulp organiseren en/of melden",
                            "Is er acute of structurele onveiligheid, dan meldt u bij Veilig "
                            "Thuis. Kunt u ook zelf passende hulp bieden of organiseren, dan doet "
                            "u dat daarnaast.",
                        ),
                    ],
                ),
                cta(
                    "De meldcode doorlopen",
                    "Loop de vijf stappen en de vragen van het afwegingskader een voor een door.",
                    "Naar de meldcode in vijf stappen",
                    page="knowledge/meldcode",
                ),
                callout(
                    "Advies vragen kan altijd",
                    f"""
<p>U hoeft niet te wachten tot stap 2 om Veilig Thuis te bellen. Advies vragen kan bij elke
stap: {VEILIG_THUIS_LINK}. Is er direct gevaar? Bel {EMERGENCY_LINK} en doorloop de stappen
daarna.</p>
""",
                ),
                text("""
<h2>Vastleggen</h2>
<p>Leg bij elke stap vast wat u hebt gedaan, met wie u hebt overlegd en welk besluit u hebt
genomen. Dat beschermt de cliënt én u zelf.</p>
"""),
                cta(
                    "Training over de meldcode",
                    "Wilt u met uw team oefenen met de meldcode? Vraag naar de mogelijkheden.",
                    "Neem contact op",
                    page="contact",
                ),
            ],
        ),
        Translation(
            title="The reporting code step by step",
            slug="the-reporting-code-step-by-step",
            intro=(
                "Do you work in health care, education, childcare, youth care or social support? "
                "Then your organisation works with a reporting code (meldcode). It helps you act "
                "carefully and in time when you suspect domestic violence or child abuse."
            ),
            search_description=(
                "The five steps of the reporting code, with what you do at each step."
            ),
            body=[
                text("""
<p>The reporting code is not a duty to report. It is a step-by-step plan you are required to
follow as soon as you have a suspicion. It ends with a decision: organise help, report to
Veilig Thuis, or both. That way you can be sure you overlook nothing and can account for
your decision.</p>
"""),
                steps(
                    "The five steps",
                    [
                        (
                            "Map the signs",
                            "Record factually what you see and hear, with date and source. Keep "
                            "facts separate from your interpretation.",
                        ),
                        (
                            "Consult a colleague and, if needed, Veilig Thuis",
                            "Discuss the signs with an expert colleague or the meldcode officer. "
                            "Ask Veilig Thuis for advice if needed.",
                        ),
                        (
                            "Talk with the person concerned",
                            "Discuss your concern with the client, parent or young person. You "
                            "only skip this conversation if it would put someone's safety at risk.",
                        ),
                        (
                            "Weigh the violence or abuse",
                            "Use your profession's assessment framework to judge whether there "
                            "is a suspicion and how serious and unsafe the situation is.",
                        ),
                        (
                            "Decide: organise help and/or report",
                            "If there is acute or structural unsafety, you report to Veilig "
                            "Thuis. If you can also offer or organise suitable help yourself, you "
                            "do that as well.",
                        ),
                    ],
                ),
                cta(
                    "Go through the reporting code",
                    "Walk through the five steps and the questions of the assessment framework "
                    "one by one.",
                    "To the reporting code in five steps",
                    page="knowledge/meldcode",
                ),
                callout(
                    "You can always ask for advice",
                    f"""
<p>You do not have to wait until step 2 to call Veilig Thuis. You can ask for advice at any
step: {VEILIG_THUIS_LINK}. Is there immediate danger? Call {EMERGENCY_LINK} and go through
the steps afterwards.</p>
""",
                ),
                text("""
<h2>Keeping records</h2>
<p>At every step, record what you did, whom you consulted and what you decided. That
protects the client and yourself.</p>
"""),
                cta(
                    "Training on the reporting code",
                    "Would your team like to practise with the reporting code? Ask about the "
                    "options.",
                    "Contact us",
                    page="contact",
                ),
            ],
        ),
        themes=("meldcode", "huiselijk-geweld", "kindermishandeling"),
        audiences=("professionals",),
        reviewed=date(2026, 11, 2),
    ),
    _article(
        Translation(
            title="Het afwegingskader: wanneer meldt u?",
            slug="het-afwegingskader-wanneer-meldt-u",
            intro=(
                "Bij stap 4 en 5 van de meldcode neemt u een besluit. Het afwegingskader van "
                "uw beroepsgroep helpt u daarbij met een vaste reeks vragen. Zo komt u tot een "
                "besluit dat u kunt uitleggen."
            ),
            search_description="De vragen van het afwegingskader bij stap 4 en 5 van de meldcode.",
            body=[
                text("""
<p>Sinds 2019 bevat elke meldcode een afwegingskader. Elke beroepsgroep heeft een eigen
versie, maar de kern is gelijk: een professional die acute of structurele onveiligheid
vermoedt, meldt dat altijd bij Veilig Thuis. Wat u daarnaast zelf aan hulp kunt bieden, hangt
af van uw rol en van de bereidheid van de betrokkenen.</p>
"""),
                steps(
                    "De vijf afwegingsvragen",
                    [
                        (
                            "Is er een vermoeden?",
                            "Heb ik op basis van de stappen 1 tot en met 3 een vermoeden van "
                            "huiselijk geweld of kindermishandeling? Zo niet, dan sluit u af.",
                        ),
                        (
                            "Is er acute of structurele onveiligheid?",
                            "Schat ik in dat iemand nu in gevaar is, of dat het geweld zich steeds "
                            "herhaalt? Dan meldt u bij Veilig Thuis.",
                        ),
                        (
                            "Kan ik passende hulp bieden of organiseren?",
                            "Ben ik, eventueel met anderen, in staat hulp te bieden die de "
                            "dreiging wegneemt? Zo niet, dan meldt u.",
                        ),
                        (
                            "Werken de betrokkenen mee?",
                            "Aanvaarden de betrokkenen de hulp en zetten zij zich ervoor in? Zo "
                            "niet, dan meldt u.",
                        ),
                        (
                            "Leidt de hulp tot veiligheid?",
                            "Zorgt de hulp binnen de afgesproken tijd voor duurzame veiligheid en "
                            "welzijn? Zo niet, dan meldt u alsnog.",
                        ),
                    ],
                ),
                faq(
                    "Vragen uit de praktijk",
                    [
                        (
                            "Wat is structurele onveiligheid?",
                            "<p>Een situatie waarin het geweld zich herhaalt of naar verwachting "
                            "zal herhalen, of waarin een kind langdurig niet de zorg krijgt die "
                            "het nodig heeft. Eén incident kan al wijzen op een patroon.</p>",
                        ),
                        (
                            "Ik meld. Stopt mijn rol dan?",
                            "<p>Nee. Melden en hulp bieden gaan vaak samen. Bespreek met Veilig "
                            "Thuis wat u blijft doen, zodat het gezin niet tussen wal en schip "
                            "valt.</p>",
                        ),
                        (
                            "Vertel ik de betrokkene dat ik meld?",
                            "<p>In principe wel, tenzij dat de veiligheid van iemand in gevaar "
                            "brengt. Overleg bij twijfel met Veilig Thuis: "
                            f"{VEILIG_THUIS_LINK}.</p>",
                        ),
                    ],
                ),
                callout(
                    "Twijfelt u?",
                    f"""
<p>Leg uw afweging voor aan de aandachtsfunctionaris of bel Veilig Thuis voor advies:
{VEILIG_THUIS_LINK}. Leg uw besluit en de redenen ervoor vast in het dossier.</p>
""",
                ),
            ],
        ),
        themes=("meldcode",),
        audiences=("professionals",),
        reviewed=date(2025, 2, 17),
    ),
    _article(
        Translation(
            title="De aandachtsfunctionaris: hoeder van de meldcode",
            slug="de-aandachtsfunctionaris-hoeder-van-de-meldcode",
            intro=(
                "Een meldcode op papier is niet genoeg. Iemand moet ervoor zorgen dat collega's "
                "hem kennen, gebruiken en ermee durven te werken. Dat is de taak van de "
                "aandachtsfunctionaris."
            ),
            search_description=(
                "Taken en houding van de aandachtsfunctionaris in school en organisatie."
            ),
            body=[
                text("""
<p>De aandachtsfunctionaris is in veel organisaties het eerste aanspreekpunt bij zorgen over
huiselijk geweld en kindermishandeling. De functie is niet wettelijk verplicht, maar de
meeste organisaties kiezen er bewust voor. Op scholen is het vaak de intern begeleider of
een zorgcoördinator; in de zorg een gedragsdeskundige of teamleider.</p>
"""),
                signals(
                    "Taken van de aandachtsfunctionaris",
                    [
                        "collega's adviseren en begeleiden bij het doorlopen van de meldcode",
                        "meedenken bij stap 2 en bij de afweging in stap 4 en 5",
                        "zorgen dat de meldcode bekend en actueel is in de organisatie",
                        "contact houden met Veilig Thuis en partners in de wijk",
                        "signaleren wanneer collega's scholing nodig hebben",
                        "zorgvuldige en veilige verslaglegging bewaken",
                    ],
                ),
                text("""
<h2>Een houding, niet alleen een functie</h2>
<p>Een goede aandachtsfunctionaris maakt het bespreekbaar. Collega's moeten met een vaag
gevoel kunnen aankloppen, zonder bang te zijn dat zij overdrijven. Een vast moment in het
teamoverleg, bijvoorbeeld één keer per maand, helpt om zorgen vroeg op tafel te krijgen.</p>
"""),
                quote(
                    "Mijn belangrijkste taak is dat niemand in ons team alleen blijft zitten met "
                    "een zorg.",
                    "Intern begeleider en aandachtsfunctionaris, basisschool in Tilburg",
                ),
                callout(
                    "Net aangesteld?",
                    f"""
<p>Zorg dat u het afwegingskader van uw sector kent en dat u weet hoe u Veilig Thuis bereikt:
{VEILIG_THUIS_LINK}. Maak kennis met het sociaal wijkteam in de gemeente van uw
organisatie.</p>
""",
                ),
                cta(
                    "Scholing voor aandachtsfunctionarissen",
                    "Wij denken graag mee over scholing voor u en uw collega's.",
                    "Neem contact op",
                    page="contact",
                ),
            ],
        ),
        themes=("meldcode",),
        audiences=("professionals", "scholen"),
        reviewed=date(2024, 12, 16),
    ),
    _article(
        Translation(
            title="De meldcode in het onderwijs",
            slug="de-meldcode-in-het-onderwijs",
            intro=(
                "Leerkrachten zien kinderen elke dag. Daardoor merken zij vaak als eerste dat "
                "er iets niet goed gaat. De meldcode helpt scholen om daar samen en zorgvuldig "
                "mee om te gaan."
            ),
            search_description="Hoe scholen de meldcode toepassen, van signaal tot besluit.",
            body=[
                text("""
<p>Elke school is verplicht een meldcode te hebben. Het afwegingskader voor het onderwijs
geeft aan wanneer een school meldt bij Veilig Thuis en wanneer de school zelf hulp kan
organiseren, bijvoorbeeld via het ondersteuningsteam of het sociaal wijkteam. In de praktijk
is de intern begeleider vaak ook aandachtsfunctionaris.</p>
<h2>Van signaal naar besluit</h2>
<p>Een leerkracht die zich zorgen maakt, noteert wat hij of zij ziet en bespreekt dat met de
aandachtsfunctionaris. Samen besluiten zij wie het gesprek met de ouders of de leerling
voert. Daarna weegt de school de zorg met het afwegingskader en neemt een besluit. Bij
acute of structurele onveiligheid meldt de school altijd bij Veilig Thuis.</p>
"""),
                signals(
                    "Waar leerkrachten op letten",
                    [
                        "veranderingen in gedrag, stemming of schoolresultaten",
                        "verwondingen waarvoor geen of een wisselende verklaring is",
                        "vaak ziek gemeld, te laat of zonder eten op school",
                        "angst om naar huis te gaan of heftige reacties op een ouder",
                        "uitspraken van het kind in de kring, in tekeningen of in verhalen",
                    ],
                ),
                text("""
<h2>Leerplicht en verzuim</h2>
<p>Verzuim kan een signaal zijn van problemen thuis. Een goede lijn tussen de school, de
leerplichtambtenaar en het sociaal wijkteam zorgt ervoor dat zo'n signaal niet alleen als
verzuim wordt behandeld.</p>
"""),
                callout(
                    "Wat kan uw school doen?",
                    f"""
<p>Zet de meldcode minstens één keer per jaar op de agenda van het team, en bespreek een
geanonimiseerde casus. Bij twijfel overlegt de aandachtsfunctionaris met Veilig Thuis:
{VEILIG_THUIS_LINK}.</p>
""",
                ),
                cta(
                    "Een sessie voor uw team?",
                    "Het Centrum geeft bewustwordingssessies en trainingen voor scholen. Vraag "
                    "ernaar.",
                    "Neem contact op",
                    page="contact",
                ),
            ],
        ),
        themes=("meldcode", "kindermishandeling"),
        audiences=("scholen",),
        reviewed=date(2026, 8, 31),
    ),
    _article(
        Translation(
            title="Zorgen als vrijwilliger: een stappenplan",
            slug="zorgen-als-vrijwilliger-een-stappenplan",
            intro=(
                "Als vrijwilliger bij een sportclub, scouting of buurthuis bent u geen "
                "hulpverlener. Toch kunt u iets zien wat anderen missen. Een eenvoudig "
                "stappenplan helpt u om te weten wat u dan doet."
            ),
            search_description=(
                "Een stappenplan voor vrijwilligers met een zorg over een kind of volwassene."
            ),
            body=[
                text("""
<p>De wettelijke meldcode geldt voor professionals, niet voor vrijwilligersorganisaties.
Toch werken steeds meer clubs en verenigingen met een eigen stappenplan dat erop lijkt. Dat
geeft vrijwilligers houvast en zorgt ervoor dat een zorg niet bij één persoon blijft
hangen.</p>
"""),
                steps(
                    "Stappenplan voor vrijwilligers",
                    [
                        (
                            "Merk het op",
                            "Neem uw gevoel serieus. Let op veranderingen in gedrag, verwondingen "
                            "of opmerkingen van een kind of volwassene.",
                        ),
                        (
                            "Schrijf het op",
                            "Noteer wat u zag en hoorde, wanneer en waar. Houd het bij feiten en "
                            "bewaar de notities op een veilige plek.",
                        ),
                        (
                            "Bespreek het binnen de club",
                            "Praat met de vertrouwenscontactpersoon of iemand van het bestuur. "
                            "Vertel het niet verder aan andere ouders of vrijwilligers.",
                        ),
                        (
                            "Vraag advies",
                            "Samen met de vertrouwenscontactpersoon vraagt u advies bij Veilig "
                            "Thuis. Daar hoort u wat een goede volgende stap is.",
                        ),
                        (
                            "Blijf er voor de sporter",
                            "Ga gewoon door met trainen en begeleiden. Een vertrouwde volwassene "
                            "die er blijft, is voor iemand in een moeilijke situatie belangrijk.",
                        ),
                    ],
                ),
                callout(
                    "Nummers om te bewaren",
                    f"""
<p>Veilig Thuis, voor advies en melding: {VEILIG_THUIS_LINK}, gratis en dag en nacht. Bij
direct gevaar: {EMERGENCY_LINK}.</p>
""",
                ),
                faq(
                    "Vragen van vrijwilligers",
                    [
                        (
                            "Moet ik de ouders aanspreken?",
                            "<p>Nee, niet op eigen houtje. Overleg eerst binnen de club en met "
                            "Veilig Thuis, zodat u het kind niet in gevaar brengt.</p>",
                        ),
                        (
                            "Wat als de zorg over een andere vrijwilliger gaat?",
                            "<p>Meld het bij de vertrouwenscontactpersoon of het bestuur. Gaat "
                            "het om een strafbaar feit, dan kan de club aangifte doen.</p>",
                        ),
                    ],
                ),
            ],
        ),
        themes=("meldcode", "signalen-herkennen"),
        audiences=("vrijwilligers-en-sportclubs",),
        reviewed=date(2025, 11, 3),
    ),
    _article(
        Translation(
            title="In gesprek met ouders over een zorg",
            slug="in-gesprek-met-ouders-over-een-zorg",
            intro=(
                "Stap 3 van de meldcode is het gesprek met de betrokkene. Voor veel "
                "professionals is het gesprek met ouders het spannendste deel. Goede voorbereiding "
                "maakt het verschil."
            ),
            search_description=(
                "Voorbereiding en opbouw van een gesprek met ouders bij een vermoeden."
            ),
            body=[
                text("""
<p>Ouders reageren op een zorg over hun kind vaak geschrokken, boos of afwerend. Dat is
begrijpelijk: het raakt aan hun ouderschap. Toch blijkt in veel gesprekken dat ouders zelf
ook zorgen hebben en hulp willen. Een open gesprek is daarom vaak het begin van een
oplossing, niet van een conflict.</p>
"""),
                steps(
                    "Zo bouwt u het gesprek op",
                    [
                        (
                            "Bereid u voor",
                            "Bespreek vooraf met de aandachtsfunctionaris wat u wilt zeggen en "
                            "wie het gesprek voert. Spreek af wat u doet als het gesprek "
                            "escaleert.",
                        ),
                        (
                            "Open met het doel",
                            "Zeg meteen waarom u het gesprek voert: u maakt zich zorgen over het "
                            "kind en wilt samen kijken wat er nodig is.",
                        ),
                        (
                            "Vertel wat u ziet",
                            "Noem concrete observaties, geen conclusies. Dus niet: uw kind wordt "
                            "mishandeld, maar: wij zagen drie keer een blauwe plek op de arm.",
                        ),
                        (
                            "Vraag naar hun kant",
                            "Vraag hoe de ouders het zien en wat zij thuis merken. Luister naar "
                            "hun verklaring en naar wat zij zelf nodig hebben.",
                        ),
                        (
                            "Maak afspraken",
                            "Spreek af wat er gebeurt en wanneer u elkaar weer spreekt. Leg het "
                            "gesprek na afloop vast in het dossier.",
                        ),
                    ],
                ),
                callout(
                    "Wanneer geen gesprek?",
                    f"""
<p>Sla het gesprek over als het de veiligheid van het kind, van uzelf of van anderen in
gevaar kan brengen, bijvoorbeeld bij vermoedens van seksueel misbruik binnen het gezin of van
eergerelateerd geweld. Overleg dan eerst met Veilig Thuis: {VEILIG_THUIS_LINK}.</p>
""",
                ),
                quote(
                    "Toen de juf zei dat ze zich zorgen maakte, was ik eerst woedend. Later was "
                    "ik blij dat iemand het had gezien.",
                    "Een moeder uit Waalwijk",
                ),
            ],
        ),
        themes=("meldcode", "kindermishandeling"),
        audiences=("scholen", "professionals"),
        reviewed=date(2026, 3, 16),
    ),
    _article(
        Translation(
            title="Signalen van huiselijk geweld bij volwassenen",
            slug="signalen-van-huiselijk-geweld-bij-volwassenen",
            seo_title="Signalen bij volwassenen",
            intro=(
                "Volwassenen die thuis geweld meemaken, zoeken vaak hulp voor iets anders: "
                "hoofdpijn, slapeloosheid, schulden of stress. Wie de signalen kent, kan het "
                "gesprek openen."
            ),
            search_description=(
                "Lichamelijke, psychische en sociale signalen bij volwassen slachtoffers."
            ),
            body=[
                text("""
<p>Huisartsen, wijkverpleegkundigen, schuldhulpverleners en collega's op het werk zien
slachtoffers van huiselijk geweld vaak zonder het te weten. Slachtoffers vertellen het
zelden uit zichzelf. Ze zijn bang, schamen zich of denken dat het hun eigen schuld is. Een
rechtstreekse, rustige vraag wordt juist vaak als opluchting ervaren.</p>
"""),
                signals(
                    "Mogelijke signalen",
                    [
                        "verwondingen met een verklaring die niet klopt of steeds verandert",
                        "lichamelijke klachten zonder duidelijke oorzaak, zoals pijn of "
                        "vermoeidheid",
                        "angst, somberheid, slaapproblemen of middelengebruik",
                        "een partner die altijd meekomt en het woord voert",
                        "geen toegang tot eigen geld, telefoon of vervoer",
                        "afspraken die vaak worden afgezegd, of sociaal isolement",
                    ],
                ),
                text("""
<h2>Het gesprek openen</h2>
<p>Vraag naar de situatie thuis als de persoon alleen is. Bijvoorbeeld: soms hebben klachten
als deze te maken met spanningen thuis. Hoe gaat het bij u thuis? Voelt u zich daar veilig?
Accepteer het als iemand nu nog niets wil vertellen, en laat weten dat u er later op terug
kunt komen.</p>
<p>Gebruik geen familielid of partner als tolk. Werk bij een taalbarrière met een
professionele tolk, zodat iemand vrijuit kan praten.</p>
"""),
                callout(
                    "Wat kunt u doen?",
                    f"""
<p>Werkt u in een sector met een meldcode, volg dan de stappen en betrek de
aandachtsfunctionaris. Wijs de persoon op Veilig Thuis: {VEILIG_THUIS_LINK}, gratis, anoniem
en dag en nacht. Bij direct gevaar: {EMERGENCY_LINK}.</p>
""",
                ),
                cta(
                    "Meer over de meldcode",
                    "Lees hoe u stap voor stap handelt bij een vermoeden.",
                    "De meldcode stap voor stap",
                    page="knowledge/de-meldcode-stap-voor-stap",
                ),
            ],
        ),
        themes=("signalen-herkennen", "huiselijk-geweld"),
        audiences=("professionals", "inwoners"),
        reviewed=date(2025, 7, 14),
        author=GGD,
    ),
    _article(
        Translation(
            title="Signalen herkennen op de sportclub",
            slug="signalen-herkennen-op-de-sportclub",
            intro=(
                "Trainers en begeleiders zien kinderen elke week, vaak jarenlang. Ze zien hoe "
                "een kind beweegt, omgaat met winst en verlies, en wie het komt brengen en "
                "halen. Daardoor vallen veranderingen hen soms als eerste op."
            ),
            search_description=(
                "Waar trainers en begeleiders op letten, en wat zij doen met een zorg."
            ),
            body=[
                text("""
<p>Een kind dat zich thuis niet veilig voelt, laat dat zelden met woorden merken. Het zit
in kleine dingen die u op de club kunt opmerken. Eén signaal zegt weinig; het gaat om een
verandering of om meerdere signalen tegelijk.</p>
"""),
                signals(
                    "Signalen op en rond het veld",
                    [
                        "blauwe plekken op plekken die bij sport zelden geraakt worden, zoals de "
                        "bovenarmen",
                        "niet willen omkleden of douchen, ook als het warm is",
                        "plotseling stoppen met trainen of juist nooit naar huis willen",
                        "heftig schrikken van harde geluiden of van een bepaalde volwassene",
                        "nooit opgehaald worden, of zonder eten en drinken naar wedstrijden komen",
                        "een ouder die langs de lijn het kind steeds hard uitscheldt",
                    ],
                ),
                text("""
<h2>Geen detective</h2>
<p>U hoeft niet uit te zoeken wat er aan de hand is. Uw rol is opmerken, vastleggen en het
delen met de juiste persoon binnen de club. De vertrouwenscontactpersoon kan samen met u
advies vragen. Zo staat u er niet alleen voor en blijft de zorg niet liggen.</p>
"""),
                callout(
                    "Wat kunt u doen?",
                    f"""
<p>Praat met de vertrouwenscontactpersoon van uw club. Vraag samen advies bij Veilig Thuis:
{VEILIG_THUIS_LINK}. Dat kan anoniem. Is een kind in direct gevaar, bel dan
{EMERGENCY_LINK}.</p>
""",
                ),
                cta(
                    "Een bewustwordingssessie voor uw trainers",
                    "Wilt u dat uw trainers signalen leren herkennen? Vertel ons wat uw club "
                    "nodig heeft.",
                    "Neem contact op",
                    page="contact",
                ),
            ],
        ),
        themes=("signalen-herkennen", "kindermishandeling"),
        audiences=("vrijwilligers-en-sportclubs",),
        reviewed=date(2026, 7, 6),
    ),
    _article(
        Translation(
            title="Wat is traumasensitief werken?",
            slug="wat-is-traumasensitief-werken",
            intro=(
                "Veel kinderen en volwassenen die hulp krijgen, hebben ingrijpende ervaringen "
                "achter de rug. Traumasensitief werken betekent dat u daar rekening mee houdt, "
                "ook als u niet precies weet wat iemand heeft meegemaakt."
            ),
            search_description=(
                "De uitgangspunten van traumasensitief werken, voor onderwijs en zorg."
            ),
            body=[
                text("""
<p>Langdurige stress, zoals geweld thuis, verandert hoe een kind of volwassene reageert.
Het stresssysteem staat sneller 'aan'. Gedrag dat lastig lijkt, zoals boosheid, wegkijken of
dichtklappen, is vaak een overlevingsreactie. Traumasensitief werken stelt daarom een andere
vraag: niet 'wat is er mis met u?', maar 'wat hebt u meegemaakt?'</p>
"""),
                signals(
                    "De uitgangspunten",
                    [
                        "veiligheid: een voorspelbare omgeving, heldere afspraken, rust",
                        "vertrouwen: doen wat u zegt en eerlijk zijn over wat u niet kunt",
                        "keuze: mensen zoveel mogelijk zelf laten kiezen en beslissen",
                        "samenwerking: werken met de persoon, niet aan de persoon",
                        "versterken: zien wat iemand wél kan en daarop voortbouwen",
                    ],
                ),
                text("""
<h2>In de praktijk</h2>
<p>Een leerkracht kondigt veranderingen in het rooster van tevoren aan. Een
wijkverpleegkundige vraagt toestemming voordat zij iemand aanraakt. Een hulpverlener
herkent dat een cliënt die een afspraak mist, misschien niet onwillig is maar overspoeld.
Het zijn kleine aanpassingen met een groot effect.</p>
<p>Traumasensitief werken is dus geen behandeling en geen extra taak erbij. Het is een manier
van kijken die in elk contact terugkomt, van de receptie tot het teamoverleg.</p>
"""),
                callout(
                    "Wat kunt u doen?",
                    """
<p>Kijk met uw team naar één gewone situatie, zoals binnenkomst of een overdracht, en vraag
u af wat die voor iemand met nare ervaringen kan betekenen. Kleine veranderingen zijn vaak
meteen te maken.</p>
""",
                ),
                cta(
                    "Verder leren",
                    "Wilt u met uw team traumasensitief leren werken? Neem contact met ons op.",
                    "Neem contact op",
                    page="contact",
                ),
            ],
        ),
        Translation(
            title="What is trauma-informed practice?",
            slug="what-is-trauma-informed-practice",
            intro=(
                "Many children and adults who receive help have been through adverse "
                "experiences. Trauma-informed practice means taking that into account, even when "
                "you do not know exactly what someone has been through."
            ),
            search_description=(
                "The principles of trauma-informed practice, for education and care."
            ),
            body=[
                text("""
<p>Long-term stress, such as violence at home, changes how a child or adult responds. Their
stress system switches 'on' more quickly. Behaviour that seems difficult, such as anger,
looking away or shutting down, is often a survival response. Trauma-informed practice asks a
different question: not 'what is wrong with you?', but 'what has happened to you?'</p>
"""),
                signals(
                    "The principles",
                    [
                        "safety: a predictable environment, clear agreements, calm",
                        "trust: doing what you say and being honest about what you cannot do",
                        "choice: letting people choose and decide for themselves as much as "
                        "possible",
                        "collaboration: working with the person, not on the person",
                        "empowerment: seeing what someone can do and building on it",
                    ],
                ),
                text("""
<h2>In practice</h2>
<p>A teacher announces changes to the timetable in advance. A district nurse asks
permission before touching someone. A care worker recognises that a client who misses an
appointment may not be unwilling but overwhelmed. These are small adjustments with a large
effect.</p>
<p>Trauma-informed practice is therefore not a treatment and not an extra task. It is a way
of looking that comes back in every contact, from reception to the team meeting.</p>
"""),
                callout(
                    "What can you do?",
                    """
<p>Look with your team at one ordinary situation, such as arrival or a handover, and ask
yourselves what it might mean for someone with painful experiences. Small changes can often
be made straight away.</p>
""",
                ),
                cta(
                    "Learning more",
                    "Would your team like to learn to work in a trauma-informed way? Contact us.",
                    "Contact us",
                    page="contact",
                ),
            ],
        ),
        themes=("traumasensitief-werken",),
        audiences=("professionals", "scholen"),
        reviewed=date(2026, 1, 12),
    ),
    _article(
        Translation(
            title="Traumasensitief lesgeven",
            slug="traumasensitief-lesgeven",
            intro=(
                "In elke klas zitten kinderen die thuis meer meemaken dan goed voor hen is. Een "
                "traumasensitieve klas helpt hen om te leren, en helpt de rest van de klas "
                "net zo goed."
            ),
            search_description="Praktische handvatten voor een veilige, voorspelbare klas.",
            body=[
                text("""
<p>Een kind dat thuis onveiligheid meemaakt, komt de klas binnen met een stresssysteem dat
op scherp staat. Leren lukt dan slecht: het brein is bezig met overleven. Een leerkracht kan
dat niet oplossen, maar wel zorgen dat de klas een plek is waar het kind tot rust kan
komen. Daar heeft de hele groep baat bij.</p>
"""),
                steps(
                    "Vijf handvatten voor de klas",
                    [
                        (
                            "Maak de dag voorspelbaar",
                            "Een vast dagritme op het bord en tijdig aankondigen van veranderingen "
                            "geven houvast.",
                        ),
                        (
                            "Begroet elk kind",
                            "Een persoonlijke begroeting bij de deur laat zien dat het kind gezien "
                            "wordt en geeft u meteen een indruk van hoe het gaat.",
                        ),
                        (
                            "Reageer op de stress, niet op het gedrag",
                            "Een boze uitbarsting vraagt eerst om rust en nabijheid. Het gesprek "
                            "over het gedrag komt later.",
                        ),
                        (
                            "Bied een rustige plek",
                            "Een hoekje waar een kind even kan bijkomen, met afspraken over "
                            "wanneer en hoe lang, voorkomt escalatie.",
                        ),
                        (
                            "Werk aan de relatie",
                            "Het kind leert het meest van een volwassene die voorspelbaar, warm "
                            "en betrouwbaar blijft, ook na een moeilijke dag.",
                        ),
                    ],
                ),
                quote(
                    "Sinds ik elke ochtend bij de deur sta, weet ik binnen een minuut hoe mijn "
                    "leerlingen binnenkomen.",
                    "Leerkracht groep 6, basisschool in Goirle",
                ),
                callout(
                    "Zorgen over een leerling?",
                    f"""
<p>Traumasensitief lesgeven vervangt de meldcode niet. Ziet u signalen, bespreek ze dan met
de aandachtsfunctionaris en vraag zo nodig advies bij Veilig Thuis: {VEILIG_THUIS_LINK}.</p>
""",
                ),
            ],
        ),
        themes=("traumasensitief-werken", "kindermishandeling"),
        audiences=("scholen",),
        reviewed=date(2025, 10, 27),
    ),
    _article(
        Translation(
            title="Zorg voor uzelf: als het werk u raakt",
            slug="zorg-voor-uzelf-als-het-werk-u-raakt",
            intro=(
                "Wie werkt of vrijwilliger is met mensen die geweld hebben meegemaakt, hoort "
                "verhalen die blijven hangen. Dat is normaal. Aandacht voor uzelf is geen luxe, "
                "maar voorwaarde om dit werk goed te blijven doen."
            ),
            search_description=(
                "Secundaire traumatisering herkennen en voorkomen, voor professionals en "
                "vrijwilligers."
            ),
            body=[
                text("""
<p>Het voortdurend horen van ingrijpende verhalen kan sporen nalaten. Dat heet secundaire
traumatisering. Het overkomt juist betrokken mensen, en het is geen teken van zwakte. Ook
vrijwilligers, zoals een trainer die een kind hoorde vertellen over thuis, kunnen er last van
krijgen. Vaak merken mensen in de omgeving het eerder dan u zelf.</p>
"""),
                signals(
                    "Signalen bij uzelf",
                    [
                        "beelden of verhalen van het werk die thuis steeds terugkomen",
                        "slecht slapen, prikkelbaar zijn of snel schrikken",
                        "minder plezier in dingen die u vroeger leuk vond",
                        "afstand nemen van mensen om u heen, of cynisch worden",
                        "het gevoel dat u nooit genoeg doet",
                    ],
                ),
                steps(
                    "Wat helpt",
                    [
                        (
                            "Praat erover",
                            "Bespreek ingrijpende situaties met een collega, leidinggevende of "
                            "vertrouwenscontactpersoon, bij voorkeur op een vast moment.",
                        ),
                        (
                            "Maak een overgang",
                            "Een vaste gewoonte na het werk, zoals een wandeling of de fiets naar "
                            "huis, helpt om het werk achter u te laten.",
                        ),
                        (
                            "Ken uw grenzen",
                            "U hoeft niet alles zelf op te lossen. Delen met de juiste persoon is "
                            "ook goed werk.",
                        ),
                        (
                            "Zoek hulp als het blijft",
                            "Houden de klachten weken aan, ga dan naar uw huisarts of de "
                            "bedrijfsarts.",
                        ),
                    ],
                ),
                callout(
                    "Voor leidinggevenden en besturen",
                    """
<p>Maak nabespreken na een heftige situatie een vast onderdeel van het werk. Een team dat
gewend is om erover te praten, vangt elkaar op voordat klachten groot worden.</p>
""",
                ),
            ],
        ),
        themes=("traumasensitief-werken",),
        audiences=("professionals", "vrijwilligers-en-sportclubs"),
        reviewed=date(2024, 12, 2),
    ),
    _article(
        Translation(
            title="Systeemgericht werken: het hele gezin in beeld",
            slug="systeemgericht-werken-het-hele-gezin-in-beeld",
            intro=(
                "Geweld in een gezin raakt iedereen: de ouders, de kinderen en vaak ook "
                "grootouders en anderen om het gezin heen. Systeemgericht werken betekent dat u "
                "niet één persoon helpt, maar het hele systeem betrekt."
            ),
            search_description="Waarom en hoe professionals het gezin en het netwerk betrekken.",
            body=[
                text("""
<p>Lang was de hulp bij huiselijk geweld opgeknipt: hulp voor het slachtoffer, een traject
voor de pleger, soms iets voor de kinderen. Iedere hulpverlener zag een deel van het verhaal.
Geweld ontstaat en blijft bestaan in de wisselwerking tussen mensen. Wie alleen naar één
persoon kijkt, mist de patronen die het geweld in stand houden.</p>
<h2>Wat het vraagt van u</h2>
<p>Systeemgericht werken is geen neutraliteit over geweld. Veiligheid gaat altijd voor en
wie geweld gebruikt, is daarvoor verantwoordelijk. Maar binnen die grens kijkt u naar wat
gezinsleden bij elkaar oproepen, naar oude patronen uit eerdere generaties en naar wie in het
netwerk kan helpen.</p>
"""),
                steps(
                    "Zo werkt u systeemgericht",
                    [
                        (
                            "Breng het systeem in kaart",
                            "Wie horen bij het gezin, wie zijn belangrijk voor de kinderen, wie "
                            "weten ervan? Een genogram of netwerkkaart helpt.",
                        ),
                        (
                            "Spreek iedereen",
                            "Voer gesprekken met alle gezinsleden, ook met de pleger en de "
                            "kinderen, apart en waar het veilig is samen.",
                        ),
                        (
                            "Zoek naar patronen",
                            "Kijk wanneer spanning oploopt, wat eraan voorafgaat en wat het "
                            "geweld doet stoppen.",
                        ),
                        (
                            "Werk met één plan",
                            "Alle hulpverleners rond het gezin werken met één gezamenlijk plan "
                            "en één regisseur.",
                        ),
                    ],
                ),
                callout(
                    "Een tip voor uw volgende casus",
                    """
<p>Vraag in uw volgende gesprek: wie in uw omgeving weet hiervan, en wie zou u kunnen
helpen? Het antwoord laat vaak zien welke steun er al is, en waar die ontbreekt.</p>
""",
                ),
                cta(
                    "Multifocus",
                    "De Multifocusmethodiek is een systeemgerichte aanpak van structureel geweld.",
                    "Over Multifocus",
                    page="knowledge/wat-is-de-multifocusmethodiek",
                ),
            ],
        ),
        themes=("systeemgericht-werken", "huiselijk-geweld"),
        audiences=("professionals",),
        reviewed=date(2025, 12, 15),
    ),
    _article(
        Translation(
            title="Wat is de Multifocusmethodiek?",
            slug="wat-is-de-multifocusmethodiek",
            intro=(
                "De Multifocusmethodiek is een bewezen aanpak voor structureel huiselijk geweld. "
                "De methode kijkt niet alleen naar het slachtoffer of de pleger, maar naar het "
                "patroon tussen mensen."
            ),
            search_description=(
                "De uitgangspunten van de Multifocusmethodiek en voor wie de training is."
            ),
            body=[
                text("""
<p>Veel hulp bij huiselijk geweld gaat uit van een duidelijke dader en een duidelijk
slachtoffer. In de praktijk is het vaak ingewikkelder. Multifocus richt de aandacht op
meerdere dingen tegelijk, vandaar de naam: op ieders eigen gedrag en achtergrond, op de
interactie tussen de betrokkenen en op de omgeving waarin het geweld plaatsvindt.</p>
"""),
                signals(
                    "Waar Multifocus naar kijkt",
                    [
                        "het type geweld: symmetrisch, waarbij beide partners escaleren, of "
                        "complementair, waarbij één partner domineert",
                        "de angst, onmacht en eerdere ervaringen die het gedrag van elk van de "
                        "betrokkenen sturen",
                        "de patronen waarin spanning oploopt en geweld ontstaat",
                        "de kinderen en het netwerk rond het gezin",
                    ],
                ),
                text("""
<h2>Waarom het onderscheid ertoe doet</h2>
<p>Bij symmetrisch geweld kan het helpen om met beide partners samen aan de patronen te
werken. Bij complementair geweld, waarin één partner de ander controleert en klein houdt, kan
een gezamenlijk gesprek juist onveilig zijn. Een goede inschatting bepaalt welke hulp past.
Veiligheid blijft in beide gevallen de eerste voorwaarde.</p>
<h2>De training</h2>
<p>Het Centrum leidt professionals op in de Multifocusmethodiek, in meerdaagse trainingen.
De training is bedoeld voor hulpverleners die werken met gezinnen waar structureel geweld
speelt, zoals in het sociaal wijkteam, de jeugdhulp of de ggz.</p>
"""),
                quote(
                    "Multifocus gaf me taal voor wat ik al jaren zag in gezinnen, maar niet kon "
                    "benoemen.",
                    "Gezinscoach, sociaal wijkteam in de regio",
                ),
                cta(
                    "Meer over de training",
                    "Wilt u weten wanneer de volgende training start? Neem contact met ons op.",
                    "Neem contact op",
                    page="contact",
                ),
            ],
        ),
        Translation(
            title="What is the Multifocus method?",
            slug="what-is-the-multifocus-method",
            intro=(
                "The Multifocus method is an evidence-based approach to structural domestic "
                "violence. It looks not only at the victim or the perpetrator, but at the pattern "
                "between people."
            ),
            search_description="The principles of the Multifocus method and who the course is for.",
            body=[
                text("""
<p>Much help for domestic violence assumes a clear perpetrator and a clear victim. In
practice it is often more complicated. Multifocus directs attention to several things at
once, hence the name: to each person's own behaviour and background, to the interaction
between those involved and to the setting in which the violence takes place.</p>
"""),
                signals(
                    "What Multifocus looks at",
                    [
                        "the type of violence: symmetrical, where both partners escalate, or "
                        "complementary, where one partner dominates",
                        "the fear, powerlessness and earlier experiences that drive the behaviour "
                        "of each person involved",
                        "the patterns in which tension rises and violence occurs",
                        "the children and the network around the family",
                    ],
                ),
                text("""
<h2>Why the distinction matters</h2>
<p>With symmetrical violence it can help to work on the patterns with both partners
together. With complementary violence, in which one partner controls and diminishes the
other, a joint conversation can instead be unsafe. A good assessment determines which help
fits. In both cases, safety remains the first condition.</p>
<h2>The course</h2>
<p>The Centre trains professionals in the Multifocus method, in multi-day courses. The
course is for practitioners working with families where structural violence occurs, such as
in neighbourhood social teams, youth care or mental health care.</p>
"""),
                quote(
                    "Multifocus gave me words for what I had seen in families for years but could "
                    "not name.",
                    "Family coach, neighbourhood social team in the region",
                ),
                cta(
                    "More about the course",
                    "Would you like to know when the next course starts? Contact us.",
                    "Contact us",
                    page="contact",
                ),
            ],
        ),
        themes=("multifocus", "huiselijk-geweld", "systeemgericht-werken"),
        audiences=("professionals",),
        reviewed=date(2026, 9, 28),
    ),
    _article(
        Translation(
            title="Multifocus in de praktijk: een casus",
            slug="multifocus-in-de-praktijk-een-casus",
            intro=(
                "Hoe ziet werken met de Multifocusmethodiek eruit in een gewoon gezin in de "
                "regio? Een gefingeerde casus, samengesteld uit ervaringen van hulpverleners, laat "
                "zien wat de methode anders maakt."
            ),
            search_description=(
                "Een voorbeeldcasus: van escalerende ruzies naar veiligheid en nieuwe patronen."
            ),
            body=[
                text("""
<h2>De situatie</h2>
<p>Mark en Sanne hebben twee kinderen van zes en negen. De politie is al een paar keer
geweest na harde ruzies; beide ouders hebben daarbij geduwd en gegooid. De school ziet dat
de oudste zich slecht concentreert. Eerdere hulp richtte zich afwisselend op Mark als dader
en op Sanne als slachtoffer, en liep steeds vast.</p>
"""),
                steps(
                    "De aanpak",
                    [
                        (
                            "Eerst veiligheid",
                            "De hulpverlener maakt met beide ouders afzonderlijk een "
                            "veiligheidsplan: wat doet ieder als de spanning oploopt?",
                        ),
                        (
                            "Het patroon benoemen",
                            "In gesprekken wordt duidelijk dat beide ouders escaleren. Het geweld "
                            "is symmetrisch; beiden voelen zich onmachtig en niet gehoord.",
                        ),
                        (
                            "Achtergronden verkennen",
                            "Beide ouders groeiden zelf op met geweld. Dat verklaart hun snelle "
                            "alarmreactie, zonder het geweld goed te praten.",
                        ),
                        (
                            "Samen oefenen",
                            "Omdat het geweld symmetrisch is en beiden dat willen, werken zij "
                            "samen aan signalen van oplopende spanning en aan een time-out.",
                        ),
                        (
                            "De kinderen betrekken",
                            "De kinderen krijgen uitleg passend bij hun leeftijd en een eigen "
                            "steunfiguur. De school wordt met toestemming op de hoogte gebracht.",
                        ),
                    ],
                ),
                text("""
<h2>Wat anders was</h2>
<p>Doordat de hulpverlener het patroon zag in plaats van alleen schuld, voelden beide ouders
zich serieus genomen. Dat maakte het mogelijk om verantwoordelijkheid te nemen. Bij een
complementair patroon, waarin één ouder de ander controleert, was niet voor een
gezamenlijke aanpak gekozen.</p>
"""),
                callout(
                    "Let op",
                    f"""
<p>Deze casus is een voorbeeld, geen recept. Elke situatie vraagt een eigen inschatting van
de veiligheid. Twijfelt u? Overleg met Veilig Thuis: {VEILIG_THUIS_LINK}.</p>
""",
                ),
            ],
        ),
        themes=("multifocus", "systeemgericht-werken"),
        audiences=("professionals",),
        reviewed=date(2025, 4, 28),
    ),
    _article(
        Translation(
            title="Gefaseerde ketensamenwerking in Hart van Brabant",
            slug="gefaseerde-ketensamenwerking-in-hart-van-brabant",
            intro=(
                "Bij structureel geweld in een gezin werken veel organisaties tegelijk. "
                "Gefaseerde ketensamenwerking is de gedeelde visie in de regio op hoe zij dat "
                "samen doen: eerst veiligheid, dan risico's wegnemen, dan herstel."
            ),
            search_description=(
                "De drie fasen van de regionale aanpak en wat ze van professionals vragen."
            ),
            body=[
                text("""
<p>Zonder afspraken werkt elke organisatie vanuit haar eigen opdracht. Het gezin krijgt dan
veel hulpverleners, veel plannen en soms tegenstrijdige adviezen. Gefaseerde
ketensamenwerking brengt ordening aan: in elke fase is duidelijk wat voorop staat en wie de
regie heeft.</p>
"""),
                steps(
                    "De drie fasen",
                    [
                        (
                            "Veiligheid",
                            "Het geweld stopt. Er komen concrete afspraken over veiligheid, zo "
                            "nodig met maatregelen zoals een tijdelijk huisverbod of opvang.",
                        ),
                        (
                            "Risico's wegnemen",
                            "De oorzaken die het geweld in stand houden worden aangepakt, zoals "
                            "verslaving, schulden, psychische problemen of patronen in de relatie.",
                        ),
                        (
                            "Herstel",
                            "Er is ruimte voor de verwerking van trauma, voor het herstel van "
                            "relaties en voor de ontwikkeling van de kinderen.",
                        ),
                    ],
                ),
                text("""
<h2>Wat het vraagt van professionals</h2>
<p>Iedere partner weet in welke fase een gezin zit en stemt de eigen hulp daarop af.
Traumabehandeling begint bijvoorbeeld pas als de situatie veilig genoeg is. Er is één plan
en één regisseur. Terugval is geen mislukking: als de veiligheid opnieuw in het geding is,
gaat de samenwerking terug naar fase 1. Wie in een gezin werkt waar het geweld niet stopt,
kan bij Veilig Thuis om advies vragen; voor de zwaarste situaties is er het
Veiligheidsteam, waarin partners uit zorg en veiligheid samenwerken.</p>
"""),
                callout(
                    "Wat kunt u doen?",
                    f"""
<p>Vraag bij een nieuw gezin altijd na welke andere organisaties betrokken zijn en wie de
regie heeft. Twijfelt u over de veiligheid, overleg dan met Veilig Thuis:
{VEILIG_THUIS_LINK}.</p>
""",
                ),
            ],
        ),
        Translation(
            title="Phased chain cooperation in Hart van Brabant",
            slug="phased-chain-cooperation-in-hart-van-brabant",
            intro=(
                "When there is structural violence in a family, many organisations work "
                "alongside each other. Phased chain cooperation is the region's shared vision of "
                "how they do that together: first safety, then removing risks, then recovery."
            ),
            search_description=(
                "The three phases of the regional approach and what they ask of professionals."
            ),
            body=[
                text("""
<p>Without agreements, each organisation works from its own mandate. The family then gets
many professionals, many plans and sometimes conflicting advice. Phased chain cooperation
brings order: in each phase it is clear what comes first and who coordinates.</p>
"""),
                steps(
                    "The three phases",
                    [
                        (
                            "Safety",
                            "The violence stops. Concrete safety agreements are made, with "
                            "measures such as a temporary restraining order or shelter if needed.",
                        ),
                        (
                            "Removing risks",
                            "The causes that keep the violence going are tackled, such as "
                            "addiction, debts, mental health problems or patterns in the "
                            "relationship.",
                        ),
                        (
                            "Recovery",
                            "There is room to process trauma, to repair relationships and for "
                            "the children's development.",
                        ),
                    ],
                ),
                text("""
<h2>What it asks of professionals</h2>
<p>Every partner knows which phase a family is in and tailors its own help to it. Trauma
treatment, for example, only starts once the situation is safe enough. There is one plan
and one coordinator. A relapse is not a failure: when safety is at stake again, the
cooperation goes back to phase 1. Anyone working with a family where the violence does not
stop can ask Veilig Thuis for advice; for the most serious situations there is the safety
team (Veiligheidsteam), in which partners from care and safety work together.</p>
"""),
                callout(
                    "What can you do?",
                    f"""
<p>With every new family, ask which other organisations are involved and who coordinates.
If you have doubts about safety, consult Veilig Thuis: {VEILIG_THUIS_LINK}.</p>
""",
                ),
            ],
        ),
        themes=("gefaseerde-ketensamenwerking", "huiselijk-geweld"),
        audiences=("professionals",),
        reviewed=date(2026, 10, 5),
    ),
    _article(
        Translation(
            title="Herstel na geweld: het gaat niet vanzelf",
            slug="herstel-na-geweld-het-gaat-niet-vanzelf",
            seo_title="Herstel: het gaat niet vanzelf",
            intro=(
                "Als het geweld gestopt is, denken mensen om u heen misschien dat het nu voorbij "
                "is. Maar voor wie het heeft meegemaakt, begint dan vaak pas het verwerken. Dat "
                "kost tijd, en dat mag."
            ),
            search_description=(
                "Wat u kunt verwachten na geweld thuis, en welke hulp bij herstel past."
            ),
            body=[
                text("""
<p>Na een periode van onveiligheid blijft het lichaam vaak nog lang alert. U schrikt van
geluiden, slaapt slecht of merkt dat u uw omgeving niet meer zo vertrouwt. Kinderen kunnen
terugvallen in gedrag dat ze al ontgroeid waren. Dat zijn normale reacties op een abnormale
situatie. Bij de meeste mensen nemen ze met steun en tijd af.</p>
"""),
                signals(
                    "Wanneer hulp zoeken?",
                    [
                        "klachten zoals herbelevingen, nachtmerries of paniek blijven na een paar "
                        "maanden",
                        "u vermijdt plaatsen, mensen of gesprekken die u aan het geweld herinneren",
                        "u hebt moeite met dagelijkse dingen, zoals werk of de zorg voor uw "
                        "kinderen",
                        "uw kind blijft angstig, teruggetrokken of juist heel boos",
                    ],
                ),
                steps(
                    "Wat helpt bij herstel",
                    [
                        (
                            "Veiligheid eerst",
                            "Herstel begint pas echt als u zich veilig voelt. Afspraken over "
                            "contact en omgang horen daar soms bij.",
                        ),
                        (
                            "Steun uit uw omgeving",
                            "Mensen die u geloven en gewoon naast u staan, zijn heel belangrijk. "
                            "Het helpt om te zeggen wat u nodig hebt.",
                        ),
                        (
                            "Passende behandeling",
                            "Uw huisarts kan u verwijzen naar traumabehandeling, voor uzelf of "
                            "voor uw kind.",
                        ),
                        (
                            "Lotgenoten",
                            "Praten met iemand die hetzelfde meemaakte, kan erkenning geven die "
                            "anderen niet kunnen geven.",
                        ),
                    ],
                ),
                quote(
                    "Het geweld was na een half jaar voorbij. Mijn herstel duurde jaren. Ik wou "
                    "dat iemand me dat eerder had verteld.",
                    "Ervaringsdeskundige uit Tilburg",
                ),
                callout(
                    "Wordt het toch weer onveilig?",
                    f"""
<p>Soms keert het geweld terug, ook na een lange rustige periode. Bel dan Veilig Thuis:
{VEILIG_THUIS_LINK}. Bij direct gevaar belt u {EMERGENCY_LINK}.</p>
""",
                ),
            ],
        ),
        themes=("gefaseerde-ketensamenwerking", "traumasensitief-werken", "huiselijk-geweld"),
        audiences=("inwoners",),
        reviewed=date(2026, 2, 23),
    ),
    _article(
        Translation(
            title="Een veiligheidsplan maken",
            slug="een-veiligheidsplan-maken",
            intro=(
                "Een veiligheidsplan legt vast wat iedereen doet om de situatie thuis veilig te "
                "maken en te houden. Het is een vast onderdeel van de eerste fase van de "
                "gefaseerde ketensamenwerking, en het werkt het best als het gezin er zelf aan "
                "meeschrijft."
            ),
            search_description=(
                "Wat er in een veiligheidsplan staat en hoe u het samen met het gezin maakt."
            ),
            body=[
                text("""
<p>Een goed veiligheidsplan is concreet. Niet 'we gaan beter met elkaar om', maar 'als de
spanning oploopt, gaat vader een half uur wandelen en belt hij zijn broer'. Het plan is van
het gezin: professionals helpen het op te stellen en bewaken of het werkt. Bij ernstige
zorgen kan een plan de veiligheid ondersteunen, maar niet vervangen wat nodig is om het
geweld te stoppen.</p>
"""),
                signals(
                    "Wat in een veiligheidsplan staat",
                    [
                        "welke situaties de spanning laten oplopen, volgens ieder gezinslid",
                        "wat iedereen doet als het onveilig dreigt te worden",
                        "wie uit het netwerk wordt gebeld en wie meekijkt",
                        "hoe de kinderen weten bij wie zij terechtkunnen",
                        "wat er gebeurt als een afspraak niet wordt nagekomen",
                        "wanneer het plan opnieuw wordt besproken",
                    ],
                ),
                steps(
                    "Zo maakt u het plan",
                    [
                        (
                            "Spreek eerst iedereen apart",
                            "Zo hoort u wat ieder gezinslid echt denkt, zonder druk van de ander.",
                        ),
                        (
                            "Schrijf samen",
                            "Gebruik de woorden van het gezin. Een plan in hun taal wordt eerder "
                            "gevolgd.",
                        ),
                        (
                            "Betrek het netwerk",
                            "Vraag familie, vrienden of buren die een rol willen spelen, en leg "
                            "vast wat zij doen.",
                        ),
                        (
                            "Evalueer vaak",
                            "Bespreek in het begin elke week of het plan werkt, en pas het aan "
                            "waar nodig.",
                        ),
                    ],
                ),
                callout(
                    "Geen plan zonder noodnummer",
                    f"""
<p>Zet in elk plan dat bij direct gevaar {EMERGENCY_LINK} wordt gebeld, en dat Veilig Thuis
dag en nacht bereikbaar is: {VEILIG_THUIS_LINK}.</p>
""",
                ),
            ],
        ),
        themes=("gefaseerde-ketensamenwerking", "systeemgericht-werken"),
        audiences=("professionals",),
        reviewed=date(2025, 8, 25),
        author=VEILIG_THUIS,
    ),
]
