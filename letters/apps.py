from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.registry import Contributions


class LettersConfig(Contributions, AppConfig):
    """Fill-in application letters (/forms/…): templates are data; what visitors type is never kept."""

    name = "letters"
    verbose_name = _("Application letters")

    content = True
    loader = "letters.loader.load"
    search = "letters.search"
    sitemaps = {"forms": "letters.sitemaps.LetterSitemap"}
    sitemap_pages = ["letters:index"]
    page_exists = "letters.selectors.page_exists"
    page_object = "letters.selectors.page_object"
    citations = "letters.selectors.citing"
