"""Learning without an account: the anonymous learner, its resume code, progress and completion.

A Learner is known by the digest of a resume code (courses/codes.py). The raw code exists in
three places only: on the page that shows it once, in the learner's first-party cookie
(LEARNER_COOKIE) and, when the learner asks, in one email that the outbox deletes once delivered.
It is never logged, never put in a URL and never stored on the server.

Signed-in users have (at most) one Learner of their own; signing in adopts the anonymous one the
browser carries (`adopt`, called on allauth's user_logged_in in courses/receivers.py).

Typed functions; views parse, call these and render. Domain exceptions: TooManyStarts.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING

from django.apps import apps
from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone

from portal.ratelimit import allow_request

from .. import codes, records
from ..choices import CompletionRule, LessonKind
from . import quizzes
from .lessons import OUTLINE_FIELDS

if TYPE_CHECKING:
    from ..models import CoursePage, LessonPage
    from ..records import Certificate, Learner, QuizAttempt


def page_model(name: str) -> type:
    """A page model of this app, looked up by name: the pages import the services, so the
    services name the pages instead of importing them."""
    return apps.get_model("courses", name)


# The first-party cookie with the raw resume code. Named after the site, not the subject.
LEARNER_COOKIE = "steiger_voortgang"
LEARNER_COOKIE_AGE = 365 * 24 * 60 * 60
# Creating learners per IP (each is a row): far more than a class in one school network starts.
START_ACTION = "courses_start"
DEFAULT_START_RATE = "60/h/ip"
RESUME_ACTION = "courses_resume"
DEFAULT_RESUME_RATE = "10/m/ip"
# last_seen_at is written at most this often (retention counts from it; a write per page is waste).
SEEN_EVERY = timedelta(hours=1)
_REQUEST_ATTRIBUTE = "_courses_learner"


class TooManyStarts(Exception):
    """This connection started too many learners in a short time."""


def resume_rate() -> str:
    return getattr(settings, "COURSES_RESUME_RATE_LIMIT", DEFAULT_RESUME_RATE)


def _learner_model() -> type["Learner"]:
    return Learner


# --- Who is learning --------------------------------------------------------------------------


def _touch(learner: "Learner") -> None:
    now = timezone.now()
    if now - learner.last_seen_at >= SEEN_EVERY:
        type(learner).objects.filter(pk=learner.pk).update(last_seen_at=now)
        learner.last_seen_at = now


def _remember_on_request(request: HttpRequest, learner: "Learner | None") -> None:
    setattr(request, _REQUEST_ATTRIBUTE, learner)


def _find_anonymous(code: str | None) -> "Learner | None":
    """The anonymous learner with this (canonical) code, or None. A code adopted by an account
    opens nothing without signing in."""
    if code is None:
        return None
    digests = codes.lookup_digests(code, codes.Purpose.RESUME)
    learner = records.Learner.objects.filter(code_digest__in=digests, user__isnull=True).first()
    if learner is not None and learner.code_digest != digests[0]:
        # Found under an old SECRET_KEY: store it under the current one.
        records.Learner.objects.filter(pk=learner.pk).update(code_digest=digests[0])
        learner.code_digest = digests[0]
    return learner


def cookie_code(request: HttpRequest) -> str | None:
    """The canonical resume code in the request's learner cookie, or None."""
    raw = request.COOKIES.get(LEARNER_COOKIE, "")
    return codes.normalise(raw) if raw else None


def current_learner(request: HttpRequest) -> "Learner | None":
    """The learner of this request: a signed-in user's own, else the one the cookie names.
    Looked up once per request."""
    if hasattr(request, _REQUEST_ATTRIBUTE):
        return getattr(request, _REQUEST_ATTRIBUTE)
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        learner = records.Learner.objects.filter(user=user).first()
    else:
        learner = _find_anonymous(cookie_code(request))
    if learner is not None:
        _touch(learner)
    _remember_on_request(request, learner)
    return learner


def may_depend_on_learner(request: HttpRequest) -> bool:
    """Whether this request could belong to a learner (so its answer is personal)."""
    user = getattr(request, "user", None)
    return LEARNER_COOKIE in request.COOKIES or bool(user and user.is_authenticated)


def _new_learner(user=None) -> "Learner":
    for _attempt in range(3):
        code = codes.new_code()
        try:
            with transaction.atomic():
                learner = records.Learner.objects.create(
                    code_digest=codes.code_digest(code, codes.Purpose.RESUME), user=user
                )
        except IntegrityError:  # a digest collision (never, at 80 bits) or a second Learner
            if user is not None:
                return records.Learner.objects.get(user=user)
            continue
        learner.code = code  # in memory only: shown once, put in the cookie
        return learner
    raise RuntimeError("Could not make a unique resume code.")


def start_learning(request: HttpRequest) -> "Learner":
    """A new learner for this request, with a fresh resume code in `learner.code` (in memory
    only; the caller shows it once and puts it in the cookie with `remember`). A signed-in user
    gets their own learner (made when missing) and needs no code. Raises TooManyStarts."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        learner = records.Learner.objects.filter(user=user).first() or _new_learner(user)
        learner.code = None
    else:
        rate = getattr(settings, "COURSES_START_RATE_LIMIT", DEFAULT_START_RATE)
        if not allow_request(request, START_ACTION, rate):
            raise TooManyStarts
        learner = _new_learner()
    _remember_on_request(request, learner)
    return learner


def resume(request: HttpRequest, typed_code: str) -> "Learner | None":
    """The anonymous learner whose code was typed (in any spelling normalise() forgives), or
    None. The caller rate-limits (RESUME_ACTION) and sets the cookie with `remember`."""
    code = codes.normalise(typed_code) if isinstance(typed_code, str) else None
    learner = _find_anonymous(code)
    if learner is not None:
        learner.code = code
        _touch(learner)
        _remember_on_request(request, learner)
    return learner


def remember(response: HttpResponse, code: str) -> None:
    """Put the resume code in the learner's first-party cookie: a year, HttpOnly, SameSite=Lax,
    Secure wherever the session cookie is."""
    response.set_cookie(
        LEARNER_COOKIE,
        code,
        max_age=LEARNER_COOKIE_AGE,
        httponly=True,
        secure=settings.SESSION_COOKIE_SECURE,
        samesite="Lax",
    )


def forget(response: HttpResponse) -> None:
    response.delete_cookie(LEARNER_COOKIE, samesite="Lax")


# --- Progress -----------------------------------------------------------------------------------


def complete_lesson(learner: "Learner", lesson: "LessonPage") -> None:
    """Mark `lesson` done for `learner` (once; doing it again changes nothing)."""
    try:
        with transaction.atomic():
            records.LessonProgress.objects.get_or_create(learner=learner, lesson=lesson)
    except IntegrityError:  # the same lesson completed twice at once
        pass


def restart_course(learner: "Learner", lessons: Sequence["LessonPage"]) -> int:
    """Forget what the learner did in these lessons (a course's outline): the done marks and
    the quiz scores, so the course can be taken again from the start (to renew a certificate
    that expires). A certificate already issued is kept. Returns how many records went."""
    ids = [lesson.pk for lesson in lessons]
    with transaction.atomic():
        removed = records.LessonProgress.objects.filter(learner=learner, lesson_id__in=ids).delete()
        scores = records.QuizAttempt.objects.filter(learner=learner, lesson_id__in=ids).delete()
    return removed[0] + scores[0]


def pass_mark_for(course: "CoursePage") -> int:
    """The share a quiz of this course needs to count as passed: the course's pass mark, else
    every answer right."""
    return course.pass_mark or 100


def record_quiz(
    learner: "Learner", lesson: "LessonPage", quiz_block_id: str, result: quizzes.QuizResult
) -> bool:
    """Keep the score of a graded quiz (never the answers), the best one per quiz; True when it
    passed. A passed quiz completes its lesson. An ungraded result (an open question) is not
    kept."""
    if not result.graded or not result.total:
        return False
    passed = result.passed(pass_mark_for(lesson.course))
    attempt = records.QuizAttempt(
        learner=learner,
        lesson=lesson,
        quiz_block_id=quiz_block_id[:64],
        score=result.score,
        total=result.total,
        passed=passed,
    )
    _keep_best(attempt)
    if passed:
        complete_lesson(learner, lesson)
    return passed


def _keep_best(attempt: "QuizAttempt") -> None:
    with transaction.atomic():
        existing = (
            records.QuizAttempt.objects.select_for_update()
            .filter(
                learner_id=attempt.learner_id,
                lesson_id=attempt.lesson_id,
                quiz_block_id=attempt.quiz_block_id,
            )
            .first()
        )
        if existing is None:
            attempt.save()
        elif attempt.better_than(existing):
            attempt.pk = existing.pk
            attempt.save()


@dataclass(frozen=True)
class CourseProgress:
    """What a learner did of a course: the lessons done, where to continue, completed or not."""

    done: frozenset[int] = frozenset()  # lesson page ids
    next_lesson: "LessonPage | None" = None
    completed: bool = False
    passed_quizzes: frozenset[tuple[int, str]] = field(default_factory=frozenset)

    @property
    def started(self) -> bool:
        return bool(self.done or self.passed_quizzes)


def course_progress(
    learner: "Learner | None",
    course: "CoursePage",
    lessons: Sequence["LessonPage"] | None = None,
) -> CourseProgress:
    """The learner's progress in `course`, per its completion rule: all lessons done; every
    quiz in its lessons passed (and every lesson done); or its final test passed with the
    course's pass mark. `lessons`: the course's outline when the caller has it (saves a query)."""
    if lessons is None:
        lessons = list(page_model("LessonPage").objects.child_of(course).live().order_by("path"))
    if learner is None or not lessons:
        return CourseProgress(next_lesson=lessons[0] if lessons else None)
    done, passed = _done_and_passed(learner, [lesson.pk for lesson in lessons])
    return _progress(course, lessons, done, passed)


def _done_and_passed(
    learner: "Learner", lesson_ids: Sequence[int]
) -> tuple[frozenset[int], frozenset[tuple[int, str]]]:
    """The lessons (of `lesson_ids`) the learner completed, and the quizzes they passed: two
    queries, however many lessons."""
    done = frozenset(
        records.LessonProgress.objects.filter(
            learner=learner, lesson_id__in=lesson_ids
        ).values_list("lesson_id", flat=True)
    )
    passed = frozenset(
        records.QuizAttempt.objects.filter(
            learner=learner, lesson_id__in=lesson_ids, passed=True
        ).values_list("lesson_id", "quiz_block_id")
    )
    return done, passed


def _progress(
    course: "CoursePage",
    lessons: Sequence["LessonPage"],
    done: frozenset[int],
    passed: frozenset[tuple[int, str]],
) -> CourseProgress:
    ids = {lesson.pk for lesson in lessons}
    done = done & ids
    passed = frozenset(item for item in passed if item[0] in ids)
    next_lesson = next((lesson for lesson in lessons if lesson.pk not in done), None)
    completed = _completed(course, lessons, done, passed)
    return CourseProgress(done, next_lesson, completed, passed)


def _completed(
    course: "CoursePage",
    lessons: Sequence["LessonPage"],
    done: frozenset[int],
    passed: frozenset[tuple[int, str]],
) -> bool:
    rule = course.completion_rule
    if rule == CompletionRule.FINAL_TEST_PASSED:
        tests = [lesson for lesson in lessons if lesson.kind == LessonKind.FINAL_TEST]
        passed_lessons = {lesson_id for lesson_id, _quiz in passed}
        # A final test counts when it was passed with the pass mark (recorded as passed).
        return bool(tests) and all(test.pk in passed_lessons for test in tests)
    if not all(lesson.pk in done for lesson in lessons):
        return False
    if rule == CompletionRule.QUIZZES_PASSED:
        bodies = (
            page_model("LessonPage")
            .objects.filter(pk__in=[lesson.pk for lesson in lessons])
            .only("body")
        )
        return all(
            (lesson.pk, quiz_id) in passed for lesson in bodies for quiz_id in quiz_ids(lesson)
        )
    return True


def quiz_ids(lesson: "LessonPage") -> list[str]:
    return [block.id for block in lesson.body if block.block_type == "quiz"]


def last_course(learner: "Learner") -> "CoursePage | None":
    """The course the learner most recently made progress in, for "continue where you were"."""
    recent = [
        row
        for row in (
            records.LessonProgress.objects.filter(learner=learner)
            .order_by("-completed_at")
            .values_list("completed_at", "lesson__path")
            .first(),
            records.QuizAttempt.objects.filter(learner=learner)
            .order_by("-answered_at")
            .values_list("answered_at", "lesson__path")
            .first(),
        )
        if row is not None
    ]
    if not recent:
        return None
    path = max(recent)[1]
    return (
        page_model("CoursePage")
        .objects.live()
        .filter(path=path[: -page_model("CoursePage").steplen])
        .first()
    )


@dataclass(frozen=True)
class CourseSummary:
    """One course on "my learning": the course, its outline and the learner's progress in it."""

    course: "CoursePage"
    lessons: Sequence["LessonPage"]
    progress: CourseProgress
    certificate: "Certificate | None" = None

    @property
    def lessons_done(self) -> int:
        return len(self.progress.done)


def my_courses(learner: "Learner", private: Q) -> list[CourseSummary]:
    """The live courses the learner made progress in, most recent first, each with its outline
    and progress. Bounded queries however many courses: the learner's activity (2), the
    courses (1), all their lessons (1), progress (2), certificates (1), plus one per course that
    counts passed quizzes (`QUIZZES_PASSED`, which reads lesson bodies)."""
    activity: dict[str, object] = {}
    for at, path in (
        *records.LessonProgress.objects.filter(learner=learner).values_list(
            "completed_at", "lesson__path"
        ),
        *records.QuizAttempt.objects.filter(learner=learner).values_list(
            "answered_at", "lesson__path"
        ),
    ):
        course_path = path[: -page_model("CoursePage").steplen]
        activity[course_path] = max(at, activity.get(course_path, at))
    if not activity:
        return []
    courses = list(
        page_model("CoursePage").objects.live().exclude(private).filter(path__in=list(activity))
    )
    starts_under = Q()
    for course in courses:
        starts_under |= Q(path__startswith=course.path, depth=course.depth + 1)
    outlines: dict[str, list[LessonPage]] = {course.path: [] for course in courses}
    if courses:
        for lesson in (
            page_model("LessonPage")
            .objects.live()
            .exclude(private)
            .filter(starts_under)
            .order_by("path")
            .only(*OUTLINE_FIELDS)
        ):
            outlines[lesson.path[: -page_model("CoursePage").steplen]].append(lesson)
    all_ids = [lesson.pk for outline in outlines.values() for lesson in outline]
    done, passed = _done_and_passed(learner, all_ids)
    certificates = {
        certificate.course_id: certificate
        for certificate in records.Certificate.objects.filter(learner=learner, course__in=courses)
    }
    summaries = [
        CourseSummary(
            course,
            outlines[course.path],
            _progress(course, outlines[course.path], done, passed),
            certificates.get(course.pk),
        )
        for course in courses
    ]
    summaries.sort(key=lambda summary: activity[summary.course.path], reverse=True)
    return summaries


# --- Signing in -----------------------------------------------------------------------------------


def adopt(user, learner: "Learner") -> "Learner":
    """Give an anonymous learner to `user`: it becomes theirs, or, when they already have one,
    its completed lessons, best quiz results and certificates join theirs (nothing lost) and it
    is deleted."""
    with transaction.atomic():
        own = records.Learner.objects.select_for_update().filter(user=user).first()
        if own is None:
            records.Learner.objects.filter(pk=learner.pk).update(user=user)
            learner.user = user
            return learner
        if own.pk == learner.pk:
            return own
        for progress in records.LessonProgress.objects.filter(learner=learner):
            mine = records.LessonProgress.objects.filter(
                learner=own, lesson_id=progress.lesson_id
            ).first()
            if mine is None:
                records.LessonProgress.objects.create(
                    learner=own, lesson_id=progress.lesson_id, completed_at=progress.completed_at
                )
            elif progress.completed_at < mine.completed_at:
                mine.completed_at = progress.completed_at
                mine.save(update_fields=["completed_at"])
        for attempt in records.QuizAttempt.objects.filter(learner=learner):
            _keep_best(
                records.QuizAttempt(
                    learner=own,
                    lesson_id=attempt.lesson_id,
                    quiz_block_id=attempt.quiz_block_id,
                    score=attempt.score,
                    total=attempt.total,
                    passed=attempt.passed,
                    answered_at=attempt.answered_at,
                )
            )
        # Certificates join too, except one for a course the account has a certificate of
        # already: the account's stays, the other keeps verifying without a learner.
        taken = {
            course_id
            for course_id in records.Certificate.objects.filter(learner=own).values_list(
                "course_id", flat=True
            )
            if course_id is not None
        }
        records.Certificate.objects.filter(learner=learner).exclude(course_id__in=taken).update(
            learner=own
        )
        learner.delete()
        return own


def adopt_from_request(request: HttpRequest, user) -> "Learner | None":
    """On sign-in: adopt the anonymous learner the request's cookie names, if any."""
    learner = _find_anonymous(cookie_code(request))
    if learner is None:
        return None
    adopted = adopt(user, learner)
    _remember_on_request(request, adopted)
    return adopted


def learners_of(user) -> Iterable["Learner"]:
    return records.Learner.objects.filter(user=user)


# --- Showing the code once ----------------------------------------------------------------------

# The session says once that the next view of the code page may show the code (read from the
# cookie): the code itself never enters the session, and so never the session table.
SHOW_CODE_SESSION_KEY = "courses:show-code"
# A session for a browser whose learner is known: the page cache serves no one with a session
# (portal/page_cache.py recognises the session cookie, not ours), so lessons show progress.
KNOWN_SESSION_KEY = "courses:known"


def show_code_once(request: HttpRequest, learner: "Learner", next_url: str) -> HttpResponse:
    """The answer to the request that made `learner`: the cookie with its code, and a redirect
    to the page that shows the code once, then leads on to `next_url` (a path of ours)."""
    request.session[SHOW_CODE_SESSION_KEY] = next_url
    request.session[KNOWN_SESSION_KEY] = True
    response = redirect(reverse("courses:code"))
    if learner.code:
        remember(response, learner.code)
    return response
