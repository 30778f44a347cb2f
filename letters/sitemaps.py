"""Published application letters (their fill-in forms) for search engines."""

from django.contrib.sitemaps import Sitemap

from letters.models import LetterTemplate


class LetterSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    changefreq = "monthly"
    priority = 0.5

    def items(self):
        return LetterTemplate.objects.published().order_by("slug")

    def lastmod(self, letter):
        return letter.updated_at
