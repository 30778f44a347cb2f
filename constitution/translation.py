"""Translated fields (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from constitution.models import Article, ArticleChange, Constitution, Correspondence, Section, Topic


@register(Constitution)
class ConstitutionTranslation(TranslationOptions):
    fields = ("title", "adoption", "amended_note", "preamble", "source")


@register(Topic)
class TopicTranslation(TranslationOptions):
    fields = ("name",)


@register(Section)
class SectionTranslation(TranslationOptions):
    fields = ("title", "summary", "significance", "changes")


@register(Article)
class ArticleTranslation(TranslationOptions):
    fields = ("summary", "keywords", "translation_note", "text", "notes")


@register(Correspondence)
class CorrespondenceTranslation(TranslationOptions):
    fields = ("note",)


@register(ArticleChange)
class ArticleChangeTranslation(TranslationOptions):
    fields = ("note",)
