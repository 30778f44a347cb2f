"""Essays: list and page in three languages, sanitised Markdown, accessible SVG charts, queries."""

import re
from datetime import date
from decimal import Decimal

import pytest
from django.utils import translation
from django.utils.html import escape

from core.content import forget_version
from core.models import Status
from core.text import mixed_script_words
from essays.charts import bar_chart, nice_step
from essays.models import DataPoint, DataSeries, Essay, EssaySection

pytestmark = pytest.mark.django_db

LANGUAGES = ("kk", "ru", "en")
ESSAYS = ("law-abiding-culture", "crime-trends-world")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_index_lists_essays_newest_first_with_lead_and_reading_time(client, lang):
    html = client.get(f"/{lang}/essays/").content.decode()
    essays = list(Essay.objects.published().order_by("-published_on"))
    positions = [html.index(f'href="/{lang}/essays/{essay.slug}/"') for essay in essays]
    assert positions == sorted(positions) and len(positions) == len(essays) >= 4
    for essay in essays:
        assert escape(getattr(essay, f"lead_{lang}")) in html
    reading = {"kk": "Оқу уақыты:", "ru": "Время чтения:", "en": "Reading time:"}[lang]
    assert html.count(reading) == len(essays)


@pytest.mark.parametrize("slug", ESSAYS)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_essay_page_has_contents_sections_takeaway_and_sources(client, slug, lang):
    essay = Essay.objects.get(slug=slug)
    html = client.get(f"/{lang}/essays/{slug}/").content.decode()
    assert f"<h1>{escape(getattr(essay, f'title_{lang}'))}</h1>" in html
    assert "Not yet translated" not in html and "not translated" not in html
    for section in essay.sections.all():
        assert f'href="#{section.anchor}"' in html and f'id="{section.anchor}"' in html
        assert escape(getattr(section, f"heading_{lang}")) in html
    assert 'class="takeaway" id="takeaway"' in html
    assert html.count("<li>", html.index('id="sources"')) >= essay.sources.count()
    assert essay.published_on.isoformat() in html
    for article in essay.related_articles.all():
        assert f'href="/{lang}/constitution/article/{article.number}/"' in html
    for guide in essay.related_guides.all():
        assert f'href="/{lang}/guides/{guide.slug}/"' in html


def test_summary_table_in_markdown_renders_as_a_table(client):
    html = client.get("/ru/essays/law-abiding-culture/").content.decode()
    assert "<table>" in html and "<th>Что известно</th>" in html and "<td>Многие случаи не регистрируются</td>" in html


def test_kazakh_dates_write_the_month_in_lower_case(client):
    html = client.get("/kk/essays/law-abiding-culture/").content.decode()
    assert "24 қараша 2026" in html


def test_drafts_are_not_public(client):
    Essay.objects.filter(slug="crime-trends-world").update(status=Status.DRAFT)
    assert client.get("/en/essays/crime-trends-world/").status_code == 404
    assert "crime-trends-world" not in client.get("/en/essays/").content.decode()


def test_reading_time_follows_the_length_of_the_text_in_the_page_language():
    essay = Essay(title="t", lead="", published_on=date(2026, 1, 1))
    assert essay.reading_minutes(["word " * 199]) == 1
    assert essay.reading_minutes(["word " * 1000]) == 5
    assert essay.reading_minutes(["word " * 1001, ""]) == 6


# --- Sanitising ----------------------------------------------------------------------------------

HOSTILE = """Hello <script>alert("x")</script> and <img src=x onerror="alert(1)">

[click](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=) <a href="#" onclick="alert(2)">a</a>

<iframe src="https://evil.example"></iframe> **bold stays**
"""


def test_editors_markup_is_sanitised_on_the_page(client):
    essay = Essay.objects.get(slug="law-abiding-culture")
    EssaySection.objects.filter(essay=essay, order=1).update(body_en=HOSTILE)
    Essay.objects.filter(pk=essay.pk).update(key_takeaway_en=HOSTILE)
    html = client.get("/en/essays/law-abiding-culture/").content.decode()
    body = html[html.index("<main") :]
    assert "<script" not in body and "<iframe" not in body and "<img" not in body
    assert not re.search(r"<[^>]+\son\w+\s*=", body)  # no event attribute on any element
    assert 'href="javascript:' not in body and 'href="data:' not in body
    assert "<strong>bold stays</strong>" in body
    assert "&lt;script&gt;" in body  # shown as text, not run


# --- Charts --------------------------------------------------------------------------------------


class Point:
    def __init__(self, label, value):
        self.label, self.value = label, Decimal(value)


def test_nice_steps_are_round_numbers():
    assert nice_step(10) == 2
    assert nice_step(100) == 20
    assert nice_step(7) == 2
    assert nice_step(0.9) == pytest.approx(0.2)
    assert nice_step(0) == 1


def test_bar_heights_are_proportional_and_the_scale_covers_the_highest_value():
    chart = bar_chart([Point("2019", "50"), Point("2020", "100"), Point("2021", "25")])
    heights = [bar.height for bar in chart.bars]
    assert heights[1] == pytest.approx(2 * heights[0], rel=0.01) == pytest.approx(4 * heights[2], rel=0.01)
    assert [bar.label for bar in chart.bars] == ["2019", "2020", "2021"]
    assert chart.ticks[0].text == "0" and chart.ticks[-1].text == "100"
    assert all(chart.top <= bar.y <= chart.bottom for bar in chart.bars)


def test_negative_values_hang_below_the_zero_line_and_all_zero_series_draw():
    chart = bar_chart([Point("a", "-10"), Point("b", "30")])
    negative, positive = chart.bars
    assert negative.y == pytest.approx(chart.baseline) and positive.y + positive.height == pytest.approx(chart.baseline)
    assert bar_chart([Point("a", "0"), Point("b", "0")]).bars[0].height > 0
    assert bar_chart([]).bars == []


def _add_series(essay, count=1, points=4):
    for n in range(count):
        series = DataSeries.objects.create(
            essay=essay,
            order=n,
            title_en=f"Test series {n}",
            description_en="Test values by year.",
            unit_en="cases",
            label_axis_en="year",
            source_en="Test data",
            source_url="https://example.org/data",
        )
        DataPoint.objects.bulk_create(
            DataPoint(series=series, order=i, label_en=str(2020 + i), value=Decimal(10 * (i + 1)))
            for i in range(points)
        )


def test_a_data_series_renders_as_an_accessible_svg_with_a_table_of_the_numbers(client):
    essay = Essay.objects.get(slug="law-abiding-culture")  # an essay without charts of its own
    _add_series(essay)
    html = client.get("/en/essays/law-abiding-culture/").content.decode()
    series = essay.data_series.get()
    anchor = f"chart-{series.pk}"
    assert f'<svg viewBox="0 0 640 320" role="img" aria-labelledby="{anchor}-title {anchor}-desc"' in html
    assert f'<title id="{anchor}-title">Test series 0</title>' in html
    assert "Test values by year." in html and ">year</text>" in html and ">cases</text>" in html
    assert html.count("<rect ") == 4
    for year, value in [("2020", "10"), ("2023", "40")]:
        assert f'<tr><th scope="row">{year}</th><td>{value}</td></tr>' in html
    assert 'href="https://example.org/data"' in html
    assert "<script" not in html[html.index("<main") :]  # drawn on the server: no script (the head's is the theme's)


def test_chart_numbers_follow_the_page_language_and_svg_coordinates_do_not(client):
    essay = Essay.objects.get(slug="crime-trends-world")
    _add_series(essay)
    DataPoint.objects.filter(series__essay=essay, order=0).update(value=Decimal("1234.5"))
    html = client.get("/ru/essays/crime-trends-world/").content.decode()
    assert "<td>1\u00a0234,5</td>" in html
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert not re.search(r'(x|y|width|height)="\d+,\d', svg)


# --- Queries, content and admin ------------------------------------------------------------------

ESSAY_PAGE_QUERIES = 8 + 1 + 1  # essay + 7 prefetches (series with points, change notes); 1 for the footer;
# 1 for the glossary's terms (marked in the Markdown)


def test_essay_page_queries_do_not_grow_with_sections_or_charts(client, django_assert_num_queries):
    essay = Essay.objects.get(slug="law-abiding-culture")
    _add_series(essay, count=1)
    with django_assert_num_queries(ESSAY_PAGE_QUERIES):
        client.get("/kk/essays/law-abiding-culture/")
    _add_series(essay, count=5, points=12)
    EssaySection.objects.bulk_create(
        EssaySection(essay=essay, order=50 + n, heading=f"H{n}", body="b") for n in range(20)
    )
    with django_assert_num_queries(ESSAY_PAGE_QUERIES):
        html = client.get("/kk/essays/law-abiding-culture/").content.decode()
    assert html.count("<svg") == 6 and "H19" in html


def test_index_queries_do_not_grow_with_essays(client, django_assert_num_queries):
    forget_version()  # the content version is read once per second; count that read, whatever ran before
    with django_assert_num_queries(2 + 1):
        client.get("/en/essays/")
    for n in range(5):
        Essay.objects.create(
            slug=f"e{n}", status=Status.PUBLISHED, title=f"E{n}", lead="l", published_on=date(2026, 1, n + 1)
        )
    with django_assert_num_queries(2 + 1):
        assert "E4" in client.get("/en/essays/").content.decode()


def test_bundled_essays_have_correct_kazakh_and_russian_spelling():
    from modeltranslation.translator import translator

    from essays.models import EssaySource

    for model in (Essay, EssaySection, EssaySource):
        for field in translator.get_options_for_model(model).fields:
            for obj in model.objects.all():
                kk, ru = getattr(obj, f"{field}_kk") or "", getattr(obj, f"{field}_ru") or ""
                assert not mixed_script_words(kk) and not mixed_script_words(ru), (obj, field)
                assert not re.search(r"(?<!\w)зан(?!ят)", kk.lower()), (obj, field)  # «заң», not «зан»
                for lang in LANGUAGES:
                    assert getattr(obj, f"{field}_{lang}") or field in ("publisher", "keywords"), (obj, field, lang)


def test_admin_pages_for_essays_open(admin_client):
    essay = Essay.objects.get(slug="law-abiding-culture")
    _add_series(essay)
    series = essay.data_series.get()
    for url in [
        "/admin/essays/essay/",
        f"/admin/essays/essay/{essay.pk}/change/",
        f"/admin/essays/dataseries/{series.pk}/change/",
    ]:
        assert admin_client.get(url).status_code == 200, url
    html = admin_client.get(f"/admin/essays/essay/{essay.pk}/change/").content.decode()
    for name in ("title_kk", "key_takeaway_en", "sections-0-body_ru", "sources-0-url", "data_series-0-title_kk"):
        assert f'name="{name}"' in html, name


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_related_articles_show_the_start_of_their_summary_and_link_to_the_whole(client, lang):
    """An essay tied to thirty articles lists them compactly: each summary's first words, the article's
    page has it whole (the long essay stays under 20 KB compressed, bench/run.py)."""
    from core.i18n import translated

    essay = Essay.objects.get(slug="constitution-2026")
    html = client.get(f"/{lang}/essays/{essay.slug}/").content.decode()
    related = html[html.index('id="related-h"') :]
    shortened = 0
    with translation.override(lang):
        for article in essay.related_articles.all():
            summary = translated(article, "summary").value
            words = summary.split()
            assert escape(" ".join(words[:5])) in related, article.number
            if len(words) > 14:
                shortened += 1
                assert escape(summary) not in related
                assert escape(summary) in client.get(article.get_absolute_url()).content.decode()
    assert shortened >= 3
