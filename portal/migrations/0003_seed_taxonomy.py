"""Seed themes, audiences and municipalities in Dutch and English (facts: shared/GLOSSARY.md).

Each term's translation_key is uuid5(TAXONOMY_NAMESPACE, "<kind>/<dutch slug>"), so later
migrations and the demo content can refer to a term without looking it up by name. The data is
frozen here on purpose: a migration must keep doing what it did when it first ran.
"""

import uuid

from django.db import migrations

TAXONOMY_NAMESPACE = uuid.UUID("6f1c5a52-3c1e-5d0c-9f43-7e2b7a1d5e10")

# (Dutch slug, Dutch name, English slug, English name, Dutch description, English description)
THEMES = [
    ("huiselijk-geweld", "Huiselijk geweld", "domestic-violence", "Domestic violence",
     "Geweld door iemand uit de huiselijke kring: een partner, ex-partner, familielid of huisgenoot.",
     "Violence by someone in the victim's domestic circle: a partner, ex-partner, relative or housemate."),
    ("kindermishandeling", "Kindermishandeling", "child-abuse", "Child abuse",
     "Lichamelijk of psychisch geweld tegen een kind, seksueel misbruik of verwaarlozing.",
     "Physical or psychological violence against a child, sexual abuse or neglect."),
    ("ouderenmishandeling", "Ouderenmishandeling", "elder-abuse", "Elder abuse",
     "Geweld tegen, misbruik of verwaarlozing van een oudere, vaak door iemand die dichtbij staat.",
     "Violence against, exploitation or neglect of an older person, often by someone close."),
    ("eergerelateerd-geweld", "Eergerelateerd geweld", "honour-based-violence", "Honour-based violence",
     "Geweld om de eer van een familie of gemeenschap te herstellen of te beschermen.",
     "Violence to restore or protect the honour of a family or community."),
    ("seksueel-geweld", "Seksueel geweld", "sexual-violence", "Sexual violence",
     "Elke seksuele handeling waarmee iemand niet instemt.",
     "Any sexual act that a person does not consent to."),
    ("meldcode", "Meldcode", "reporting-code", "Reporting code (meldcode)",
     "De vijf stappen die elke professional volgt bij een vermoeden van huiselijk geweld of kindermishandeling.",
     "The five steps every professional follows when they suspect domestic violence or child abuse."),
    ("signalen-herkennen", "Signalen herkennen", "recognising-signs", "Recognising signs",
     "Zien wat er aan de hand kan zijn, en weten wat u dan doet.",
     "Seeing what may be going on, and knowing what to do next."),
    ("traumasensitief-werken", "Traumasensitief werken", "trauma-informed-practice", "Trauma-informed practice",
     "Werken met oog voor wat ingrijpende ervaringen met mensen doen.",
     "Working with an eye for what adverse experiences do to people."),
    ("systeemgericht-werken", "Systeemgericht werken", "systemic-practice", "Systemic practice",
     "Het hele gezin en de omgeving betrekken, niet alleen één persoon.",
     "Involving the whole family and its surroundings, not just one person."),
    ("multifocus", "Multifocus", "multifocus", "Multifocus method",
     "Een bewezen methode voor de aanpak van structureel huiselijk geweld.",
     "An evidence-based method for tackling structural domestic violence."),
    ("gefaseerde-ketensamenwerking", "Gefaseerde ketensamenwerking", "phased-chain-cooperation",
     "Phased chain cooperation",
     "Eerst veiligheid, dan risico's wegnemen, dan herstel: samen met alle partners in de regio.",
     "First safety, then removing risks, then recovery: together with all partners in the region."),
]

AUDIENCES = [
    ("inwoners", "Inwoners", "residents", "Residents",
     "Voor iedereen die zich zorgen maakt over zichzelf of iemand in de buurt.",
     "For anyone worried about themselves or someone close by."),
    ("professionals", "Professionals", "professionals", "Professionals",
     "Voor wie beroepsmatig met kinderen, gezinnen of ouderen werkt.",
     "For people who work with children, families or older people."),
    ("vrijwilligers-en-sportclubs", "Vrijwilligers en sportclubs", "volunteers-and-sports-clubs",
     "Volunteers and sports clubs",
     "Voor trainers, coaches, buren en andere vrijwilligers.",
     "For coaches, trainers, neighbours and other volunteers."),
    ("scholen", "Scholen", "schools", "Schools",
     "Voor leerkrachten, intern begeleiders en schoolleiders.",
     "For teachers, pupil support staff and school leaders."),
]

MUNICIPALITIES = [
    "Tilburg",
    "Oisterwijk",
    "Waalwijk",
    "Dongen",
    "Gilze en Rijen",
    "Goirle",
    "Hilvarenbeek",
    "Loon op Zand",
    "Heusden",
]


def term_key(kind: str, dutch_slug: str) -> uuid.UUID:
    return uuid.uuid5(TAXONOMY_NAMESPACE, f"{kind}/{dutch_slug}")


def _rows():
    for nl_slug, nl_name, en_slug, en_name, nl_desc, en_desc in THEMES:
        yield "Theme", "theme", nl_slug, (nl_name, nl_desc), (en_slug, en_name, en_desc)
    for nl_slug, nl_name, en_slug, en_name, nl_desc, en_desc in AUDIENCES:
        yield "Audience", "audience", nl_slug, (nl_name, nl_desc), (en_slug, en_name, en_desc)
    for name in MUNICIPALITIES:
        slug = name.lower().replace(" ", "-")
        yield "Municipality", "municipality", slug, (name, ""), (slug, name, "")


def seed(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    nl, _created = Locale.objects.get_or_create(language_code="nl")
    en, _created = Locale.objects.get_or_create(language_code="en")
    for model_name, kind, nl_slug, (nl_name, nl_desc), (en_slug, en_name, en_desc) in _rows():
        model = apps.get_model("portal", model_name)
        key = term_key(kind, nl_slug)
        # update_or_create on (translation_key, locale): re-running never duplicates a term.
        model.objects.update_or_create(
            translation_key=key,
            locale=nl,
            defaults={"name": nl_name, "slug": nl_slug, "description": nl_desc},
        )
        model.objects.update_or_create(
            translation_key=key,
            locale=en,
            defaults={"name": en_name, "slug": en_slug, "description": en_desc},
        )


def unseed(apps, schema_editor):
    # Terms may be in use by pages by now; rolling back leaves them rather than break content.
    pass


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0002_roles"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(seed, unseed)]
