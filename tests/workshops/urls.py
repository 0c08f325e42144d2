"""The app's URLconf: the root URLconf includes it once (tests/urls.py, as portal/urls.py would).

What each view needs is declared on the view (views.py) or, for a whole part of the app, on its
urlpatterns with wagtail.utils.urlpatterns.decorate_urlpatterns.
"""

from django.urls import include, path
from wagtail.utils.urlpatterns import decorate_urlpatterns

from portal.accounts.decorators import require_mfa

from . import views

app_name = "workshops"

# The coordinators' part: every view in it behind the second factor, declared once.
coordination_patterns = decorate_urlpatterns(
    [path("", views.coordination, name="coordination")], require_mfa
)

urlpatterns = [
    path("mijn-boekingen/", views.my_bookings, name="my_bookings"),
    path("coordinatie/", include(coordination_patterns)),
    path("beheer/", views.staff_overview, name="staff_overview"),
    path("boeking/<str:reference>/", views.booking_status, name="booking_status"),
    path("vrije-plaatsen/", views.free_seats, name="free_seats"),
    path("vandaag/", views.today, name="today"),
    path("agenda/", views.agenda, name="agenda"),
    path("over/", views.about, name="about"),
]
