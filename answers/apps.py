from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.registry import Contributions


class AnswersConfig(Contributions, AppConfig):
    """Answers for my situation (/answers/…): questionnaires that route a person to what applies to them,
    and calendar reminders before a document expires. Answers live in the address; nothing is stored."""

    name = "answers"
    verbose_name = _("Answers for your situation")

    content = True
    loader = "answers.loader.load"
    search = "answers.search"
    sitemaps = {"answers": "answers.sitemaps.QuestionnaireSitemap"}
    sitemap_pages = ["answers:index"]
    page_exists = "answers.selectors.page_exists"
    api_routers = [("/", "answers.api.router")]
    panels = "answers.selectors.panels"
