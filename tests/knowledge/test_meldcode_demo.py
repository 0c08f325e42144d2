"""The demo meldcode walk-through (knowledge/demo_meldcode.py) on the loaded demo site, in Dutch
and English, and the demo article that leads to it."""

import re

import pytest

from knowledge.demo_meldcode import ASSESSMENT_NL, STEPS_NL
from tests.knowledge.test_meldcode import parse

pytestmark = pytest.mark.django_db

INFORMAL_DUTCH = re.compile(r"\b(je|jij|jou|jouw|jezelf|jullie)\b", re.IGNORECASE)
DUTCH = "/nl/kennisbank/meldcode-in-vijf-stappen/"
ENGLISH = "/en/knowledge-base/reporting-code-in-five-steps/"


@pytest.mark.parametrize(
    ("url", "step_one", "question_two"),
    [
        (DUTCH, "Stap 1: Signalen in kaart brengen", "Is er sprake van acute of structurele"),
        (ENGLISH, "Step 1: Map the signs", "Is there acute or structural unsafety?"),
    ],
)
def test_the_demo_walk_through_loads_in_both_languages(
    demo_site, client, url, step_one, question_two
):
    response = client.get(url)
    page = parse(response)
    text = response.text.replace("\u00ad", "")

    assert response.status_code == 200
    assert step_one in text
    assert question_two in text
    assert {f"stap-{n}" for n in range(1, 6)} <= page.ids
    assert {f"vraag-{n}" for n in range(1, 6)} <= page.ids
    assert {href for href in page.in_page_links if href[1:] not in page.ids} == set()
    # Question 2 (acute or structural unsafety) leads to reporting on "yes"; the others go on.
    assert dict(page.links_in["vraag-2"])["Ja" if url == DUTCH else "Yes"] == "#uitkomst-2"
    assert dict(page.links_in["vraag-5"])["Ja" if url == DUTCH else "Yes"] == "#uitkomst-slot"
    assert 'href="tel:08002000"' in text
    # Each language links the other (hreflang), as the articles do.
    assert text.count('rel="alternate" hreflang=') == 3


def test_the_demo_is_in_formal_dutch_and_follows_the_framework(demo_site):
    texts = [str(value) for block in STEPS_NL + ASSESSMENT_NL for value in block["value"].values()]
    assert [text for text in texts if INFORMAL_DUTCH.search(text)] == []
    assert len(STEPS_NL) == 5
    questions = [block for block in ASSESSMENT_NL if block["type"] == "question"]
    # The five afwegingsvragen: no suspicion closes, the others lead to a report.
    assert [q["value"]["exit_answer"] for q in questions] == ["no", "yes", "no", "no", "no"]
    assert [q["value"]["outcome"]["kind"] for q in questions] == [
        "close",
        "report",
        "report",
        "report",
        "report",
    ]


@pytest.mark.parametrize(
    ("article", "target"),
    [
        ("/nl/kennisbank/de-meldcode-stap-voor-stap/", DUTCH),
        ("/en/knowledge-base/the-reporting-code-step-by-step/", ENGLISH),
    ],
)
def test_the_demo_meldcode_article_leads_to_the_walk_through(demo_site, client, article, target):
    response = client.get(article)

    assert response.status_code == 200
    assert f'href="{target}"' in response.text
