from django.apps import AppConfig


class SearchConfig(AppConfig):
    """Search across the content apps: analysis per language, the index, ranking, page and API."""

    name = "search"
    verbose_name = "Search"

    def ready(self):
        from search import index

        index.connect_signals()
