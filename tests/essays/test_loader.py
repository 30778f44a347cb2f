"""The essays loader: a revised chart brings its own points, and figures-extra.yaml is not an essay."""

import copy

import pytest

from core.loading import LoadReport, read_yaml
from essays.loader import DATA_DIR, FIGURES_EXTRA, essay_files, load_essay
from essays.models import Essay

pytestmark = pytest.mark.django_db


def points(series):
    return [(point.label_en, float(point.value)) for point in series.points.all()]


def test_a_revised_bundled_series_replaces_its_points_on_the_next_load():
    bundled = read_yaml(DATA_DIR / "crime-trends-world.yaml")
    earlier = copy.deepcopy(bundled)  # as an older release shipped it: another title, other points
    earlier["data_series"][2]["title"]["en"] = "Victims of intentional homicide worldwide"
    earlier["data_series"][2]["points"] = [{"label": "1992", "value": 395542}, {"label": "2021", "value": 458000}]
    load_essay(earlier, LoadReport())
    series = Essay.objects.get(slug="crime-trends-world").data_series.get(order=3)
    assert points(series) == [("1992", 395542.0), ("2021", 458000.0)]

    load_essay(bundled, LoadReport())
    series.refresh_from_db()
    assert series.title_en == bundled["data_series"][2]["title"]["en"]
    assert points(series) == [("1992", 7.2), ("2017", 6.1)]


def test_a_series_an_editor_changed_keeps_its_points():
    bundled = read_yaml(DATA_DIR / "crime-trends-world.yaml")
    series = Essay.objects.get(slug="crime-trends-world").data_series.get(order=3)
    series.title_en = "Edited by an editor"
    series.save()
    before = points(series)
    changed = copy.deepcopy(bundled)
    changed["data_series"][2]["points"] = [{"label": "2000", "value": 1}]
    changed["data_series"][2]["title"]["en"] = "Another bundled title"
    load_essay(changed, LoadReport())
    assert points(series) == before


def test_the_extra_figures_are_not_loaded_as_an_essay():
    assert FIGURES_EXTRA.exists() and FIGURES_EXTRA not in essay_files()
    assert len(essay_files()) == Essay.objects.count()
