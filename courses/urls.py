"""The learner's own pages: start a course, see the code once, mail it, continue with a code;
download one's certificate (asked for on the course page), and anyone's check of a
certificate's code.
Included at /<language>/trainingen/ (portal/urls.py); these few slugs hide a course of the
same name."""

from django.urls import path

from . import views
from .certificates import views as certificate_views

app_name = "courses"
urlpatterns = [
    path("starten/", views.start, name="start"),
    path("uw-code/", views.code, name="code"),
    path("uw-code/mailen/", views.mail_code, name="mail_code"),
    path("doorgaan/", views.resume, name="resume"),
    path("mijn-trainingen/", views.my_learning, name="my_learning"),
    path(
        "certificaat/downloaden/<int:pk>/",
        certificate_views.download,
        name="certificate_download",
    ),
    path("certificaat/controleren/", certificate_views.verify, name="certificate_verify"),
    path(
        "certificaat/controleren/<str:code>/",
        certificate_views.verify_code,
        name="certificate_verify_code",
    ),
]
