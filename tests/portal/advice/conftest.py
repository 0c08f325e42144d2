import pytest

from portal.advice.models import AdviceQuestionPage


@pytest.fixture
def advice_page(home) -> AdviceQuestionPage:
    page = AdviceQuestionPage(
        title="Stel je vraag",
        slug="vraag",
        intro="Heb je een vraag? Stel hem hier.",
        thank_you_text="We antwoorden binnen vijf werkdagen.",
    )
    home.add_child(instance=page)
    return page
