from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LettersConfig(AppConfig):
    """Fill-in application letters (/forms/…): templates are data; what visitors type is never kept."""

    name = "letters"
    verbose_name = _("Application letters")
