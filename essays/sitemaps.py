"""Published essays for search engines."""

from django.contrib.sitemaps import Sitemap

from essays.models import Essay


class EssaySitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    changefreq = "monthly"
    priority = 0.6

    def items(self):
        return Essay.objects.published().order_by("slug")

    def lastmod(self, essay):
        return essay.updated_at
