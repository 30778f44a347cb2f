"""Dates are Almaty's, whatever the hour in UTC: in the evening (19:00–24:00 UTC) Almaty is already on
the next day. The clock is frozen (time-machine) at such hours, so these tests pass at any time of day."""

from datetime import UTC, date, datetime

import pytest
import time_machine
from django.utils import timezone

from guides.models import Fee, MciRate
from tests.letters.test_views import URL as LETTER_URL
from tests.letters.test_views import filled

pytestmark = pytest.mark.django_db

# 21:30 UTC on 4 December is 02:30 on 5 December in Almaty (UTC+5).
EVENING = datetime(2026, 12, 4, 21, 30, tzinfo=UTC)


@time_machine.travel(EVENING, tick=False)
def test_the_local_date_is_almatys_in_the_utc_evening():
    assert timezone.now().date() == date(2026, 12, 4)
    assert timezone.localdate() == date(2026, 12, 5)


@time_machine.travel(EVENING, tick=False)
def test_a_letter_dated_today_in_almaty_is_not_in_the_future(client):
    response = client.post(LETTER_URL.format(lang="kk"), filled(loss_date="2026-12-05"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")


@time_machine.travel(EVENING, tick=False)
def test_a_letter_dated_tomorrow_in_almaty_is(client):
    response = client.post(LETTER_URL.format(lang="en"), filled(loss_date="2026-12-06"))
    assert response.status_code == 400
    assert "This date is in the future." in response.content.decode()


@pytest.mark.parametrize(
    ("moment", "year"),
    [
        (datetime(2026, 12, 31, 18, 30, tzinfo=UTC), 2026),  # 23:30 in Almaty: still 2026
        (datetime(2026, 12, 31, 19, 30, tzinfo=UTC), 2027),  # 00:30 in Almaty: the new year's MCI
    ],
)
def test_fees_use_the_mci_of_almatys_year(client, moment, year):
    MciRate.objects.create(year=2027, value=4500, source="test: a rate for 2027")
    slug = Fee.objects.filter(amount_mci__isnull=False).values_list("guide__slug", flat=True).first()
    with time_machine.travel(moment, tick=False):
        guide = client.get(f"/api/v1/guides/{slug}").json()
    years = {fee["mci_year"] for fee in guide["fees"] if fee["mci_year"] is not None}
    assert years == {year}
