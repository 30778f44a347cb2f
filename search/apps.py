from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """Search across the content apps: analysis per language, the index, ranking, page and API."""

    name = "search"
    verbose_name = _("Search")

    def ready(self):
        from search import index

        index.connect_signals()
