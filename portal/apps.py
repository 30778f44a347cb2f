from django.apps import AppConfig


class PortalConfig(AppConfig):
    """What the content apps share: base templates, language helpers, health check."""

    name = "portal"
    verbose_name = "Azamat"

    def ready(self):
        from portal import content

        content.connect_signals()
