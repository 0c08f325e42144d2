import pytest

from portal.advice.factories import AdviceQuestionPageFactory
from portal.advice.models import AdviceQuestionPage


@pytest.fixture
def advice_page(home) -> AdviceQuestionPage:
    return AdviceQuestionPageFactory(parent=home)
