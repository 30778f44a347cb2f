"""Admin for guides: a guide with its parts inline; a route with its steps; the MCI table."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationStackedInline, TranslationTabularInline

from guides.models import (
    Category,
    ComparisonRow,
    ComparisonTable,
    Document,
    Faq,
    Fee,
    Guide,
    MciRate,
    Route,
    Source,
    Step,
    Tip,
)


@admin.register(MciRate)
class MciRateAdmin(admin.ModelAdmin):
    list_display = ("year", "value", "source", "updated_at")
    search_fields = ("year", "source")


@admin.register(Category)
class CategoryAdmin(TabbedTranslationAdmin):
    list_display = ("name", "slug", "order")
    list_editable = ("order",)


class RouteInline(TranslationStackedInline):
    model = Route
    fields = ("order", "title", "suits", "advantages", "needs")
    extra = 0
    show_change_link = True


class DocumentInline(TranslationTabularInline):
    model = Document
    fields = ("order", "name", "note", "is_required")
    extra = 0


class FeeInline(TranslationTabularInline):
    model = Fee
    fields = ("order", "condition", "amount_mci", "amount_tenge", "source_url")
    extra = 0


class FaqInline(TranslationStackedInline):
    model = Faq
    fields = ("order", "question", "answer")
    extra = 0


class TipInline(TranslationTabularInline):
    model = Tip
    fields = ("order", "kind", "text")
    extra = 0


class SourceInline(TranslationTabularInline):
    model = Source
    fields = ("order", "title", "publisher", "url")
    extra = 0


class ComparisonTableInline(TranslationStackedInline):
    model = ComparisonTable
    fields = ("order", "title", "columns", "note")
    extra = 0
    show_change_link = True


@admin.register(Guide)
class GuideAdmin(TabbedTranslationAdmin):
    list_display = ("title", "slug", "category", "status", "last_reviewed", "updated_at")
    list_filter = ("status", "category")
    list_select_related = ("category",)
    search_fields = ("slug", "title_kk", "title_ru", "title_en", "summary_kk", "summary_ru", "summary_en")
    autocomplete_fields = ("related_articles",)
    fieldsets = (
        (None, {"fields": ("slug", "category", "order", "status", "last_reviewed")}),
        (_("Summary box"), {"fields": ("title", "summary", "audience", "time_needed", "cost", "result")}),
        (_("Text"), {"fields": ("intro", "fees_note")}),
        (_("Related"), {"fields": ("related_articles",)}),
    )
    inlines = [RouteInline, DocumentInline, FeeInline, FaqInline, TipInline, SourceInline, ComparisonTableInline]


class StepInline(TranslationStackedInline):
    model = Step
    fields = ("order", "title", "body")
    extra = 0


@admin.register(Route)
class RouteAdmin(TabbedTranslationAdmin):
    list_display = ("title", "guide", "order")
    list_filter = ("guide",)
    list_select_related = ("guide",)
    search_fields = ("title_kk", "title_ru", "title_en")
    inlines = [StepInline]


class ComparisonRowInline(TranslationTabularInline):
    model = ComparisonRow
    fields = ("order", "cells")
    extra = 0


@admin.register(ComparisonTable)
class ComparisonTableAdmin(TabbedTranslationAdmin):
    list_display = ("title", "guide", "order")
    list_select_related = ("guide",)
    inlines = [ComparisonRowInline]
