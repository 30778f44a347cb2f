"""The Constitution: structure, importer, explanations, mapping, pages and query counts."""

import json

import pytest
from django.core.management import CommandError, call_command

from constitution.importer import StructureMismatch, check_structure, parse_markdown, read_source
from constitution.models import Article, Constitution, Correspondence, Section, article_sort_key
from constitution.text import paragraphs
from core.text import mixed_script_words, normalise_cyrillic, render_markdown, word_diff

pytestmark = pytest.mark.django_db
NEW_IN_2026 = {"49", "70", "71", "86", "95", "96"}
RANGES_2026 = {
    "I": ("1", "11", 11), "II": ("12", "41", 30), "III": ("42", "51", 10), "IV": ("52", "62", 11),
    "V": ("63", "69", 7), "VI": ("70", "71", 2), "VII": ("72", "75", 4), "VIII": ("76", "86", 11),
    "IX": ("87", "91", 5), "X": ("92", "93", 2), "XI": ("94", "96", 3),
}  # fmt: skip


def test_article_numbers_sort_naturally():
    numbers = ["84", "10", "83-1", "9", "83", "94-2", "94-1", "100"]
    assert sorted(numbers, key=article_sort_key) == ["9", "10", "83", "83-1", "84", "94-1", "94-2", "100"]
    with pytest.raises(ValueError):
        article_sort_key("5a")


def test_2026_edition_has_eleven_sections_and_96_articles_with_the_official_ranges():
    edition = Constitution.objects.get(year=2026)
    assert edition.is_in_force and edition.in_force_until is None
    sections = list(Section.objects.filter(constitution=edition).order_by("order"))
    assert [s.number for s in sections] == list(RANGES_2026)
    for section in sections:
        numbers = list(section.articles.order_by("sort_key").values_list("number", flat=True))
        first, last, count = RANGES_2026[section.number]
        assert (numbers[0], numbers[-1], len(numbers)) == (first, last, count)
    assert Article.objects.filter(constitution=edition).count() == 96


def test_1995_edition_keeps_102_headings_with_article_84_excluded():
    edition = Constitution.objects.get(year=1995)
    assert not edition.is_in_force
    assert Section.objects.filter(constitution=edition).count() == 9
    articles = Article.objects.filter(constitution=edition)
    assert articles.count() == 102
    assert list(articles.filter(is_excluded=True).values_list("number", flat=True)) == ["84"]
    vii = list(articles.filter(section__number="VII").order_by("sort_key").values_list("number", flat=True))
    assert vii[-3:] == ["83", "83-1", "84"]


@pytest.mark.parametrize("name", ["ru-2026.json", "kk-2026.json", "ru-1995.json", "kk-1995.json", "en-1995.json"])
def test_bundled_structure_matches_the_official_json_texts(official_texts, name):
    year = int(name[3:7])
    check_structure(Constitution.objects.get(year=year), read_source(official_texts / name))


@pytest.mark.parametrize(("name", "sections", "articles"), [("ru-2026.md", 11, 96), ("ru-1995.md", 9, 102)])
def test_bundled_structure_matches_the_official_markdown_texts(shared_texts, name, sections, articles):
    data = read_source(shared_texts / name)
    assert len(data["sections"]) == sections
    assert sum(len(s["articles"]) for s in data["sections"]) == articles
    check_structure(Constitution.objects.get(year=int(name[3:7])), data)
    if name == "ru-2026.md":
        # The title of section VIII is broken over two lines in the file.
        assert data["sections"][7]["title"] == "Правосудие. Прокуратура. Правозащитные механизмы"


def test_markdown_parser_reads_preamble_sections_articles_and_points():
    data = parse_markdown("> Мы, народ\n\n## Раздел I. Первый\n\nПродолжение\n\n### Статья 1\n\n1. Один.\n2. Два.\n")
    assert data["preamble"] == ["Мы, народ"]
    assert data["sections"][0]["title"] == "Первый Продолжение"
    assert data["sections"][0]["articles"] == [{"number": "1", "text": "1. Один.\n2. Два."}]


def _markdown_of(edition, replace=None, drop=None, extra=None):
    lines = []
    for section in edition.sections.order_by("order"):
        lines.append(f"## Раздел {section.number}. {section.title_ru}")
        numbers = [a.number for a in section.articles.order_by("sort_key") if a.number != drop]
        if extra and section.number == "XI":
            numbers.append(extra)
        for number in numbers:
            lines += [f"### Статья {number}", (replace or {}).get(number, f"Текст статьи {number}.")]
    return "\n\n".join(lines)


def test_import_command_updates_texts_and_reports_what_changed(tmp_path):
    edition = Constitution.objects.get(year=2026)
    source = tmp_path / "ru.md"
    source.write_text(_markdown_of(edition, replace={"1": "1. Новый текст.\n2. Второй пункт."}), encoding="utf-8")
    call_command("import_constitution", str(source), edition=2026, lang="ru", stdout=open(tmp_path / "out", "w"))
    assert Article.objects.get(constitution=edition, number="1").text_ru == "1. Новый текст.\n2. Второй пункт."
    output = (tmp_path / "out").read_text()
    assert "updated 96 article(s)" in output
    call_command("import_constitution", str(source), edition=2026, lang="ru", stdout=open(tmp_path / "out", "w"))
    assert "nothing changed" in (tmp_path / "out").read_text()


def test_import_refuses_a_text_with_other_articles_and_changes_nothing(tmp_path):
    edition = Constitution.objects.get(year=2026)
    before = Article.objects.get(constitution=edition, number="1").text_ru
    source = tmp_path / "bad.md"
    source.write_text(_markdown_of(edition, drop="96", extra="97"), encoding="utf-8")
    with pytest.raises(CommandError) as error:
        call_command("import_constitution", str(source), edition=2026, lang="ru")
    assert "missing article(s) 96" in str(error.value) and "unknown article(s) 97" in str(error.value)
    assert "Nothing was changed" in str(error.value)
    assert Article.objects.get(constitution=edition, number="1").text_ru == before


def test_import_rejects_unknown_edition_and_missing_file(tmp_path):
    with pytest.raises(CommandError, match="no 1990 edition"):
        call_command("import_constitution", str(tmp_path / "x.md"), edition=1990, lang="ru")
    with pytest.raises(CommandError, match="no such file"):
        call_command("import_constitution", str(tmp_path / "x.md"), edition=2026, lang="ru")


def test_structure_check_names_unknown_sections():
    edition = Constitution.objects.get(year=1995)
    with pytest.raises(StructureMismatch, match="unknown section XII"):
        check_structure(edition, {"sections": [{"number": "XII", "articles": []}]})


def test_kazakh_texts_are_normalised_on_import(official_texts):
    raw = json.loads((official_texts / "kk-2026.json").read_text(encoding="utf-8"))
    raw_words = [w for s in raw["sections"] for a in s["articles"] for w in mixed_script_words(a["text"])]
    assert raw_words, "the source is expected to contain Latin look-alikes"
    for article in Article.objects.filter(constitution__year__in=[2026, 1995]):
        assert mixed_script_words(article.text_kk) == [], article
    assert normalise_cyrillic("жəне Бiз тeңге eGov") == "және Біз теңге eGov"


def test_every_2026_article_has_a_summary_in_three_languages_and_its_1995_counterparts():
    for article in Article.objects.filter(constitution__year=2026).prefetch_related("predecessors"):
        assert article.summary_kk and article.summary_ru and article.summary_en, article.number
        assert mixed_script_words(article.summary_kk) == [] and mixed_script_words(article.summary_ru) == []
        predecessors = list(article.predecessors.all())
        assert bool(predecessors) != (article.number in NEW_IN_2026), article.number
        assert all(p.constitution.year == 1995 for p in predecessors)


def test_every_section_has_explanations_in_three_languages():
    for section in Section.objects.all():
        for field in ("summary", "significance"):
            for code in ("kk", "ru", "en"):
                assert getattr(section, f"{field}_{code}"), (section, field, code)


def test_load_content_is_idempotent_and_keeps_editors_changes():
    article = Article.objects.get(constitution__year=2026, number="1")
    article.summary_ru = "Правка редактора."
    article.save()
    call_command("load_content", stdout=open("/dev/null", "w"))
    assert Article.objects.get(pk=article.pk).summary_ru == "Правка редактора."
    before = Correspondence.objects.count()
    call_command("load_content", stdout=open("/dev/null", "w"))
    assert Correspondence.objects.count() == before


def test_paragraphs_get_unique_anchors_for_points_subpoints_and_plain_lines():
    result = paragraphs("Вступление\n1. Первый.\n1) подпункт;\nпродолжение\n2. Второй.")
    assert [(p.anchor, p.label, p.level) for p in result] == [
        ("t1", "", 1),
        ("p1", "1.", 1),
        ("p1-1", "1)", 2),
        ("p1-t1", "", 1),
        ("p2", "2.", 1),
    ]
    assert result[1].text == "Первый."


def test_word_diff_marks_removed_and_added_words_and_escapes_html():
    old, new = word_diff("Парламент принимает <законы>", "Курултай принимает <законы>")
    assert "<del>Парламент</del>" in old and "<ins>Курултай</ins>" in new
    assert "&lt;законы&gt;" in new


def test_markdown_is_sanitised():
    html = render_markdown("<script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)> **b**")
    assert "<script" not in html and 'href="javascript' not in html and "<img" not in html
    assert "&lt;script&gt;" in html  # shown as text, never run
    assert "<strong>b</strong>" in html
    link = render_markdown("[ok](https://adilet.zan.kz) <a href='javascript:alert(1)' onclick='x()'>y</a>")
    assert '<a href="https://adilet.zan.kz" rel="noopener noreferrer">ok</a>' in link
    assert link.count("<a ") == 1  # the raw <a onclick> is escaped text, not a link
