"""The Constitution's pages for search engines: each edition's index, sections and articles."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from constitution.models import Article, Constitution, Section


class ConstitutionSitemap(Sitemap):
    """Editions, sections and articles in kk, ru and en; the edition in force ranks above 1995's."""

    i18n = True
    alternates = True
    x_default = True
    changefreq = "monthly"

    def items(self):
        editions = list(Constitution.objects.order_by("-in_force_from"))
        sections = list(Section.objects.select_related("constitution").order_by("constitution__year", "order"))
        articles = list(Article.objects.select_related("constitution").order_by("constitution__year", "sort_key"))
        return [*editions, *sections, *articles, "changes"]

    def location(self, item):
        return reverse("constitution:changes") if item == "changes" else item.get_absolute_url()

    def lastmod(self, item):
        return None if item == "changes" else item.updated_at

    def priority(self, item):
        edition = item if isinstance(item, Constitution) else getattr(item, "constitution", None)
        return 0.8 if edition is None or edition.is_in_force else 0.4
