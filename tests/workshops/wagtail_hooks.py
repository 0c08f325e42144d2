"""Workshops and venues in the admin, as snippets (bookings are read on the coordinators' page)."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Venue, Workshop


class VenueViewSet(SnippetViewSet):
    model = Venue
    icon = "site"


class WorkshopViewSet(SnippetViewSet):
    model = Workshop
    icon = "date"
    list_display = ["title", "starts_at", "venue", "capacity"]


register_snippet(VenueViewSet)
register_snippet(WorkshopViewSet)
