"""The JSON API: shapes and languages, filters, pagination, errors, HTTP caching and the export."""

import json
from decimal import Decimal

import pytest
from django.utils import timezone
from django.utils.http import http_date

from constitution.models import Article
from core.models import Status
from essays.models import Essay
from guides.models import Fee, Guide, MciRate, Step

pytestmark = pytest.mark.django_db

API = "/api/v1"


def get_json(client, url, status=200, **headers):
    response = client.get(url, **headers)
    assert response.status_code == status, (url, response.status_code, response.content[:300])
    assert response["Content-Type"].startswith("application/json")
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return json.loads(body)


# --- Schema --------------------------------------------------------------------------------------


def test_openapi_schema_documents_every_operation_and_its_errors(client):
    schema = get_json(client, f"{API}/openapi.json")
    assert schema["openapi"].startswith("3.")
    operations = {(path, method): op for path, item in schema["paths"].items() for method, op in item.items()}
    expected = {
        "/api/v1/constitution/editions",
        "/api/v1/constitution/sections",
        "/api/v1/constitution/sections/{number}",
        "/api/v1/constitution/articles",
        "/api/v1/constitution/articles/{number}",
        "/api/v1/constitution/topics",
        "/api/v1/guides",
        "/api/v1/guides/{slug}",
        "/api/v1/mci",
        "/api/v1/essays",
        "/api/v1/essays/{slug}",
        "/api/v1/export",
        "/api/v1/constitution/editions/{year}/akn",
    }
    assert expected <= {path for path, _ in operations}
    for (path, method), operation in operations.items():
        assert method == "get", path  # read-only
        assert {"200", "404", "422"} <= set(operation["responses"]), path
        content = operation["responses"]["200"]["content"]
        # JSON everywhere but the Akoma Ntoso document, which is XML by its standard
        kind = "application/akn+xml" if path.endswith("/akn") else "application/json"
        assert "schema" in content[kind], path


def test_browsable_docs_are_served_with_local_assets(client):
    html = client.get(f"{API}/docs").content.decode()
    assert "swagger-ui" in html and "cdn" not in html.lower()


# --- Languages -----------------------------------------------------------------------------------


def test_without_lang_every_translated_field_has_all_three_languages(client):
    article = get_json(client, f"{API}/constitution/articles/1")
    assert set(article["summary"]) == {"kk", "ru", "en"}
    assert article["summary"]["en"] and article["summary"]["kk"] and article["fallback"] is None
    assert article["paths"] == {lang: f"/{lang}/constitution/article/1/" for lang in ("kk", "ru", "en")}


def test_with_lang_fields_are_strings_and_fallback_is_marked(client):
    article = get_json(client, f"{API}/constitution/articles/1?lang=en")
    stored = Article.objects.get(constitution__year=2026, number="1")
    assert article["summary"] == stored.summary_en
    assert article["text"] == stored.text_ru  # no official English text: Russian, marked
    assert article["fallback"] == {"text": "ru", "notes": "ru"} or article["fallback"].get("text") == "ru"
    kazakh = get_json(client, f"{API}/constitution/articles/1?lang=kk")
    assert kazakh["text"] == stored.text_kk and "text" not in kazakh["fallback"]


def test_guide_in_one_language_with_fees_in_tenge_for_this_year(client):
    guide = get_json(client, f"{API}/guides/lost-id-card?lang=ru")
    assert guide["title"] == Guide.objects.get(slug="lost-id-card").title_ru
    fee = guide["fees"][0]
    stored = Fee.objects.get(guide__slug="lost-id-card", order=1)
    year = timezone.localdate().year
    assert Decimal(fee["tenge_this_year"]) == stored.amount_in_tenge(year)
    assert fee["mci_year"] == MciRate.objects.for_year(year).year
    assert Decimal(fee["amount_mci"]) == Decimal("0.2")
    assert [len(route["steps"]) for route in guide["routes"]] == [
        route.steps.count() for route in Guide.objects.get(slug="lost-id-card").routes.all()
    ]
    bank = get_json(client, f"{API}/guides/bank-account?lang=en")
    table = next(table for table in bank["tables"] if table["columns"][0] == "Bank")
    assert table["columns"] == ["Bank", "Known for", "Suits"] and table["rows"][0][0] == "Kaspi Bank"
    everything = get_json(client, f"{API}/guides/bank-account")
    assert any(table["columns"]["kk"][0] == "Банк" for table in everything["tables"])


def test_essay_with_sections_sources_and_reading_time_per_language(client):
    essay = get_json(client, f"{API}/essays/law-abiding-culture")
    assert set(essay["reading_minutes"]) == {"kk", "ru", "en"}
    assert len(essay["sections"]) == Essay.objects.get(slug="law-abiding-culture").sections.count()
    assert essay["related_guides"] == ["eds"]
    assert {"edition": 2026, "number": "36"} in essay["related_articles"]


# --- Filters and pagination ----------------------------------------------------------------------


def test_articles_filter_by_section_topic_and_key(client):
    section = get_json(client, f"{API}/constitution/articles?section=IV&page_size=200")
    assert [a["number"] for a in section["results"]] == [str(n) for n in range(52, 63)]
    topic = get_json(client, f"{API}/constitution/articles?topic=citizenship&page_size=200")
    assert topic["count"] > 0 and all("citizenship" in a["topics"] for a in topic["results"])
    key = get_json(client, f"{API}/constitution/articles?is_key=true&page_size=200")
    assert key["count"] == Article.objects.filter(constitution__year=2026, is_key=True).count()
    old = get_json(client, f"{API}/constitution/articles?edition=1995&section=IX&page_size=200")
    assert old["results"][0]["edition"] == 1995


def test_pages_are_stable_and_cover_everything_once(client):
    full = get_json(client, f"{API}/constitution/articles?page_size=200")
    numbers, page = [], 1
    while page:
        chunk = get_json(client, f"{API}/constitution/articles?page_size=7&page={page}")
        numbers += [a["number"] for a in chunk["results"]]
        assert chunk["previous"] == (page - 1 or None)
        page = chunk["next"]
    assert numbers == [a["number"] for a in full["results"]] and len(numbers) == 96 == full["count"]
    beyond = get_json(client, f"{API}/constitution/articles?page=99")
    assert beyond["results"] == [] and beyond["previous"] is None


def test_sections_carry_their_article_ranges(client):
    sections = get_json(client, f"{API}/constitution/sections?lang=en")["results"]
    assert len(sections) == 11
    fourth = sections[3]
    assert (fourth["number"], fourth["first_article"], fourth["last_article"], fourth["article_count"]) == (
        "IV",
        "52",
        "62",
        11,
    )


def test_only_published_content_is_served(client):
    Guide.objects.filter(slug="eds").update(status=Status.DRAFT)
    Essay.objects.filter(slug="crime-trends-world").update(status="draft")
    assert "eds" not in [g["slug"] for g in get_json(client, f"{API}/guides")["results"]]
    get_json(client, f"{API}/guides/eds", status=404)
    get_json(client, f"{API}/essays/crime-trends-world", status=404)
    export = get_json(client, f"{API}/export")
    assert "eds" not in [g["slug"] for g in export["guides"]]
    assert "crime-trends-world" not in [e["slug"] for e in export["essays"]]


# --- Errors --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "status", "words"),
    [
        ("/constitution/articles?lang=xx", 422, "lang"),
        ("/constitution/articles?edition=abc", 422, "edition"),
        ("/constitution/articles?page=0", 422, "page"),
        ("/constitution/articles?page_size=5000", 422, "page_size"),
        ("/constitution/articles?section=XLII", 422, "section"),
        ("/constitution/articles?topic=no-such-topic", 404, "topic"),
        ("/constitution/articles/999", 404, "999"),
        ("/constitution/articles/abc", 422, "number"),
        ("/constitution/sections/XI?edition=1995", 404, "XI"),
        ("/constitution/sections?edition=1990", 404, "no such"),
        ("/guides/no-such-guide", 404, "no such"),
        ("/guides?category=none", 404, "none"),
        ("/essays/no-such-essay", 404, "no-such-essay"),
        ("/no/such/endpoint", 404, "no such address"),
    ],
)
def test_errors_are_json_with_a_clear_message(client, url, status, words):
    body = get_json(client, API + url, status=status)
    assert body["error"] in ("not_found", "invalid_request")
    assert words.lower() in body["message"].lower()


def test_writes_are_refused(client):
    response = client.post(f"{API}/guides", data={})
    assert response.status_code == 405


# --- HTTP caching and CORS -----------------------------------------------------------------------


def test_etag_and_last_modified_give_304_and_change_after_an_edit(client):
    url = f"{API}/guides/eds?lang=kk"
    first = client.get(url)
    assert first.status_code == 200
    etag, modified = first["ETag"], first["Last-Modified"]
    assert first["Access-Control-Allow-Origin"] == "*"
    assert "max-age=60" in first["Cache-Control"] and "public" in first["Cache-Control"]
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=modified).status_code == 304
    assert client.get(f"{API}/guides/eds?lang=ru", HTTP_IF_NONE_MATCH=etag).status_code == 200  # per language

    step = Step.objects.filter(route__guide__slug="eds").first()
    step.title_kk = "Жаңартылған қадам"
    step.save()
    again = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 200 and "Жаңартылған қадам" in again.content.decode()
    assert again["ETag"] != etag


def test_a_deletion_also_changes_the_etag(client):
    url = f"{API}/guides/lost-id-card"
    etag = client.get(url)["ETag"]
    Step.objects.filter(route__guide__slug="lost-id-card").first().delete()
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_an_old_if_modified_since_gets_the_full_response(client):
    response = client.get(f"{API}/mci", HTTP_IF_MODIFIED_SINCE=http_date(0))
    assert response.status_code == 200 and response["Last-Modified"]


# --- Export --------------------------------------------------------------------------------------


def test_export_streams_all_published_content_in_every_language(client):
    response = client.get(f"{API}/export")
    assert response.streaming and response.status_code == 200
    export = json.loads(b"".join(response.streaming_content))
    assert export["format"] == "azamat-public-export" and export["version"] == 1
    editions = {edition["year"]: edition for edition in export["constitution"]}
    assert len(editions[2026]["article_list"]) == 96 and len(editions[2026]["section_list"]) == 11
    assert set(editions[2026]["title"]) == {"kk", "ru", "en"}
    assert {g["slug"] for g in export["guides"]} == set(Guide.objects.published().values_list("slug", flat=True))
    assert [rate["year"] for rate in export["mci"]] == sorted(
        MciRate.objects.values_list("year", flat=True), reverse=True
    )
    assert len(export["essays"]) == Essay.objects.published().count()
