"""Searches that did not help (feedback/searches.py, search/links.py, search/views.py): counted through the
search page's image even when the page comes from the cache, clicks through a redirect that only goes to
this site, nothing about the reader stored, a flood capped, and the editors' loop closed with a keyword."""

import re
from datetime import timedelta
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone

from feedback import searches, selectors
from feedback.models import SearchCount
from guides.models import Guide
from search.analysis import normalised

pytestmark = pytest.mark.django_db
NOTHING = "зжщфыв абракадабра"


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "sc"}}
    settings.AZAMAT_VERSION_TTL = 60
    cache.clear()
    yield
    cache.clear()


def beacon(html):
    return unescape(re.search(r'<img class="beacon" src="([^"]+)"', html).group(1))


def result_links(html):
    return [unescape(link) for link in re.findall(r'<li><span class="kind">[^<]*</span> <a href="([^"]+)">', html)]


def search(client, lang, query):
    """A reader's search: the page, then the image it shows (as a browser loads it)."""
    response = client.get(f"/{lang}/search/", {"q": query})
    assert response.status_code == 200 and not response.cookies
    html = response.content.decode()
    pixel = client.get(beacon(html))
    assert pixel.status_code == 200 and pixel["Content-Type"] == "image/gif"
    assert "no-store" in pixel["Cache-Control"] and not pixel.cookies
    return response, html


def test_normalisation_lowercases_drops_punctuation_and_collapses_spaces():
    assert normalised("  ЭЦҚ   мерзімі?! ") == "эцқ мерзімі"
    assert normalised("Как продлить,  ЭЦП…") == "как продлить эцп"
    assert normalised("5-бап") == "5 бап"
    assert normalised("?!…") == ""


def test_a_search_is_counted_by_its_image_also_when_the_page_comes_from_the_cache(client, django_assert_num_queries):
    first, html = search(client, "ru", NOTHING)
    with django_assert_num_queries(0):
        second = client.get("/ru/search/", {"q": NOTHING})  # from the page cache: no view runs
    assert second.content == first.content
    client.get(beacon(second.content.decode()))
    row = SearchCount.objects.get()
    assert (row.day, row.language, row.query, row.searches, row.found_nothing, row.clicks) == (
        timezone.localdate(),
        "ru",
        normalised(NOTHING),
        2,
        2,
        0,
    )


def test_searches_differing_only_in_case_and_punctuation_share_a_row(client):
    search(client, "ru", "Паспорт")
    search(client, "ru", "паспорт?")
    search(client, "kk", "паспорт")
    assert sorted(SearchCount.objects.values_list("language", "query", "searches")) == [
        ("kk", "паспорт", 1),
        ("ru", "паспорт", 2),
    ]


def test_a_click_is_counted_and_goes_to_the_result(client):
    _response, html = search(client, "ru", "паспорт")
    link = result_links(html)[0]
    target = parse_qs(urlsplit(link).query)["to"][0]
    response = client.get(link)
    assert response.status_code == 302 and response["Location"] == target and target.startswith("/ru/")
    assert "no-store" in response["Cache-Control"] and not response.cookies
    row = SearchCount.objects.get()
    assert (row.searches, row.found_nothing, row.clicks) == (1, 0, 1)


@pytest.mark.parametrize(
    "target",
    ["https://evil.example/", "//evil.example/", "/\\evil.example/", "javascript:alert(1)", "evil.example", ""],
)
def test_the_click_redirect_goes_nowhere_but_this_site(client, target):
    response = client.get("/ru/search/go/", {"q": "паспорт", "to": target})
    assert response.status_code == 400
    assert "Location" not in response


def test_hand_made_addresses_count_nothing(client):
    client.get("/ru/search/seen/", {"q": "паспорт", "n": "0", "s": "forged"})
    client.get("/ru/search/seen/", {"q": "паспорт", "n": "0"})
    response = client.get("/ru/search/go/", {"q": "паспорт", "to": "/ru/guides/eds/", "s": "forged"})
    assert response.status_code == 302  # the reader still gets there
    assert not SearchCount.objects.exists()


def test_empty_and_overlong_queries_are_not_counted(client):
    assert not searches.count_search("ru", "  ?! ", 0)
    assert not searches.count_search("ru", "слово " * 30, 0)
    assert not searches.count_search("xx", "паспорт", 0)
    assert not SearchCount.objects.exists()


def test_nothing_about_the_reader_is_stored():
    fields = {field.name for field in SearchCount._meta.get_fields()}
    assert fields == {"id", "day", "language", "query", "searches", "found_nothing", "clicks"}


def test_a_flood_of_made_up_queries_stops_at_the_daily_cap(settings):
    settings.SEARCH_COUNTS_DAILY_QUERIES = 5
    for number in range(20):
        searches.count_search("ru", f"мусор {number}", 0)
    assert SearchCount.objects.count() == 5
    assert searches.count_search("ru", "мусор 1", 0)  # a query already counted today still counts
    assert SearchCount.objects.get(query="мусор 1").searches == 2
    assert not searches.count_click("ru", "мусор 19")  # a click never makes a row


def test_the_worst_searches_come_first():
    today = timezone.localdate()
    rows = [
        ("ru", "никогда не находится", 3, 3, 0),  # 3 failed
        ("ru", "находится и открывают", 10, 0, 10),  # 0 failed: left out
        ("en", "found but not opened", 6, 0, 1),  # 5 failed
        ("kk", "ескі сұрау", 50, 50, 0),  # older than 30 days: left out
    ]
    for language, query, count, nothing, clicks in rows:
        day = today - timedelta(days=40 if language == "kk" else 2)
        SearchCount.objects.create(
            day=day, language=language, query=query, searches=count, found_nothing=nothing, clicks=clicks
        )
    SearchCount.objects.create(day=today, language="ru", query="никогда не находится", searches=1, found_nothing=1)
    found = [(row["query"], row["searches"], row["nothing"], row["unopened"]) for row in selectors.failing_searches()]
    assert found == [("found but not opened", 6, 0, 5), ("никогда не находится", 4, 4, 0)]


def test_editors_see_the_list_and_make_a_query_a_keyword_that_search_then_finds(
    client, editor, django_assert_max_num_queries
):
    query = "квыжлорп"  # a word no text holds
    _response, html = search(client, "ru", query)
    _response, html = search(client, "ru", query)
    assert "ничего не найдено" in html.lower() or not result_links(html)
    listing = editor.get("/admin/feedback/searchcount/").content.decode()
    assert 'id="failing-searches"' in listing and query in listing
    row = listing.split(query + "</a>")[1].split("</tr>")[0]
    assert [cell.split("</td>")[0] for cell in row.split("<td>")[1:5]] == ["ru", "2", "2", "0"]
    home = editor.get("/admin/").content.decode()
    assert 'id="search-dashboard"' in home and query in home.split('id="search-dashboard"')[1]

    form_url = unescape(re.search(r'href="(/admin/feedback/searchcount/keyword/[^"]+)"', row).group(1))
    with django_assert_max_num_queries(15):  # one query per model of items, not per item
        form = editor.get(form_url).content.decode()
    guide = Guide.objects.get(slug="eds")
    value = f"guides.guide:{guide.pk}"
    assert f'value="{value}"' in form
    response = editor.post("/admin/feedback/searchcount/keyword/", {"language": "ru", "query": query, "item": value})
    assert response.status_code == 302, response.content.decode()[-2000:]
    guide.refresh_from_db()
    assert guide.keywords_ru.endswith(f", {query}") and query not in (guide.keywords_kk or "")
    cache.clear()  # the content version moves when the test's transaction commits, which it never does
    html = client.get("/ru/search/", {"q": query}).content.decode()
    assert "/ru/guides/eds/" in [parse_qs(urlsplit(link).query)["to"][0] for link in result_links(html)]


def test_editors_may_only_view_the_counts(editor):
    from django.contrib.auth.models import Group

    from editors.roles import EDITORS

    codenames = set(
        Group.objects.get(name=EDITORS)
        .permissions.filter(content_type__model="searchcount")
        .values_list("codename", flat=True)
    )
    assert codenames == {"view_searchcount"}
    assert editor.get("/admin/feedback/searchcount/1/change/").status_code in (302, 403, 404)


def test_old_counts_are_purged():
    today = timezone.localdate()
    SearchCount.objects.create(day=today - timedelta(days=500), language="ru", query="старое", searches=1)
    SearchCount.objects.create(day=today, language="ru", query="новое", searches=1)
    call_command("purge_feedback", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert list(SearchCount.objects.values_list("query", flat=True)) == ["новое"]


def test_personal_data_in_a_query_is_masked_before_it_is_counted():
    from feedback.searches import countable

    assert countable("ru", "мой ИИН 900101300123 не найден") == "мой иин number не найден"
    assert countable("ru", "позвонить +7 701 234 56 78") == "позвонить number"
    assert countable("en", "write to aigerim.s@mail.kz") == "write to e mail"
