"""The base layer's demo content through the demo door: home, entrances, standard pages, the
Centre's pages and settings, the Site, and one local account per role.

The texts are data in content.py and centre.py; this module says where each page goes.
"""

from django.db.models import Model
from wagtail.models import Page, Site

from portal.demo import centre, content, users
from portal.demo.door import DemoContext, DemoPage
from portal.models import CentreSettings, CentreText


def _fill_home(page: Page, language: str, demo: DemoContext) -> None:
    page.featured = [
        {"type": "page", "value": page_id}
        for key in content.FEATURED
        if (page_id := demo.page_id(key, language)) is not None
    ]


PAGES: list[DemoPage] = [
    DemoPage(
        key=content.HOME.key,
        model="portal.HomePage",
        parent=None,
        nl=content.HOME.nl,
        en=content.HOME.en,
        fill=_fill_home,
    ),
    *(
        DemoPage(
            key=spec.key,
            model="portal.AudiencePage",
            parent="home",
            nl=spec.nl,
            en=spec.en,
            fields={"show_in_menus": True},
            terms={"audience": (spec.audience,)},
        )
        for spec in content.AUDIENCE_PAGES
    ),
    *(
        DemoPage(
            key=spec.key,
            model="portal.StandardPage",
            parent="home",
            nl=spec.nl,
            en=spec.en,
            fields={"show_in_footer": spec.show_in_footer},
            terms={
                "themes": spec.themes,
                "audiences": spec.audiences,
                "municipalities": spec.municipalities,
            },
        )
        for spec in content.STANDARD_PAGES
    ),
    *(
        DemoPage(key=spec.key, model=spec.model, parent="home", nl=spec.nl, en=spec.en)
        for spec in centre.CENTRE_PAGES
    ),
]


def load(demo: DemoContext) -> None:
    _ensure_site(demo)
    _ensure_centre(demo)
    for spec in users.USERS:
        demo.account(spec.email, spec.first_name, role=spec.role, superuser=spec.superuser)


def _ensure_site(demo: DemoContext) -> None:
    home = demo.page("home", "nl")
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    wanted = {"hostname": "localhost", "port": 80, "site_name": "Steiger", "root_page_id": home.pk}
    if site.pk and _has(site, wanted):
        return
    for name, value in wanted.items():
        setattr(site, name, value)
    site.save()
    demo.note("Default site now serves the Dutch home page at localhost:80.")


def _ensure_centre(demo: DemoContext) -> None:
    """The Centre's details in the site setting, unless the Centre filled them in already."""
    settings = CentreSettings.for_site(Site.objects.get(is_default_site=True))
    if settings.texts.exists() or settings.visiting_street or settings.email:
        return
    spec = centre.CENTRE
    for name in (
        "visiting_street",
        "visiting_postcode",
        "visiting_city",
        "postal_address",
        "phone",
        "email",
        "privacy_officer_email",
    ):
        setattr(settings, name, getattr(spec, name))
    settings.texts = [
        CentreText(
            language_code=language,
            name=text.name,
            controller=text.controller,
            opening_hours=text.opening_hours,
            visiting_note=text.visiting_note,
        )
        for language, text in spec.texts.items()
    ]
    settings.save()
    demo.note("Filled in the Centre's name and address (Settings > The Centre).")


def _has(instance: Model, values: dict) -> bool:
    return all(getattr(instance, name) == value for name, value in values.items())
