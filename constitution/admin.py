"""Admin for editions, sections, articles, topics and the mapping between editions."""

import reversion
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from constitution.models import Article, ArticleChange, Constitution, Correspondence, Section, Topic
from constitution.numbers import summary_problems
from editors.editorial import ContentAdmin, EditorialForm, PlainTabularInline

for model in (Constitution, Section, Topic, Correspondence, ArticleChange):
    reversion.register(model)
reversion.register(Article, follow=("changes",))


@admin.register(Constitution)
class ConstitutionAdmin(ContentAdmin):
    list_display = ("title", "year", "adopted_on", "in_force_from", "in_force_until")


@admin.register(Topic)
class TopicAdmin(ContentAdmin):
    list_display = ("name", "slug", "order")
    list_editable = ("order",)


class ArticleForm(EditorialForm):
    """The editorial checks, and: every number in a summary must be in the official text it explains."""

    def clean(self):
        data = super().clean()
        values = {}
        for language in ("kk", "ru", "en"):
            for name in (f"summary_{language}", f"text_{language}", f"notes_{language}"):
                values[name] = data[name] if name in data else getattr(self.instance, name, "")
        for name, missing in summary_problems(values).items():
            if name in self.fields:
                shown = ", ".join(str(number) for number in missing)
                self.add_error(
                    name,
                    _(
                        "This summary says %(numbers)s, but the official text of the article in this language "
                        "does not: every number in an explanation must be the text's own."
                    )
                    % {"numbers": shown},
                )
        return data


class ArticleInline(PlainTabularInline):
    model = Article
    form = ArticleForm
    fields = ("number", "summary", "is_key", "is_excluded")
    extra = 0
    show_change_link = True


@admin.register(Section)
class SectionAdmin(ContentAdmin):
    list_display = ("__str__", "constitution", "order")
    list_filter = ("constitution",)
    inlines = [ArticleInline]


class PredecessorInline(admin.TabularInline):
    form = EditorialForm
    model = Correspondence
    fk_name = "new_article"
    fields = ("old_article", "note_kk", "note_ru", "note_en")
    autocomplete_fields = ("old_article",)
    extra = 0
    verbose_name = _("counterpart in the previous edition")
    verbose_name_plural = _("counterparts in the previous edition")


class SuccessorInline(PredecessorInline):
    fk_name = "old_article"
    fields = ("new_article", "note_kk", "note_ru", "note_en")
    autocomplete_fields = ("new_article",)
    verbose_name = _("counterpart in the later edition")
    verbose_name_plural = _("counterparts in the later edition")


class ArticleChangeInline(PlainTabularInline):
    """Public change notes: write one when a correction changes what the explanation says."""

    model = ArticleChange
    fields = ("date", "note")
    extra = 0


@admin.register(Article)
class ArticleAdmin(ContentAdmin):
    form = ArticleForm
    list_display = ("number", "constitution", "section", "is_key", "is_excluded")
    list_display_links = ("number",)
    list_filter = ("constitution", "section__number", "is_key", "is_excluded", "topics")
    list_select_related = ("constitution", "section")
    search_fields = ("number", "summary_kk", "summary_ru", "summary_en", "text_kk", "text_ru")
    filter_horizontal = ("topics",)
    inlines = [PredecessorInline, SuccessorInline, ArticleChangeInline]
    ordering = ("constitution", "sort_key")


@admin.register(Correspondence)
class CorrespondenceAdmin(ContentAdmin):
    list_display = ("old_article", "new_article", "note")
    autocomplete_fields = ("old_article", "new_article")
    list_select_related = ("old_article__constitution", "new_article__constitution")
