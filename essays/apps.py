from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.registry import Contributions


class EssaysConfig(Contributions, AppConfig):
    """Essays on law and society, with their sources and data series."""

    name = "essays"
    verbose_name = _("Essays")

    content = True
    loader = "essays.loader.load"
    search = "essays.search"
    sitemaps = {"essays": "essays.sitemaps.EssaySitemap"}
    sitemap_pages = ["essays:index"]
    feed = "essays.selectors.public_changes"
    api_routers = [("/", "essays.api.router")]
    export_sections = [(40, "essays", "essays.export.essays")]
    page_exists = "essays.selectors.page_exists"
    page_object = "essays.selectors.page_object"
    citations = "essays.selectors.citing"
    home = "essays.selectors.home_context"
