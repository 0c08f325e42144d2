"""Admin for the base layer: themes, audiences and municipalities under one "Labels" menu.

The terms are translatable snippets; wagtail-localize adds the "Translate" actions because the
models use TranslatableMixin. Who may edit them is decided by the groups in portal/roles.py.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from portal.models.taxonomy import Audience, Municipality, Theme


class _TermViewSet(SnippetViewSet):
    list_display = ["name", "slug"]
    # Plain database matching: terms seeded by a migration are not in the search index.
    search_backend_name = None
    search_fields = ["name"]
    ordering = ["name"]


class ThemeViewSet(_TermViewSet):
    model = Theme
    icon = "tag"
    menu_label = _("Themes")
    url_prefix = "labels/themes"


class AudienceViewSet(_TermViewSet):
    model = Audience
    icon = "group"
    menu_label = _("Audiences")
    url_prefix = "labels/audiences"


class MunicipalityViewSet(_TermViewSet):
    model = Municipality
    icon = "site"
    menu_label = _("Municipalities")
    url_prefix = "labels/municipalities"


class LabelsViewSetGroup(SnippetViewSetGroup):
    items = (ThemeViewSet, AudienceViewSet, MunicipalityViewSet)
    menu_icon = "tag"
    menu_label = _("Labels")
    menu_name = "labels"


register_snippet(LabelsViewSetGroup)
