"""Reads for the questionnaire pages, the guides' pages, search and the home page."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404

from answers.models import Option, Outcome, Question, Questionnaire
from guides.selectors import fee_lines


def questionnaires():
    """Published questionnaires in the editors' order (1 query)."""
    return list(Questionnaire.objects.published())


def questionnaire_detail(slug, preview=False):
    """A questionnaire with its tree (4 queries): questions with options, outcomes with their guide,
    letter and fees, and the sources; 404 for a draft unless ``preview``."""
    found = Questionnaire.objects.all() if preview else Questionnaire.objects.published()
    found = found.prefetch_related(
        Prefetch(
            "questions",
            queryset=Question.objects.prefetch_related(
                Prefetch("options", Option.objects.select_related("letter").prefetch_related("fees"))
            ),
        ),
        Prefetch("outcomes", queryset=Outcome.objects.select_related("guide", "letter").prefetch_related("fees")),
        "sources",
    )
    return get_object_or_404(found, slug=slug)


def outcome_fees(outcome, options=(), year=None):
    """The MCI rate of ``year`` (this year by default) and the fees in tenge of the outcome and of the options
    chosen on the way to it, each fee once (1 query)."""
    fees = [fee for option in options for fee in option.fees.all()] + list(outcome.fees.all())
    return fee_lines({fee.pk: fee for fee in fees}.values(), year)


def for_guide(guide):
    """The published questionnaires a guide's page offers (1 query)."""
    return list(Questionnaire.objects.published().filter(guides=guide).order_by("order", "slug"))


def page_exists(url_name, kwargs):
    return "slug" not in kwargs or Questionnaire.objects.filter(slug=kwargs["slug"]).exists()


def panels(obj):
    """What the answers app adds to another app's page about ``obj``: on a guide, the questionnaires that
    start from it and, for a document that expires, the reminder form."""
    from answers.reminders import DOCUMENTS, ReminderForm

    if obj._meta.label != "guides.Guide":
        return []
    reminder = next(((key, info) for key, info in DOCUMENTS.items() if info["guide"] == obj.slug), None)
    found = for_guide(obj)
    if not found and reminder is None:
        return []
    return [
        {
            "template": "answers/includes/guide_panel.html",
            "questionnaires": found,
            "reminder_document": reminder[0] if reminder else None,
            "reminder": reminder[1] if reminder else None,
            "reminder_form": ReminderForm() if reminder else None,
        }
    ]
