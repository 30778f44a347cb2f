"""Admin for letter templates: the text in three languages with its fields inline."""

import reversion
from django.contrib import admin

from letters.models import LetterField, LetterTemplate
from portal.editorial import ContentAdmin, SortableStackedInline

reversion.register(LetterTemplate, follow=("fields",))
reversion.register(LetterField)


class LetterFieldInline(SortableStackedInline):
    model = LetterField
    fields = ("order", "name", "kind", "required", "label", "help_text", "options")


@admin.register(LetterTemplate)
class LetterTemplateAdmin(ContentAdmin):
    list_display = ("title", "slug", "status", "updated_at")
    list_filter = ("status",)
    search_fields = ("slug", "title_kk", "title_ru", "title_en")
    fields = ("slug", "status", "guide", "title", "filename", "intro", "body")
    inlines = [LetterFieldInline]
