"""The learner's own pages: start a course, see the code once, mail it, continue with a code.
Included at /<language>/trainingen/ (portal/urls.py); these few slugs hide a course of the
same name."""

from django.urls import path

from . import views

app_name = "courses"
urlpatterns = [
    path("starten/", views.start, name="start"),
    path("uw-code/", views.code, name="code"),
    path("uw-code/mailen/", views.mail_code, name="mail_code"),
    path("doorgaan/", views.resume, name="resume"),
]
