"""JSON API of the questionnaires: the list, a whole tree, and a walk — the same answers as the pages'
query parameters give the next question or the outcome with its fees in tenge for the current year."""

from datetime import date

from django.http import Http404
from django.utils import translation
from ninja import Path, Query, Router, Schema
from pydantic import Field

from answers import selectors
from answers.models import Questionnaire
from answers.tree import Tree, walk
from core.apitools import ERRORS, LANG_HELP, Fields, Language, Translated, paths
from core.i18n import translated
from core.text import plain_text

router = Router(tags=["Answers"])
SLUG = r"^[a-z0-9-]{1,50}$"
RESERVED = ("lang",)


class QuestionnaireBrief(Schema):
    slug: str
    title: Translated
    summary: Translated
    last_reviewed: date
    paths: dict[str, str]
    fallback: dict[str, str] | None


class OptionOut(Schema):
    key: str
    label: Translated
    low: int | None = Field(description="For a number question: the range's lower end (included).")
    high: int | None = Field(description="For a number question: the range's upper end (included).")
    next: str = Field(description="The key of the question or outcome this answer leads to.")
    note: Translated
    fees: list[int] = Field(description="Ids of the guide fees this answer adds.")
    fallback: dict[str, str] | None


class QuestionOut(Schema):
    key: str = Field(description="The query parameter that carries the answer.")
    kind: str = Field(description="choice, number or date (YYYY-MM-DD).")
    text: Translated
    hint: Translated
    unit: Translated
    min: int | None
    max: int | None
    next: str | None = Field(description="For a date question: what follows it.")
    options: list[OptionOut]
    fallback: dict[str, str] | None


class OutcomeOut(Schema):
    key: str
    title: Translated
    body: Translated
    time_needed: Translated
    guide: str | None = Field(description="The slug of the guide the outcome refers to.")
    guide_part: str
    official_url: str
    fallback: dict[str, str] | None


class SourceOut(Schema):
    title: Translated
    url: str
    confirmed: bool
    fallback: dict[str, str] | None


class QuestionnaireOut(QuestionnaireBrief):
    intro: Translated
    questions: list[QuestionOut] = Field(description="In order: the first one starts.")
    outcomes: list[OutcomeOut]
    sources: list[SourceOut]


class AnswerOut(Schema):
    question: str
    value: str
    shown: str = Field(description="The answer as the page shows it, in the requested language.")


class FeeLineOut(Schema):
    condition: str
    amount_mci: float | None
    amount_tenge: int | None = Field(description="Whole tenge for the year; null when the year's MCI is unknown.")
    source_url: str


class WalkOutcome(Schema):
    key: str
    title: str
    text: str = Field(description="What to do, as plain text, MCI figures written out for the year.")
    notes: list[str] = Field(description="What the answers given add, as plain text.")
    fees: list[FeeLineOut]
    total_tenge: int | None
    year: int
    deadline: date | None
    guide_path: str | None
    letter_paths: list[str]
    official_url: str


class WalkOut(Schema):
    status: str = Field(description="question (ask `question` next) or outcome.")
    answers: list[AnswerOut]
    question: str | None = Field(description="The key of the next question to ask.")
    outcome: WalkOutcome | None


def _brief(questionnaire, fields):
    return fields.obj(
        questionnaire,
        "title",
        "summary",
        slug=questionnaire.slug,
        last_reviewed=questionnaire.last_reviewed,
        paths=paths(f"/answers/{questionnaire.slug}/"),
    )


@router.get("/answers", response={200: list[QuestionnaireBrief], **ERRORS}, summary="Published questionnaires")
def list_questionnaires(request, lang: Language | None = Query(None, description=LANG_HELP)):
    fields = Fields(lang)
    return [_brief(item, fields) for item in selectors.questionnaires()]


def _published(slug):
    if not Questionnaire.objects.published().filter(slug=slug).exists():
        raise Http404("There is no such questionnaire among the published content.")
    return selectors.questionnaire_detail(slug)


@router.get("/answers/{slug}", response={200: QuestionnaireOut, **ERRORS}, summary="A questionnaire's whole tree")
def get_questionnaire(
    request,
    slug: str = Path(..., pattern=SLUG, description="The questionnaire's slug, as in its page's address."),
    lang: Language | None = Query(None, description=LANG_HELP),
):
    questionnaire = _published(slug)
    fields = Fields(lang)
    data = _brief(questionnaire, fields)
    data["intro"] = fields.value(questionnaire, "intro", data["fallback"])
    data["questions"] = [
        fields.obj(
            question,
            "text",
            "hint",
            "unit",
            key=question.key,
            kind=question.kind,
            min=question.min_value,
            max=question.max_value,
            next=question.next_key or None,
            options=[
                fields.obj(
                    option,
                    "label",
                    "note",
                    key=option.key,
                    low=option.low,
                    high=option.high,
                    next=option.next_key,
                    fees=[fee.pk for fee in option.fees.all()],
                )
                for option in question.options.all()
            ],
        )
        for question in questionnaire.questions.all()
    ]
    data["outcomes"] = [
        fields.obj(
            outcome,
            "title",
            "body",
            "time_needed",
            key=outcome.key,
            guide=outcome.guide.slug if outcome.guide else None,
            guide_part=outcome.guide_anchor,
            official_url=outcome.official_url,
        )
        for outcome in questionnaire.outcomes.all()
    ]
    data["sources"] = [
        fields.obj(source, "title", url=source.url, confirmed=source.confirmed)
        for source in questionnaire.sources.all()
    ]
    return data


@router.get(
    "/answers/{slug}/walk",
    response={200: WalkOut, **ERRORS},
    summary="Follow the answers: the next question, or the outcome with its fees",
    description=(
        "Give the answers as query parameters named by the questions' keys, as the pages do "
        "(`?document=id-card&id-age=30`). Answers that do not fit, or that the path does not ask, are a 422 "
        "naming the question."
    ),
)
def walk_questionnaire(
    request,
    slug: str = Path(..., pattern=SLUG, description="The questionnaire's slug, as in its page's address."),
    lang: Language = Query("en", description="The language of the texts."),
):
    from answers.views import outcome_details

    questionnaire = _published(slug)
    given = request.GET.copy()
    for name in RESERVED:
        given.pop(name, None)
    with translation.override(lang):
        state = walk(Tree.of(questionnaire), given)
        if state.is_bad:
            with translation.override("en"):
                state = walk(Tree.of(questionnaire), given)
            name = state.question.key
            detail = [{"loc": ["query", name], "msg": str(state.error), "type": "value_error"}]
            from core.api import api

            return api.create_response(
                request,
                {"error": "invalid_request", "message": f"{name}: {state.error}", "detail": detail},
                status=422,
            )
        answers = [{"question": a.question.key, "value": a.raw, "shown": a.shown} for a in state.answers]
        if state.outcome is None:
            return {"status": "question", "answers": answers, "question": state.question.key, "outcome": None}
        details = outcome_details(state)
        outcome = state.outcome
        return {
            "status": "outcome",
            "answers": answers,
            "question": None,
            "outcome": {
                "key": outcome.key,
                "title": translated(outcome, "title").value,
                "text": plain_text(details["body_text"]),
                "notes": [plain_text(note) for note in details["note_texts"]],
                "fees": [
                    {
                        "condition": translated(line.fee, "condition").value,
                        "amount_mci": float(line.fee.amount_mci) if line.fee.amount_mci is not None else None,
                        "amount_tenge": int(line.tenge) if line.tenge is not None else None,
                        "source_url": line.fee.source_url,
                    }
                    for line in details["fees"]
                ],
                "total_tenge": int(details["total"]) if details["total"] is not None else None,
                "year": details["year"],
                "deadline": details["deadline"]["date"] if details["deadline"] else None,
                "guide_path": details["guide_url"],
                "letter_paths": [address for _letter, address in details["letters"]],
                "official_url": outcome.official_url,
            },
        }
