"""Feeds of what is new or changed, one per language (Atom): change notes of guides, essays and the
explanations of articles, and newly published essays. Each app says what changed through the ``feed``
it declares (``core.registry``): ``public_changes(limit)`` giving ``(note or None, item)`` pairs; an item
is titled by its ``feed_title()`` if it has one, else by its translated title."""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from core import registry
from core.i18n import translated
from core.origin import at_origin

ITEMS = 30


class Change:
    """One entry: a change note on an item, or an item's first publication."""

    def __init__(self, note, item, language):
        self.note, self.item = note, item
        self.date = note.date if note else item.published_on
        self.kind = item._meta.model_name
        self.language = language

    @property
    def key(self):
        return f"{self.kind}-{self.item.pk}-{'change-' + str(self.note.pk) if self.note else 'published'}"


class WhatChanged(Feed):
    """``/{lang}/feed/``: what is new or changed, newest first, in the page's language."""

    feed_type = Atom1Feed

    def get_feed(self, obj, request):
        """Links from the public origin, not from the request's (forgeable) Host header."""
        return super().get_feed(obj, at_origin(request))

    def title(self):
        return _("Azamat: what is new and what changed")

    def subtitle(self):
        return _("Corrections and changes that matter in the guides, essays and explanations of the Constitution.")

    def link(self):
        return reverse("home")

    def feed_url(self):
        return reverse("feed")

    def items(self):
        language = translation.get_language()
        entries = []
        for public_changes in registry.feeds():
            for note, item in public_changes(ITEMS):
                entries.append(Change(note, item, language))
        entries.sort(key=lambda entry: (entry.date, entry.key), reverse=True)
        return entries[:ITEMS]

    def item_title(self, entry):
        if hasattr(entry.item, "feed_title"):
            title = entry.item.feed_title()
        else:
            title = translated(entry.item, "title").value
        return title if entry.note else _("New: %(title)s") % {"title": title}

    def item_description(self, entry):
        """Plain text, HTML-escaped once: Atom carries it as ``<summary type="html">``, so a feed reader
        shows an editor's ``<img onerror=…>`` as the text it is instead of running it."""
        if entry.note:
            return escape(translated(entry.note, "note").value)
        return escape(translated(entry.item, "lead").value)

    def item_link(self, entry):
        return entry.item.get_absolute_url() + ("#changes-h" if entry.note else "")

    def item_guid(self, entry):
        return entry.key

    item_guid_is_permalink = False

    def item_pubdate(self, entry):
        return timezone.make_aware(datetime.combine(entry.date, time(9)))

    def item_updateddate(self, entry):
        return self.item_pubdate(entry)
