"""Admin for essays: sections (drag to reorder) and sources inline; data series with their points."""

import reversion
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from editors.editorial import ContentAdmin, PlainTabularInline, SortableStackedInline, SortableTabularInline
from essays.models import DataPoint, DataSeries, Essay, EssayChange, EssaySection, EssaySource

reversion.register(Essay, follow=("sections", "sources", "data_series", "changes"))
reversion.register(DataSeries, follow=("points",))
for model in (EssaySection, EssaySource, DataPoint, EssayChange):
    reversion.register(model)


class EssaySectionInline(SortableStackedInline):
    model = EssaySection
    fields = ("order", "heading", "body")


class EssaySourceInline(SortableTabularInline):
    model = EssaySource
    fields = ("order", "title", "publisher", "url", "date")


class DataSeriesInline(SortableTabularInline):
    model = DataSeries
    fields = ("order", "title", "unit", "source")
    show_change_link = True


class EssayChangeInline(PlainTabularInline):
    """Public change notes: write one when a revision changes what the essay says."""

    model = EssayChange
    fields = ("date", "note")
    extra = 0


@admin.register(Essay)
class EssayAdmin(ContentAdmin):
    list_display = ("title", "slug", "status", "published_on", "revised_on", "updated_at")
    list_filter = ("status",)
    search_fields = ("slug", "title_kk", "title_ru", "title_en", "lead_kk", "lead_ru", "lead_en")
    autocomplete_fields = ("related_articles", "related_guides")
    fieldsets = (
        (None, {"fields": ("slug", "status", "published_on", "revised_on")}),
        (_("Text"), {"fields": ("title", "lead", "key_takeaway")}),
        (_("Related"), {"fields": ("related_articles", "related_guides")}),
        (_("Search"), {"fields": ("keywords",)}),
    )
    inlines = [EssaySectionInline, EssaySourceInline, DataSeriesInline, EssayChangeInline]


class DataPointInline(PlainTabularInline):
    model = DataPoint
    fields = ("order", "label", "value")
    extra = 3


@admin.register(DataSeries)
class DataSeriesAdmin(ContentAdmin):
    list_display = ("title", "essay", "unit", "order")
    list_select_related = ("essay",)
    search_fields = ("title_kk", "title_ru", "title_en")
    inlines = [DataPointInline]

    def view_on_site(self, obj):
        return obj.essay.get_absolute_url()
