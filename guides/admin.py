"""Admin for guides: a guide with its parts inline (drag to reorder); a route with its steps;
a comparison table with its rows; the MCI table. History and undo through django-reversion."""

import reversion
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from reversion.admin import VersionAdmin

from editors.editorial import ContentAdmin, PlainTabularInline, SortableStackedInline, SortableTabularInline
from guides.models import (
    Category,
    ComparisonRow,
    ComparisonTable,
    Document,
    Faq,
    Fee,
    Guide,
    GuideChange,
    MciRate,
    Route,
    Source,
    Step,
    Tip,
)

reversion.register(Guide, follow=("routes", "documents", "fees", "faqs", "tips", "sources", "tables", "changes"))
reversion.register(Route, follow=("steps",))
reversion.register(ComparisonTable, follow=("rows",))
for model in (Step, Document, Fee, Faq, Tip, Source, ComparisonRow, Category, MciRate, GuideChange):
    reversion.register(model)


@admin.register(MciRate)
class MciRateAdmin(VersionAdmin):
    list_display = ("year", "value", "source", "updated_at")
    search_fields = ("year", "source")


@admin.register(Category)
class CategoryAdmin(ContentAdmin):
    list_display = ("name", "slug", "order")


class RouteInline(SortableStackedInline):
    model = Route
    fields = ("order", "title", "suits", "advantages", "needs")
    show_change_link = True


class DocumentInline(SortableTabularInline):
    model = Document
    fields = ("order", "name", "note", "is_required")


class FeeInline(SortableTabularInline):
    model = Fee
    fields = ("order", "condition", "amount_mci", "amount_tenge", "source_url")


class FaqInline(SortableStackedInline):
    model = Faq
    fields = ("order", "question", "answer")


class TipInline(SortableTabularInline):
    model = Tip
    fields = ("order", "kind", "text")


class SourceInline(SortableTabularInline):
    model = Source
    fields = ("order", "title", "publisher", "url", "checked_on")


class ComparisonTableInline(SortableStackedInline):
    model = ComparisonTable
    fields = ("order", "title", "columns", "note")
    show_change_link = True


class GuideChangeInline(PlainTabularInline):
    """Public change notes: write one when a published change matters to readers (fees, steps, terms)."""

    model = GuideChange
    fields = ("date", "note")
    extra = 0


@admin.register(Guide)
class GuideAdmin(ContentAdmin):
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
        (_("Search"), {"fields": ("keywords",)}),
    )
    inlines = [
        RouteInline,
        DocumentInline,
        FeeInline,
        FaqInline,
        TipInline,
        SourceInline,
        ComparisonTableInline,
        GuideChangeInline,
    ]


class StepInline(SortableStackedInline):
    model = Step
    fields = ("order", "title", "body")


@admin.register(Route)
class RouteAdmin(ContentAdmin):
    list_display = ("title", "guide", "order")
    list_filter = ("guide",)
    list_select_related = ("guide",)
    search_fields = ("title_kk", "title_ru", "title_en")
    inlines = [StepInline]

    def view_on_site(self, obj):
        return obj.guide.get_absolute_url()


class ComparisonRowInline(SortableTabularInline):
    model = ComparisonRow
    fields = ("order", "cells")


@admin.register(ComparisonTable)
class ComparisonTableAdmin(ContentAdmin):
    list_display = ("title", "guide", "order")
    list_select_related = ("guide",)
    inlines = [ComparisonRowInline]

    def view_on_site(self, obj):
        return obj.guide.get_absolute_url()
