"""wagtail-localize's admin, held to the review rule of portal/translation_review.py.

The hook and views here are registered in portal/wagtail_hooks.py. Views are thin: the rules
(who may publish, what a review needs) live in portal.translation_review.
"""

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.admin import messages
from wagtail.models import Page, TranslatableMixin
from wagtail_localize.views.convert import convert_to_alias
from wagtail_localize.views.update_translations import (
    UpdateTranslationsView as LocalizeUpdateTranslationsView,
)

from portal.translation_review import (
    AlreadyInReview,
    NoReviewWorkflow,
    UntranslatedContent,
    may_publish_translation,
    submit_for_review,
    target_translation,
    untranslated_content,
)

# What wagtail-localize's translation editor posts when its main button is pressed.
EDITOR_MAIN_ACTION = "publish"


def submit_translation_instead_of_publishing(request, page):
    """`before_edit_page` hook: the editor's main button submits for review for non-publishers.

    People who may publish the page keep wagtail-localize's "Publish" (Wagtail's publishing
    cancels a review in progress). For everyone else the same button hands the translated texts
    to the moderation workflow; portal/templatetags/translation_editor.py relabels it.
    """
    if request.method != "POST" or request.POST.get("action") != EDITOR_MAIN_ACTION:
        return None
    translation = target_translation(page)
    if translation is None or may_publish_translation(request.user, page):
        return None

    title = page.get_admin_display_title()
    try:
        submit_for_review(translation, page, request.user)
    except NoReviewWorkflow:
        messages.error(
            request,
            _("No review workflow covers '%(title)s'. Ask an administrator to assign one.")
            % {"title": title},
        )
    except AlreadyInReview:
        messages.error(
            request,
            _("'%(title)s' is already waiting for review. It can be changed again after review.")
            % {"title": title},
        )
    except UntranslatedContent as untranslated:
        messages.error(request, _untranslated_message(untranslated))
    except ValidationError as error:
        messages.error(
            request,
            _("The translation cannot be submitted for review: %(errors)s")
            % {"errors": " ".join(error.messages)},
        )
    else:
        messages.success(
            request,
            _("The translation of '%(title)s' has been submitted for review.") % {"title": title},
        )
        return redirect("wagtailadmin_explore", page.get_parent().id)
    return redirect(request.get_full_path())


def publish_complete_label_translations_only(request, instance):
    """`before_edit_snippet` hook: a label's translation is published only when complete.

    wagtail-localize publishes a snippet translation with the source language's text wherever
    a translation is missing; for a label without drafts that text would be public at once.
    """
    if request.method != "POST" or request.POST.get("action") != EDITOR_MAIN_ACTION:
        return None
    if not isinstance(instance, TranslatableMixin):
        return None
    translation = target_translation(instance)
    if translation is None:
        return None
    untranslated = untranslated_content(translation)
    if untranslated is None:
        return None
    messages.error(request, _untranslated_message(untranslated, publishing=True))
    return redirect(request.get_full_path())


def _untranslated_message(untranslated: UntranslatedContent, publishing: bool = False) -> str:
    parts = []
    if untranslated.missing_texts:
        parts.append(
            ngettext(
                "%(count)d text has not been translated yet.",
                "%(count)d texts have not been translated yet.",
                untranslated.missing_texts,
            )
            % {"count": untranslated.missing_texts}
        )
    if untranslated.missing_labels:
        parts.append(
            _("These labels have no translation yet: %(labels)s.")
            % {"labels": ", ".join(untranslated.missing_labels)}
        )
    if publishing:
        parts.append(_("Translate them before you publish the translation."))
    else:
        parts.append(_("Translate them before you submit the translation for review."))
    return " ".join(parts)


def convert_to_alias_for_publishers(request, page_id: int):
    """wagtail-localize's "Convert to alias page", for people who may publish the page only.

    An alias mirrors the source page, live status included: converting a draft translation of
    a live Dutch page would publish the Dutch text in the other language at once.
    """
    page = get_object_or_404(Page, id=page_id).specific
    if not page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    return convert_to_alias(request, page_id)


class UpdateTranslationsView(LocalizeUpdateTranslationsView):
    """wagtail-localize's "Sync translations", offering "Publish immediately" to publishers only.

    That option publishes every translation at once, with the new source texts untranslated
    (in the source language), so only people who may publish every translated page get it.
    Without it the sync only refreshes the source texts; the translations change when someone
    submits them for review (or publishes them, if allowed). Label translations are published
    from their own editor once complete, never from here.
    """

    def get_form(self):
        form = super().get_form()
        if not self._may_publish_every_translation():
            field = form.fields["publish_translations"]
            field.disabled = True  # a posted value is ignored: the initial (False) counts
            field.widget = field.hidden_widget()
        return form

    def _may_publish_every_translation(self) -> bool:
        for translation in self.object.translations.filter(enabled=True):
            try:
                target = translation.get_target_instance()
            except ObjectDoesNotExist:
                continue  # nothing to publish in that language
            if not isinstance(target, Page) or not may_publish_translation(
                self.request.user, target
            ):
                return False
        return True


def hide_convert_to_alias_from_non_publishers(menu_items, request, context) -> None:
    """`construct_page_action_menu` hook: the page editor's "Convert to alias page" likewise."""
    page = context.get("page")
    if page is None or page.permissions_for_user(request.user).can_publish():
        return
    menu_items[:] = [item for item in menu_items if item.name != "localize-convert-to-alias"]
