"""What search indexes of the questionnaires: each published one, once per language (see search.index).

A questionnaire is found by its title, keywords, summary and the words of its questions and outcomes:
the way people ask ("какой налоговый режим выбрать", "где получить паспорт если потерял").
"""

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from answers.models import Option, Outcome, Question, Questionnaire
from core.i18n import LANGUAGE_CODES, translated
from core.text import plain_text

KIND = "questionnaire"
LABEL = _("Answers for your situation")


def _of(model_field):
    return lambda obj: list(Questionnaire.objects.filter(pk=getattr(obj, model_field)))


INDEXED = {
    Questionnaire: lambda questionnaire: [questionnaire],
    Question: _of("questionnaire_id"),
    Outcome: _of("questionnaire_id"),
    Option: lambda option: list(Questionnaire.objects.filter(questions__options=option)),
}


def identity(questionnaire):
    return "questionnaire", str(questionnaire.pk)


def indexable():
    return Questionnaire.objects.published()


def documents(questionnaire):
    questionnaire = (
        Questionnaire.objects.published()
        .prefetch_related("questions__options", "outcomes")
        .filter(pk=questionnaire.pk)
        .first()
    )
    if questionnaire is None:
        return
    for language in LANGUAGE_CODES:

        def text(obj, field, language=language):
            return translated(obj, field, language).value

        parts = []
        for question in questionnaire.questions.all():
            parts.append(text(question, "text"))
            parts += [text(option, "label") for option in question.options.all()]
        parts += [text(outcome, "title") for outcome in questionnaire.outcomes.all()]
        with translation.override(language):
            url = questionnaire.get_absolute_url()
        yield {
            "language": language,
            "title": text(questionnaire, "title"),
            "keywords": text(questionnaire, "keywords"),
            "summary": plain_text(text(questionnaire, "summary")),
            "body": "\n".join(part for part in parts if part),
            "url": url,
        }
