from django.urls import path

from . import views

app_name = "newsletter"
urlpatterns = [
    path("bevestigen/<str:token>/", views.confirm, name="confirm"),
    path("afmelden/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
