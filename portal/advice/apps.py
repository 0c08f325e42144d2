from django.apps import AppConfig


class AdviceConfig(AppConfig):
    name = "portal.advice"
    label = "advice"
