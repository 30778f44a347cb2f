"""Questionnaire pages: one question at a time, the answers so far in the address (GET), the outcome
as a page of its own. Nothing is stored, no cookie is set, no answer is logged."""

import datetime
from urllib.parse import urlencode

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from answers import selectors
from answers.reminders import DOCUMENTS, ReminderForm, calendar_file
from answers.text import expand
from answers.tree import Tree, walk
from core.content import can_preview
from core.i18n import translated
from core.text import render_markdown


def index(request):
    context = {
        "questionnaires": selectors.questionnaires(),
        "reminder_documents": list(DOCUMENTS.items()),
        "breadcrumbs": [{"title": _("Answers for your situation"), "url": ""}],
    }
    return render(request, "answers/index.html", context)


def _address(base, answers):
    query = urlencode([(answer.question.key, answer.raw) for answer in answers])
    return f"{base}?{query}" if query else base


def detail(request, slug):
    """The next question, the same question with its error (400), or the outcome."""
    questionnaire = selectors.questionnaire_detail(slug, preview=can_preview(request))
    tree = Tree.of(questionnaire)
    state = walk(tree, request.GET)
    base = questionnaire.get_absolute_url()
    answered = [
        {"answer": answer, "change_url": _address(base, state.answers[:position])}
        for position, answer in enumerate(state.answers)
    ]
    context = {
        "questionnaire": questionnaire,
        "state": state,
        "answered": answered,
        "step": len(state.answers) + 1,
        "breadcrumbs": [
            {"title": _("Answers for your situation"), "url": reverse("answers:index")},
            {"title": translated(questionnaire, "title").value, "url": ""},
        ],
    }
    if state.outcome is not None:
        context.update(_outcome_context(state))
        template = "answers/outcome.html"
    else:
        template = "answers/question.html"
        context["question"] = state.question
        context["given"] = state.given
    return render(request, template, context, status=400 if state.is_bad else 200)


def _letters(state):
    """``[(letter, address)]``: the outcome's letter and those of the answers given, each once, with the
    choices the answers tick prefilled."""
    sources = [(answer.option.letter, answer.option.letter_prefill) for answer in state.answers if answer.option]
    sources.append((state.outcome.letter, state.outcome.letter_prefill))
    prefills, order = {}, []
    for letter, prefill in sources:
        if letter is None or not letter.is_published:
            continue
        if letter.pk not in prefills:
            order.append(letter)
            prefills[letter.pk] = []
        prefills[letter.pk] += [part for part in prefill.split("&") if part]
    found = []
    for letter in order:
        query = "&".join(dict.fromkeys(prefills[letter.pk]))
        found.append((letter, letter.get_absolute_url() + (f"?{query}" if query else "")))
    return found


def _notes(state, rate):
    """The notes of the answers given, MCI figures written out, in the order they were answered:
    ``[(Markdown, language)]``."""
    notes = []
    for answer in state.answers:
        if answer.option is None:
            continue
        note = translated(answer.option, "note")
        if note.value:
            notes.append((expand(note.value, rate), note.language))
    return notes


def outcome_details(state):
    """What an outcome says for the answers given: its text and the answers' notes (Markdown, MCI figures
    written out), the fees in tenge for this year, the deadline, and where to go next."""
    outcome = state.outcome
    options = [answer.option for answer in state.answers if answer.option is not None]
    rate, fees = selectors.outcome_fees(outcome, options)
    year = timezone.localdate().year
    total = None
    if len(fees) > 1 and all(line.tenge is not None for line in fees):
        total = sum(line.tenge for line in fees)
    deadline = None
    if outcome.deadline_from and outcome.deadline_days is not None:
        start = state.value_of(outcome.deadline_from)
        if isinstance(start, datetime.date):
            deadline = {"start": start, "date": start + datetime.timedelta(days=outcome.deadline_days)}
    guide = outcome.guide if outcome.guide is not None and outcome.guide.is_published else None
    guide_url = None
    if guide is not None:
        guide_url = guide.get_absolute_url() + (f"#{outcome.guide_anchor}" if outcome.guide_anchor else "")
    body = translated(outcome, "body")
    notes = _notes(state, rate)
    return {
        "body_text": expand(body.value, rate),
        "body_language": body.language,
        "note_texts": [text for text, _language in notes],
        "notes_with_language": notes,
        "fees": fees,
        "rate": rate,
        "year": year,
        "rate_is_old": rate is not None and rate.year != year,
        "total": total,
        "deadline": deadline,
        "letters": _letters(state),
        "guide": guide,
        "guide_url": guide_url,
    }


def _outcome_context(state):
    details = outcome_details(state)
    outcome = state.outcome
    return {
        **details,
        "outcome": outcome,
        "body_html": mark_safe(render_markdown(details["body_text"])),
        "notes": [
            {"html": mark_safe(render_markdown(text)), "language": language}
            for text, language in details["notes_with_language"]
        ],
        "reminder": DOCUMENTS.get(outcome.reminder),
        "reminder_form": ReminderForm() if outcome.reminder else None,
    }


def _reminder_context(document, form):
    info = DOCUMENTS[document]
    return {
        "document": document,
        "info": info,
        "form": form,
        "guide_url": reverse("guides:detail", kwargs={"slug": info["guide"]}),
        "breadcrumbs": [
            {"title": _("Answers for your situation"), "url": reverse("answers:index")},
            {"title": _("Expiry reminder"), "url": ""},
        ],
    }


def reminder(request, document):
    """The reminder form on a page of its own (the guides and outcomes show the same form)."""
    if document not in DOCUMENTS:
        raise Http404
    return render(request, "answers/reminder.html", _reminder_context(document, ReminderForm()))


@never_cache
def reminder_ics(request, document):
    """The calendar file, or the form again with what is wrong (400). Never cached, never stored."""
    if document not in DOCUMENTS:
        raise Http404
    form = ReminderForm(request.GET)
    if not form.is_valid():
        return render(request, "answers/reminder.html", _reminder_context(document, form), status=400)
    expires, before = form.cleaned_data["expires"], form.cleaned_data["before"]
    guide_path = reverse("guides:detail", kwargs={"slug": DOCUMENTS[document]["guide"]})
    body = calendar_file(document, expires, before, get_language(), guide_path)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="azamat-{document}-{expires.isoformat()}.ics"'
    return response
