from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The kernel every app builds on: translated text, Markdown, the content version and the page
    cache, documents, bundled-content loading, backup, and the registry of what apps offer
    (``core.registry``). It imports no content app: it asks the registry."""

    name = "core"
    verbose_name = _("Azamat")

    def ready(self):
        from core import content

        content.connect_signals()
