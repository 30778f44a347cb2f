"""Walking a questionnaire's tree with the answers in the address, and checking a tree is sound.

The answers live in the query string, one parameter per question (``?reason=lost&age=17``): the
outcome is a plain address to share, bookmark and cache, and nothing is stored. ``walk`` follows the
tree from the first question, reading each question's answer from the address, and stops at the first
question without an answer (to ask it), with a wrong answer (to ask it again with the error), or at an
outcome. Answers the path does not ask, or values a question does not offer, never lead to a wrong
outcome: they stop the walk with an error.

``problems`` lists what makes a tree unusable: a dead end (an answer leading nowhere), an unreachable
question or outcome, a loop, number ranges with gaps or overlaps, and, for a published questionnaire,
a missing translation.
"""

import datetime
import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from answers.models import Question
from core.i18n import LANGUAGE_CODES

# Parameters that messengers and newsletters add to shared links; no question reads them.
IGNORED_PREFIXES = ("utm_", "fbclid", "gclid", "yclid", "_openstat")
EARLIEST_DATE = datetime.date(1900, 1, 1)
LATEST_DATE = datetime.date(2100, 12, 31)
NUMBER = re.compile(r"^[+-]?\d{1,9}$")
DOTTED_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")


@dataclass
class Tree:
    """A questionnaire's questions (in order, the first one starts), their options and its outcomes."""

    questionnaire: object
    questions: list
    outcomes: list

    @classmethod
    def of(cls, questionnaire):
        """The tree of a questionnaire whose questions (with options) and outcomes are prefetched or not."""
        questions = list(questionnaire.questions.all())
        for question in questions:
            question.option_list = list(question.options.all())
        return cls(questionnaire, questions, list(questionnaire.outcomes.all()))

    def __post_init__(self):
        self.by_key = {question.key: question for question in self.questions}
        self.outcome_by_key = {outcome.key: outcome for outcome in self.outcomes}

    @property
    def first(self):
        return self.questions[0] if self.questions else None

    def node(self, key):
        return self.by_key.get(key) or self.outcome_by_key.get(key)

    @staticmethod
    def nexts(question):
        """The keys a question can lead to."""
        if question.kind == Question.Kind.DATE:
            return [question.next_key]
        return [option.next_key for option in question.option_list]


@dataclass
class Answer:
    question: object
    raw: str
    shown: str  # the answer as the page shows it (the option's label, the number with its unit, the date)
    value: object = None
    option: object = None  # the option chosen (for a number, the range it falls in)


@dataclass
class State:
    """Where a walk stopped: at ``question`` (to ask it; with ``error`` when its answer was wrong) or at
    ``outcome``; ``answers`` are the questions answered on the way, in order."""

    answers: list = field(default_factory=list)
    question: object = None
    outcome: object = None
    error: str = ""
    given: str = ""  # the wrong value, shown again in the field

    @property
    def is_bad(self):
        return bool(self.error)

    def value_of(self, key):
        for answer in self.answers:
            if answer.question.key == key:
                return answer.value
        return None


def parse_date(raw):
    """A date written as 2026-12-04 (what a date field sends) or 04.12.2026 (what people type)."""
    raw = raw.strip()
    try:
        match = DOTTED_DATE.match(raw)
        if match:
            day, month, year = (int(part) for part in match.groups())
            return datetime.date(year, month, day)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw):
            return datetime.date.fromisoformat(raw)
    except ValueError:
        return None
    return None


def _answer(question, raw):
    """``(Answer, next key)`` or ``(None, error message)`` for one question's raw value."""
    from django.utils.formats import date_format

    from core.i18n import translated
    from core.templatetags.azamat import long_date

    if question.kind == Question.Kind.CHOICE:
        for option in question.option_list:
            if option.key == raw:
                return Answer(question, raw, translated(option, "label").value, raw, option), option.next_key
        return None, _("Choose one of the answers below.")
    if question.kind == Question.Kind.NUMBER:
        cleaned = raw.replace(" ", "").replace("\u00a0", "")
        if not NUMBER.match(cleaned):
            return None, _("Enter a whole number in figures, like 25.")
        number = int(cleaned)
        low, high = question.min_value, question.max_value
        if (low is not None and number < low) or (high is not None and number > high):
            return None, _("Enter a number from %(low)s to %(high)s.") % {"low": low, "high": high}
        for option in question.option_list:
            if option.fits(number):
                unit = translated(question, "unit").value
                return Answer(question, cleaned, f"{number} {unit}".strip(), number, option), option.next_key
        return None, _("Enter a number from %(low)s to %(high)s.") % {"low": low, "high": high}
    day = parse_date(raw)
    if day is None:
        return None, _("Enter a real date, like 04.12.2026.")
    if not EARLIEST_DATE <= day <= LATEST_DATE:
        return None, _("Enter a date between %(earliest)s and %(latest)s.") % {
            "earliest": date_format(EARLIEST_DATE, "SHORT_DATE_FORMAT"),
            "latest": date_format(LATEST_DATE, "SHORT_DATE_FORMAT"),
        }
    return Answer(question, day.isoformat(), long_date(day), day), question.next_key


def walk(tree, params):
    """Follow ``tree`` with ``params`` (a QueryDict or ``{name: [values]}``) as far as the answers go."""
    lists = {name: params.getlist(name) if hasattr(params, "getlist") else list(params[name]) for name in params}
    wanted = {name: values for name, values in lists.items() if not name.startswith(IGNORED_PREFIXES)}
    state = State()
    node, asked = tree.first, set()
    while node is not None and isinstance(node, Question):
        values = wanted.get(node.key)
        if not values:
            break
        asked.add(node.key)
        if len(values) > 1:
            state.question, state.error = node, _("This question was answered more than once in the address.")
            return state
        answer, follow = _answer(node, values[0])
        if answer is None:
            state.question, state.error, state.given = node, follow, values[0][:100]
            return state
        state.answers.append(answer)
        node = tree.node(follow)
    extra = sorted(set(wanted) - asked)
    if extra:
        # An address edited by hand or answers from another path: ask again where the path stands.
        state.question = node if isinstance(node, Question) else state.answers[-1].question
        if state.answers and state.question is state.answers[-1].question:
            state.answers.pop()
        state.error = _("The address holds answers this path does not ask (%(names)s); answer this question again.") % {
            "names": ", ".join(name[:40] for name in extra[:5])
        }
        return state
    if isinstance(node, Question) or node is None:
        state.question = node
    else:
        state.outcome = node
    return state


def paths(tree):
    """Every path through the tree: ``[(params, outcome)]``, one parameter per question; a number question
    is answered once per range (its lower bound, or the smallest accepted number) and a date once."""
    found = []

    def values(question):
        if question.kind == Question.Kind.CHOICE:
            return [(option.key, option.next_key) for option in question.option_list]
        if question.kind == Question.Kind.NUMBER:
            picks = []
            for option in question.option_list:
                low = option.low if option.low is not None else question.min_value
                picks.append((str(low), option.next_key))
            return picks
        return [("2026-07-01", question.next_key)]

    def visit(node, params, seen):
        if not isinstance(node, Question):
            found.append((params, node))
            return
        for raw, follow in values(node):
            target = tree.node(follow)
            if target is None or follow in seen:
                continue
            visit(target, [*params, (node.key, raw)], seen | {node.key})

    if tree.first is not None:
        visit(tree.first, [], frozenset())
    return found


TRANSLATED = {
    "questionnaire": ("title", "summary"),
    "question": ("text",),
    "option": ("label",),
    "outcome": ("title", "body"),
}


def problems(tree, published=None):
    """What is wrong with ``tree``, as sentences for editors; empty when it is sound."""
    found = []
    questionnaire = tree.questionnaire
    if published is None:
        published = questionnaire.is_published
    if not tree.questions:
        return [_("The questionnaire has no questions.")]
    if not tree.outcomes:
        found.append(_("The questionnaire has no outcomes."))
    shared = set(tree.by_key) & set(tree.outcome_by_key)
    for key in sorted(shared):
        found.append(_("The key “%(key)s” names both a question and an outcome.") % {"key": key})
    for question in tree.questions:
        found += _question_problems(tree, question)
    found += _reach_problems(tree)
    for outcome in tree.outcomes:
        if outcome.deadline_from:
            source = tree.by_key.get(outcome.deadline_from)
            if source is None or source.kind != Question.Kind.DATE:
                found.append(
                    _("Outcome “%(key)s” counts its deadline from “%(from)s”, which is not a date question.")
                    % {"key": outcome.key, "from": outcome.deadline_from}
                )
            elif outcome.deadline_days is None:
                found.append(_("Outcome “%(key)s” has no number of days for its deadline.") % {"key": outcome.key})
    if published:
        found += _translation_problems(tree)
    return found


def _question_problems(tree, question):
    found = []
    name = {"key": question.key}
    if question.kind == Question.Kind.DATE:
        if question.option_list:
            found.append(_("Question “%(key)s” asks for a date: it takes no options.") % name)
        if not question.next_key:
            found.append(_("Question “%(key)s” is a dead end: a date must lead to a question or an outcome.") % name)
    elif len(question.option_list) < (2 if question.kind == Question.Kind.CHOICE else 1):
        found.append(_("Question “%(key)s” has too few options.") % name)
    for option in question.option_list:
        if not option.next_key:
            found.append(
                _("Option “%(option)s” of question “%(key)s” is a dead end: it leads nowhere.")
                % {**name, "option": option.key}
            )
    for follow in Tree.nexts(question):
        if follow and tree.node(follow) is None:
            found.append(
                _("Question “%(key)s” leads to “%(next)s”, which is neither a question nor an outcome (a dead end).")
                % {**name, "next": follow}
            )
    if question.kind == Question.Kind.NUMBER:
        found += _range_problems(question)
    return found


def _range_problems(question):
    name = {"key": question.key}
    if question.min_value is None or question.max_value is None or question.min_value > question.max_value:
        return [_("Question “%(key)s” needs the smallest and largest numbers it accepts.") % name]
    found = []
    expected = question.min_value
    ranges = sorted(
        (
            option.low if option.low is not None else question.min_value,
            option.high if option.high is not None else question.max_value,
            option.key,
        )
        for option in question.option_list
    )
    for low, high, key in ranges:
        if low > high:
            found.append(
                _("Option “%(option)s” of question “%(key)s” has its range upside down.") % {**name, "option": key}
            )
        elif low > expected:
            found.append(
                _("Question “%(key)s”: no option covers %(low)s to %(high)s.")
                % {**name, "low": expected, "high": low - 1}
            )
        elif low < expected:
            found.append(_("Question “%(key)s”: options overlap at %(number)s.") % {**name, "number": low})
        expected = max(expected, high + 1)
    if ranges and expected <= question.max_value:
        found.append(
            _("Question “%(key)s”: no option covers %(low)s to %(high)s.")
            % {**name, "low": expected, "high": question.max_value}
        )
    return found


def _reach_problems(tree):
    """Loops, and questions or outcomes that no path reaches."""
    found, reached = [], set()
    state = {}  # key -> "open" while on the current path, "done" after

    def visit(key, trail):
        reached.add(key)
        node = tree.by_key.get(key)
        if node is None:
            return
        state[key] = "open"
        for follow in Tree.nexts(node):
            if state.get(follow) == "open":
                found.append(_("A loop: %(path)s.") % {"path": " → ".join([*trail, key, follow])})
            elif follow and follow not in state:
                visit(follow, [*trail, key])
            else:
                reached.add(follow)
        state[key] = "done"

    visit(tree.first.key, [])
    for question in tree.questions:
        if question.key not in reached:
            found.append(_("Question “%(key)s” is never asked: no answer leads to it.") % {"key": question.key})
    for outcome in tree.outcomes:
        if outcome.key not in reached:
            found.append(_("Outcome “%(key)s” is never reached: no answer leads to it.") % {"key": outcome.key})
    return found


def _translation_problems(tree):
    found = []

    def check(kind, obj, label, extra=()):
        for field_name in (*TRANSLATED[kind], *extra):
            missing = [code for code in LANGUAGE_CODES if not (getattr(obj, f"{field_name}_{code}", "") or "").strip()]
            if missing:
                found.append(
                    _("%(what)s: “%(field)s” is missing in %(languages)s.")
                    % {"what": label, "field": field_name, "languages": ", ".join(missing)}
                )

    check("questionnaire", tree.questionnaire, tree.questionnaire.slug)
    for question in tree.questions:
        check("question", question, question.key, ("unit",) if question.kind == Question.Kind.NUMBER else ())
        for option in question.option_list:
            check("option", option, f"{question.key}={option.key}")
    for outcome in tree.outcomes:
        check("outcome", outcome, outcome.key)
    return found
