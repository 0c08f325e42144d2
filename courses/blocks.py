"""A lesson's body: text and images (the shared blocks), video files from our own host, case
descriptions, reflection questions and quizzes.

A quiz is rendered by the lesson page as a form of its own (courses/templates/courses/includes/
quiz.html) and graded on the server (courses/services/quizzes.py); the block only checks that
what an editor wrote can be graded: enough choices, and as many correct ones as the kind allows.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from portal.blocks import RICH_TEXT_FEATURES, ImageBlock

from .choices import QuestionKind

# What a browser plays in <video> without a plug-in, and the captions format <track> reads.
VIDEO_EXTENSIONS = frozenset({"mp4", "webm"})
CAPTIONS_EXTENSIONS = frozenset({"vtt"})


class VideoBlock(blocks.StructBlock):
    """A video file served by our own host (a Wagtail document), never an embed: an embedded
    player would tell a third party who watches what."""

    title = blocks.CharBlock(label=_("title"), max_length=120)
    video = DocumentChooserBlock(
        label=_("video file"), help_text=_("An MP4 or WebM file uploaded as a document.")
    )
    captions = DocumentChooserBlock(
        label=_("captions"),
        required=False,
        help_text=_("Subtitles as a WebVTT (.vtt) file uploaded as a document."),
    )
    transcript = blocks.TextBlock(
        label=_("transcript"),
        help_text=_("Everything that is said and shown, for people who cannot watch or hear it."),
    )

    class Meta:
        icon = "media"
        template = "courses/blocks/video.html"
        label = _("Video")

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        video = value.get("video")
        if video is not None and video.file_extension.lower() not in VIDEO_EXTENSIONS:
            errors["video"] = ValidationError(_("Choose an MP4 or WebM file."))
        captions = value.get("captions")
        if captions is not None and captions.file_extension.lower() not in CAPTIONS_EXTENSIONS:
            errors["captions"] = ValidationError(_("Choose a WebVTT (.vtt) file."))
        if errors:
            raise blocks.StructBlockValidationError(block_errors=errors)
        return value


class CaseBlock(blocks.StructBlock):
    """A case description: a situation the learner thinks through, set apart from the text."""

    title = blocks.CharBlock(label=_("title"), max_length=120)
    text = blocks.RichTextBlock(label=_("text"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "user"
        template = "courses/blocks/case.html"
        label = _("Case description")


class ReflectionBlock(blocks.StructBlock):
    """A question to think about; nothing is stored (a later slice may keep a private note)."""

    question = blocks.TextBlock(label=_("question"))
    hint = blocks.TextBlock(label=_("hint"), required=False)

    class Meta:
        icon = "help"
        template = "courses/blocks/reflection.html"
        label = _("Reflection question")


class AnswerChoiceBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("answer"), max_length=300)
    is_correct = blocks.BooleanBlock(label=_("correct"), required=False)
    feedback = blocks.TextBlock(
        label=_("feedback"),
        required=False,
        help_text=_("Shown to a learner who chose this answer: why it is right or wrong."),
    )


class QuizQuestionBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("kind"), choices=QuestionKind.choices, default=QuestionKind.SINGLE
    )
    question = blocks.TextBlock(label=_("question"))
    choices = blocks.ListBlock(AnswerChoiceBlock(), label=_("answers"), min_num=2)

    def clean(self, value):
        value = super().clean(value)
        choices = list(value.get("choices") or [])
        correct = sum(1 for choice in choices if choice.get("is_correct"))
        kind = value.get("kind")
        message = None
        if kind == QuestionKind.TRUE_FALSE and (len(choices) != 2 or correct != 1):
            message = _("A true-or-false question has two answers, one of them correct.")
        elif kind == QuestionKind.SINGLE and correct != 1:
            message = _("A single-choice question has exactly one correct answer.")
        elif kind == QuestionKind.MULTIPLE and correct < 1:
            message = _("Mark at least one answer as correct.")
        if message is not None:
            raise blocks.StructBlockValidationError(non_block_errors=[ValidationError(message)])
        return value


class QuizBlock(blocks.StructBlock):
    """Questions with feedback per answer, answered in a form and graded on the server."""

    title = blocks.CharBlock(label=_("title"), max_length=120)
    questions = blocks.ListBlock(QuizQuestionBlock(), label=_("questions"), min_num=1)

    class Meta:
        icon = "tasks"
        # No template: the lesson page renders a quiz as a form with its state
        # (courses/templates/courses/includes/quiz.html), which a block template cannot see.
        label = _("Quiz")


class LessonBodyBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES, icon="pilcrow")
    image = ImageBlock()
    video = VideoBlock()
    case = CaseBlock()
    reflection = ReflectionBlock()
    quiz = QuizBlock()
