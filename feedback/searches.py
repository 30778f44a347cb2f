"""Counting searches (``search.signals``) and acting on the ones that did not help.

A search is counted by adding one to its day's row (an ``UPDATE … SET searches = searches + 1``: no row
per search, no lost count when two arrive at once). A query gets a new row only while the day has fewer
than ``SEARCH_COUNTS_DAILY_QUERIES``; a click never makes one. Queries longer than ``QUERY_LIMIT``
once normalised, or with no word, are not counted (bots and pasted paragraphs).
"""

import reversion
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from modeltranslation.utils import build_localized_fieldname

from core import registry
from core.i18n import LANGUAGE_CODES
from feedback.models import SearchCount
from feedback.privacy import mask
from search.analysis import normalised

QUERY_LIMIT = SearchCount._meta.get_field("query").max_length


def countable(language, query):
    """The query as counted (anything like an IIN, phone, card number or e-mail masked first, as in readers'
    reports), or None when it is not counted."""
    text = normalised(mask(query or ""))
    if language not in LANGUAGE_CODES or not text or len(text) > QUERY_LIMIT:
        return None
    return text


def _add(day, language, text, **counts):
    rows = SearchCount.objects.filter(day=day, language=language, query=text)
    return rows.update(**{name: F(name) + value for name, value in counts.items()})


def count_search(language, query, found, **kwargs):
    """One showing of the results of ``query``; ``found``: how many there were. Returns whether it counted."""
    text = countable(language, query)
    if text is None:
        return False
    day, counts = timezone.localdate(), {"searches": 1, "found_nothing": 0 if found else 1}
    if _add(day, language, text, **counts):
        return True
    if SearchCount.objects.filter(day=day).count() >= settings.SEARCH_COUNTS_DAILY_QUERIES:
        return False
    try:
        with transaction.atomic():
            SearchCount.objects.create(day=day, language=language, query=text, **counts)
    except IntegrityError:  # the same query's first search arrived at the same moment
        return bool(_add(day, language, text, **counts))
    return True


def count_click(language, query, **kwargs):
    """A result of ``query`` opened: counted on the day's row of that query, if it has one."""
    text = countable(language, query)
    return bool(text and _add(timezone.localdate(), language, text, clicks=1))


def purge(days):
    """Delete the counts older than ``days``; returns how many rows."""
    cutoff = timezone.localdate() - timezone.timedelta(days=days)
    return SearchCount.objects.filter(day__lt=cutoff).delete()[0]


def connect_signals():
    from search import signals

    signals.searched.connect(count_search, dispatch_uid="feedback.count_search")
    signals.result_followed.connect(count_click, dispatch_uid="feedback.count_click")


# --- Closing the loop: a query becomes a keyword of an item -------------------------------------


def keyword_models():
    """The content models that have search keywords (``core.models.keywords_field``), in the apps' order."""
    found = []
    for model in registry.content_models():
        try:
            model._meta.get_field("keywords")
        except FieldDoesNotExist:
            continue
        found.append(model)
    return found


def add_keyword(item, language, query, user=None):
    """Append ``query`` to ``item``'s keywords in ``language`` and save it the usual way (the index follows
    through the save signals; a revision is kept where the model has history). Returns False when the
    keywords already hold it."""
    field = build_localized_fieldname("keywords", language)
    current = getattr(item, field) or ""
    if normalised(query) in {normalised(word) for word in current.split(",")}:
        return False
    setattr(item, field, f"{current.rstrip().rstrip(',')}, {query}" if current.strip() else query)
    if not reversion.is_registered(type(item)):
        item.save()
        return True
    with reversion.create_revision():
        item.save()
        reversion.set_comment(f"Search keyword added ({language}): {query}")
        if user is not None:
            reversion.set_user(user)
    return True
