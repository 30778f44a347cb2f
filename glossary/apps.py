from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.registry import Contributions


class GlossaryConfig(Contributions, AppConfig):
    """The glossary (/glossary/): the terms a newcomer meets in the guides — МРП, ЦОН, ЭЦП, акимат —
    each with its spellings and a short definition in every language. Known terms are marked where they
    first stand on a page (``glossary.markup``) when the page is rendered; the stored texts are not changed."""

    name = "glossary"
    verbose_name = _("Glossary")

    content = True
    loader = "glossary.loader.load"
    search = "glossary.search"
    sitemap_pages = ["glossary:index"]
    page_exists = "glossary.selectors.page_exists"
    markup = "glossary.markup.mark"
