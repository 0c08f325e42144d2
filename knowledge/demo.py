"""The knowledge base in the demo site (the demo door: portal/demo/door.py).

To the engineer writing the demo articles: put them in knowledge/demo_articles.py as
`ARTICLES: list[DemoPage]`, each with parent="knowledge/index". When that module exists this
one serves `PAGES = [INDEX, *ARTICLES]`; the two smoke articles below are used only without it.
"""

import importlib.util
from datetime import date

from portal.demo.blocks import text
from portal.demo.door import DemoPage, Translation

DEPENDS_ON = ["portal"]

INDEX = DemoPage(
    key="knowledge/index",
    model="knowledge.KnowledgeIndexPage",
    parent="home",
    nl=Translation(
        title="Kennisbank",
        slug="kennisbank",
        intro=(
            "Actuele kennis over huiselijk geweld en kindermishandeling: wat u ziet, wat het "
            "kan betekenen en wat u kunt doen."
        ),
    ),
    en=Translation(
        title="Knowledge base",
        slug="knowledge-base",
        intro=(
            "Current knowledge on domestic violence and child abuse: what you see, what it may "
            "mean and what you can do."
        ),
    ),
    fields={"show_in_menus": True},
)

SMOKE_ARTICLES = [
    DemoPage(
        key="knowledge/signalen-bij-kinderen",
        model="knowledge.ArticlePage",
        parent="knowledge/index",
        nl=Translation(
            title="Signalen bij kinderen",
            slug="signalen-bij-kinderen",
            intro="Kinderen vertellen zelden wat er thuis gebeurt. Waar kunt u op letten?",
            body=[text("<p>Let op veranderingen in gedrag en bespreek wat u ziet.</p>")],
        ),
        en=Translation(
            title="Signs in children",
            slug="signs-in-children",
            intro="Children rarely tell what happens at home. What can you look out for?",
            body=[text("<p>Look out for changes in behaviour and talk about what you see.</p>")],
        ),
        fields={"last_reviewed": date(2026, 3, 1), "author_organisation": "Steiger"},
        terms={"themes": ("kindermishandeling", "signalen-herkennen"), "audiences": ("inwoners",)},
    ),
    DemoPage(
        key="knowledge/de-meldcode-kort",
        model="knowledge.ArticlePage",
        parent="knowledge/index",
        nl=Translation(
            title="De meldcode in het kort",
            slug="de-meldcode-in-het-kort",
            intro="Vijf stappen voor professionals die geweld of mishandeling vermoeden.",
            body=[text("<p>De meldcode helpt u zorgvuldig te handelen bij een vermoeden.</p>")],
        ),
        en=Translation(
            title="The reporting code in brief",
            slug="the-reporting-code-in-brief",
            intro="Five steps for professionals who suspect violence or abuse.",
            body=[text("<p>The reporting code helps you act with care when in doubt.</p>")],
        ),
        fields={"last_reviewed": date(2026, 6, 1), "author_organisation": "Steiger"},
        terms={"themes": ("meldcode",), "audiences": ("professionals",)},
    ),
]

if importlib.util.find_spec("knowledge.demo_articles") is not None:
    from .demo_articles import ARTICLES
else:
    ARTICLES = SMOKE_ARTICLES

from .demo_downloads import PAGE as DOWNLOADS  # noqa: E402
from .demo_downloads import with_factsheets  # noqa: E402
from .demo_meldcode import MELDCODE  # noqa: E402

PAGES = [INDEX, *with_factsheets(ARTICLES), MELDCODE, DOWNLOADS]
