"""Admin for the base layer: the "Labels" menu and translation review.

Themes, audiences and municipalities are translatable snippets under one "Labels" menu;
wagtail-localize adds the "Translate" actions because the models use TranslatableMixin. Who may
edit them is decided by the groups in portal/roles.py.

Translations go through the pages' moderation workflow (portal/translation_admin.py): the hooks
below make the translation editor's main button submit for review for non-publishers, and put
guarded versions of two wagtail-localize views in front of the originals (same URLs, matched
first because this app's hooks run before wagtail-localize's).
"""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from portal import review_report, translation_admin
from portal.models.taxonomy import Audience, Municipality, Theme


class _TermViewSet(SnippetViewSet):
    # Every term exists once per language: say which one a row is ("Child abuse" next to
    # "Kindermishandeling" is otherwise a puzzle). The filters offer one language at a time.
    list_display = ["name", "slug", Column("locale", label=_("Language"))]
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


@hooks.register("register_admin_urls", order=-1)
def register_guarded_localize_urls():
    # The same paths as wagtail-localize's views (reverse() still finds theirs by name).
    return [
        path(
            "localize/page/<int:page_id>/convert_to_alias/",
            translation_admin.convert_to_alias_for_publishers,
        ),
        path(
            "localize/update/<int:translation_source_id>/",
            translation_admin.UpdateTranslationsView.as_view(),
        ),
    ]


hooks.register(
    "before_edit_page", translation_admin.submit_translation_instead_of_publishing, order=-1
)
hooks.register(
    "construct_page_action_menu", translation_admin.hide_convert_to_alias_from_non_publishers
)
hooks.register(
    "before_edit_snippet", translation_admin.publish_complete_label_translations_only, order=-1
)


# --- Content due for review (portal/content_review.py) ----------------------------------------


@hooks.register("register_admin_urls")
def register_content_review_report_urls():
    return [
        path(
            "reports/te-herzien/",
            review_report.ContentReviewReportView.as_view(),
            name="content_review_report",
        ),
        path(
            "reports/te-herzien/results/",
            review_report.ContentReviewReportView.as_view(results_only=True),
            name="content_review_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_content_review_report_menu_item():
    return review_report.ContentReviewMenuItem(
        _("Due for review"),
        reverse("content_review_report"),
        name="content-review",
        icon_name="time",
        order=650,
    )
