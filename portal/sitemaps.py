"""The sitemap index (``/sitemap.xml``): one sitemap per content app, and the site's own pages.

Every public page in kk, ru and en with ``hreflang`` alternates (Django's i18n sitemaps) and its
last change; drafts are never listed. The apps' sitemaps live in their ``sitemaps.py``."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from constitution.sitemaps import ConstitutionSitemap
from essays.sitemaps import EssaySitemap
from guides.sitemaps import GuideSitemap
from letters.sitemaps import LetterSitemap
from portal.content import last_updated


class PagesSitemap(Sitemap):
    """The home page and the indexes of the areas."""

    i18n = True
    alternates = True
    x_default = True
    changefreq = "daily"
    priority = 1.0

    def items(self):
        return ["home", "guides:index", "essays:index", "letters:index"]

    def location(self, name):
        return reverse(name)

    def lastmod(self, name):
        return last_updated()


SITEMAPS = {
    "pages": PagesSitemap,
    "constitution": ConstitutionSitemap,
    "guides": GuideSitemap,
    "essays": EssaySitemap,
    "forms": LetterSitemap,
}
