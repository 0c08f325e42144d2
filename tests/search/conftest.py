"""A small knowledge base to search: articles on the test site (tests/knowledge's fixtures)."""

import pytest
from django.utils import translation
from modelsearch.backends import get_search_backend

from knowledge.factories import ArticlePageFactory

# The knowledge base's fixtures: its index page and the seeded Dutch themes and audiences.
from tests.knowledge.conftest import audiences, index, themes  # noqa: F401 (fixtures)


@pytest.fixture(autouse=True)
def _dutch():
    """Addresses are reversed in Dutch: a request to an English page earlier in the session
    leaves English active in this thread (LocaleMiddleware does not switch it back)."""
    with translation.override("nl"):
        yield


def index_objects(*objects, backend_name: str = "default") -> None:
    """Put `objects` in the search index now, as the upkeep task does after a commit (a
    test's transaction never commits)."""
    backend = get_search_backend(backend_name)
    for obj in objects:
        backend.add(obj)
    backend.refresh_indexes()


@pytest.fixture
def articles(index, themes, audiences):  # noqa: F811 (the imported fixtures)
    """Five Dutch articles, indexed: compounds, a typo target, tags to facet on."""
    made = {
        "kinder": ArticlePageFactory(
            parent=index,
            title="Signalen van kindermishandeling",
            intro="Hoe herkent u kindermishandeling bij een kind in uw klas of op de club?",
            themes=[themes["kindermishandeling"]],
            audiences=[audiences["professionals"]],
        ),
        "ouderen": ArticlePageFactory(
            parent=index,
            title="Ouderenmishandeling herkennen",
            intro="Ouderenmishandeling gebeurt vaak door een mantelzorger die overbelast is.",
            themes=[themes["ouderenmishandeling"]],
            audiences=[audiences["inwoners"]],
        ),
        "partner": ArticlePageFactory(
            parent=index,
            title="Partnergeweld: wat kunt u doen?",
            intro="Partnergeweld komt in elke laag van de samenleving voor.",
            themes=[themes["huiselijk-geweld"]],
            audiences=[audiences["inwoners"]],
        ),
        "huiselijk": ArticlePageFactory(
            parent=index,
            title="Wat is huiselijk geweld?",
            intro="Huiselijk geweld is geweld door iemand uit de huiselijke kring.",
            themes=[themes["huiselijk-geweld"]],
            audiences=[audiences["inwoners"], audiences["professionals"]],
        ),
        "sport": ArticlePageFactory(
            parent=index,
            title="Een veilige sportclub",
            intro="Wat een trainer kan doen bij zorgen over een jeugdlid.",
            audiences=[audiences["vrijwilligers-en-sportclubs"]],
        ),
    }
    index_objects(*made.values())
    return made
