"""Translations are reviewed like pages: a translator submits, a moderator approves.

wagtail-localize's translation editor offers "Publish" to people who may publish and nothing
in between to everyone else, and several of its doors put text live without review. This
module holds the rules; portal/wagtail_hooks.py wires them into the admin:

- a translator hands the translation to the page's moderation workflow
  (`submit_for_review`): a new draft revision is made from the translated texts, the live page
  is not touched, and the workflow's moderators approve (publish) or ask for changes;
- only people who may publish a page may publish its translation at once, convert it into an
  alias of the source page (which mirrors the source's live text) or tick "publish
  immediately" when syncing translations (`may_publish_translation`);
- labels (themes, audiences, municipalities) have no drafts: whoever may edit them publishes
  their translation, but only once every text is translated (`untranslated_content`), so a
  label never shows the source language's text in another language;
- when wagtail-localize starts managing an object that already has a translation (a label
  pulled in with a page it is used on), that translation's text goes into translation memory
  first (`remember_existing_translation`), so the sync keeps it instead of overwriting it with
  the source language's text.
"""

from dataclasses import dataclass

from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.utils.text import slugify
from wagtail.coreutils import find_available_slug
from wagtail.models import DraftStateMixin, Page, Revision, WorkflowState
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationLog,
)
from wagtail_localize.views.edit_translation import (
    FieldHasNoEditPanelError,
    TabHelper,
    get_segment_location_info,
)


class ReviewRefused(Exception):
    """The translation cannot go to review now; the message says why (for the translator)."""


class NoReviewWorkflow(ReviewRefused):
    pass


class AlreadyInReview(ReviewRefused):
    pass


@dataclass
class UntranslatedContent(ReviewRefused):
    missing_texts: int
    missing_labels: list[str]


def target_translation(instance) -> Translation | None:
    """The enabled wagtail-localize translation whose target is `instance`, if any."""
    return (
        Translation.objects.filter(
            source__object_id=instance.translation_key,
            target_locale_id=instance.locale_id,
            enabled=True,
        )
        .select_related("source", "target_locale")
        .first()
    )


def may_publish_translation(user, instance) -> bool:
    """Whether `user` may put this translation live without a review."""
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_publish()
    # Labels (themes, audiences, municipalities) have no draft state: whoever may edit them
    # publishes them, as wagtail-localize's editor does for any snippet without drafts.
    return not isinstance(instance, DraftStateMixin)


def may_submit_for_review(user, page: Page) -> bool:
    """Whether the translation editor's main button submits `page` for review for `user`.

    Also while a review is in progress: pressing it then says so, which is clearer than a main
    button that does something else.
    """
    permissions = page.permissions_for_user(user)
    return (
        permissions.can_edit() and not permissions.can_publish() and page.get_workflow() is not None
    )


def untranslated_content(translation: Translation) -> UntranslatedContent | None:
    """What is still untranslated in `translation`, or None when it is complete."""
    return _untranslated_content(translation, translation.target_locale)


def _untranslated_content(translation: Translation, locale) -> UntranslatedContent | None:
    """What the translator still has to translate: texts shown in the editor, and labels."""
    # The editor only lists segments of fields that have an edit panel; the others cannot be
    # translated there, so they must not block a review (they fall back to the source).
    source = translation.source
    source_instance = source.get_source_instance()
    tab_helper = TabHelper(source_instance)
    missing_texts = 0
    segments = (
        StringSegment.objects.filter(source=source)
        .select_related("context")
        .annotate_translation(locale)
    )
    for segment in segments:
        if segment.translation is not None:
            continue
        try:
            get_segment_location_info(
                source_instance,
                tab_helper,
                segment.context.path,
                segment.context.get_field_path(source_instance),
            )
        except FieldHasNoEditPanelError:
            continue
        missing_texts += 1
    missing_labels = [
        str(segment.object.get_instance(source.locale))
        for segment in source.relatedobjectsegment_set.select_related("object")
        if not segment.object.has_translation(locale)
    ]
    if missing_texts or missing_labels:
        return UntranslatedContent(missing_texts, missing_labels)
    return None


@transaction.atomic
def submit_for_review(translation: Translation, page: Page, user) -> Revision:
    """Save the translated texts as a draft of `page` and hand it to the moderators.

    The live page (if any) stays as it is until a moderator approves the new revision.
    Raises ReviewRefused (with the reason) when the translation cannot be reviewed yet.
    """
    locale = translation.target_locale
    page = page.specific
    workflow = page.get_workflow()
    if workflow is None:
        raise NoReviewWorkflow()
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
        raise AlreadyInReview()
    untranslated = _untranslated_content(translation, locale)
    if untranslated is not None:
        raise untranslated

    # wagtail-localize's own "save draft" (Translation.save_target(publish=False)) writes the
    # translated fields into the page row, which is what visitors see of a live page. A
    # revision built from an unsaved copy leaves the live content alone.
    draft = translation.source.get_ephemeral_translated_instance(locale, fallback=True)
    draft.slug = find_available_slug(
        draft.get_parent(), slugify(draft.slug, allow_unicode=True), ignore_page_id=draft.pk
    )
    revision = draft.save_revision(user=user, log_action=True)
    TranslationLog.objects.create(source=translation.source, locale=locale, revision=revision)

    page = Page.objects.get(pk=page.pk).specific
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user)
    else:
        workflow.start(page, user)
    return revision


def remember_existing_translation(translation: Translation) -> int:
    """Fill translation memory from a translation that exists outside wagtail-localize.

    Called when wagtail-localize creates a Translation record. Translating a page also
    "translates" the labels it uses; for a label that already has an English version (the
    seeded themes, audiences and municipalities) wagtail-localize would otherwise rewrite it
    with the Dutch text, live at once. Only plain fields are taken over, and only where
    translation memory has nothing yet. Pages are left alone: wagtail-localize never offers to
    translate a page into a language it already exists in. Returns the number of texts taken
    over.
    """
    source = translation.source
    model = source.specific_content_type.model_class()
    if model is None or issubclass(model, Page):
        return 0
    try:
        target = source.get_translated_instance(translation.target_locale)
    except ObjectDoesNotExist:
        return 0

    segments = list(StringSegment.objects.filter(source=source).select_related("context"))
    paths = [segment.context.path for segment in segments]
    remembered = 0
    for segment in segments:
        path = segment.context.path
        # A field split into several segments cannot be matched to its parts; skip it.
        if "." in path or paths.count(path) > 1:
            continue
        value = getattr(target, path, None)
        if not isinstance(value, str) or not value.strip():
            continue
        _translation, created = StringTranslation.objects.get_or_create(
            translation_of_id=segment.string_id,
            locale=translation.target_locale,
            context=segment.context,
            defaults={"data": value, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
        )
        remembered += created
    return remembered
