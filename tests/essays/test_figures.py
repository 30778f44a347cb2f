"""Every figure the essays show comes from the published statistics (shared/data/statistics.md and
facts.md, where each row names where it was published, or essays/data/figures-extra.yaml, where each
figure carries its own link and the date it was checked): chart values, and the numbers in the text
written with thousands separators, decimals or a per cent sign, in each language's own format.
essays/data/FIGURES.md says which row each comes from. A chart point that is worked out from published
figures (the referendum's non-voters) says so in ``computed_from``: every operand must be published and
the sum must be the value; the text may then quote that value too."""

import datetime
import re
from decimal import Decimal, InvalidOperation

import pytest

from core.loading import read_yaml
from essays.loader import FIGURES_EXTRA, essay_files
from tests.conftest import require_shared, shared_data_dir

ESSAYS = essay_files()
EXTRA = read_yaml(FIGURES_EXTRA)["figures"]
SPACES = "[ \u00a0\u202f]"
# How each language writes a figure: en 140,272 and 87.15%; kk and ru 140 272 and 87,15%.
FIGURE = {
    "en": re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+|\d+(?=%)"),
    "ru": re.compile(rf"\d{{1,3}}(?:{SPACES}\d{{3}})+(?:,\d+)?|\d+,\d+|\d+(?={SPACES}?%)"),
}
FIGURE["kk"] = FIGURE["ru"]


def value(written, language):
    """The number a figure written in ``language`` stands for."""
    plain = re.sub(SPACES, "", written)
    plain = plain.replace(",", "") if language == "en" else plain.replace(",", ".")
    return Decimal(plain).normalize()


def published_numbers():
    """Every number statistics.md and facts.md contain, however they write it."""
    folder = require_shared(shared_data_dir().parent / "statistics.md").parent
    text = (folder / "statistics.md").read_text(encoding="utf-8") + (folder / "facts.md").read_text(encoding="utf-8")
    found = set()
    for match in re.finditer(rf"\d{{1,3}}(?:(?:{SPACES}|,)\d{{3}})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?", text):
        written = match.group(0)
        english = re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", written)
        try:
            found.add(value(written, "en" if english or "." in written else "ru"))
        except InvalidOperation:
            continue
    return found | {Decimal(str(figure["value"])).normalize() for figure in EXTRA}


def texts(node, language):
    """The ``language`` strings of an essay's YAML, sources (their titles) left out."""
    if isinstance(node, dict):
        for key, item in node.items():
            if key == language and isinstance(item, str):
                yield item
            elif key not in ("kk", "ru", "en", "sources"):
                yield from texts(item, language)
    elif isinstance(node, list):
        for item in node:
            yield from texts(item, language)


def derived_values(data, published):
    """Chart values an essay works out from published figures, each sum checked here."""
    derived = set()
    for series in data.get("data_series", []):
        for point in series["points"]:
            operands = point.get("computed_from")
            if operands is None:
                continue
            unpublished = [n for n in operands if Decimal(str(abs(n))).normalize() not in published]
            assert not unpublished, (point["label"]["en"], unpublished)
            assert sum(Decimal(str(n)) for n in operands) == Decimal(str(point["value"])), point["label"]["en"]
            derived.add(Decimal(str(point["value"])).normalize())
    return derived


@pytest.fixture(scope="module")
def published():
    return published_numbers()


@pytest.mark.parametrize("path", ESSAYS, ids=lambda path: path.stem)
def test_every_chart_value_is_a_published_figure(path, published):
    data = read_yaml(path)
    known = published | derived_values(data, published)
    missing = [
        (series["title"]["en"], point["value"])
        for series in data.get("data_series", [])
        for point in series["points"]
        if Decimal(str(point["value"])).normalize() not in known
    ]
    assert not missing, missing


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
@pytest.mark.parametrize("path", ESSAYS, ids=lambda path: path.stem)
def test_every_figure_in_the_text_is_a_published_figure(path, language, published):
    data = read_yaml(path)
    known = published | derived_values(data, published)
    missing = []
    for text in texts(data, language):
        for match in FIGURE[language].finditer(text):
            if value(match.group(0), language) not in known:
                missing.append(text[max(0, match.start() - 50) : match.end() + 10])
    assert not missing, missing


def test_the_check_reads_figures_in_each_languages_format():
    assert value("140 272", "ru") == value("140,272", "en") == Decimal(140272)
    assert value("87,15", "kk") == value("87.15", "en") == Decimal("87.15")
    assert [m.group(0) for m in FIGURE["ru"].finditer("всего 9 127 192 (73,12%), рост 24 %")] == [
        "9 127 192",
        "73,12",
        "24",
    ]


# --- Figures beyond the shared data --------------------------------------------------------------


@pytest.mark.parametrize("figure", EXTRA, ids=lambda figure: str(figure["value"]))
def test_every_extra_figure_says_what_it_counts_where_it_was_published_and_when_it_was_checked(figure):
    assert figure["what"].strip() and figure["body"].strip()
    assert figure["url"].startswith("https://")
    assert isinstance(figure["checked"], datetime.date)
    assert isinstance(figure["published"], (datetime.date, int))  # a day, or a year where only that is known
    assert {path.stem for path in ESSAYS} >= set(figure["essays"]) != set()


@pytest.mark.parametrize("figure", EXTRA, ids=lambda figure: str(figure["value"]))
def test_every_extra_figure_is_used_by_the_essays_it_names(figure):
    wanted = Decimal(str(figure["value"])).normalize()
    for slug in figure["essays"]:
        data = read_yaml(FIGURES_EXTRA.parent / f"{slug}.yaml")
        used = set()
        for language in ("kk", "ru", "en"):
            for text in texts(data, language):
                used |= {value(m.group(0), language) for m in FIGURE[language].finditer(text)}
                used |= {Decimal(m.group(0)) for m in re.finditer(r"(?<![\d.,])\d+(?![\d.,])", text)}
        used |= {Decimal(str(p["value"])).normalize() for s in data.get("data_series", []) for p in s["points"]}
        assert wanted in used, (slug, figure["value"])


def test_the_extra_figures_file_is_not_loaded_as_an_essay():
    assert FIGURES_EXTRA not in ESSAYS and all("slug" in read_yaml(p) for p in ESSAYS)


def _essay_with_point(value, computed_from):
    return {"data_series": [{"points": [{"label": {"en": "x"}, "value": value, "computed_from": computed_from}]}]}


def test_a_derived_chart_value_must_add_up_from_published_figures():
    published = {Decimal(12482613), Decimal(9127192)}
    assert derived_values(_essay_with_point(3355421, [12482613, -9127192]), published) == {Decimal(3355421)}
    with pytest.raises(AssertionError):  # the sum is wrong
        derived_values(_essay_with_point(3355420, [12482613, -9127192]), published)
    with pytest.raises(AssertionError):  # an operand is not published
        derived_values(_essay_with_point(1, [12482614, -12482613]), published)
