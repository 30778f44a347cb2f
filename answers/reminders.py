"""Reminders before a document expires: the visitor gives the expiry date and gets a calendar file
(``.ics``, built with ``icalendar``) with an event a chosen time before it, in the page's language,
linking back to the guide. Nothing is stored: the file is made for this request and not cached."""

import datetime
import hashlib

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from icalendar import Alarm, Calendar, Event

from answers.tree import EARLIEST_DATE, LATEST_DATE, parse_date
from core.origin import absolute, site_url
from core.templatetags.azamat import long_date

# The documents with a validity, and the guide each reminder links back to.
DOCUMENTS = {
    "id-card": {"name": gettext_lazy("identity card"), "guide": "lost-id-card"},
    "passport": {"name": gettext_lazy("passport"), "guide": "passport"},
    "driving-licence": {"name": gettext_lazy("driving licence"), "guide": "driving-licence"},
    "eds": {"name": gettext_lazy("electronic signature (EDS) keys"), "guide": "eds"},
}
BEFORE = [
    (7, gettext_lazy("a week before")),
    (30, gettext_lazy("a month before")),
    (60, gettext_lazy("two months before")),
    (90, gettext_lazy("three months before")),
]


class ExpiryDateField(forms.Field):
    """A date as 2031-05-20 (a date field) or 20.05.2031 (typed)."""

    def to_python(self, value):
        value = str(value or "").strip()
        if not value:
            return None
        day = parse_date(value[:20])
        if day is None or not EARLIEST_DATE <= day <= LATEST_DATE:
            raise forms.ValidationError(_("Enter a real date, like 20.05.2031."), code="invalid")
        return day


class ReminderForm(forms.Form):
    expires = ExpiryDateField(
        label=gettext_lazy("Valid until"),
        help_text=gettext_lazy("The date printed on the document (for EDS keys: the end of their validity)."),
        widget=forms.DateInput(attrs={"type": "date", "autocomplete": "off"}),
        error_messages={"required": gettext_lazy("Enter the date until which the document is valid.")},
    )
    before = forms.TypedChoiceField(
        label=gettext_lazy("Remind me"),
        choices=BEFORE,
        coerce=int,
        initial=30,
        error_messages={"invalid_choice": gettext_lazy("Choose when to be reminded.")},
    )

    def clean_expires(self):
        expires = self.cleaned_data["expires"]
        if expires is not None and expires <= timezone.localdate():
            raise forms.ValidationError(
                _("This date has passed: the document is no longer valid. See the guide on how to renew it now."),
                code="past",
            )
        return expires


def reminder_date(expires, before, today=None):
    """The day of the reminder: ``before`` days ahead of the expiry, but not before today."""
    today = today or timezone.localdate()
    return max(expires - datetime.timedelta(days=before), today)


def calendar_file(document, expires, before, language, guide_path):
    """The ``.ics`` bytes of one reminder."""
    name = DOCUMENTS[document]["name"]
    day = reminder_date(expires, before)
    url = absolute(guide_path)
    summary = _("Renew your %(document)s: valid until %(date)s") % {
        "document": name,
        "date": long_date(expires),
    }
    description = _("Your %(document)s is valid until %(date)s. How to renew it, with documents and fees: %(url)s") % {
        "document": name,
        "date": long_date(expires),
        "url": url,
    }
    calendar = Calendar()
    calendar.add("prodid", f"-//Azamat//Reminders//{language.upper()}")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = Event()
    stamp = f"{document}|{expires.isoformat()}|{before}|{language}"
    host = site_url().split("://", 1)[-1]
    event.add("uid", hashlib.sha256(stamp.encode()).hexdigest()[:32] + "@" + host)
    event.add("dtstamp", timezone.now().replace(microsecond=0))
    event.add("dtstart", day)
    event.add("dtend", day + datetime.timedelta(days=1))
    event.add("summary", summary)
    event.add("description", description)
    event.add("url", url)
    event.add("transp", "TRANSPARENT")
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", summary)
    alarm.add("trigger", datetime.timedelta(hours=9))  # 09:00 on the day
    event.add_component(alarm)
    calendar.add_component(event)
    return calendar.to_ical()
