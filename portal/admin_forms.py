"""Admin forms whose choosers of translatable labels show the labels of one language only.

Themes, audiences and municipalities exist once per language. A chooser that lists every row
shows "Child abuse" next to "Kindermishandeling" and every municipality twice, and an editor
can tag a Dutch page with an English label. These forms limit every choice of a translatable
model (pages excepted: links to pages are chosen with the page chooser) to the language of the
object being edited: its own locale, or for a new page the locale it is created in.

Page models get this through `TaggableMixin` (portal/models/taxonomy.py) or by setting
`base_form_class = OwnLanguagePageForm`; other models with a label field use
`base_form_class = OwnLanguageModelForm`.
"""

from django import forms
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.models import Locale, Page, TranslatableMixin


def _is_label_model(model) -> bool:
    return issubclass(model, TranslatableMixin) and not issubclass(model, Page)


def _same_terms_in(locale: Locale, model, chosen) -> list:
    """The primary keys, in `locale`, of the terms in `chosen` (objects or primary keys)."""
    if chosen is None or chosen == "":
        return []
    # One choice (a primary key or an object), or many (a list or queryset of either).
    values = [chosen] if isinstance(chosen, int | str | model) else list(chosen)
    pks = [value.pk if isinstance(value, model) else value for value in values]
    keys = model.objects.filter(pk__in=pks).values_list("translation_key", flat=True)
    return list(
        model.objects.filter(locale=locale, translation_key__in=keys).values_list("pk", flat=True)
    )


class OwnLanguageChoicesMixin:
    """Limit choosers of translatable labels to the language of the edited object.

    Choices already stored in another language (a translation copies its source's labels) are
    shown as the same label in this language, so saving the form keeps them, translated.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale = self.locale_being_edited()
        for name, field in self.fields.items():
            if not isinstance(field, forms.ModelChoiceField):
                continue
            model = field.queryset.model
            if not _is_label_model(model):
                continue
            field.queryset = field.queryset.filter(locale=locale)
            if name in self.initial:
                same = _same_terms_in(locale, model, self.initial[name])
                if isinstance(field, forms.ModelMultipleChoiceField):
                    self.initial[name] = same
                else:
                    self.initial[name] = same[0] if same else None

    def locale_being_edited(self) -> Locale:
        locale_id = getattr(self.instance, "locale_id", None)
        if locale_id is not None:
            return Locale.objects.get(pk=locale_id)
        return Locale.get_active()


class OwnLanguagePageForm(OwnLanguageChoicesMixin, WagtailAdminPageForm):
    pass


class OwnLanguageModelForm(OwnLanguageChoicesMixin, WagtailAdminModelForm):
    pass
