"""The sitemap index (``/sitemap.xml``): the site's own pages, then one sitemap per app that has one.

Every public page in kk, ru and en with ``hreflang`` alternates (Django's i18n sitemaps) and its
last change; drafts are never listed. The apps declare their sitemaps and index pages in their
``AppConfig`` (``core.registry``)."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from core import registry
from core.content import last_updated


class PagesSitemap(Sitemap):
    """The home page and the indexes of the areas."""

    i18n = True
    alternates = True
    x_default = True
    changefreq = "daily"
    priority = 1.0

    def items(self):
        return ["home", *registry.sitemap_pages()]

    def location(self, name):
        return reverse(name)

    def lastmod(self, name):
        return last_updated()


def sitemaps():
    """``{section: Sitemap}`` for the index: the site's pages first, then the apps' in their order."""
    return {"pages": PagesSitemap, **registry.sitemaps()}
