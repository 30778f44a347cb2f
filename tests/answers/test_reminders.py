"""Reminders before a document expires: a calendar file that parses, on the right day, in the page's
language, never stored or cached; an impossible date gets the form again (400)."""

import datetime

import pytest
from icalendar import Calendar

from answers.reminders import reminder_date

pytestmark = pytest.mark.django_db


def calendar(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def test_the_calendar_file_parses_and_its_date_is_a_month_before_expiry(client):
    response = client.get("/ru/reminders/id-card.ics", {"expires": "2031-05-20", "before": "30"})
    event = calendar(response).walk("VEVENT")[0]
    assert event.decoded("dtstart") == datetime.date(2031, 4, 20)
    assert "удостоверени" in str(event.get("summary"))
    assert "20 мая 2031" in str(event.get("summary"))
    assert str(event.get("url")).endswith("/ru/guides/lost-id-card/")
    assert event.walk("VALARM")
    assert "attachment" in response["Content-Disposition"]


def test_typed_dates_are_understood_and_the_language_follows_the_page(client):
    event = calendar(client.get("/kk/reminders/passport.ics", {"expires": "20.05.2031", "before": "90"})).walk(
        "VEVENT"
    )[0]
    assert event.decoded("dtstart") == datetime.date(2031, 2, 19)
    assert "паспорт" in str(event.get("summary")).lower()
    assert str(event.get("url")).endswith("/kk/guides/passport/")


def test_nothing_is_stored_or_cached(client):
    response = client.get("/en/reminders/eds.ics", {"expires": "2031-05-20", "before": "7"})
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
    assert not response.cookies


@pytest.mark.parametrize(
    "params, message",
    [
        ({"expires": "2031-02-30", "before": "30"}, "Enter a real date"),
        ({"expires": "", "before": "30"}, "Enter the date"),
        ({"expires": "2001-01-01", "before": "30"}, "This date has passed"),
        ({"expires": "2031-05-20", "before": "5"}, "Choose when"),
        ({"expires": "x" * 5000, "before": "30"}, "Enter a real date"),
    ],
)
def test_a_bad_date_gets_the_form_again(client, params, message):
    response = client.get("/en/reminders/driving-licence.ics", params)
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page and "<form" in page and 'role="alert"' in page


def test_an_unknown_document_is_404(client):
    assert client.get("/en/reminders/library-card.ics", {"expires": "2031-05-20"}).status_code == 404
    assert client.get("/en/reminders/library-card/").status_code == 404


def test_the_reminder_is_not_set_in_the_past():
    today = datetime.date(2026, 12, 4)
    assert reminder_date(datetime.date(2026, 12, 10), 30, today) == today
    assert reminder_date(datetime.date(2027, 12, 10), 30, today) == datetime.date(2027, 11, 10)


@pytest.mark.parametrize("slug", ["lost-id-card", "passport", "driving-licence", "eds"])
def test_the_guides_of_documents_that_expire_offer_the_reminder(client, slug):
    page = client.get(f"/en/guides/{slug}/").content.decode()
    assert 'class="reminder-form"' in page
    assert "/en/reminders/" in page


def test_other_guides_do_not(client):
    assert 'class="reminder-form"' not in client.get("/en/guides/bank-account/").content.decode()
