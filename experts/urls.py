"""The expert pool's own addresses, included at /<language>/expertpool/ (portal/urls.py): the
requester's status page (opened by the private link) and the expert's inbox."""

from django.urls import path, reverse

from . import inbox_views, status_views

app_name = "experts"
urlpatterns = [
    # Before the token route: "nieuwe-link" is no token.
    path("aanvraag/nieuwe-link/", status_views.new_status_link, name="new_status_link"),
    path("aanvraag/<str:token>/", status_views.request_status, name="request_status"),
    path("inbox/", inbox_views.inbox, name="inbox"),
    path("inbox/pauze/", inbox_views.pause, name="pause"),
    path("inbox/pauze/beeindigen/", inbox_views.end_pause, name="end_pause"),
    path("inbox/<int:invitation_id>/", inbox_views.invitation_detail, name="invitation"),
]


def status_path(token: str) -> str:
    """The status page's path for a token (the token is in the path: see experts/logging.py)."""
    return reverse("experts:request_status", args=(token,))
