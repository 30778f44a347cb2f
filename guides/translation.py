"""Translated fields (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from guides.models import (
    Category,
    ComparisonRow,
    ComparisonTable,
    Document,
    Faq,
    Fee,
    Guide,
    GuideChange,
    Route,
    Source,
    Step,
    Tip,
)


@register(Category)
class CategoryTranslation(TranslationOptions):
    fields = ("name",)


@register(Guide)
class GuideTranslation(TranslationOptions):
    fields = ("title", "summary", "audience", "time_needed", "cost", "result", "intro", "fees_note", "keywords")


@register(Route)
class RouteTranslation(TranslationOptions):
    fields = ("title", "suits", "advantages", "needs")


@register(Step)
class StepTranslation(TranslationOptions):
    fields = ("title", "body")


@register(Document)
class DocumentTranslation(TranslationOptions):
    fields = ("name", "note")


@register(Fee)
class FeeTranslation(TranslationOptions):
    fields = ("condition",)


@register(Faq)
class FaqTranslation(TranslationOptions):
    fields = ("question", "answer")


@register(Tip)
class TipTranslation(TranslationOptions):
    fields = ("text",)


@register(Source)
class SourceTranslation(TranslationOptions):
    fields = ("title", "publisher")


@register(ComparisonTable)
class ComparisonTableTranslation(TranslationOptions):
    fields = ("title", "columns", "note")


@register(ComparisonRow)
class ComparisonRowTranslation(TranslationOptions):
    fields = ("cells",)


@register(GuideChange)
class GuideChangeTranslation(TranslationOptions):
    fields = ("note",)
