"""The choices a course and its lessons are described by."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CourseFormat(models.TextChoices):
    ONLINE = "online", _("Online course")
    CLASSROOM = "classroom", _("Classroom course")
    ON_REQUEST = "on_request", _("On request")


class CourseLanguage(models.TextChoices):
    """The language a course is taught in (not the language of its page)."""

    DUTCH = "nl", _("Dutch")
    ENGLISH = "en", _("English")


class CompletionRule(models.TextChoices):
    """When an online course counts as completed (progress and certificates read it later)."""

    ALL_LESSONS = "all_lessons", _("All lessons done")
    QUIZZES_PASSED = "quizzes_passed", _("All quizzes passed")
    FINAL_TEST_PASSED = "final_test_passed", _("Final test passed")


class LessonKind(models.TextChoices):
    LESSON = "lesson", _("Lesson")
    FINAL_TEST = "final_test", _("Final test")


class QuestionKind(models.TextChoices):
    SINGLE = "single", _("Single choice")
    MULTIPLE = "multiple", _("Multiple choice")
    TRUE_FALSE = "true_false", _("True or false")
