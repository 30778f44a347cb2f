"""The feed of what changed carries editors' text as text: HTML escaped exactly once."""

import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone
from django.utils.html import escape

from guides.models import Guide, GuideChange

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def test_markup_in_a_change_note_reaches_a_feed_reader_as_text(client):
    note = '<img src=x onerror="alert(1)"> & «fee» changed'
    GuideChange.objects.create(guide=Guide.objects.get(slug="eds"), date=timezone.localdate(), note_en=note)
    feed = ET.fromstring(client.get("/en/feed/").content)
    summaries = [entry.find(f"{ATOM}summary") for entry in feed.iter(f"{ATOM}entry")]
    html = next(summary.text for summary in summaries if "onerror" in (summary.text or ""))
    assert summaries[0].get("type") == "html"
    assert html == escape(note)  # what a reader renders as HTML: the note's characters, no element
    assert "<img" not in html


def test_titles_stay_plain_text(client):
    Guide.objects.filter(slug="eds").update(title_en="A & B <i>guide</i>")
    GuideChange.objects.create(guide=Guide.objects.get(slug="eds"), date=timezone.localdate(), note_en="x")
    feed = ET.fromstring(client.get("/en/feed/").content)
    titles = [entry.find(f"{ATOM}title").text for entry in feed.iter(f"{ATOM}entry")]
    assert "A & B <i>guide</i>" in titles
