"""Translated fields (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from essays.models import DataPoint, DataSeries, Essay, EssayChange, EssaySection, EssaySource


@register(Essay)
class EssayTranslation(TranslationOptions):
    fields = ("title", "lead", "key_takeaway", "keywords")


@register(EssaySection)
class EssaySectionTranslation(TranslationOptions):
    fields = ("heading", "body")


@register(EssaySource)
class EssaySourceTranslation(TranslationOptions):
    fields = ("title", "publisher")


@register(DataSeries)
class DataSeriesTranslation(TranslationOptions):
    fields = ("title", "description", "note", "unit", "label_axis", "source")


@register(DataPoint)
class DataPointTranslation(TranslationOptions):
    fields = ("label",)


@register(EssayChange)
class EssayChangeTranslation(TranslationOptions):
    fields = ("note",)
