"""Bundled questionnaires: one YAML file per questionnaire in ``answers/data`` (format in its README).

Each tree is checked after it is loaded (``answers.tree.problems``): a file with a dead end, an
unreachable outcome, a loop, a fee or guide that does not exist, or, when published, a missing
translation stops the load with the file's name and the problems, and nothing of the load is kept.
"""

from pathlib import Path

from answers.models import Option, Outcome, Question, Questionnaire, QuestionnaireSource
from answers.tree import Tree, problems
from core.loading import read_yaml, sync, translated_fields, translated_values
from guides.models import Fee, Guide
from letters.models import LetterTemplate

DATA_DIR = Path(__file__).resolve().parent / "data"


class TreeError(ValueError):
    """A bundled questionnaire that cannot be used."""


def _fee(path, reference):
    """A guide's fee named ``<guide slug>/<its position among the guide's fees, from 1>``."""
    slug, _sep, order = str(reference).partition("/")
    fee = Fee.objects.filter(guide__slug=slug, order=int(order or 0)).first()
    if fee is None:
        raise TreeError(f"{path.name}: the fee {reference!r} does not exist (guide slug/position of the fee)")
    return fee


def _guide(path, slug):
    if not slug:
        return None
    guide = Guide.objects.filter(slug=slug).first()
    if guide is None:
        raise TreeError(f"{path.name}: the guide {slug!r} does not exist")
    return guide


def _letter(path, slug):
    if not slug:
        return None
    letter = LetterTemplate.objects.filter(slug=slug).first()
    if letter is None:
        raise TreeError(f"{path.name}: the letter {slug!r} does not exist")
    return letter


def load(report, stdout=None):
    for path in sorted(DATA_DIR.glob("*.yaml")):
        load_file(path, report)


def load_file(path, report):
    data = read_yaml(path)
    questionnaire, status = sync(
        Questionnaire,
        {"slug": data["slug"]},
        {
            "status": data.get("status", "published"),
            "order": data.get("order", 0),
            "last_reviewed": data["last_reviewed"],
            **translated_fields(data, "title", "summary", "intro", "keywords"),
        },
        report,
    )
    if status == "created" or not questionnaire.guides.exists():
        questionnaire.guides.set([_guide(path, slug) for slug in data.get("guides", [])])
    for order, item in enumerate(data["questions"], start=1):
        question, _status = sync(
            Question,
            {"questionnaire": questionnaire, "key": item["key"]},
            {
                "order": order,
                "kind": item.get("kind", "choice"),
                "min_value": item.get("min"),
                "max_value": item.get("max"),
                "next_key": item.get("next", ""),
                **translated_fields(item, "text", "hint", "unit"),
            },
            report,
        )
        for option_order, option in enumerate(item.get("options", []), start=1):
            low, high = (option.get("range") or [None, None])[:2]
            letter = _letter(path, option.get("letter"))
            choice, choice_status = sync(
                Option,
                {"question": question, "key": option["key"]},
                {
                    "order": option_order,
                    "low": low,
                    "high": high,
                    "next_key": option["next"],
                    "letter_id": letter.id if letter else None,
                    "letter_prefill": option.get("letter_prefill", ""),
                    **translated_fields(option, "label", "note"),
                },
                report,
            )
            if choice_status == "created" or not choice.fees.exists():
                choice.fees.set([_fee(path, reference) for reference in option.get("fees", [])])
    for item in data["outcomes"]:
        guide = _guide(path, item.get("guide"))
        letter = _letter(path, item.get("letter"))
        outcome, outcome_status = sync(
            Outcome,
            {"questionnaire": questionnaire, "key": item["key"]},
            {
                "guide_id": guide.id if guide else None,
                "guide_anchor": item.get("anchor", ""),
                "letter_id": letter.id if letter else None,
                "letter_prefill": item.get("letter_prefill", ""),
                "official_url": item.get("official_url", ""),
                "deadline_from": item.get("deadline_from", ""),
                "deadline_days": item.get("deadline_days"),
                "reminder": item.get("reminder", ""),
                **translated_fields(item, "title", "body", "time_needed", "official_title"),
            },
            report,
        )
        if outcome_status == "created" or not outcome.fees.exists():
            outcome.fees.set([_fee(path, reference) for reference in item.get("fees", [])])
    for order, item in enumerate(data.get("sources", []), start=1):
        sync(
            QuestionnaireSource,
            {"questionnaire": questionnaire, "order": order},
            {
                "url": item["url"],
                "checked_on": item.get("checked_on"),
                "confirmed": item.get("confirmed", True),
                **translated_values("title", item["title"]),
            },
            report,
        )
    found = problems(Tree.of(questionnaire))
    if found:
        raise TreeError(f"{path.name}: " + "; ".join(str(problem) for problem in found))
    return questionnaire
