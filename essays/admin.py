"""Admin for essays: sections and sources inline; data series with their points."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationStackedInline, TranslationTabularInline

from essays.models import DataPoint, DataSeries, Essay, EssaySection, EssaySource


class EssaySectionInline(TranslationStackedInline):
    model = EssaySection
    fields = ("order", "heading", "body")
    extra = 0


class EssaySourceInline(TranslationTabularInline):
    model = EssaySource
    fields = ("order", "title", "publisher", "url", "date")
    extra = 0


class DataSeriesInline(TranslationTabularInline):
    model = DataSeries
    fields = ("order", "title", "unit", "source")
    extra = 0
    show_change_link = True


@admin.register(Essay)
class EssayAdmin(TabbedTranslationAdmin):
    list_display = ("title", "slug", "status", "published_on", "revised_on", "updated_at")
    list_filter = ("status",)
    search_fields = ("slug", "title_kk", "title_ru", "title_en", "lead_kk", "lead_ru", "lead_en")
    autocomplete_fields = ("related_articles", "related_guides")
    fieldsets = (
        (None, {"fields": ("slug", "status", "published_on", "revised_on")}),
        (_("Text"), {"fields": ("title", "lead", "key_takeaway")}),
        (_("Related"), {"fields": ("related_articles", "related_guides")}),
    )
    inlines = [EssaySectionInline, EssaySourceInline, DataSeriesInline]


class DataPointInline(TranslationTabularInline):
    model = DataPoint
    fields = ("order", "label", "value")
    extra = 3


@admin.register(DataSeries)
class DataSeriesAdmin(TabbedTranslationAdmin):
    list_display = ("title", "essay", "unit", "order")
    list_select_related = ("essay",)
    search_fields = ("title_kk", "title_ru", "title_en")
    inlines = [DataPointInline]
