"""Admin for questionnaires: the questions, options, outcomes and sources of one questionnaire on one
page. After a save the tree is checked (``answers.tree.problems``): a published questionnaire with a
dead end, an unreachable outcome, a loop or a missing translation is not published — it is saved as a
draft, nothing typed is lost, and the problems are listed for the editor."""

import reversion
from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from answers.models import Option, Outcome, Question, Questionnaire, QuestionnaireSource
from answers.tree import Tree, problems
from core.models import Status
from editors.editorial import ContentAdmin, PlainStackedInline, SortableStackedInline, SortableTabularInline

reversion.register(Questionnaire, follow=("questions", "outcomes", "sources"))
reversion.register(Question, follow=("options",))
for model in (Option, Outcome, QuestionnaireSource):
    reversion.register(model)


class QuestionInline(SortableStackedInline):
    model = Question
    fields = ("order", "key", "kind", "text", "hint", "unit", "min_value", "max_value", "next_key")
    show_change_link = True


class OutcomeInline(PlainStackedInline):
    model = Outcome
    fields = (
        "key",
        "title",
        "body",
        "time_needed",
        "fees",
        "guide",
        "guide_anchor",
        "letter",
        "letter_prefill",
        "official_url",
        "official_title",
        "deadline_from",
        "deadline_days",
        "reminder",
    )
    filter_horizontal = ("fees",)


class SourceInline(SortableTabularInline):
    model = QuestionnaireSource
    fields = ("order", "title", "url", "checked_on", "confirmed")


def refuse_unsound(request, questionnaire):
    """Keep a questionnaire whose tree has problems out of public view, and say what they are."""
    questionnaire.refresh_from_db()
    found = problems(Tree.of(questionnaire), published=True)
    if not found:
        return
    if questionnaire.status == Status.PUBLISHED:
        Questionnaire.objects.filter(pk=questionnaire.pk).update(status=Status.DRAFT)
        messages.error(
            request, _("Not published: the questionnaire was saved as a draft because its tree has problems.")
        )
    for problem in found:
        messages.warning(request, problem)


@admin.register(Questionnaire)
class QuestionnaireAdmin(ContentAdmin):
    list_display = ("title", "slug", "status", "order", "last_reviewed")
    list_filter = ("status",)
    search_fields = ("slug", "title", "keywords")
    filter_horizontal = ("guides",)
    inlines = [QuestionInline, OutcomeInline, SourceInline]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        refuse_unsound(request, form.instance)


class OptionInline(SortableTabularInline):
    model = Option
    fields = ("order", "key", "label", "low", "high", "next_key", "note", "fees", "letter", "letter_prefill")
    filter_horizontal = ("fees",)


@admin.register(Question)
class QuestionAdmin(ContentAdmin):
    list_display = ("text", "key", "questionnaire", "kind")
    list_filter = ("questionnaire",)
    inlines = [OptionInline]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        refuse_unsound(request, form.instance.questionnaire)
