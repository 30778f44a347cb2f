"""Keeping the index current: the content apps provide documents, signals re-index on every edit.

Apps say what they index in their ``search.py``: ``INDEXED`` maps every model whose change affects
the index to the top-level objects to re-index, ``identity(obj)`` gives ``(kind, key)``,
``indexable()`` every object to index and ``documents(obj)`` the documents of one object — one per
language: ``{"language", "title", "keywords", "summary", "body", "url", "boost"?}``. Objects that are
not published give none. ``rebuild_search_index`` rebuilds everything.
"""

import uuid
from collections import Counter
from contextlib import contextmanager
from importlib import import_module

from django.db import transaction
from django.db.models import Count
from django.db.models.signals import m2m_changed, post_delete, post_save

from portal.content import CONTENT_APPS
from search.analysis import tokens
from search.models import Document, IndexState, Posting, Term

FIELDS = ("title", "keywords", "summary", "body")
SURFACES = 6
BATCH = 2000


def providers():
    for label in CONTENT_APPS:
        try:
            yield import_module(f"{label}.search")
        except ModuleNotFoundError as exc:
            if exc.name != f"{label}.search":
                raise


_paused = False


@contextmanager
def paused():
    """Skip re-indexing on each save (bulk loads and imports); rebuild afterwards."""
    global _paused
    previous, _paused = _paused, True
    try:
        yield
    finally:
        _paused = previous


def _bump():
    version = uuid.uuid4().hex
    if not IndexState.objects.filter(pk=1).update(version=version):
        IndexState.objects.create(pk=1, version=version)


def _analysed(item):
    """A document's row and its terms: ``(Document, {stem: [count per field]}, {stem: surface})``."""
    counts, surfaces, lengths = {}, {}, {}
    for number, field in enumerate(FIELDS):
        text = item.get(field) or ""
        found = tokens(text, item["language"])
        lengths[field] = len(found)
        for term, start, end in found:
            counts.setdefault(term, [0, 0, 0, 0])[number] += 1
            surfaces.setdefault(term, Counter())[text[start:end].lower()] += 1
    summary, body = item.get("summary") or "", item.get("body") or ""
    document = Document(
        kind=item["kind"],
        key=item["key"],
        language=item["language"],
        title=item["title"][:300],
        url=item["url"],
        summary=summary,
        text=f"{summary}\n{body}".strip(),
        boost=item.get("boost", 1.0),
        **{f"length_{field}": lengths[field] for field in FIELDS},
    )
    return document, counts, surfaces


def _terms_for(language_surfaces):
    """Term ids for ``{(language, stem): surface}``, creating the terms that are new."""
    ids = {}
    keys = list(language_surfaces)
    for language in {language for language, _stem in keys}:
        stems = [stem for lang, stem in keys if lang == language]
        for start in range(0, len(stems), BATCH):
            chunk = stems[start : start + BATCH]
            ids.update(
                ((language, text), pk)
                for pk, text in Term.objects.filter(language=language, text__in=chunk).values_list("pk", "text")
            )
    new = [
        Term(language=language, text=stem[:100], surface=language_surfaces[(language, stem)])
        for language, stem in keys
        if (language, stem) not in ids
    ]
    Term.objects.bulk_create(new, batch_size=BATCH, ignore_conflicts=True)
    missing = [key for key in keys if key not in ids]
    for language in {language for language, _stem in missing}:
        stems = [stem for lang, stem in missing if lang == language]
        for start in range(0, len(stems), BATCH):
            chunk = stems[start : start + BATCH]
            ids.update(
                ((language, text), pk)
                for pk, text in Term.objects.filter(language=language, text__in=chunk).values_list("pk", "text")
            )
    return ids


def _store(items):
    """Write documents and their postings; returns the ids of the terms they use."""
    analysed = [_analysed(item) for item in items]
    if not analysed:
        return set()
    Document.objects.bulk_create([document for document, _counts, _surfaces in analysed], batch_size=BATCH)
    counted = {}
    for document, _counts, found in analysed:
        for stem, forms in found.items():
            counted.setdefault((document.language, stem), Counter()).update(forms)
    # The commonest forms of each stem stand for it in "Did you mean …?".
    surfaces = {
        key: "|".join(form for form, _n in sorted(forms.items(), key=lambda f: (-f[1], f[0]))[:SURFACES])[:300]
        for key, forms in counted.items()
    }
    ids = _terms_for(surfaces)
    postings = [
        Posting(
            term_id=ids[(document.language, stem)],
            document_id=document.pk,
            in_title=counts[0],
            in_keywords=counts[1],
            in_summary=counts[2],
            in_body=counts[3],
        )
        for document, found, _surfaces in analysed
        for stem, counts in found.items()
    ]
    Posting.objects.bulk_create(postings, batch_size=BATCH)
    return {posting.term_id for posting in postings}


def _recount(term_ids):
    """Keep each term's document count (for typo correction: the commoner word wins) exact."""
    term_ids = list(term_ids)
    for start in range(0, len(term_ids), BATCH):
        chunk = term_ids[start : start + BATCH]
        counts = dict(
            Posting.objects.filter(term_id__in=chunk)
            .values("term_id")
            .annotate(n=Count("id"))
            .values_list("term_id", "n")
        )
        for term_id in chunk:
            Term.objects.filter(pk=term_id).update(document_count=counts.get(term_id, 0))


def _items(module, obj):
    kind, key = module.identity(obj)
    for item in module.documents(obj):
        yield {**item, "kind": kind, "key": key}


def reindex(obj):
    """Replace the documents of one top-level object (none when it is not published)."""
    module = import_module(f"{obj._meta.app_label}.search")
    kind, key = module.identity(obj)
    with transaction.atomic():
        before = set(Posting.objects.filter(document__kind=kind, document__key=key).values_list("term_id", flat=True))
        Document.objects.filter(kind=kind, key=key).delete()
        after = _store(list(_items(module, obj)))
        _recount(before | after)
        _bump()


def forget(kind, key):
    with transaction.atomic():
        before = set(Posting.objects.filter(document__kind=kind, document__key=key).values_list("term_id", flat=True))
        Document.objects.filter(kind=kind, key=key).delete()
        _recount(before)
        _bump()


def rebuild():
    """Index every object from scratch; returns the number of documents."""
    with transaction.atomic():
        Posting.objects.all().delete()
        Document.objects.all().delete()
        Term.objects.all().delete()
        items = [item for module in providers() for obj in module.indexable() for item in _items(module, obj)]
        for start in range(0, len(items), 500):
            _store(items[start : start + 500])
        counts = Counter(dict(Posting.objects.values("term_id").annotate(n=Count("id")).values_list("term_id", "n")))
        by_count = {}
        for term_id, number in counts.items():
            by_count.setdefault(number, []).append(term_id)
        for number, term_ids in by_count.items():
            for start in range(0, len(term_ids), BATCH):
                Term.objects.filter(pk__in=term_ids[start : start + BATCH]).update(document_count=number)
        _bump()
    return len(items)


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
    for module in providers():
        for model in module.INDEXED:
            uid = f"search-{model._meta.label}"
            post_save.connect(_on_change, sender=model, dispatch_uid=f"{uid}-save")
            post_delete.connect(_on_change, sender=model, dispatch_uid=f"{uid}-delete")
            for field in model._meta.local_many_to_many:
                m2m_changed.connect(_on_links, sender=field.remote_field.through, dispatch_uid=f"{uid}-{field.name}")
