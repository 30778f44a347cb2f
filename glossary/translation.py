"""Translated fields (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from glossary.models import Term


@register(Term)
class TermTranslation(TranslationOptions):
    fields = ("term", "spellings", "definition", "source_title")
