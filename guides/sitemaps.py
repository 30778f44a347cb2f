"""Published guides (and their checklists) for search engines."""

from django.contrib.sitemaps import Sitemap

from guides.models import Guide


class GuideSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    changefreq = "weekly"
    priority = 0.9

    def items(self):
        return Guide.objects.published().order_by("slug")

    def lastmod(self, guide):
        return guide.updated_at
