"""Ranked retrieval: BM25F over the fields of each document, with query expansion.

Each word of the query is analysed like the documents (``search.analysis``) and matched against the
index's vocabulary:

- the same stem (weight 1);
- stems that one is a prefix of, or that are a prefix of it, within a few letters (weight
  ``RELATIVE``): Kazakh and Russian forms the stemmers do not bring together («сайла-у» /
  «сайлан-ады», «потеря» / «потерять»);
- when the stem is not in the vocabulary at all, the nearest stems by edit distance (one wrong
  letter in a short word, two in a long one; the commoner word wins a tie) — a typo, reported back
  as "Did you mean …?".

A document's score sums, over the query's words, the best of that word's matches: BM25 with the
term frequency of each field weighted (title and keywords above the summary, the summary above the
body) and normalised by the field's length, then scaled by how much of the query it covers and by
the document's boost (its provider may set it, and may change it for a query: see ``rank``).
"""

import bisect
import math
import threading
from dataclasses import dataclass, field

from django.db import connection
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from search.analysis import fold, query_words
from search.models import Document, IndexState, Posting, Term

_POSTINGS = (
    "SELECT document_id, term_id, in_title, in_keywords, in_summary, in_body FROM {table} WHERE term_id IN ({ids})"
)

K1 = 1.2
WEIGHTS = {"title": 3.0, "keywords": 3.0, "summary": 1.6, "body": 1.0}
B = {"title": 0.3, "keywords": 0.3, "summary": 0.5, "body": 0.75}
RELATIVE = 0.6
COMMON, COMMON_MINIMUM = 0.15, 500
TYPO = 0.85
MAX_WORDS = 10
LIMIT = 20
BEST_COVERAGE = 0.75  # a best answer matches this share of the query in its title, keywords or summary …
BEST_MARGIN = 1.3  # … and beats the second result by this much, or the second matches less there


@dataclass
class Vocabulary:
    """One language's stems with their term ids, in sorted order, and the collection statistics."""

    version: str
    terms: dict  # stem → (term id, surface words, document count)
    ordered: list
    documents: dict  # document id → (weight ÷ length norm for title, keywords, summary, body; boost; kind)
    counts: dict  # term id → number of documents
    average: dict  # field → average length


_cache = {}
_lock = threading.Lock()


def index_version():
    return IndexState.objects.filter(pk=1).values_list("version", flat=True).first() or ""


def vocabulary(language):
    """The vocabulary of ``language``, read once per index version and process."""
    version = index_version()
    cached = _cache.get(language)
    if cached is not None and cached.version == version:
        return cached
    with _lock:
        terms = {
            text: (pk, surface, count)
            for pk, text, surface, count in Term.objects.filter(language=language, document_count__gt=0).values_list(
                "pk", "text", "surface", "document_count"
            )
        }
        rows = Document.objects.filter(language=language).values_list(
            "id", *(f"length_{field}" for field in WEIGHTS), "boost", "kind"
        )
        rows = list(rows)
        average = [max(sum(row[n + 1] for row in rows) / max(len(rows), 1), 1.0) for n in range(len(WEIGHTS))]
        # BM25F: a field's term frequency counts weight / (1 − b + b · length / average length) times.
        factors = [(weight, B[name]) for name, weight in WEIGHTS.items()]
        documents = {
            row[0]: (
                *(w / (1 - b + b * row[n + 1] / average[n]) for n, (w, b) in enumerate(factors)),
                row[5],
                row[6],
            )
            for row in rows
        }
        counts = {pk: count for pk, _surface, count in terms.values()}
        built = Vocabulary(version, terms, sorted(terms), documents, counts, dict(zip(WEIGHTS, average, strict=True)))
        _cache[language] = built
    return built


@dataclass
class Expansion:
    """What one query word was matched with."""

    surface: str
    stem: str
    matches: dict = field(default_factory=dict)  # term id → weight
    stems: set = field(default_factory=set)  # the stems of those terms (to mark them in snippets)
    corrected: str = ""  # the word it was read as, when it was a typo


def _relatives(vocab, stem):
    """Stems within a few letters of ``stem`` that start with it, or that it starts with."""
    found = []
    if len(stem) >= 4:
        start = bisect.bisect_left(vocab.ordered, stem)
        for candidate in vocab.ordered[start : start + 50]:
            if not candidate.startswith(stem):
                break
            if candidate != stem and len(candidate) - len(stem) <= 3:
                found.append(candidate)
        for size in range(max(4, len(stem) - 2), len(stem)):
            if stem[:size] in vocab.terms:
                found.append(stem[:size])
    return found


def _typo(vocab, stem):
    """The nearest stem by edit distance, or None."""
    if len(stem) < 4 or stem.isdigit():
        return None
    limit = 1 if len(stem) <= 6 else 2
    candidates = process.extract(
        stem, vocab.ordered, scorer=Levenshtein.distance, score_cutoff=limit, limit=8, processor=None
    )
    if not candidates:
        return None
    return min(candidates, key=lambda c: (c[1], -vocab.terms[c[0]][2], c[0]))[0]


def expand(query, language):
    """The query's words and the index terms each one matches."""
    vocab = vocabulary(language)
    expansions = []
    for surface, stem in query_words(query, language)[:MAX_WORDS]:
        expansion = Expansion(surface, stem)
        if stem in vocab.terms:
            expansion.matches[vocab.terms[stem][0]] = 1.0
            expansion.stems.add(stem)
        elif corrected := _typo(vocab, stem):
            expansion.matches[vocab.terms[corrected][0]] = TYPO
            expansion.stems.add(corrected)
            forms = vocab.terms[corrected][1].split("|")
            expansion.corrected = min(forms, key=lambda form: (Levenshtein.distance(form, surface), form))
            stem = corrected
        for relative in _relatives(vocab, stem):
            expansion.matches.setdefault(vocab.terms[relative][0], RELATIVE)
            expansion.stems.add(relative)
        expansions.append(expansion)
    return vocab, expansions


@dataclass
class Ranked:
    document_id: int
    kind: str
    score: float
    coverage: float  # the share of the query (by idf) the document matches
    in_summary: float  # the share it matches in its title, keywords or summary, which a best answer shows


def _postings(vocab, term_ids, total):
    """The postings of the query's terms. In a large collection, a term in more than ``COMMON`` of
    the documents (and at least ``COMMON_MINIMUM`` of them) adds little to tell documents apart, and
    most of the work: when the query has rarer terms too, only documents that have one of those are
    read for it (the idea of MaxScore). A small collection such as the portal's is always read whole."""
    table = connection.ops.quote_name(Posting._meta.db_table)
    threshold = max(COMMON * total, COMMON_MINIMUM)
    common = [t for t in term_ids if vocab.counts.get(t, 0) > threshold]
    rare = [t for t in term_ids if t not in common]
    with connection.cursor() as cursor:
        if not common or not rare:
            cursor.execute(_POSTINGS.format(table=table, ids=_ids(term_ids)))
            return cursor.fetchall()
        cursor.execute(_POSTINGS.format(table=table, ids=_ids(rare)))
        rows = cursor.fetchall()
        candidates = {row[0] for row in rows}
        if not candidates:
            return rows
        for start in range(0, len(candidates), 900):  # under SQLite's limit on parameters
            chunk = list(candidates)[start : start + 900]
            cursor.execute(_POSTINGS.format(table=table, ids=_ids(common)) + f" AND document_id IN ({_ids(chunk)})")
            rows += cursor.fetchall()
    return rows


def _ids(numbers):
    return ", ".join(str(int(number)) for number in numbers)


def rank(vocab, expansions, kind=None, boosts=None):
    """Documents matching the query, best first (all of them, as ``Ranked``). Each document counts as
    much as its boost, or, where ``boosts`` has a rule for its kind, as the rule makes of it (the
    providers' ``boost_rule``: the articles of an earlier edition count less, unless the query asks
    for it)."""
    boosts = boosts or {}
    weights = {}
    for number, expansion in enumerate(expansions):
        for term_id, weight in expansion.matches.items():
            weights.setdefault(term_id, []).append((number, weight))
    if not weights:
        return []
    total = max(len(vocab.documents), 1)
    idf = {t: math.log(1 + (total - vocab.counts.get(t, 0) + 0.5) / (vocab.counts.get(t, 0) + 0.5)) for t in weights}
    rows = _postings(vocab, list(weights), total)
    word_idf = [max((idf.get(t, 0) for t in e.matches), default=0) for e in expansions]
    query_mass = sum(word_idf) or 1.0
    best = {}  # document → {word number: score}
    headline = {}  # document → word numbers matched in its title, keywords or summary
    documents = vocab.documents
    numbers = {term_id: {number for number, _weight in pairs} for term_id, pairs in weights.items()}
    for document_id, term_id, title, keywords, summary, body in rows:  # the hot loop: thousands of rows
        stats = documents.get(document_id)
        if stats is None or (kind and stats[5] != kind):
            continue
        weighted = title * stats[0] + keywords * stats[1] + summary * stats[2] + body * stats[3]
        score = idf[term_id] * weighted / (K1 + weighted)
        words = best.get(document_id)
        if words is None:
            words = best[document_id] = {}
        for number, query_weight in weights[term_id]:
            value = score * query_weight
            if value > words.get(number, 0.0):
                words[number] = value
        if title or keywords or summary:
            if (matched := headline.get(document_id)) is None:
                headline[document_id] = set(numbers[term_id])
            else:
                matched |= numbers[term_id]
    ranked = []
    for document_id, words in best.items():
        coverage = sum(word_idf[number] for number in words) / query_mass
        in_summary = sum(word_idf[number] for number in headline.get(document_id, ())) / query_mass
        stats = documents[document_id]
        boost = stats[4]
        if rule := boosts.get(stats[5]):
            boost = rule(boost)
        score = sum(words.values()) * (0.4 + 0.6 * coverage) * boost
        ranked.append(Ranked(document_id, stats[5], score, coverage, in_summary))
    ranked.sort(key=lambda r: (-r.score, r.document_id))
    return ranked


def corrected_query(query, expansions):
    """The query with its typos replaced by the words they were read as, or "" when none was."""
    if not any(e.corrected for e in expansions):
        return ""
    words = query.split()
    replacements = {e.surface: e.corrected for e in expansions if e.corrected}
    return " ".join(replacements.get(fold(word).strip(".,!?;:«»\"'()"), word) for word in words)
