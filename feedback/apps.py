from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.registry import Contributions


class FeedbackConfig(Contributions, AppConfig):
    """Readers tell editors what is wrong: "Is this page useful?" and "Report a problem" at the foot of
        every public page, and the searches that found nothing or whose results nobody opened (counted from
    search.signals). Not content (not exported, not cached): editors read and triage the reports."""

    name = "feedback"
    verbose_name = _("Readers' feedback")
    default_auto_field = "django.db.models.BigAutoField"
    editor_models = {"report": ("view", "change"), "searchcount": ("view",)}
    dashboard = "feedback.selectors.dashboard_block"

    def ready(self):
        from feedback import searches

        searches.connect_signals()  # counts what the search reports (search.signals)
