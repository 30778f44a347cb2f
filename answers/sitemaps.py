"""Published questionnaires (their first question) for search engines; outcomes are not listed."""

from django.contrib.sitemaps import Sitemap

from answers.models import Questionnaire


class QuestionnaireSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    changefreq = "monthly"
    priority = 0.6

    def items(self):
        return Questionnaire.objects.published().order_by("order", "slug")

    def lastmod(self, questionnaire):
        return questionnaire.updated_at
