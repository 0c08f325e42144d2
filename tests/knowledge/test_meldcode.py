"""The meldcode walk-through (knowledge/meldcode.py): five steps, the afwegingskader as plain
links between anchors on the page, Veilig Thuis, the meldcode trainings found by tag, the rules
an editor is held to, its query budget and the review reminder."""

import datetime
from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import translation
from wagtail.test.utils.form_data import nested_form_data, streamfield

from knowledge.factories import MeldcodePageFactory, meldcode_assessment, meldcode_steps
from portal import roles
from portal.accounts.factories import UserFactory
from portal.content_review import pages_due_for_review
from tests.knowledge.test_related_and_queries import count_queries
from tests.portal.test_taxonomy import _signed_in_with_mfa

pytestmark = pytest.mark.django_db


class Anchors(HTMLParser):
    """The ids on a page, the in-page links by id of the element (with an id) they sit in, and
    the tags used inside the <article>."""

    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()
        self.links_in: dict[str, list[tuple[str, str]]] = {}
        self.in_page_links: list[str] = []
        self.tags_in_article: set[str] = set()
        self._stack: list[tuple[str, str | None]] = []
        self._article = 0
        self._link: str | None = None
        self._text = ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "article":
            self._article += 1
        if self._article:
            self.tags_in_article.add(tag)
        if tag == "a" and (attrs.get("href") or "").startswith("#"):
            self._link = attrs["href"]
            self._text = ""
            self.in_page_links.append(attrs["href"])
        if tag not in ("br", "img", "meta", "link", "input"):
            self._stack.append((tag, attrs.get("id")))

    def handle_data(self, data):
        if self._link is not None:
            self._text += data

    def handle_endtag(self, tag):
        if tag == "a" and self._link is not None:
            owner = next((id_ for _tag, id_ in reversed(self._stack) if id_), "")
            self.links_in.setdefault(owner, []).append((self._text.strip(), self._link))
            self._link = None
        if tag == "article":
            self._article -= 1
        while self._stack:
            if self._stack.pop()[0] == tag:
                break


def parse(response) -> Anchors:
    anchors = Anchors()
    anchors.feed(response.text)
    return anchors


@pytest.fixture
def meldcode(index, themes, audiences, django_capture_on_commit_callbacks):
    # Indexed for search by the upkeep's task after the commit (when the block ends).
    with django_capture_on_commit_callbacks(execute=True):
        return MeldcodePageFactory(
            parent=index,
            assessment=meldcode_assessment(3),
            themes=[themes["meldcode"]],
        )


def test_the_five_steps_are_shown_with_an_overview_that_links_each(client, meldcode):
    response = client.get(meldcode.url)
    page = parse(response)
    text = response.text.replace("\u00ad", "")

    assert response.status_code == 200
    for number in range(1, 6):
        assert f"stap-{number}" in page.ids
        assert f"Stap {number}: Stap-titel {number}</h2>" in text
        assert f"Actie {number}a" in text
        assert f"Zelfvraag {number}" in text
    assert [href for _text, href in page.links_in["stappenoverzicht"]] == [
        "#stap-1",
        "#stap-2",
        "#stap-3",
        "#stap-4",
        "#afwegingskader",
        "#stap-5",
    ]
    # The watch-out note of step 2, its number tappable.
    assert 'Let op: bel bij twijfel <a href="tel:08002000">0800-2000</a>' in text


def test_each_question_answers_yes_and_no_with_links_to_anchors_on_the_page(client, meldcode):
    page = parse(client.get(meldcode.url))

    answers = {anchor: dict(page.links_in[anchor]) for anchor in ("vraag-1", "vraag-2", "vraag-3")}
    # Question 1 exits on "no", question 2 on "yes", question 3 on "no"; the other answer goes on,
    # after the last question to the final outcome.
    assert answers == {
        "vraag-1": {"Ja": "#vraag-2", "Nee": "#uitkomst-1"},
        "vraag-2": {"Ja": "#uitkomst-2", "Nee": "#vraag-3"},
        "vraag-3": {"Ja": "#uitkomst-slot", "Nee": "#uitkomst-3"},
    }
    missing = {href for href in page.in_page_links if href[1:] not in page.ids}
    assert missing == set()
    # Every outcome offers the way on to step 5 and back to the first question.
    for outcome in ("uitkomst-1", "uitkomst-2", "uitkomst-3", "uitkomst-slot"):
        assert dict(page.links_in[outcome]) == {
            "Verder naar stap 5": "#stap-5",
            "Begin opnieuw met de vragen": "#vraag-1",
        }


def test_outcomes_say_what_follows_and_reports_show_veilig_thuis(client, meldcode):
    text = client.get(meldcode.url).text

    assert "Uitkomst van vraag 2" in text
    assert "Uw antwoord “Ja” op vraag 2 leidt hierheen." in text
    assert "Uw antwoord “Nee” op vraag 1 leidt hierheen." in text
    # The final outcome: the other answer to the last question (which exits on "no").
    assert "Uw antwoord “Ja” op vraag 3 leidt hierheen." in text
    assert "Uitkomst: Melden bij Veilig Thuis." in text
    assert "Uitkomst: Geen vermoeden: vastleggen en afsluiten." in text
    assert "Uitkomst: Hulp bieden of organiseren." in text
    assert 'U meldt bij Veilig Thuis: <a href="tel:08002000">0800-2000</a>.' in text


def test_the_walk_through_sends_nothing_it_is_links_only(client, meldcode):
    page = parse(client.get(meldcode.url))

    assert "form" not in page.tags_in_article
    assert "script" not in page.tags_in_article
    assert "input" not in page.tags_in_article


def test_veilig_thuis_is_called_out_with_a_tel_link(client, meldcode):
    text = client.get(meldcode.url).text

    callout = text[text.index('id="meldcode-veilig-thuis"') :][:600]
    assert "Advies of een melding: Veilig Thuis" in callout
    assert '<a href="tel:08002000">0800-2000</a>' in callout
    assert '<a href="tel:112">112</a>' in callout


def test_trainings_on_the_meldcode_are_found_by_tag(client, meldcode, home, themes):
    from tests.trainings.factories import TrainingPageFactory

    TrainingPageFactory(
        parent=home, title="Meldcode voor het onderwijs", themes=[themes["meldcode"]]
    )
    TrainingPageFactory(
        parent=home, title="Ouderenmishandeling", themes=[themes["ouderenmishandeling"]]
    )

    response = client.get(meldcode.url)

    assert [page.title for page in response.context["trainings"]] == ["Meldcode voor het onderwijs"]
    assert "Trainingen over de meldcode" in response.text


def test_without_trainings_there_is_no_trainings_section(client, meldcode):
    response = client.get(meldcode.url)

    assert response.context["trainings"] == []
    assert "Trainingen over de meldcode" not in response.text


# --- What an editor is held to -----------------------------------------------------------------


def messages(error: ValidationError, field: str) -> list[str]:
    return error.message_dict[field]


@pytest.mark.parametrize("count", [4, 6])
def test_a_meldcode_with_another_number_of_steps_is_refused_in_dutch(meldcode, count):
    meldcode.steps = meldcode_steps(count)

    with translation.override("nl"), pytest.raises(ValidationError) as refused:
        meldcode.full_clean()

    assert messages(refused.value, "steps") == [
        f"De meldcode heeft precies vijf stappen; deze pagina heeft er {count}."
    ]


def test_an_assessment_without_questions_or_final_outcome_is_refused_in_dutch(meldcode):
    meldcode.assessment = meldcode_assessment(0, final=False)

    with translation.override("nl"), pytest.raises(ValidationError) as refused:
        meldcode.full_clean()

    assert messages(refused.value, "assessment") == [
        "Voeg minstens één vraag toe aan het afwegingskader.",
        "Sluit het afwegingskader af met één slotuitkomst: waar het andere antwoord op de "
        "laatste vraag naartoe leidt.",
    ]


def test_the_final_outcome_must_come_after_the_questions(meldcode):
    meldcode.assessment = list(reversed(meldcode_assessment(1)))

    with translation.override("nl"), pytest.raises(ValidationError) as refused:
        meldcode.full_clean()

    assert messages(refused.value, "assessment") == [
        "Zet de slotuitkomst als laatste, na de vragen."
    ]


def test_saving_a_wrong_structure_in_code_is_refused_too(index):
    with pytest.raises(ValidationError):
        MeldcodePageFactory(parent=index, steps=meldcode_steps(3))


# --- Queries and the review reminder -----------------------------------------------------------
# The base layer's queries (site, routing, language switcher, restrictions), the
# page's themes, the hreflang alternates, and one query for the tagged pages of other apps,
# however many page types they have (here courses' CoursePage, experts' AwarenessOfferPage and
# tests.trainings' one), which leaves out restricted pages itself: pinned, and the same with one
# training or ten.
MELDCODE_QUERIES = 9


def test_the_meldcode_queries_do_not_grow_with_the_number_of_trainings(
    client, meldcode, home, themes
):
    from tests.trainings.factories import TrainingPageFactory

    TrainingPageFactory(parent=home, themes=[themes["meldcode"]])
    few = count_queries(client, meldcode.url)
    for _ in range(9):
        TrainingPageFactory(parent=home, themes=[themes["meldcode"]])
    many = count_queries(client, meldcode.url)

    assert few == many
    assert many == MELDCODE_QUERIES


def test_a_meldcode_page_not_reviewed_for_a_year_is_due_for_review(index, settings):
    settings.CONTENT_REVIEW_DAYS = 365
    today = datetime.date(2026, 11, 30)
    stale = MeldcodePageFactory(parent=index, last_reviewed=today - datetime.timedelta(days=400))

    due = list(pages_due_for_review(today))

    assert [page.pk for page in due] == [stale.pk]


# --- In the admin, as an editor sees it --------------------------------------------------------


def _listblock(items: list[str]) -> dict:
    return streamfield([("item", item) for item in items])


def _admin_form(page, step_count: int) -> dict:
    steps = [
        (
            "step",
            {
                "title": f"Stap {number}",
                "purpose": "Waarvoor.",
                "actions": _listblock(["Actie"]),
                "questions": _listblock([]),
                "watch_out": "",
            },
        )
        for number in range(1, step_count + 1)
    ]
    outcome = {"kind": "report", "title": "Melden", "text": "U meldt."}
    assessment = [
        (
            "question",
            {"question": "Vraag?", "explanation": "", "exit_answer": "yes", "outcome": outcome},
        ),
        ("final_outcome", {"kind": "help", "title": "Hulp", "text": "U helpt."}),
    ]
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "intro": page.intro,
            "steps": streamfield(steps),
            "assessment": streamfield(assessment),
            "last_reviewed": "2026-11-01",
            "author_organisation": "",
        }
    )


@pytest.fixture
def editor_client(meldcode):
    user = UserFactory(email="fatima@example.org")
    user.groups.add(Group.objects.get(name=roles.EDITOR))
    meldcode.owner = user
    meldcode.save()
    client = Client()
    _signed_in_with_mfa(client, user)
    return client


def test_an_editor_can_open_a_new_meldcode_page_in_the_knowledge_base(editor_client, index):
    url = reverse("wagtailadmin_pages:add", args=["knowledge", "meldcodepage", index.pk])

    response = editor_client.get(url)

    assert response.status_code == 200
    assert "Afwegingskader (stap 4)" in response.text
    assert "De vijf stappen" in response.text


def test_an_editor_who_saves_four_steps_reads_why_in_dutch_and_loses_nothing(
    editor_client, meldcode
):
    url = reverse("wagtailadmin_pages:edit", args=[meldcode.pk])

    refused = editor_client.post(url, _admin_form(meldcode, 4))
    saved = editor_client.post(url, _admin_form(meldcode, 5))

    assert refused.status_code == 200
    assert (
        refused.text.count("De meldcode heeft precies vijf stappen; deze pagina heeft er 4.") == 1
    )
    # The form comes back with what the editor typed: the four steps are still there.
    assert refused.text.count("Stap 4") >= 1
    assert saved.status_code == 302
    meldcode.refresh_from_db()
    draft = meldcode.get_latest_revision_as_object()
    assert len(draft.steps) == 5
    assert draft.last_reviewed == datetime.date(2026, 11, 1)


def test_translators_get_every_text_of_the_structure_and_no_choice(meldcode):
    from wagtail_localize.segments.extract import extract_segments

    texts = {
        segment.string.data for segment in extract_segments(meldcode) if hasattr(segment, "string")
    }

    assert {
        "Stap-titel 1",
        "Actie 5b",
        "Zelfvraag 3",
        "Let op: bel bij twijfel 0800-2000.",
    } <= texts
    assert {
        "Afwegingsvraag 2?",
        "Toelichting 3.",
        "Uitkomst van vraag 1",
        "U organiseert hulp.",
    } <= texts
    # What the walk-through runs on stays the same in every language.
    assert texts.isdisjoint({"yes", "no", "report", "close", "help"})


def test_the_search_finds_the_walk_through_by_its_steps_and_questions(meldcode):
    from knowledge.meldcode import MeldcodePage

    assert list(MeldcodePage.objects.live().search("Zelfvraag")) == [meldcode]
    assert list(MeldcodePage.objects.live().search("Afwegingsvraag")) == [meldcode]
