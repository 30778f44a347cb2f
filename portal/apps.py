from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """What the content apps share: base templates, language helpers, health check."""

    name = "portal"
    verbose_name = _("Azamat")

    def ready(self):
        from portal import content

        content.connect_signals()
