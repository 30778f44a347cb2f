"""Reading the index: ranked hits with snippets, a best answer, and "Did you mean …?"."""

import re
from dataclasses import dataclass, field
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import mark_safe

from search.analysis import fold, stem, unfolded_pattern
from search.index import catch_up, providers
from search.models import Document
from search.ranking import BEST_COVERAGE, BEST_MARGIN, LIMIT, corrected_query, expand, rank

MAX_QUERY = 200
SNIPPET = 220


def kinds():
    """``[(kind, label)]`` of the results, in the providers' order (the apps' in settings)."""
    return [(module.KIND, module.LABEL) for module in providers()]


def query_boosts(query):
    """``{kind: rule}``: how the providers that have a say for this query change their documents' boosts."""
    rules = {}
    for module in providers():
        if (boost_rule := getattr(module, "boost_rule", None)) and (rule := boost_rule(query)):
            rules[module.KIND] = rule
    return rules


def shortcut(query):
    """``(address, notice)`` for a query that names one page directly ("5-бап" → article 5): the page's
    address, or, when it names one that does not exist, a notice saying so; ``(None, None)`` otherwise."""
    for module in providers():
        if (find := getattr(module, "shortcut", None)) and (found := find((query or "")[:MAX_QUERY])):
            return found
    return None, None


@dataclass
class Hit:
    kind: str
    title: str
    url: str
    summary: str
    snippet: str
    snippet_html: str
    score: float


@dataclass
class Results:
    query: str
    hits: list = field(default_factory=list)
    best: Hit | None = None
    corrected: str = ""  # the query as read, when a word was a typo
    counts: dict = field(default_factory=dict)  # kind → number of matching documents
    total: int = 0

    def by_kind(self):
        grouped = {}
        for hit in self.hits:
            grouped.setdefault(hit.kind, []).append(hit)
        return grouped


def search(query, language, kind=None, limit=LIMIT):
    """The best ``limit`` documents for ``query`` in ``language`` (of one ``kind`` if given).

    Three queries: the index's version (its vocabulary is kept per process), the postings of the
    query's terms, and the shown documents.
    """
    query = (query or "")[:MAX_QUERY].strip()
    results = Results(query)
    if not query:
        return results
    catch_up()
    vocab, expansions = expand(query, language)
    ranked = rank(vocab, expansions, boosts=query_boosts(query))
    if not ranked:
        return results
    results.corrected = corrected_query(query, expansions)
    for item in ranked:
        results.counts[item.kind] = results.counts.get(item.kind, 0) + 1
    chosen = [item for item in ranked if kind is None or item.kind == kind][:limit]
    results.total = sum(results.counts.values()) if kind is None else results.counts.get(kind, 0)
    documents = Document.objects.in_bulk([item.document_id for item in chosen])
    stems = {stem for expansion in expansions for stem in expansion.stems}
    for item in chosen:
        document = documents[item.document_id]
        text, html = snippet(document.text, stems, language)
        results.hits.append(
            Hit(document.kind, document.title, document.url, document.summary, text, html, round(item.score, 4))
        )
    if results.hits and kind is None and results.hits[0].summary and is_best_answer(ranked):
        results.best = results.hits[0]
    return results


def matches(text, stems, language):
    """``(start, end)`` of the words of ``text`` whose stem is one of ``stems``.

    A regular expression finds the words that begin like one of the stems, folded or not, in the text as
    written (in C, however long the text: folding a document's whole text first took most of a search's
    time); only those words are folded and stemmed to confirm."""
    prefixes = sorted({fold(stem[: max(3, len(stem) - 1)]) for stem in stems if stem}, key=len, reverse=True)
    if not prefixes:
        return []
    pattern = _prefixes_pattern(tuple(prefixes))
    found = []
    for match in pattern.finditer(text):
        if stem(fold(match.group(0)), language) in stems:
            found.append((match.start(), match.end()))
    return found


@lru_cache(maxsize=256)
def _prefixes_pattern(prefixes):
    return re.compile(r"(?<!\w)(?:" + "|".join(unfolded_pattern(p) for p in prefixes) + r")\w*")


def is_best_answer(ranked):
    """Whether the first result clearly answers the query: its title, keywords or summary (what the
    best-answer card shows) hold most of the query, and it beats the second or the second does not."""
    first = ranked[0]
    if first.in_summary < BEST_COVERAGE:
        return False
    if len(ranked) == 1:
        return True
    second = ranked[1]
    return first.score >= BEST_MARGIN * second.score or (
        first.score > second.score and first.in_summary > second.in_summary
    )


def snippet(text, stems, language, length=SNIPPET):
    """A window of ``text`` with the most matched words, and the same as HTML with ``<mark>``s."""
    found = matches(text, stems, language)
    if not found:
        cut = text[:length]
        end = cut.rfind(" ") if len(text) > length and " " in cut else len(cut)
        plain = text[:end] + (" …" if end < len(text) else "")
        return plain, mark_safe(escape(plain))
    best_start, best_count = found[0][0], 0
    for index, (start, _end) in enumerate(found):
        count = sum(1 for other, _ in found[index:] if other < start + length * 2 // 3)
        if count > best_count:
            best_start, best_count = start, count
    start = max(0, best_start - length // 4)
    if start:
        space = text.find(" ", start, best_start)
        start = space + 1 if space >= 0 else start
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", best_start + 1, end)
        end = space if space > best_start else end
    window = text[start:end]
    pieces, cursor = [], start
    for begin, finish in found:
        if begin < cursor or finish > end:
            continue
        pieces.append(escape(text[cursor:begin]))
        pieces.append(f"<mark>{escape(text[begin:finish])}</mark>")
        cursor = finish
    pieces.append(escape(text[cursor:end]))
    prefix, suffix = ("… " if start else ""), (" …" if end < len(text) else "")
    return prefix + window + suffix, mark_safe(escape(prefix) + "".join(pieces) + escape(suffix))
