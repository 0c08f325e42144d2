"""Admin for coordinators: read advice questions and mark them answered.

The question text is shown here only (never in a notification email). Questions are created by
the public form, so the admin offers no "add" button to anyone without the add permission, and
editing is limited to the status.
"""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from .models import AdviceQuestion


class AdviceQuestionStatusForm(forms.ModelForm):
    class Meta:
        model = AdviceQuestion
        fields = ["status"]

    def save(self, commit=True):
        instance = super().save(commit=False)
        if instance.status == AdviceQuestion.Status.ANSWERED and not instance.answered_at:
            instance.answered_at = timezone.now()
        elif instance.status == AdviceQuestion.Status.NEW:
            instance.answered_at = None
        if commit:
            instance.save()
        return instance


class AdviceQuestionViewSet(ModelViewSet):
    model = AdviceQuestion
    name = "advice_questions"
    url_prefix = "advice-questions"
    icon = "help"
    menu_label = _("Advice questions")
    add_to_admin_menu = True
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["reference", "created_at", "role", "municipality", "status"]
    list_filter = ["status", "role"]
    search_fields = ["reference"]
    inspect_view_fields = [
        "reference",
        "created_at",
        "status",
        "answered_at",
        "role",
        "question",
        "email",
        "municipality",
        "locale",
    ]
    form_fields = ["status"]

    def get_form_class(self, for_update=False):
        return AdviceQuestionStatusForm


@hooks.register("register_admin_viewset")
def register_advice_question_viewset():
    return AdviceQuestionViewSet()
