from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.registry import Contributions


class SearchConfig(Contributions, AppConfig):
    """Search across what the apps provide (``core.registry``): analysis per language, the index,
    ranking, the page and the API. It names no content app."""

    name = "search"
    verbose_name = _("Search")

    api_routers = [("/search", "search.api.router")]

    def ready(self):
        from search import index

        index.connect_signals()
