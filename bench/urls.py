"""The site's own URLs plus a bare Django view: the yardstick every page is compared with.

portal.urls is spliced in rather than include()d: Django refuses i18n_patterns in an
included URLconf.
"""

from django.http import HttpResponse
from django.urls import path

from portal.urls import urlpatterns as site_urlpatterns


def bare(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/bare/", bare), *site_urlpatterns]
