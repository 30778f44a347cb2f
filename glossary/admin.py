"""Admin for the glossary. A spelling another term already has in the same language is refused by the
model's ``clean`` (the form names the other term)."""

import reversion
from django.contrib import admin

from editors.editorial import ContentAdmin
from glossary.models import Term

reversion.register(Term)


@admin.register(Term)
class TermAdmin(ContentAdmin):
    list_display = ("term", "slug", "related_guide", "updated_at")
    search_fields = ("slug", "term_kk", "term_ru", "term_en", "spellings_kk", "spellings_ru", "spellings_en")
    prepopulated_fields = {"slug": ("term_en",)}
    autocomplete_fields = ()
    raw_id_fields = ("related_article",)
    fields = (
        "slug",
        "term",
        "spellings",
        "definition",
        "source_title",
        "source_url",
        "related_guide",
        "related_article",
    )
