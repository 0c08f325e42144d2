"""The demo site's pages, in Dutch and English.

Fictional but careful: the facts (Veilig Thuis 0800-2000, 112, the five steps of the meldcode,
the region's municipalities) come from shared/GLOSSARY.md. Each page has a stable key; the
loader derives the page's translation_key from it, which is what makes loading idempotent.
Tags are the Dutch slugs of the seeded terms (portal/migrations/0003_seed_taxonomy.py).

Rules for the texts: "u", never "je"; every phone number in running text is a tel: link; and
no promise that cannot be clicked. Until the course catalogue and expert requests exist, a
training or session is arranged through the contact page, and the texts say exactly that.
"""

from dataclasses import dataclass

from portal.demo.blocks import cta, faq, quote, text
from portal.demo.door import Translation


@dataclass(frozen=True)
class DemoStandardPage:
    key: str
    nl: Translation
    en: Translation
    themes: tuple[str, ...] = ()
    audiences: tuple[str, ...] = ()
    municipalities: tuple[str, ...] = ()
    show_in_footer: bool = False


@dataclass(frozen=True)
class DemoAudiencePage:
    key: str
    audience: str  # Dutch slug of the seeded Audience
    nl: Translation
    en: Translation


HOME = DemoStandardPage(
    key="home",
    nl=Translation(
        title="Steiger",
        slug="home",
        intro=(
            "Kennis, training en advies over huiselijk geweld en kindermishandeling. Voor "
            "inwoners, vrijwilligers, professionals en scholen in de regio Hart van Brabant."
        ),
    ),
    en=Translation(
        title="Steiger",
        slug="home-en",  # siblings of the Dutch home under the root
        intro=(
            "Knowledge, training and advice on domestic violence and child abuse. For "
            "residents, volunteers, professionals and schools in the Hart van Brabant region."
        ),
    ),
)

# Shown on the home page, in this order.
FEATURED = ("signalen-kindermishandeling", "meldcode", "grenzen", "veilig-thuis")

AUDIENCE_PAGES: tuple[DemoAudiencePage, ...] = (
    DemoAudiencePage(
        key="inwoners",
        audience="inwoners",
        nl=Translation(
            title="Inwoners",
            slug="inwoners",
            intro=(
                "Maakt u zich zorgen over uzelf, uw kind of iemand in uw buurt? Hier vindt u "
                "uitleg over signalen en waar u terechtkunt met uw vraag."
            ),
            body=[
                text(
                    "<p>Alles op deze website leest u zonder account. Een vraag stellen kan "
                    "anoniem.</p>"
                ),
                cta(
                    "Stel uw vraag",
                    "Twijfelt u of wilt u iets weten? Stel uw vraag aan het Centrum. Dat mag "
                    "anoniem. Wij antwoorden binnen vijf werkdagen.",
                    "Stel een vraag",
                    page="advies",
                ),
                cta(
                    "Twijfelt u?",
                    "Veilig Thuis denkt met u mee. Gratis en anoniem, dag en nacht.",
                    "Wat doet Veilig Thuis?",
                    page="veilig-thuis",
                ),
            ],
        ),
        en=Translation(
            title="Residents",
            slug="residents",
            intro=(
                "Are you worried about yourself, your child or someone in your neighbourhood? "
                "Here you will find information about signs and where to go with your question."
            ),
            body=[
                text(
                    "<p>You can read everything on this website without an account. You may ask "
                    "a question anonymously.</p>"
                ),
                cta(
                    "Ask your question",
                    "Not sure, or want to know something? Ask the Centre. You may stay "
                    "anonymous. We answer within five working days.",
                    "Ask a question",
                    page="advies",
                ),
                cta(
                    "Not sure?",
                    "Veilig Thuis will think along with you. Free and anonymous, day and night.",
                    "What does Veilig Thuis do?",
                    page="veilig-thuis",
                ),
            ],
        ),
    ),
    DemoAudiencePage(
        key="vrijwilligers-en-sportclubs",
        audience="vrijwilligers-en-sportclubs",
        nl=Translation(
            title="Vrijwilligers en sportclubs",
            slug="vrijwilligers-en-sportclubs",
            intro=(
                "Als trainer, coach of vrijwilliger ziet u kinderen en volwassenen vaak. Leer "
                "signalen herkennen en weet wat u doet met een zorg."
            ),
            body=[
                text(
                    "<p>Voor sportclubs en verenigingen geven wij korte trainingen en "
                    "bewustwordingssessies, op de club of online.</p>"
                ),
                cta(
                    "Een training of sessie voor uw club?",
                    "Bel of mail ons en vertel wat u zoekt. Wij kijken samen met u wat past.",
                    "Neem contact op",
                    page="contact",
                ),
            ],
        ),
        en=Translation(
            title="Volunteers and sports clubs",
            slug="volunteers-and-sports-clubs",
            intro=(
                "As a coach, trainer or volunteer you often see children and adults. Learn to "
                "recognise signs and know what to do with a worry."
            ),
            body=[
                text(
                    "<p>We offer short training courses and awareness sessions for sports "
                    "clubs and associations, at the club or online.</p>"
                ),
                cta(
                    "A course or session for your club?",
                    "Call or email us and tell us what you are looking for. We will work out "
                    "together what fits.",
                    "Contact us",
                    page="contact",
                ),
            ],
        ),
    ),
    DemoAudiencePage(
        key="professionals",
        audience="professionals",
        nl=Translation(
            title="Professionals",
            slug="professionals",
            intro=(
                "Werkt u met kinderen, gezinnen of ouderen? Hier vindt u de meldcode in vijf "
                "stappen en kennis over de Multifocusmethodiek."
            ),
            body=[
                text(
                    "<p>Het Centrum geeft trainingen over de meldcode en de "
                    "Multifocusmethodiek, geaccrediteerd bij onder meer het SKJ en V&amp;VN. "
                    "Na afloop krijgt u een certificaat.</p>"
                ),
                cta(
                    "Een training voor u of uw team?",
                    "Neem contact met ons op voor de data en de mogelijkheden.",
                    "Neem contact op",
                    page="contact",
                ),
            ],
        ),
        en=Translation(
            title="Professionals",
            slug="professionals",
            intro=(
                "Do you work with children, families or older people? Here you will find the "
                "reporting code in five steps and the Multifocus method."
            ),
            body=[
                text(
                    "<p>The Centre gives courses on the reporting code and the Multifocus "
                    "method, accredited by registers such as SKJ and V&amp;VN. You receive a "
                    "certificate when you complete them.</p>"
                ),
                cta(
                    "A course for you or your team?",
                    "Contact us for the dates and what we can offer.",
                    "Contact us",
                    page="contact",
                ),
            ],
        ),
    ),
    DemoAudiencePage(
        key="scholen",
        audience="scholen",
        nl=Translation(
            title="Scholen",
            slug="scholen",
            intro=(
                "Wij helpen scholen om met leerlingen over grenzen te praten, vanaf groep 1. "
                "Met een bewustwordingssessie, ook met een ervaringsdeskundige."
            ),
            body=[
                text(
                    "<p>Een ervaringsdeskundige vertelt in de klas wat huiselijk geweld met "
                    "een kind doet, en wat hielp. Leerlingen horen zo dat ze er niet alleen "
                    "voor staan.</p>"
                ),
                cta(
                    "Een sessie op uw school?",
                    "Bel of mail ons met de groepen en de periode die u in gedachten hebt. "
                    "Wij plannen de sessie samen met u.",
                    "Neem contact op",
                    page="contact",
                ),
            ],
        ),
        en=Translation(
            title="Schools",
            slug="schools",
            intro=(
                "We help schools talk with pupils about boundaries, from group 1 (age 4) on. "
                "With an awareness session, also with a lived-experience expert."
            ),
            body=[
                text(
                    "<p>A lived-experience expert tells the class what domestic violence does "
                    "to a child, and what helped. Pupils hear that they are not alone.</p>"
                ),
                cta(
                    "A session at your school?",
                    "Call or email us with the groups and the period you have in mind. We plan "
                    "the session together with you.",
                    "Contact us",
                    page="contact",
                ),
            ],
        ),
    ),
)

STANDARD_PAGES: tuple[DemoStandardPage, ...] = (
    DemoStandardPage(
        key="veilig-thuis",
        themes=("huiselijk-geweld", "kindermishandeling", "ouderenmishandeling"),
        audiences=("inwoners", "vrijwilligers-en-sportclubs", "professionals"),
        nl=Translation(
            title="Wat doet Veilig Thuis?",
            seo_title="Advies en hulp",
            slug="wat-doet-veilig-thuis",
            intro=(
                "Veilig Thuis is de organisatie voor advies en meldingen over huiselijk geweld "
                "en kindermishandeling. U kunt er gratis en anoniem terecht, dag en nacht."
            ),
            search_description="Advies en meldingen: gratis en anoniem, dag en nacht.",
            body=[
                text("""
<p>Bel Veilig Thuis: <a href="tel:08002000">0800-2000</a>. Gratis en anoniem, dag en
nacht.</p>
<h2>Voor wie?</h2>
<p>Voor iedereen die te maken heeft met huiselijk geweld, kindermishandeling of
ouderenmishandeling. Of u het nu zelf meemaakt, of zich zorgen maakt over een ander: een
buurvrouw, een kind uit de klas, een familielid.</p>
<h2>Wat kunt u verwachten?</h2>
<ul>
<li>U krijgt advies over wat u zelf kunt doen.</li>
<li>U kunt een melding doen. Veilig Thuis zoekt dan uit wat er aan de hand is en zorgt dat er
hulp komt.</li>
<li>U mag anoniem bellen. Doet u een melding, dan blijft uw naam zo veel mogelijk geheim.</li>
</ul>
<p>Is er direct gevaar? Bel dan altijd <a href="tel:112">112</a>.</p>
"""),
                quote(
                    "Gemiddeld komt de politie pas na meer dan zeventig incidenten in beeld. "
                    "Eén telefoontje kan genoeg zijn.",
                    "Centrum huiselijk geweld en kindermishandeling Hart van Brabant",
                ),
                faq(
                    "Veelgestelde vragen",
                    [
                        (
                            "Moet ik zeker weten dat er iets aan de hand is?",
                            "<p>Nee. Twijfel is genoeg om te bellen. Veilig Thuis denkt met u "
                            "mee over wat u ziet of hoort.</p>",
                        ),
                        (
                            "Wat gebeurt er als ik bel?",
                            "<p>Een medewerker luistert naar uw verhaal en stelt vragen. Samen "
                            "bespreekt u wat u kunt doen. U beslist zelf of u alleen advies "
                            "wilt of een melding doet.</p>",
                        ),
                        (
                            "Kost het iets?",
                            '<p>Nee. Bellen naar <a href="tel:08002000">0800-2000</a> is '
                            "gratis, ook met een mobiele telefoon.</p>",
                        ),
                    ],
                ),
                cta(
                    "Zelf meer weten?",
                    "Lees welke signalen kunnen wijzen op kindermishandeling.",
                    "Signalen herkennen",
                    page="signalen-kindermishandeling",
                ),
            ],
        ),
        en=Translation(
            title="What does Veilig Thuis do?",
            seo_title="Advice and help",
            slug="what-does-veilig-thuis-do",
            intro=(
                "Veilig Thuis is the organisation for advice and reports about domestic "
                "violence and child abuse. Contact them free and anonymously, day and night."
            ),
            search_description="Advice and reports: free and anonymous, day and night.",
            body=[
                text("""
<p>Call Veilig Thuis: <a href="tel:08002000">0800-2000</a>. Free and anonymous, day and
night.</p>
<h2>Who is it for?</h2>
<p>For anyone dealing with domestic violence, child abuse or elder abuse. Whether it happens
to you, or you are worried about someone else: a neighbour, a child in your class, a
relative.</p>
<h2>What can you expect?</h2>
<ul>
<li>You get advice on what you can do yourself.</li>
<li>You can make a report. Veilig Thuis then looks into what is going on and makes sure help
arrives.</li>
<li>You may call anonymously. If you make a report, your name is kept confidential as far as
possible.</li>
</ul>
<p>In immediate danger? Always call <a href="tel:112">112</a>.</p>
"""),
                quote(
                    "On average, the police only become involved after more than seventy "
                    "incidents. One phone call can be enough.",
                    "Centre against domestic violence and child abuse, Hart van Brabant",
                ),
                faq(
                    "Frequently asked questions",
                    [
                        (
                            "Do I need to be sure something is wrong?",
                            "<p>No. Doubt is reason enough to call. Veilig Thuis will think "
                            "along with you about what you see or hear.</p>",
                        ),
                        (
                            "What happens when I call?",
                            "<p>Someone listens to your story and asks questions. Together you "
                            "discuss what you can do. You decide whether you only want advice "
                            "or want to make a report.</p>",
                        ),
                        (
                            "Does it cost anything?",
                            '<p>No. Calling <a href="tel:08002000">0800-2000</a> is free, '
                            "also from a mobile phone.</p>",
                        ),
                    ],
                ),
                cta(
                    "Want to know more?",
                    "Read which signs may point to child abuse.",
                    "Recognising signs",
                    page="signalen-kindermishandeling",
                ),
            ],
        ),
    ),
    DemoStandardPage(
        key="signalen-kindermishandeling",
        themes=("kindermishandeling", "signalen-herkennen"),
        audiences=("inwoners", "vrijwilligers-en-sportclubs", "professionals", "scholen"),
        municipalities=("hilvarenbeek", "goirle"),
        nl=Translation(
            title="Signalen van kindermishandeling herkennen",
            seo_title="Signalen herkennen",
            slug="signalen-van-kindermishandeling-herkennen",
            intro=(
                "Kindermishandeling is vaak niet te zien. Toch zijn er signalen waar u op kunt "
                "letten. Eén signaal zegt niet alles: het gaat om het totaalbeeld."
            ),
            search_description="Waar u op kunt letten, en wat u doet als u zich zorgen maakt.",
            body=[
                text("""
<h2>Signalen bij het kind</h2>
<ul>
<li>blauwe plekken of brandwonden die niet goed te verklaren zijn;</li>
<li>angstig, stil en teruggetrokken gedrag, of juist heel druk en boos gedrag;</li>
<li>vaak moe of hongerig, of kleding die niet past bij het weer;</li>
<li>niet naar huis willen, of schrikken als een ouder het kind komt halen.</li>
</ul>
<h2>Signalen bij de ouder</h2>
<ul>
<li>het kind vaak hard toespreken of kleineren;</li>
<li>geen of steeds andere uitleg over verwondingen;</li>
<li>geweld tussen de ouders. Ook getuige zijn van geweld thuis is kindermishandeling.</li>
</ul>
<h2>Wat kunt u doen?</h2>
<ol>
<li>Schrijf op wat u ziet en hoort, met de datum erbij.</li>
<li>Praat erover met iemand die u vertrouwt.</li>
<li>Bel Veilig Thuis voor advies: <a href="tel:08002000">0800-2000</a>. Dat kan anoniem.</li>
</ol>
"""),
                faq(
                    "Veelgestelde vragen",
                    [
                        (
                            "Ik twijfel. Maak ik het niet erger?",
                            "<p>Advies vragen maakt niets erger. U kunt eerst alleen advies "
                            "vragen, zonder melding.</p>",
                        ),
                        (
                            "Wat als een kind mij iets vertelt?",
                            "<p>Blijf rustig en luister. Beloof niet dat u het geheimhoudt. "
                            "Zeg dat het goed is dat het kind het vertelt, en vraag daarna "
                            "advies.</p>",
                        ),
                    ],
                ),
                cta(
                    "Vragen?",
                    "Veilig Thuis is gratis en anoniem te bereiken, dag en nacht.",
                    "Wat doet Veilig Thuis?",
                    page="veilig-thuis",
                ),
            ],
        ),
        en=Translation(
            title="Recognising signs of child abuse",
            seo_title="Recognising signs",
            slug="recognising-signs-of-child-abuse",
            intro=(
                "Child abuse is often invisible. Still, there are signs you can look out for. "
                "One sign does not tell the whole story: it is about the overall picture."
            ),
            search_description="What to look out for, and what to do when you are worried.",
            body=[
                text("""
<h2>Signs in the child</h2>
<ul>
<li>bruises or burns that are hard to explain;</li>
<li>anxious, quiet and withdrawn behaviour, or very restless and angry behaviour;</li>
<li>often tired or hungry, or clothes that do not suit the weather;</li>
<li>not wanting to go home, or being startled when a parent comes to pick them up.</li>
</ul>
<h2>Signs in the parent</h2>
<ul>
<li>often speaking harshly to the child or belittling them;</li>
<li>no explanation, or changing explanations, for injuries;</li>
<li>violence between the parents. Witnessing violence at home is child abuse too.</li>
</ul>
<h2>What can you do?</h2>
<ol>
<li>Write down what you see and hear, with the date.</li>
<li>Talk about it with someone you trust.</li>
<li>Call Veilig Thuis for advice: <a href="tel:08002000">0800-2000</a>. You can stay
anonymous.</li>
</ol>
"""),
                faq(
                    "Frequently asked questions",
                    [
                        (
                            "I am not sure. Will I make things worse?",
                            "<p>Asking for advice does not make anything worse. You can ask "
                            "for advice first, without making a report.</p>",
                        ),
                        (
                            "What if a child tells me something?",
                            "<p>Stay calm and listen. Do not promise to keep it secret. Say it "
                            "is good that the child told you, and then ask for advice.</p>",
                        ),
                    ],
                ),
                cta(
                    "Questions?",
                    "Veilig Thuis can be reached free and anonymously, day and night.",
                    "What does Veilig Thuis do?",
                    page="veilig-thuis",
                ),
            ],
        ),
    ),
    DemoStandardPage(
        key="meldcode",
        themes=("meldcode", "huiselijk-geweld", "kindermishandeling"),
        audiences=("professionals", "scholen"),
        municipalities=("tilburg", "waalwijk"),
        nl=Translation(
            title="De meldcode in vijf stappen",
            slug="de-meldcode-in-vijf-stappen",
            intro=(
                "Werkt u met kinderen, gezinnen of ouderen? Dan volgt u bij een vermoeden van "
                "huiselijk geweld of kindermishandeling de meldcode. Die heeft vijf stappen."
            ),
            search_description="De vijf stappen van de meldcode, kort uitgelegd.",
            body=[
                text("""
<h2>De vijf stappen</h2>
<ol>
<li><b>Breng de signalen in kaart.</b> Schrijf feitelijk op wat u ziet en hoort.</li>
<li><b>Overleg met een collega</b>, bijvoorbeeld de aandachtsfunctionaris. Vraag zo nodig
advies aan Veilig Thuis.</li>
<li><b>Ga in gesprek met de betrokkene.</b> Bespreek uw zorgen met de ouder, de cliënt of, als
dat kan, het kind.</li>
<li><b>Weeg het geweld of de mishandeling.</b> Gebruik het afwegingskader van uw beroep.</li>
<li><b>Beslis:</b> organiseer hulp en/of doe een melding bij Veilig Thuis.</li>
</ol>
<p>Is er sprake van acute of structurele onveiligheid? Dan meldt u altijd bij Veilig Thuis,
ook als u zelf hulp biedt.</p>
"""),
                faq(
                    "Veelgestelde vragen",
                    [
                        (
                            "Wat doet de aandachtsfunctionaris?",
                            "<p>De aandachtsfunctionaris bewaakt de meldcode in uw organisatie. "
                            "Hij of zij denkt met u mee over de stappen.</p>",
                        ),
                        (
                            "Heb ik toestemming nodig om te melden?",
                            "<p>Nee, u hebt meldrecht. Bespreek de melding wel eerst met de "
                            "betrokkene, tenzij dat de veiligheid in gevaar brengt.</p>",
                        ),
                    ],
                ),
                cta(
                    "Een training meldcode voor uw team?",
                    "In de basistraining oefent u de vijf stappen met voorbeelden uit de "
                    "praktijk, met accreditatiepunten. Neem contact met ons op voor de data.",
                    "Neem contact op",
                    page="contact",
                ),
            ],
        ),
        en=Translation(
            title="The reporting code in five steps",
            slug="the-reporting-code-in-five-steps",
            intro=(
                "Do you work with children, families or older people? Then you follow the "
                "reporting code (meldcode) when you suspect domestic violence or child abuse. "
                "It has five steps."
            ),
            search_description="The five steps of the reporting code, briefly explained.",
            body=[
                text("""
<h2>The five steps</h2>
<ol>
<li><b>Map the signs.</b> Write down factually what you see and hear.</li>
<li><b>Consult a colleague</b>, for example the meldcode officer. Ask Veilig Thuis for advice
if needed.</li>
<li><b>Talk to the person concerned.</b> Discuss your worries with the parent, the client or,
if possible, the child.</li>
<li><b>Weigh the violence or abuse.</b> Use your profession's assessment framework.</li>
<li><b>Decide:</b> organise help and/or report to Veilig Thuis.</li>
</ol>
<p>Is there acute or structural unsafety? Then always report to Veilig Thuis, even if you
provide help yourself.</p>
"""),
                faq(
                    "Frequently asked questions",
                    [
                        (
                            "What does the meldcode officer do?",
                            "<p>The meldcode officer guards the reporting code in your "
                            "organisation and thinks along with you about the steps.</p>",
                        ),
                        (
                            "Do I need permission to report?",
                            "<p>No, you have the right to report. Do discuss the report with "
                            "the person concerned first, unless that puts anyone at risk.</p>",
                        ),
                    ],
                ),
                cta(
                    "A reporting code course for your team?",
                    "In the basic course you practise the five steps with real-life cases, "
                    "with accreditation points. Contact us for the dates.",
                    "Contact us",
                    page="contact",
                ),
            ],
        ),
    ),
    DemoStandardPage(
        key="grenzen",
        themes=("kindermishandeling", "seksueel-geweld", "signalen-herkennen"),
        audiences=("scholen", "vrijwilligers-en-sportclubs"),
        municipalities=("dongen",),
        nl=Translation(
            title="Praten met kinderen over grenzen",
            slug="praten-met-kinderen-over-grenzen",
            intro=(
                "Kinderen die hun grenzen kennen, kunnen beter zeggen wanneer iets niet goed "
                "voelt. Scholen kunnen daar al in groep 1 mee beginnen."
            ),
            search_description="Tips om vanaf groep 1 met kinderen over grenzen te praten.",
            body=[
                text("""
<h2>Waarom al zo jong?</h2>
<p>Jonge kinderen hebben vaak nog geen woorden voor wat er met hen gebeurt. Als u met hen
oefent om "nee" te zeggen en over gevoelens te praten, krijgen ze die woorden wel. Ze leren
ook dat ze bij u terechtkunnen.</p>
<h2>Tips voor het gesprek</h2>
<ul>
<li>Gebruik gewone woorden, ook voor lichaamsdelen.</li>
<li>Leg uit dat hun lichaam van henzelf is.</li>
<li>Leer het verschil tussen fijne geheimen en geheimen die een naar gevoel geven.</li>
<li>Vertel bij wie ze terechtkunnen: een ouder, de juf of meester, of een andere volwassene
die ze vertrouwen.</li>
</ul>
"""),
                quote(
                    "Na de les kwam een leerling naar me toe. Ze wist eindelijk hoe ze het moest "
                    "zeggen.",
                    "Leerkracht groep 7",
                ),
                faq(
                    "Veelgestelde vragen",
                    [
                        (
                            "Kan het Centrum ons helpen?",
                            "<p>Ja. Wij geven bewustwordingssessies voor leerlingen en "
                            "leerkrachten, vaak samen met een ervaringsdeskundige.</p>",
                        ),
                    ],
                ),
                cta(
                    "Een sessie op uw school?",
                    "Wij komen graag langs, vaak samen met een ervaringsdeskundige. Bel of mail "
                    "ons om een sessie te plannen.",
                    "Neem contact op",
                    page="contact",
                ),
            ],
        ),
        en=Translation(
            title="Talking with children about boundaries",
            slug="talking-with-children-about-boundaries",
            intro=(
                "Children who know their boundaries find it easier to say when something does "
                "not feel right. Schools can start in group 1 (age 4)."
            ),
            search_description="Tips for talking with children about boundaries from age 4.",
            body=[
                text("""
<h2>Why so young?</h2>
<p>Young children often have no words yet for what happens to them. When you practise saying
"no" and talking about feelings, they get those words. They also learn that they can come to
you.</p>
<h2>Tips for the conversation</h2>
<ul>
<li>Use ordinary words, also for parts of the body.</li>
<li>Explain that your body belongs to you.</li>
<li>Teach the difference between nice secrets and secrets that feel bad.</li>
<li>Tell them who they can go to: a parent, the teacher, or another adult they trust.</li>
</ul>
"""),
                quote(
                    "After the lesson a pupil came up to me. At last she knew how to say it.",
                    "Teacher, group 7",
                ),
                faq(
                    "Frequently asked questions",
                    [
                        (
                            "Can the Centre help us?",
                            "<p>Yes. We run awareness sessions for pupils and teachers, often "
                            "together with a lived-experience expert.</p>",
                        ),
                    ],
                ),
                cta(
                    "A session at your school?",
                    "We are glad to come, often together with a lived-experience expert. Call "
                    "or email us to plan a session.",
                    "Contact us",
                    page="contact",
                ),
            ],
        ),
    ),
    DemoStandardPage(
        key="ouderenmishandeling",
        themes=("ouderenmishandeling", "signalen-herkennen"),
        audiences=("inwoners", "professionals", "vrijwilligers-en-sportclubs"),
        municipalities=("heusden", "loon-op-zand"),
        nl=Translation(
            title="Ouderenmishandeling: waar let u op?",
            seo_title="Zorgen om een oudere",
            slug="ouderenmishandeling",
            intro=(
                "Ouderenmishandeling gebeurt vaak door iemand die dichtbij staat, zoals een "
                "partner, kind of mantelzorger. Soms is het geen opzet, maar overbelasting."
            ),
            body=[
                text("""
<h2>Signalen</h2>
<ul>
<li>geldzaken die ineens door een ander worden geregeld, of geld dat verdwijnt;</li>
<li>verwondingen, of slecht verzorgd zijn;</li>
<li>angstig of stil worden als een bepaalde persoon erbij is;</li>
<li>weinig bezoek mogen krijgen.</li>
</ul>
<p>Maakt u zich zorgen? Bel Veilig Thuis: <a href="tel:08002000">0800-2000</a>.</p>
"""),
                faq(
                    "Veelgestelde vragen",
                    [
                        (
                            "De mantelzorger is zelf heel moe. Wat nu?",
                            "<p>Overbelasting kan tot ontsporing leiden. Veilig Thuis kijkt ook "
                            "naar hulp voor de mantelzorger.</p>",
                        ),
                    ],
                ),
            ],
        ),
        en=Translation(
            title="Elder abuse: what to look out for",
            seo_title="Worried about an older person",
            slug="elder-abuse",
            intro=(
                "Elder abuse is often committed by someone close, such as a partner, child or "
                "carer. Sometimes it is not intended but comes from being overburdened."
            ),
            body=[
                text("""
<h2>Signs</h2>
<ul>
<li>money matters suddenly handled by someone else, or money going missing;</li>
<li>injuries, or being poorly cared for;</li>
<li>becoming anxious or quiet when a certain person is present;</li>
<li>hardly being allowed visitors.</li>
</ul>
<p>Worried? Call Veilig Thuis: <a href="tel:08002000">0800-2000</a>.</p>
"""),
                faq(
                    "Frequently asked questions",
                    [
                        (
                            "The carer is exhausted. What now?",
                            "<p>Being overburdened can lead to things going wrong. Veilig "
                            "Thuis also looks at support for the carer.</p>",
                        ),
                    ],
                ),
            ],
        ),
    ),
    DemoStandardPage(
        key="multifocus",
        themes=(
            "multifocus",
            "huiselijk-geweld",
            "systeemgericht-werken",
            "gefaseerde-ketensamenwerking",
        ),
        audiences=("professionals",),
        municipalities=("tilburg", "oisterwijk"),
        nl=Translation(
            title="Multifocus: structureel huiselijk geweld aanpakken",
            seo_title="Multifocus-methodiek",
            slug="multifocus",
            intro=(
                "De Multifocusmethodiek is een bewezen methode voor hulpverleners die werken "
                "met gezinnen waar het geweld steeds terugkomt."
            ),
            body=[
                text("""
<h2>Wat is Multifocus?</h2>
<p>Multifocus kijkt naar alle betrokkenen: beide partners en de kinderen. U leert het patroon
in de relatie te zien en te doorbreken, zonder de veiligheid uit het oog te verliezen.</p>
<h2>Gefaseerde ketensamenwerking</h2>
<p>In de regio werken we in fasen: eerst veiligheid, dan risico's wegnemen, dan herstel.
Alle partners werken vanuit hetzelfde plan.</p>
<p>Het Centrum geeft een meerdaagse, geaccrediteerde training in de Multifocusmethodiek.</p>
"""),
                cta(
                    "De training volgen?",
                    "Neem contact met ons op voor de data van de volgende training.",
                    "Neem contact op",
                    page="contact",
                ),
                cta(
                    "Meer voor professionals",
                    "Lees ook de vijf stappen van de meldcode.",
                    "De meldcode in vijf stappen",
                    page="meldcode",
                ),
            ],
        ),
        en=Translation(
            title="Multifocus: tackling structural domestic violence",
            seo_title="The Multifocus method",
            slug="multifocus",
            intro=(
                "The Multifocus method is an evidence-based method for professionals working "
                "with families where violence keeps coming back."
            ),
            body=[
                text("""
<h2>What is Multifocus?</h2>
<p>Multifocus looks at everyone involved: both partners and the children. You learn to see
and break the pattern in the relationship, while keeping safety in sight.</p>
<h2>Phased chain cooperation</h2>
<p>In our region we work in phases: first safety, then removing risks, then recovery. All
partners work from the same plan.</p>
<p>The Centre gives an accredited course in the Multifocus method over several days.</p>
"""),
                cta(
                    "Taking the course?",
                    "Contact us for the dates of the next course.",
                    "Contact us",
                    page="contact",
                ),
                cta(
                    "More for professionals",
                    "Also read the five steps of the reporting code.",
                    "The reporting code in five steps",
                    page="meldcode",
                ),
            ],
        ),
    ),
    DemoStandardPage(
        key="veilig-browsen",
        show_in_footer=True,
        themes=("huiselijk-geweld",),
        audiences=("inwoners",),
        nl=Translation(
            title="Veilig browsen",
            slug="veilig-browsen",
            intro=(
                "Bent u bang dat iemand ziet dat u deze website bezoekt? Hier leest u wat de "
                "knop Snel weg doet, wat geen enkele website voor u kan wissen, en hoe u "
                "veiliger browst."
            ),
            body=[
                text("""
<h2>De knop "Snel weg"</h2>
<p>Op elke pagina staat bovenaan de knop "Snel weg". U kunt ook drie keer snel op de
Shift-toets drukken. U gaat dan direct naar een gewone website, zoals het weerbericht. Wij
wissen dan ook wat onze website over uw bezoek onthield. Staat JavaScript aan (dat is bijna
altijd zo), dan brengt de knop Terug u daarna niet terug op onze pagina's.</p>
<h2>Wat geen website voor u kan wissen</h2>
<p>Uw browser bewaart zelf sporen van wat u doet. Die kan geen enkele website wissen, ook
deze niet. Dat doet alleen u, in de browser:</p>
<ul>
<li><b>De geschiedenis:</b> de lijst met websites die u bezocht. Daarin kan deze website
blijven staan.</li>
<li><b>Automatisch aanvullen:</b> als iemand in de adresbalk begint te typen, kan de browser
het adres van deze website voorstellen. Ook zoekwoorden die u typte, kunnen terugkomen.</li>
<li><b>Downloads:</b> bestanden die u downloadde, staan in de map Downloads en in de lijst
met downloads van de browser.</li>
<li><b>Cookies van andere websites:</b> kwam u hier via een zoekmachine of sociale media, dan
kunnen die websites dat onthouden, bijvoorbeeld in uw zoekgeschiedenis.</li>
</ul>
<h2>Een privévenster gebruiken</h2>
<p>In een privévenster (ook wel incognitovenster) onthoudt de browser geen geschiedenis, geen
automatisch aanvullen en geen cookies, zodra u het venster sluit. Zo opent u er een:</p>
<ul>
<li><b>Chrome en Edge:</b> druk op Ctrl + Shift + N (Mac: Cmd + Shift + N).</li>
<li><b>Firefox:</b> druk op Ctrl + Shift + P (Mac: Cmd + Shift + P).</li>
<li><b>Safari:</b> druk op Cmd + Shift + N, of kies in het menu Archief voor "Nieuw
privévenster".</li>
<li><b>Telefoon:</b> open het menu van de browser en kies "Nieuw incognitotabblad" of
"Privé".</li>
</ul>
<p>Let op: bestanden die u downloadt, blijven ook na een privévenster op uw apparaat staan.
En een privévenster verbergt niets voor iemand die op uw scherm meekijkt of die
meekijksoftware op uw apparaat heeft gezet.</p>
<h2>Uw geschiedenis wissen</h2>
<ul>
<li><b>Chrome en Edge:</b> druk op Ctrl + Shift + Delete (Mac: Cmd + Shift + Delete).</li>
<li><b>Firefox:</b> druk op Ctrl + Shift + Delete (Mac: Cmd + Shift + Delete).</li>
<li><b>Safari:</b> kies in het menu Geschiedenis voor "Wis geschiedenis".</li>
<li><b>Telefoon:</b> zoek in de instellingen van uw browser naar "Geschiedenis" of
"Browsegegevens wissen".</li>
</ul>
<p>Valt het op als u alles wist? Verwijder dan alleen de pagina's van deze website uit uw
geschiedenis: zoek in de geschiedenis op "steiger" en verwijder wat u vindt.</p>
<h2>Nog veiliger</h2>
<ul>
<li>Gebruik een computer of telefoon van iemand die u vertrouwt, of van de bibliotheek.</li>
<li>Denk ook aan uw e-mail en telefoon: verwijder berichten die u niet wilt laten zien.</li>
</ul>
<p>In direct gevaar? Bel <a href="tel:112">112</a>. Wilt u praten? Bel Veilig Thuis:
<a href="tel:08002000">0800-2000</a>, gratis en anoniem.</p>
"""),
            ],
        ),
        en=Translation(
            title="Browse safely",
            slug="browse-safely",
            intro=(
                "Are you afraid someone will see that you visit this website? Here you read what "
                "the Exit this page button does, what no website can erase for you, and how to "
                "browse more safely."
            ),
            body=[
                text("""
<h2>The "Exit this page" button</h2>
<p>Every page has an "Exit this page" button at the top. You can also press the Shift
key three times quickly. You then go straight to an everyday website, such as the weather
forecast. We also forget what our website remembered about your visit. If JavaScript is on
(it almost always is), the Back button then does not bring you back to our pages.</p>
<h2>What no website can erase for you</h2>
<p>Your browser keeps its own traces of what you do. No website can erase them, this one
included. Only you can, in the browser:</p>
<ul>
<li><b>The history:</b> the list of websites you visited. This website may stay in it.</li>
<li><b>Autocomplete:</b> when someone starts typing in the address bar, the browser may
suggest this website's address. Words you searched for may come back too.</li>
<li><b>Downloads:</b> files you downloaded are in your Downloads folder and in the browser's
list of downloads.</li>
<li><b>Cookies of other websites:</b> if you came here through a search engine or social
media, those websites may remember that, for example in your search history.</li>
</ul>
<h2>Using a private window</h2>
<p>In a private window (also called incognito window) the browser keeps no history, no
autocomplete and no cookies once you close the window. This is how you open one:</p>
<ul>
<li><b>Chrome and Edge:</b> press Ctrl + Shift + N (Mac: Cmd + Shift + N).</li>
<li><b>Firefox:</b> press Ctrl + Shift + P (Mac: Cmd + Shift + P).</li>
<li><b>Safari:</b> press Cmd + Shift + N, or choose "New Private Window" in the File
menu.</li>
<li><b>Phone:</b> open the browser's menu and choose "New incognito tab" or "Private".</li>
</ul>
<p>Note: files you download stay on your device, even from a private window. And a private
window hides nothing from someone looking at your screen, or who put monitoring software on
your device.</p>
<h2>Deleting your history</h2>
<ul>
<li><b>Chrome and Edge:</b> press Ctrl + Shift + Delete (Mac: Cmd + Shift + Delete).</li>
<li><b>Firefox:</b> press Ctrl + Shift + Delete (Mac: Cmd + Shift + Delete).</li>
<li><b>Safari:</b> choose "Clear History" in the History menu.</li>
<li><b>Phone:</b> look for "History" or "Clear browsing data" in your browser's settings.</li>
</ul>
<p>Would deleting everything stand out? Then only remove this website's pages from your
history: search your history for "steiger" and delete what you find.</p>
<h2>Even safer</h2>
<ul>
<li>Use a computer or phone of someone you trust, or one at the library.</li>
<li>Think of your email and phone too: delete messages you do not want others to see.</li>
</ul>
<p>In immediate danger? Call <a href="tel:112">112</a>. Want to talk? Call Veilig Thuis:
<a href="tel:08002000">0800-2000</a>, free and anonymous.</p>
"""),
            ],
        ),
    ),
)
