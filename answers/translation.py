"""Translated fields (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from answers.models import Option, Outcome, Question, Questionnaire, QuestionnaireSource


@register(Questionnaire)
class QuestionnaireTranslation(TranslationOptions):
    fields = ("title", "summary", "intro", "keywords")


@register(Question)
class QuestionTranslation(TranslationOptions):
    fields = ("text", "hint", "unit")


@register(Option)
class OptionTranslation(TranslationOptions):
    fields = ("label", "note")


@register(Outcome)
class OutcomeTranslation(TranslationOptions):
    fields = ("title", "body", "time_needed", "official_title")


@register(QuestionnaireSource)
class QuestionnaireSourceTranslation(TranslationOptions):
    fields = ("title",)
