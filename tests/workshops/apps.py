from django.apps import AppConfig


class WorkshopsConfig(AppConfig):
    name = "tests.workshops"
    label = "workshops"
    verbose_name = "Workshops"
