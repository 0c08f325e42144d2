"""Grading a quiz: what a learner sent in, checked against the quiz an editor wrote.

Pure functions on plain data: no request, no database. The lesson page hands over the quiz
block's value and the posted fields; what comes back says, per question, whether it is right,
the feedback of each chosen answer, or (when a question was left open) an error, in which case
nothing is graded and the form is shown again with the other answers kept.

Field names and values are numbers counted from 1 ("vraag-2" = "3": the third answer of the
second question), so whatever arrives (unknown names, words, huge values, bytes) is either one
of the few expected strings or ignored.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _

from courses.choices import QuestionKind

FIELD_PREFIX = "vraag-"
# The hidden field that names which quiz of a lesson was sent (its block id).
QUIZ_FIELD = "quiz"

UNANSWERED = _("Choose an answer to this question.")
UNANSWERED_MULTIPLE = _("Choose one or more answers to this question.")
ONE_ANSWER_ONLY = _("Choose one answer to this question.")


@dataclass(frozen=True)
class Choice:
    text: str
    is_correct: bool
    feedback: str = ""


@dataclass(frozen=True)
class Question:
    kind: str
    text: str
    choices: tuple[Choice, ...]

    @property
    def multiple(self) -> bool:
        return self.kind == QuestionKind.MULTIPLE

    @property
    def correct_numbers(self) -> frozenset[int]:
        return frozenset(n for n, choice in enumerate(self.choices, 1) if choice.is_correct)


@dataclass(frozen=True)
class Quiz:
    title: str
    questions: tuple[Question, ...]


def field_name(question_number: int) -> str:
    return f"{FIELD_PREFIX}{question_number}"


def quiz_from_value(value: Mapping[str, Any]) -> Quiz:
    """A quiz block's value (a StructValue, or the same shape as plain dicts) as a Quiz."""
    return Quiz(
        title=str(value.get("title") or ""),
        questions=tuple(
            Question(
                kind=str(question.get("kind") or QuestionKind.SINGLE),
                text=str(question.get("question") or ""),
                choices=tuple(
                    Choice(
                        text=str(choice.get("text") or ""),
                        is_correct=bool(choice.get("is_correct")),
                        feedback=str(choice.get("feedback") or ""),
                    )
                    for choice in question.get("choices") or ()
                ),
            )
            for question in value.get("questions") or ()
        ),
    )


@dataclass(frozen=True)
class QuestionResult:
    number: int
    chosen: frozenset[int]  # the answers chosen, by number (kept when the form comes back)
    correct: bool  # False too when the question was not graded
    error: str = ""  # why it could not be graded (unanswered); "" when graded


@dataclass(frozen=True)
class QuizResult:
    questions: tuple[QuestionResult, ...]

    @property
    def graded(self) -> bool:
        """Every question was answered, so the quiz was graded."""
        return not any(question.error for question in self.questions)

    @property
    def errors(self) -> tuple[QuestionResult, ...]:
        return tuple(question for question in self.questions if question.error)

    @property
    def score(self) -> int:
        if not self.graded:
            return 0
        return sum(1 for question in self.questions if question.correct)

    @property
    def total(self) -> int:
        return len(self.questions)

    @property
    def percentage(self) -> int:
        """Rounded down: 79.9 % is shown as 79, never as a passing 80."""
        return self.score * 100 // self.total if self.total else 0

    def passed(self, pass_mark: int = 100) -> bool:
        """Graded, with at least `pass_mark` per cent of the questions right (exactly, without
        rounding)."""
        return self.graded and self.total > 0 and self.score * 100 >= pass_mark * self.total


def _chosen_numbers(values: Iterable[str], count: int) -> set[int]:
    """The answer numbers among `values` that exist (1..count); anything else is ignored."""
    chosen: set[int] = set()
    for value in values:
        value = value.strip() if isinstance(value, str) else ""
        # Short ASCII digit strings only: int() of a huge or non-ASCII digit string (which
        # str.isdigit() accepts: "²") is never tried.
        if len(value) <= 3 and value.isascii() and value.isdigit() and 1 <= int(value) <= count:
            chosen.add(int(value))
    return chosen


def grade(quiz: Quiz | Mapping[str, Any], submitted: Mapping[str, Sequence[str]]) -> QuizResult:
    """Check the answers in `submitted` (field name -> the values sent under it, as
    `dict(request.POST.lists())`) against `quiz`.

    A single-choice or true/false question is right when its one answer is correct; a
    multiple-choice question only when exactly the correct answers were chosen. A question
    without a valid answer (or, for a single answer, with more than one) gets an error, and then
    no question counts as right: the learner answers it and sends the form again.
    """
    if not isinstance(quiz, Quiz):
        quiz = quiz_from_value(quiz)
    results = []
    for number, question in enumerate(quiz.questions, 1):
        values = submitted.get(field_name(number)) or ()
        if isinstance(values, str):  # a plain mapping of one value per name
            values = [values]
        chosen = _chosen_numbers(values, len(question.choices))
        error = ""
        if not chosen:
            error = str(UNANSWERED_MULTIPLE if question.multiple else UNANSWERED)
        elif not question.multiple and len(chosen) > 1:
            error = str(ONE_ANSWER_ONLY)
        correct = not error and chosen == question.correct_numbers
        results.append(QuestionResult(number, frozenset(chosen), correct, error))
    return QuizResult(tuple(results))


# --- What the lesson page shows ----------------------------------------------------------------


@dataclass(frozen=True)
class ChoiceState:
    number: int
    text: str
    checked: bool
    # After grading only: whether it is a correct answer and, for a chosen one, its feedback.
    is_correct: bool = False
    feedback: str = ""


@dataclass(frozen=True)
class QuestionState:
    number: int
    name: str
    text: str
    multiple: bool
    choices: tuple[ChoiceState, ...]
    error: str = ""
    correct: bool | None = None  # None until graded


@dataclass(frozen=True)
class QuizForm:
    """A quiz as the page shows it: empty, with errors and the answers kept, or graded."""

    id: str  # the block id, sent back in QUIZ_FIELD
    title: str
    questions: tuple[QuestionState, ...]
    result: QuizResult | None = None
    pass_mark: int | None = None  # a final test's pass mark

    @property
    def graded(self) -> bool:
        return self.result is not None and self.result.graded

    @property
    def has_errors(self) -> bool:
        return self.result is not None and not self.result.graded

    @property
    def passed(self) -> bool:
        return self.result is not None and self.result.passed(self.pass_mark or 100)


def quiz_form(
    block_id: str, quiz: Quiz, result: QuizResult | None = None, pass_mark: int | None = None
) -> QuizForm:
    graded = result is not None and result.graded
    questions = []
    for number, question in enumerate(quiz.questions, 1):
        outcome = result.questions[number - 1] if result is not None else None
        chosen = outcome.chosen if outcome is not None else frozenset()
        questions.append(
            QuestionState(
                number=number,
                name=field_name(number),
                text=question.text,
                multiple=question.multiple,
                choices=tuple(
                    ChoiceState(
                        number=choice_number,
                        text=choice.text,
                        checked=choice_number in chosen,
                        is_correct=graded and choice.is_correct,
                        feedback=choice.feedback if graded and choice_number in chosen else "",
                    )
                    for choice_number, choice in enumerate(question.choices, 1)
                ),
                error=outcome.error if outcome is not None else "",
                correct=outcome.correct if graded and outcome is not None else None,
            )
        )
    return QuizForm(block_id, quiz.title, tuple(questions), result, pass_mark)
