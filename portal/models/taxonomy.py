"""Themes, audiences and municipalities: the shared vocabulary every app tags content with.

They are translatable snippets (one row per locale, linked by translation_key). Any page of any
app carries them by inheriting TaggableMixin; listings find tagged content through
`portal.models.tagging.tagged_pages`, which never imports a domain app.
"""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index

from portal.admin_forms import OwnLanguagePageForm

TAXONOMY_FIELDS = ("themes", "audiences", "municipalities")


class TaxonomyTerm(TranslatableMixin, index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100)
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    # Term names show on cached pages and menus (portal/page_cache.py).
    cache_invalidates = True

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Theme(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


class Audience(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


class Municipality(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


class TaggableMixin(models.Model):
    """Lets a page carry themes, audiences and municipalities.

    Mix it into a Page subclass, before Page (pages are ClusterableModels, so the tags save
    with revisions and previews). Audience landing pages list every live page whose model uses
    this mixin. The admin's pickers offer the terms of the page's own language
    (portal/admin_forms.py).
    """

    themes = ParentalManyToManyField(Theme, blank=True, related_name="+", verbose_name=_("themes"))
    audiences = ParentalManyToManyField(
        Audience, blank=True, related_name="+", verbose_name=_("audiences")
    )
    municipalities = ParentalManyToManyField(
        Municipality, blank=True, related_name="+", verbose_name=_("municipalities")
    )

    taxonomy_panels = [
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
        FieldPanel("municipalities", widget=forms.CheckboxSelectMultiple),
    ]
    base_form_class = OwnLanguagePageForm

    class Meta:
        abstract = True

    def use_terms_of_own_locale(self) -> None:
        """Replace tags in another language by the same terms in this page's language.

        A translation starts as a copy of its source page, tags included, and wagtail-localize
        does not translate many-to-many fields: without this an English page would carry the
        Dutch terms. A term without a translation in this language is kept as it is.
        """
        changed = []
        for name in TAXONOMY_FIELDS:
            terms = list(getattr(self, name).all())
            if all(term.locale_id == self.locale_id for term in terms):
                continue
            model = self._meta.get_field(name).related_model
            own = {
                term.translation_key: term
                for term in model.objects.filter(
                    locale_id=self.locale_id,
                    translation_key__in=[term.translation_key for term in terms],
                )
            }
            getattr(self, name).set([own.get(term.translation_key, term) for term in terms])
            changed.append(name)
        if changed:
            # Commits only the changed relations (modelcluster), not the page's other fields.
            self.save(update_fields=changed, clean=False)
