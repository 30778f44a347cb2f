"""Translated fields (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from letters.models import LetterField, LetterTemplate


@register(LetterTemplate)
class LetterTemplateTranslation(TranslationOptions):
    fields = ("title", "intro", "body", "filename", "keywords")


@register(LetterField)
class LetterFieldTranslation(TranslationOptions):
    fields = ("label", "help_text", "options")
