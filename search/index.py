"""Keeping the index current: apps provide documents, and every edit is re-indexed once it commits.

An app offers documents through a provider module it names in its ``AppConfig`` (``search`` in
``core.registry``; ``guides/search.py`` is one): ``KIND`` and ``LABEL`` (what results of it are called),
``INDEXED`` maps every model whose change affects the index to the top-level objects to re-index,
``identity(obj)`` gives ``(kind, key)``, ``indexable()`` every object to index and ``documents(obj)``
the documents of one object — one per language: ``{"language", "title", "keywords", "summary",
"body", "url", "boost"?}``. Objects that are not published give none. Optionally ``boost_rule(query)``
(documents of its kind count differently for some queries) and ``shortcut(query)`` (a query that names
one page, such as "5-бап", opens it).

A save marks its top-level objects; when the transaction commits, all the objects marked in it are
re-indexed together in a few set-based statements (an admin save of a guide with its inlines is one
re-index, not one per inline). ``rebuild_search_index`` rebuilds everything.
"""

import threading
import uuid
from collections import Counter
from contextlib import contextmanager

from django.db import connection, transaction
from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.db.models.signals import m2m_changed, post_delete, post_save

from core import registry
from core.content import bulk_finished, bulk_started
from search.analysis import tokens
from search.models import Document, IndexState, Posting, Term

FIELDS = ("title", "keywords", "summary", "body")
SURFACES = 6
BATCH = 2000
MAX_COUNT = 32767  # PositiveSmallIntegerField on every database
POSTING_FIELDS = ("term", "document", "in_title", "in_keywords", "in_summary", "in_body")


def providers():
    """The modules that provide documents (``core.registry``)."""
    return registry.search_providers()


def provider_of(model):
    """The provider that indexes objects of ``model`` (its app's), or None."""
    for module in providers():
        if model in module.INDEXED:
            return module
    return None


_paused = 0


@contextmanager
def paused():
    """Skip re-indexing on each save (bulk loads and imports); rebuild afterwards."""
    global _paused
    _paused += 1
    try:
        yield
    finally:
        _paused -= 1


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
            if term not in counts:
                counts[term], surfaces[term] = [0, 0, 0, 0], Counter()
            counts[term][number] += 1
            surfaces[term][text[start:end].lower()] += 1
    if max(lengths.values()) > MAX_COUNT:  # a posting keeps counts as small integers (BM25 saturates long before)
        for per_field in counts.values():
            per_field[:] = [min(n, MAX_COUNT) for n in per_field]
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


def _lookup(keys):
    """Ids of the existing terms among ``keys`` (``(language, stem)`` pairs), all languages at once."""
    ids = {}
    for start in range(0, len(keys), BATCH):
        chunk = keys[start : start + BATCH]
        wanted = Q()
        for language in {language for language, _stem in chunk}:
            wanted |= Q(language=language, text__in=[stem for lang, stem in chunk if lang == language])
        ids.update(
            ((language, text), pk)
            for pk, language, text in Term.objects.filter(wanted).values_list("pk", "language", "text")
        )
    return ids


def _terms_for(language_surfaces, known=None):
    """Term ids for ``{(language, stem): surface}``, creating the terms that are new. ``known`` (a rebuild's,
    which emptied the table first) holds every term there is: only those it created itself."""
    keys = list(language_surfaces)
    ids = _lookup(keys) if known is None else {key: known[key] for key in keys if key in known}
    missing = [key for key in keys if key not in ids]
    if missing:
        Term.objects.bulk_create(
            [
                Term(language=language, text=stem[:100], surface=language_surfaces[(language, stem)])
                for language, stem in missing
            ],
            batch_size=BATCH,
            ignore_conflicts=True,
        )
        ids.update(_lookup(missing))
    if known is not None:
        known.update(ids)
    return ids


def _insert_postings(rows):
    """One statement for all the postings (``executemany``: prepared once, every row bound in turn),
    where ``bulk_create`` would split them into batches of SQLite's 999 variables."""
    if not rows:
        return
    table = connection.ops.quote_name(Posting._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(Posting._meta.get_field(name).column) for name in POSTING_FIELDS)
    marks = ", ".join(["%s"] * len(POSTING_FIELDS))
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", rows)  # noqa: S608 - model's own names


def _store(items, known=None):
    """Write documents and their postings; returns the ids of the terms they use (``known``: ``_terms_for``)."""
    analysed = [_analysed(item) for item in items]
    if not analysed:
        return set()
    Document.objects.bulk_create([document for document, _counts, _surfaces in analysed], batch_size=BATCH)
    counted = {}
    for document, _counts, found in analysed:
        for stem, forms in found.items():
            key = (document.language, stem)
            if key in counted:
                counted[key].update(forms)
            else:
                counted[key] = Counter(forms)
    # The commonest forms of each stem stand for it in "Did you mean …?".
    surfaces = {
        key: "|".join(form for form, _n in sorted(forms.items(), key=lambda f: (-f[1], f[0]))[:SURFACES])[:300]
        for key, forms in counted.items()
    }
    ids = _terms_for(surfaces, known)
    rows = [
        (ids[(document.language, stem)], document.pk, *counts)
        for document, found, _surfaces in analysed
        for stem, counts in found.items()
    ]
    _insert_postings(rows)
    return {row[0] for row in rows}


def _recount(term_ids):
    """Keep each term's document count (for typo correction: the commoner word wins) exact: one
    statement per thousand terms, counting in the database."""
    term_ids = sorted(term_ids)
    postings = Posting.objects.filter(term_id=OuterRef("pk")).order_by().values("term_id").annotate(n=Count("id"))
    for start in range(0, len(term_ids), BATCH):
        Term.objects.filter(pk__in=term_ids[start : start + BATCH]).update(
            document_count=Coalesce(Subquery(postings.values("n"), output_field=IntegerField()), Value(0))
        )


def _items(module, obj):
    kind, key = module.identity(obj)
    for item in module.documents(obj):
        yield {**item, "kind": kind, "key": key}


def refresh(marked):
    """Re-index the objects ``marked`` as ``{(kind, key): (model, pk)}``: each one that still exists
    gets its documents anew (none when it is not published), each one gone loses them. Set-based: one
    delete, one insert of documents, terms and postings, and one recount for all of them."""
    if not marked:
        return
    with transaction.atomic():
        pairs = Q()
        for kind, key in marked:
            pairs |= Q(kind=kind, key=key)
        before = set(
            Posting.objects.filter(document__in=Document.objects.filter(pairs)).values_list("term_id", flat=True)
        )
        Document.objects.filter(pairs).delete()
        wanted = {}
        for (kind, key), (model, pk) in marked.items():
            if model is not None:
                wanted.setdefault(model, {})[pk] = (kind, key)
        items = []
        for model, keys in wanted.items():
            module = provider_of(model)  # what it indexes of that model, ready to index (parts fetched)
            for obj in module.indexable().filter(pk__in=list(keys)):
                items.extend(_items(module, obj))
        after = _store(items)
        _recount(before | after)
        _bump()


def reindex(obj):
    """Replace the documents of one top-level object (none when it is not published)."""
    kind, key = provider_of(type(obj)).identity(obj)
    refresh({(kind, key): (type(obj), obj.pk)})


def forget(kind, key):
    """Remove the documents of an object that is gone."""
    refresh({(kind, key): (None, None)})


def _delete_all(*models):
    """Empty the index's tables, in this order, with one DELETE each: the ORM's delete() would first read
    the keys of every row to find what cascades (about 140 queries and half a second for a rebuild)."""
    with connection.cursor() as cursor:
        for model in models:
            cursor.execute(f"DELETE FROM {connection.ops.quote_name(model._meta.db_table)}")  # noqa: S608 - model's own name


def rebuild():
    """Index every object from scratch; returns the number of documents."""
    with transaction.atomic():
        _delete_all(Posting, Document, Term)
        items = [item for module in providers() for obj in module.indexable() for item in _items(module, obj)]
        known = {}
        for start in range(0, len(items), 500):
            _store(items[start : start + 500], known)
        counts = Counter(dict(Posting.objects.values("term_id").annotate(n=Count("id")).values_list("term_id", "n")))
        by_count = {}
        for term_id, number in counts.items():
            by_count.setdefault(number, []).append(term_id)
        for number, term_ids in by_count.items():
            for start in range(0, len(term_ids), BATCH):
                Term.objects.filter(pk__in=term_ids[start : start + BATCH]).update(document_count=number)
        _bump()
    return len(items)


# Objects changed in the current transaction, per thread: ``{(kind, key): (model, pk)}``. Marks left by
# a transaction that rolled back are harmless: re-indexing reads what is in the database.
_marks = threading.local()


def _marked():
    if not hasattr(_marks, "objects"):
        _marks.objects = {}
    return _marks.objects


def _flush():
    marked, _marks.objects = _marked(), {}
    refresh(marked)


def catch_up():
    """Re-index now what this thread changed and has not committed yet, so that a search later in the
    same transaction sees its own changes (other connections see them once it commits)."""
    if _marked():
        _flush()


def _flush_pending(connection):
    """Whether this transaction already has a re-index waiting for its commit."""
    return any(func is _flush for _sids, func, _robust in connection.run_on_commit)


def mark(obj):
    """Re-index ``obj`` (a top-level object of a provider) when the current transaction commits: one
    re-index per transaction, however many objects it marks. (Marks left by a transaction that rolled
    back are re-indexed with the next one: harmless, re-indexing reads what is in the database.)"""
    kind, key = provider_of(type(obj)).identity(obj)
    _marked()[(kind, key)] = (type(obj), obj.pk)
    connection = transaction.get_connection()
    if not connection.in_atomic_block or not _flush_pending(connection):
        transaction.on_commit(_flush)


def _on_change(sender, instance, **kwargs):
    if _paused:  # bulk loads and imports rebuild the index once at the end
        return
    for obj in provider_of(sender).INDEXED[sender](instance):
        if obj is not None:
            mark(obj)


def _on_links(sender, instance, action, **kwargs):
    if action.startswith("post_"):
        _on_change(type(instance), instance)


def _bulk_started(**kwargs):
    global _paused
    _paused += 1


def _bulk_finished(changed, failed, **kwargs):
    """After a load or an import: one rebuild when content changed (or the index is empty)."""
    global _paused
    _paused -= 1
    if not failed and (changed or not Document.objects.exists()):
        return f"search index: {rebuild()} documents"
    return None


def connect_signals():
    bulk_started.connect(_bulk_started, dispatch_uid="search-bulk-started")
    bulk_finished.connect(_bulk_finished, dispatch_uid="search-bulk-finished")
    for module in providers():
        for model in module.INDEXED:
            uid = f"search-{model._meta.label}"
            post_save.connect(_on_change, sender=model, dispatch_uid=f"{uid}-save")
            post_delete.connect(_on_change, sender=model, dispatch_uid=f"{uid}-delete")
            for field in model._meta.local_many_to_many:
                m2m_changed.connect(_on_links, sender=field.remote_field.through, dispatch_uid=f"{uid}-{field.name}")
