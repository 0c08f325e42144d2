"""What a course page and its lessons show: the lessons in order with their durations, where a
lesson stands among them, and a lesson's body with its quizzes as forms. Typed functions the
page models call; no request handling here."""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import quizzes

if TYPE_CHECKING:
    from wagtail.models import Page

    from ..models import CoursePage, LessonPage

# What the outline needs of a lesson: its title, its address and its duration. Fetching only
# these keeps the query cheap whatever the lessons' bodies hold.
OUTLINE_FIELDS = ("title", "url_path", "locale_id", "path", "depth", "kind", "estimated_minutes")


def duration_text(minutes: int | None) -> str:
    """Minutes as a person says them: "45 minuten", "1 uur", "2 uur en 30 minuten"."""
    if not minutes:
        return ""
    hours, rest = divmod(minutes, 60)
    hours_text = ngettext("%(count)d hour", "%(count)d hours", hours) % {"count": hours}
    minutes_text = ngettext("%(count)d minute", "%(count)d minutes", rest) % {"count": rest}
    if hours and rest:
        return _("%(hours)s and %(minutes)s") % {"hours": hours_text, "minutes": minutes_text}
    return hours_text if hours else minutes_text


def course_lessons(
    course: "CoursePage", lesson_model: type["LessonPage"], private: Q
) -> list["LessonPage"]:
    """The course's live lessons in the editors' order, none under a view restriction (`private`,
    portal.page_lookups.private_pages_q): one query, however many lessons."""
    return list(
        lesson_model.objects.child_of(course)
        .live()
        .exclude(private)
        .order_by("path")
        .only(*OUTLINE_FIELDS)
    )


@dataclass(frozen=True)
class Position:
    """Where a lesson stands in its course: "les 2 van 5", and its neighbours."""

    number: int  # 0 when the lesson is not (or not yet) live: a preview
    total: int
    previous: "Page | None"
    next: "Page | None"


def position(outline: list["Page"], lesson: "Page") -> Position:
    numbers = [item.pk for item in outline]
    if lesson.pk not in numbers:
        return Position(0, len(outline), None, None)
    at = numbers.index(lesson.pk)
    return Position(
        number=at + 1,
        total=len(outline),
        previous=outline[at - 1] if at > 0 else None,
        next=outline[at + 1] if at + 1 < len(outline) else None,
    )


@dataclass(frozen=True)
class BodyItem:
    """One block of a lesson's body; a quiz comes with the form the page renders for it."""

    block: Any  # a StreamField child (wagtail.blocks.StreamValue.StreamChild)
    quiz: quizzes.QuizForm | None = None


def body_items(
    body: Iterable[Any],
    posted: tuple[str, quizzes.QuizResult] | None = None,
    pass_mark: int | None = None,
) -> list[BodyItem]:
    """The body's blocks in order; the quiz that was sent (`posted`: its block id and result)
    shows its result or errors, the others are empty forms."""
    items = []
    for block in body:
        if block.block_type != "quiz":
            items.append(BodyItem(block))
            continue
        quiz = quizzes.quiz_from_value(block.value)
        result = posted[1] if posted is not None and posted[0] == block.id else None
        items.append(BodyItem(block, quizzes.quiz_form(block.id, quiz, result, pass_mark)))
    return items
