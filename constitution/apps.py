from django.apps import AppConfig


class ConstitutionConfig(AppConfig):
    name = "constitution"
