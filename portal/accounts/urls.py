from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("gegevens-downloaden/", views.download_data, name="download_data"),
    path("verwijderen/", views.delete_account, name="delete"),
]
