"""The site's URLconf plus views that fail on purpose, for the failure-page tests."""

from django.conf.urls.i18n import i18n_patterns
from django.core.exceptions import PermissionDenied
from django.urls import path

from portal.urls import *  # noqa: F403 (the patterns and the handler400/handler500 settings)
from portal.urls import urlpatterns as site_urlpatterns


def broken_view(request):
    raise RuntimeError("A failure on purpose")


def forbidden_view(request):
    raise PermissionDenied


urlpatterns = [
    *i18n_patterns(
        path("stuk/", broken_view),
        path("verboden/", forbidden_view),
        prefix_default_language=True,
    ),
    *site_urlpatterns,
]
