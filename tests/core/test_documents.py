"""Every guide and essay downloads as Word and PDF, built from the same data as its page."""

import pytest
from django.utils import translation

from core.documents import Doc, docx_bytes, markdown_blocks, pdf_bytes
from essays.charts import chart_for
from essays.models import Essay
from guides.models import Guide
from tests.readback import docx_text, pdf_text

pytestmark = pytest.mark.django_db


def read(fmt, content):
    return docx_text(content) if fmt == "docx" else pdf_text(content)


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
@pytest.mark.parametrize("slug", ["eds", "lost-id-card", "bank-account"])
def test_every_guide_downloads_with_its_steps_documents_and_sources(client, slug, fmt):
    guide = Guide.objects.get(slug=slug)
    response = client.get(f"/kk/guides/{slug}/{fmt}/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment; filename*=utf-8''")
    text = " ".join(read(fmt, response.content).split())
    assert guide.title_kk in text
    for route in guide.routes.all():
        for step in route.steps.all():
            assert step.title_kk in text, step.title_kk
    for source in guide.sources.all():
        assert source.url in text.replace(" ", "") or source.url in text


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
@pytest.mark.parametrize("slug", ["law-abiding-culture", "crime-trends-world"])
def test_every_essay_downloads_with_its_sections_and_sources(client, slug, fmt):
    essay = Essay.objects.get(slug=slug)
    response = client.get(f"/ru/essays/{slug}/{fmt}/")
    assert response.status_code == 200
    text = " ".join(read(fmt, response.content).split())
    assert essay.title_ru in text
    for section in essay.sections.all():
        assert section.heading_ru in text
    assert "Главный вывод" in text


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_the_fee_in_tenge_is_in_the_file_in_every_language(client, lang):
    text = " ".join(docx_text(client.get(f"/{lang}/guides/lost-id-card/docx/").content).split())
    assert "865" in text and "0,2" in text.replace("0.2", "0,2")


def test_kazakh_letters_survive_both_formats():
    doc = Doc(title="Әріптер", language="kk", filename="test")
    doc.add("title", doc.title).add("paragraph", "ә ғ қ ң ө ұ ү һ і — Ә Ғ Қ Ң Ө Ұ Ү Һ І")
    for fmt, content in (("docx", docx_bytes(doc)), ("pdf", pdf_bytes(doc))):
        text = read(fmt, content)
        for letter in "әғқңөұүһіӘҒҚҢӨҰҮҺІ":
            assert letter in text, (fmt, letter)


def test_markdown_becomes_paragraphs_lists_and_tables():
    blocks = markdown_blocks("Intro **bold**.\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n### Head")
    assert [(b.kind, b.text, b.items, b.rows) for b in blocks] == [
        ("paragraph", "Intro bold.", [], []),
        ("bullets", "", ["one", "two"], []),
        ("table", "", [], [["a", "b"], ["1", "2"]]),
        ("subheading", "Head", [], []),
    ]


def test_pages_link_to_their_downloads(client):
    html = client.get("/en/guides/eds/").content.decode()
    assert 'href="/en/guides/eds/pdf/"' in html and 'href="/en/guides/eds/docx/"' in html
    html = client.get("/kk/essays/law-abiding-culture/").content.decode()
    assert 'href="/kk/essays/law-abiding-culture/pdf/"' in html
    html = client.get("/ru/guides/lost-id-card/").content.decode()
    assert 'href="/ru/forms/lost-id-card/"' in html


def test_a_draft_guide_has_no_download(client):
    Guide.objects.filter(slug="eds").update(status="draft")
    assert client.get("/kk/guides/eds/pdf/").status_code == 404


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
@pytest.mark.parametrize("slug", ["crime-trends-world", "constitution-2026", "internet-fraud"])
def test_essay_downloads_carry_every_chart(client, slug, fmt):
    """The PDF draws each chart (its values and labels are in the file's text); Word has its table."""
    essay = Essay.objects.get(slug=slug)
    content = client.get(f"/ru/essays/{slug}/{fmt}/").content
    text = "".join(read(fmt, content).split())  # number grouping and line breaks aside
    series_list = list(essay.data_series.all())
    assert series_list
    with translation.override("ru"):
        for series in series_list:
            chart = chart_for(series, list(series.points.all()))
            for bar in chart.bars:
                assert "".join(bar.value.split()) in text, (series.title_ru, bar.value)
                assert "".join(bar.label.split())[:12] in text, (series.title_ru, bar.label)
