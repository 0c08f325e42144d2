from django.apps import AppConfig


class TrainingsConfig(AppConfig):
    name = "tests.trainings"
    label = "trainings"
    verbose_name = "Trainings"
