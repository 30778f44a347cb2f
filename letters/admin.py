"""Admin for letter templates: the text in three languages with its fields inline."""

from django.contrib import admin
from modeltranslation.admin import TabbedTranslationAdmin, TranslationStackedInline

from letters.models import LetterField, LetterTemplate


class LetterFieldInline(TranslationStackedInline):
    model = LetterField
    fields = ("order", "name", "kind", "required", "label", "help_text", "options")
    extra = 0


@admin.register(LetterTemplate)
class LetterTemplateAdmin(TabbedTranslationAdmin):
    list_display = ("title", "slug", "status", "updated_at")
    list_filter = ("status",)
    fields = ("slug", "status", "guide", "title", "filename", "intro", "body")
    inlines = [LetterFieldInline]
