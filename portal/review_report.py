"""The admin report "Toe aan herziening": pages due for review that the signed-in user may edit
(portal/content_review.py says which pages are due)."""

import datetime

from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.reports.base import PageReportView
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from portal.content_review import pages_due_for_review


class ContentReviewMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return PagePermissionPolicy(Page).user_has_any_permission(
            request.user, ["add", "change", "publish"]
        )


class ContentReviewReportView(PageReportView):
    page_title = _("Due for review")
    header_icon = "time"
    results_template_name = "portal/admin/content_review_results.html"
    index_url_name = "content_review_report"
    index_results_url_name = "content_review_report_results"
    list_export = [*PageReportView.list_export, "last_reviewed"]
    export_headings = {**PageReportView.export_headings, "last_reviewed": _("Last reviewed")}
    # Anyone who may add or change pages; the list shows only what they may change.
    any_permission_required = ["add", "change", "publish"]

    def get_filename(self) -> str:
        return f"te-herzien-{datetime.date.today():%Y-%m-%d}"

    def get_queryset(self):
        editable = self.permission_policy.instances_user_has_permission_for(
            self.request.user, "change"
        )
        self.queryset = pages_due_for_review().filter(pk__in=editable.values("pk"))
        return super().get_queryset()
