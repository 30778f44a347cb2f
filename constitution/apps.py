from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.registry import Contributions


class ConstitutionConfig(Contributions, AppConfig):
    """The Constitution: editions, sections, articles, our explanations, the official texts."""

    name = "constitution"
    verbose_name = _("Constitution")

    content = True
    loader = "constitution.loader.load"
    search = "constitution.search"
    sitemaps = {"constitution": "constitution.sitemaps.ConstitutionSitemap"}
    feed = "constitution.selectors.public_changes"
    api_routers = [("/constitution", "constitution.api.router")]
    export_sections = [(20, "constitution", "constitution.export.editions")]
    page_exists = "constitution.selectors.page_exists"
    page_object = "constitution.selectors.page_object"
    home = "constitution.selectors.home_context"
    offline_pages = ["constitution:full"]
    official_fields = {"article": ("text", "notes"), "constitution": ("preamble", "source")}
