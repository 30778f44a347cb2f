from django.apps import AppConfig


class EssaysConfig(AppConfig):
    name = "essays"
