"""What wagtail-localize's translation editor offers someone who may not publish the page.

Used by templates/wagtail_localize/admin/edit_translation.html; the server-side rule is in
portal/translation_admin.py, this only makes the editor's buttons match it.
"""

from django import template
from django.utils.translation import gettext as _
from wagtail.models import Page

from portal.translation_review import may_submit_for_review

register = template.Library()


@register.simple_tag(takes_context=True)
def translation_editor_adjustments(context, instance) -> dict | None:
    """Changes to the editor for this user and page, or None when it stays as it is."""
    if not isinstance(instance, Page):
        return None
    user = context["request"].user
    if instance.permissions_for_user(user).can_publish():
        return None
    return {
        "submitForReview": may_submit_for_review(user, instance),
        "hideConvertToAlias": True,
        # The editor appends the language's name: "Submit for review: English".
        "submitLabel": _("Submit for review: "),
        "submittingLabel": _("Submitting for review…"),
    }
