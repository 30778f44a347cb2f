"""Admin for letter templates: the text in three languages with its fields inline."""

import reversion
from adminsortable2.admin import CustomInlineFormSet
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from editors.editorial import ContentAdmin, SortableStackedInline
from letters.models import LetterField, LetterTemplate

reversion.register(LetterTemplate, follow=("fields",))
reversion.register(LetterField)


class LetterFieldFormSet(CustomInlineFormSet):
    """Refuses a save that would leave a {placeholder} of the letter's text without its field:
    deleting or renaming a field the text uses, or using a name in the text that is no field."""

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        names = {
            form.cleaned_data["name"]
            for form in self.forms
            if form.cleaned_data.get("name") and not self._should_delete_form(form)
        }
        problems = self.instance.placeholder_problems(names)
        if problems:
            used = sorted({name for names in problems.values() for name in names})
            raise ValidationError(
                _(
                    "The letter text uses %(placeholders)s (%(languages)s), but the letter has no such field. "
                    "Keep or add the field, or take the placeholder out of the text in every language first."
                )
                % {
                    "placeholders": ", ".join(f"{{{name}}}" for name in used),
                    "languages": ", ".join(sorted(problems)),
                }
            )


class LetterFieldInline(SortableStackedInline):
    model = LetterField
    formset = LetterFieldFormSet
    fields = ("order", "name", "kind", "required", "label", "help_text", "options")


@admin.register(LetterTemplate)
class LetterTemplateAdmin(ContentAdmin):
    list_display = ("title", "slug", "status", "updated_at")
    list_filter = ("status",)
    search_fields = ("slug", "title_kk", "title_ru", "title_en")
    fields = ("slug", "status", "guide", "next_step_for", "title", "filename", "intro", "body", "keywords")
    filter_horizontal = ("next_step_for",)
    inlines = [LetterFieldInline]
