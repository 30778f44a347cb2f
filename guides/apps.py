from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.registry import Contributions


class GuidesConfig(Contributions, AppConfig):
    """Guides to public services, with the MCI table their fees are computed from."""

    name = "guides"
    verbose_name = _("Guides")

    content = True
    loader = "guides.loader.load"
    search = "guides.search"
    sitemaps = {"guides": "guides.sitemaps.GuideSitemap"}
    sitemap_pages = ["guides:index"]
    feed = "guides.selectors.public_changes"
    api_routers = [("/", "guides.api.router")]
    export_sections = [(10, "mci", "guides.export.mci"), (30, "guides", "guides.export.guides")]
    # A wrong MCI changes every fee on the site at once: left to superusers.
    editor_view_only = ["mcirate"]
    page_exists = "guides.selectors.page_exists"
    page_object = "guides.selectors.page_object"
    citations = "guides.selectors.citing"
    review_due = "guides.selectors.due_for_review"
    home = "guides.selectors.home_context"
