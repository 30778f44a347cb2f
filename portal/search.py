"""Search across the Constitution, guides and essays, the same on SQLite and PostgreSQL.

Each published object is kept in ``SearchDocument`` once per language (its text in that
language, with fallback text where a translation is missing), together with a *folded* copy:
lower case, ё→е, Kazakh letters written as the Russian letters people type without a Kazakh
keyboard (қ→к, ә→а …), combining accents removed. Queries are folded the same way and matched
with a plain substring search on that one column, so "ЭЦҚ", "эцк" and "ЭЦК" find the same
pages on both databases (SQLite's LIKE only folds ASCII; here nothing is left to fold).

Folding keeps every character in place (one character in, one out), so a match found in the
folded text is at the same position in the original text, which gives the snippet.

Apps say what they index in their ``search.py``: ``INDEXED`` maps every model whose change
affects the index to the top-level objects to re-index, and ``documents(obj)`` yields the
documents of one object. Signals keep the index current; ``rebuild_search_index`` rebuilds it.
"""

import re
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass
from html import unescape
from importlib import import_module

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

from portal.content import CONTENT_APPS
from portal.text import render_markdown

MAX_QUERY = 200
MAX_TERMS = 8
CANDIDATES = 400
PER_KIND = 20
SNIPPET = 220

_FOLD = {"ё": "е", "ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о", "ұ": "у", "ү": "у", "һ": "х", "і": "и"}
_TERM = re.compile(r"\w+", re.UNICODE)


def _fold_char(char):
    lower = char.lower()[:1] or char
    lower = _FOLD.get(lower, lower)
    if lower.isascii() or "\u0400" <= lower <= "\u04ff":  # й stays й; Cyrillic has no accents to drop
        return lower
    base = unicodedata.normalize("NFD", lower)[:1]
    return base or lower


# Every character below U+3000 that folding changes, as a table for str.translate (fast, in C).
_TABLE = {code: folded for code in range(0x3000) if (folded := _fold_char(chr(code))) != chr(code)}


def fold(text):
    """Lower case, ё→е, Kazakh letters as their Russian look-alikes, no accents; same length."""
    return (text or "").translate(_TABLE)


def plain_text(markdown):
    """The words of a Markdown text, without markup."""
    return " ".join(unescape(strip_tags(render_markdown(markdown))).split())


def terms(query):
    """The folded words of a query that are worth searching for (at most ``MAX_TERMS``)."""
    words = []
    for word in _TERM.findall(fold(query[:MAX_QUERY])):
        if (len(word) > 1 or word.isdigit()) and word not in words:
            words.append(word)
    return words[:MAX_TERMS]


# --- Keeping the index current -------------------------------------------------------------------


def _providers():
    for label in CONTENT_APPS:
        try:
            yield import_module(f"{label}.search")
        except ModuleNotFoundError as exc:
            if exc.name != f"{label}.search":
                raise


_paused = False


@contextmanager
def paused():
    """Skip re-indexing on each save (bulk loads); rebuild afterwards."""
    global _paused
    previous, _paused = _paused, True
    try:
        yield
    finally:
        _paused = previous


def reindex(obj):
    """Replace the documents of one top-level object (none when it is not published)."""
    from portal.models import SearchDocument

    module = import_module(f"{obj._meta.app_label}.search")
    kind, key = module.identity(obj)
    with transaction.atomic():
        SearchDocument.objects.filter(kind=kind, key=key).delete()
        SearchDocument.objects.bulk_create(_document(kind, key, item) for item in module.documents(obj))


def forget(kind, key):
    from portal.models import SearchDocument

    SearchDocument.objects.filter(kind=kind, key=key).delete()


def _document(kind, key, item):
    from portal.models import SearchDocument

    title, text = item["title"], item["text"]
    return SearchDocument(
        kind=kind,
        key=key,
        language=item["language"],
        title=title[:300],
        title_folded=fold(title[:300]),
        text=text,
        folded=fold(title + " \n " + text),
        url=item["url"],
        boost=item.get("boost", 1.0),
    )


def rebuild():
    """Index every object from scratch; returns the number of documents."""
    from portal.models import SearchDocument

    with transaction.atomic():
        SearchDocument.objects.all().delete()
        documents = []
        for module in _providers():
            for obj in module.indexable():
                kind, key = module.identity(obj)
                documents.extend(_document(kind, key, item) for item in module.documents(obj))
        SearchDocument.objects.bulk_create(documents, batch_size=500)
    return len(documents)


def _on_change(sender, instance, **kwargs):
    if _paused:  # bulk loads and imports rebuild the index once at the end
        return
    module = import_module(f"{sender._meta.app_label}.search")
    for obj in module.INDEXED[sender](instance):
        if obj is None:
            continue
        if kwargs.get("signal") is post_delete and obj is instance:
            forget(*module.identity(obj))
        else:
            reindex(obj)


def _on_links(sender, instance, action, **kwargs):
    if action.startswith("post_"):
        _on_change(type(instance), instance)


def connect_signals():
    for module in _providers():
        for model in module.INDEXED:
            uid = f"search-{model._meta.label}"
            post_save.connect(_on_change, sender=model, dispatch_uid=f"{uid}-save")
            post_delete.connect(_on_change, sender=model, dispatch_uid=f"{uid}-delete")
            for field in model._meta.local_many_to_many:
                m2m_changed.connect(_on_links, sender=field.remote_field.through, dispatch_uid=f"{uid}-{field.name}")


# --- Querying ------------------------------------------------------------------------------------


@dataclass
class Hit:
    kind: str
    title: str
    url: str
    snippet: str
    snippet_html: str
    score: float


def _score(document, words):
    title = document.title_folded
    score = 0.0
    head = document.folded[: len(title) + 300]  # the title, then the summary or lead
    for word in words:
        score += 5.0 * title.count(word) + min(document.folded.count(word), 10) + 3.0 * (word in head)
        if re.search(rf"(?<!\w){re.escape(word)}", title):
            score += 5.0
    phrase = " ".join(words)
    if len(words) > 1 and phrase in document.folded:
        score += 10.0
    return score * document.boost


def snippet(text, words, length=SNIPPET):
    """A window of ``text`` around the first match, and the same as HTML with ``<mark>``ed matches."""
    folded = fold(text)
    positions = [folded.find(word) for word in words if word in folded]
    first = min(positions) if positions else 0
    start = max(0, first - length // 3)
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < first else start
    end = min(len(text), start + length)
    if end < len(text):  # end on a word boundary
        space = text.rfind(" ", first + 1, end)
        end = space if space > first else end
    window, window_folded = text[start:end], folded[start:end]
    marks = []
    for word in words:
        for match in re.finditer(re.escape(word), window_folded):
            marks.append((match.start(), match.end()))
    marks.sort()
    pieces, cursor = [], 0
    for begin, finish in marks:
        if begin < cursor:
            continue
        pieces.append(escape(window[cursor:begin]))
        pieces.append(f"<mark>{escape(window[begin:finish])}</mark>")
        cursor = finish
    pieces.append(escape(window[cursor:]))
    prefix, suffix = ("… " if start else ""), (" …" if end < len(text) else "")
    return prefix + window + suffix, mark_safe(escape(prefix) + "".join(pieces) + escape(suffix))


def search(query, language):
    """Hits for ``query`` in ``language``, grouped by kind and best first: ``{"article": [Hit, …], …}``.

    Two queries: candidates with their folded text for ranking, then the display text of the
    few that are shown (the text is the largest column; most candidates are never shown).
    """
    from portal.models import SearchDocument

    words = terms(query)
    if not words:
        return {}
    documents = SearchDocument.objects.filter(language=language)
    for word in words:
        documents = documents.filter(folded__contains=word)
    candidates = documents.only("kind", "title", "title_folded", "folded", "url", "boost")[:CANDIDATES]
    ranked = sorted(((_score(d, words), d) for d in candidates), key=lambda pair: (-pair[0], pair[1].title))
    shown, per_kind = [], {}
    for score, document in ranked:
        if per_kind.get(document.kind, 0) < PER_KIND:
            per_kind[document.kind] = per_kind.get(document.kind, 0) + 1
            shown.append((score, document))
    if not shown:
        return {}
    texts = dict(SearchDocument.objects.filter(pk__in=[d.pk for _, d in shown]).values_list("pk", "text"))
    grouped = {}
    for score, document in shown:
        text, html = snippet(texts[document.pk], words)
        grouped.setdefault(document.kind, []).append(
            Hit(document.kind, document.title, document.url, text, html, score)
        )
    return grouped


# "5-бап", "5 бап", "ст. 5", "статья 5", "article 5", "art. 5", "бап 5", "№5"
_SHORTCUTS = (
    re.compile(r"^\s*(?P<number>\d{1,3}(?:-\d{1,2})?)\s*-?\s*(?:бап|бабы|статья|ст\.?)\s*$", re.IGNORECASE),
    re.compile(
        r"^\s*(?:бап|ст\.?|статья|статьи|art\.?|article|№)\s*(?P<number>\d{1,3}(?:-\d{1,2})?)\s*$", re.IGNORECASE
    ),
)


def article_shortcut(query):
    """The article number a query asks for directly ("5-бап", "ст. 5", "article 5" …), or None."""
    for pattern in _SHORTCUTS:
        match = pattern.match((query or "")[:MAX_QUERY])
        if match:
            return match.group("number")
    return None
