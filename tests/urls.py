"""portal/urls.py plus the one include the test-only app adds (tests/settings.py uses this).

An app adds exactly this line to portal/urls.py's i18n_patterns, before Wagtail's catch-all
`path("", include(wagtail_urls))`, which would otherwise answer its addresses with a 404.
"""

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from portal.urls import *  # noqa: F403 (the patterns and the handler400/handler500 settings)
from portal.urls import urlpatterns as site_urlpatterns

urlpatterns = [
    *i18n_patterns(
        path("workshops/", include("tests.workshops.urls")),
        prefix_default_language=True,
    ),
    *site_urlpatterns,
]
