"""The admin report "Zoekvragen": what people searched for per week, and what found nothing.

Built as the base layer's report "Toe aan herziening" (portal/review_report.py): a Wagtail
ReportView under Reports, behind the admin's second factor like every admin URL. Who may see
it is a permission of its own (search.view_searchqueryweek), which the editors and moderators
get from this app's data migration (the role door, portal.roles.grant). The rows are weekly
totals without personal data (search/query_log.py), so the export is safe to share.
"""

import datetime

import django_filters
from django.conf import settings
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, NumberColumn
from wagtail.admin.views.reports.base import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from search.models import SearchQueryWeek

VIEW_PERMISSION = "search.view_searchqueryweek"


def _weeks() -> list[tuple[str, str]]:
    weeks = SearchQueryWeek.objects.order_by("-week_start").values_list("week_start", flat=True)
    return [
        (day.isoformat(), SearchQueryWeek(week_start=day).week_label) for day in weeks.distinct()
    ]


class SearchQueryFilterSet(WagtailFilterSet):
    week_start = django_filters.ChoiceFilter(label=_("Week"), choices=_weeks)
    language = django_filters.ChoiceFilter(label=_("Language"), choices=settings.LANGUAGES)
    found_nothing = django_filters.BooleanFilter(
        label=_("Found nothing"), method="filter_found_nothing"
    )

    class Meta:
        model = SearchQueryWeek
        fields = ["week_start", "language"]

    def filter_found_nothing(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(zero_result_count__gt=0) if value else queryset


class SearchQueryReportView(ReportView):
    page_title = _("Search queries")
    header_icon = "search"
    results_template_name = "search/admin/query_report_results.html"
    index_url_name = "search_query_report"
    index_results_url_name = "search_query_report_results"
    model = SearchQueryWeek
    permission_policy = ModelPermissionPolicy(SearchQueryWeek)
    permission_required = "view"
    filterset_class = SearchQueryFilterSet
    # Most searched first, the latest week on top: "what do people look for now".
    default_ordering = ["-week_start", "-count", "language", "query"]
    columns = [
        Column("week_label", label=_("Week"), sort_key="week_start"),
        Column("language", label=_("Language"), sort_key="language"),
        Column("display_query", label=_("Query"), sort_key="query"),
        NumberColumn("count", label=_("Searches"), sort_key="count"),
        NumberColumn(
            "zero_result_count", label=_("Searches without results"), sort_key="zero_result_count"
        ),
    ]
    list_export = ["week_label", "language", "display_query", "count", "zero_result_count"]
    export_headings = {
        "week_label": _("Week"),
        "language": _("Language"),
        "display_query": _("Query"),
        "count": _("Searches"),
        "zero_result_count": _("Searches without results"),
    }

    def get_ordering(self):
        ordering = super().get_ordering()
        # With "found nothing" on, the queries that failed most often come first.
        if ordering == self.default_ordering and self.request.GET.get("found_nothing") == "true":
            return ["-week_start", "-zero_result_count", "-count", "language", "query"]
        return ordering

    def get_filename(self) -> str:
        return f"zoekvragen-{datetime.date.today():%Y-%m-%d}"


class SearchQueryMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return request.user.has_perm(VIEW_PERMISSION)


@hooks.register("register_admin_urls")
def register_search_query_report_urls():
    return [
        path("reports/zoekvragen/", SearchQueryReportView.as_view(), name="search_query_report"),
        path(
            "reports/zoekvragen/results/",
            SearchQueryReportView.as_view(results_only=True),
            name="search_query_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_search_query_report_menu_item():
    return SearchQueryMenuItem(
        _("Search queries"),
        reverse("search_query_report"),
        name="search-queries",
        icon_name="search",
        order=660,
    )
