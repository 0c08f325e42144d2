"""Grading a quiz (courses/services/quizzes.py): pure functions, no database."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from courses.factories import quiz_value
from courses.services.quizzes import grade, quiz_from_value

QUIZ = quiz_from_value(quiz_value())
RIGHT = {"vraag-1": ["1"], "vraag-2": ["1", "3"], "vraag-3": ["2"]}


def test_all_right_answers_pass():
    result = grade(QUIZ, RIGHT)

    assert result.graded
    assert [q.correct for q in result.questions] == [True, True, True]
    assert (result.score, result.total, result.percentage) == (3, 3, 100)
    assert result.passed()


def test_grades_a_block_value_as_well_as_a_quiz():
    assert grade(quiz_value(), RIGHT).score == 3


@pytest.mark.parametrize("wrong", [["2"], ["2", "1"]])
def test_a_wrong_single_answer_never_counts(wrong):
    result = grade(QUIZ, {**RIGHT, "vraag-1": wrong})

    assert not result.questions[0].correct
    assert not result.passed()


@pytest.mark.parametrize(
    "chosen",
    [["1"], ["3"], ["1", "2", "3"], ["2"], ["1", "2"]],
    ids=["one-of-two", "other-one", "all-three", "only-wrong", "right-and-wrong"],
)
def test_multiple_choice_is_right_only_with_exactly_the_right_set(chosen):
    result = grade(QUIZ, {**RIGHT, "vraag-2": chosen})

    assert result.graded
    assert not result.questions[1].correct
    assert result.score == 2


def test_multiple_choice_order_and_repeats_do_not_matter():
    assert grade(QUIZ, {**RIGHT, "vraag-2": ["3", "1", "3"]}).questions[1].correct


@pytest.mark.parametrize(("answer", "right"), [("2", True), ("1", False)])
def test_true_false(answer, right):
    assert grade(QUIZ, {**RIGHT, "vraag-3": [answer]}).questions[2].correct is right


def test_an_unanswered_question_is_an_error_and_nothing_is_graded():
    result = grade(QUIZ, {"vraag-1": ["1"], "vraag-2": ["1", "3"]})

    assert not result.graded
    assert [q.error != "" for q in result.questions] == [False, False, True]
    assert result.score == 0
    assert not result.passed(0)
    # The answers given are kept, to show the form again as it was.
    assert result.questions[1].chosen == {1, 3}


@pytest.mark.parametrize(
    "values",
    [[], [""], ["0"], ["4"], ["-1"], ["abc"], ["²"], ["1" * 5000], ["\x00"], [" "]],
)
def test_values_that_name_no_answer_count_as_unanswered(values):
    result = grade(QUIZ, {**RIGHT, "vraag-1": values})

    assert result.questions[0].error
    assert not result.graded


def test_two_answers_to_a_single_choice_question_are_an_error():
    result = grade(QUIZ, {**RIGHT, "vraag-1": ["1", "2"]})

    assert result.questions[0].error
    assert not result.graded


def test_pass_mark_is_exact_without_rounding():
    questions = [quiz_value()["questions"][0]] * 5
    quiz = quiz_from_value({"title": "Eindtoets", "questions": questions})
    four_right = {f"vraag-{n}": ["1"] for n in range(1, 5)} | {"vraag-5": ["2"]}
    three_right = four_right | {"vraag-4": ["2"]}

    assert grade(quiz, four_right).passed(80)
    assert not grade(quiz, three_right).passed(80)
    assert grade(quiz, three_right).percentage == 60


def test_the_dutch_error_message(settings):
    from django.utils import translation

    with translation.override("nl"):
        result = grade(QUIZ, {})
    assert result.questions[0].error == "Kies een antwoord op deze vraag."
    assert result.questions[1].error == "Kies een of meer antwoorden op deze vraag."


@given(
    st.dictionaries(
        st.sampled_from(["vraag-1", "vraag-2", "vraag-3", "quiz", "x"]) | st.text(max_size=8),
        st.lists(st.text(max_size=12) | st.sampled_from(["1", "2", "3"]), max_size=5),
    )
)
def test_a_wrong_answer_never_passes(submitted):
    result = grade(QUIZ, submitted)
    wrong_given = any(
        set(submitted.get(name, [])) & {"2"} for name in ("vraag-1", "vraag-2")
    ) or "1" in submitted.get("vraag-3", [])
    if wrong_given:
        assert not result.passed()
    if result.passed():
        assert result.graded and result.score == 3
