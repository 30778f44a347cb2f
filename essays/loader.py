"""Bundled content of the essays app: one YAML file per essay in ``essays/data``.

Sections, sources and data series are matched by their position, as in the guides loader;
related articles and guides are set when an essay is first loaded and then left to editors.
"""

from decimal import Decimal
from pathlib import Path

from constitution.models import Article
from core.loading import read_yaml, sync, translated_fields, translated_values
from essays.models import DataPoint, DataSeries, Essay, EssayChange, EssaySection, EssaySource
from guides.models import Guide

DATA_DIR = Path(__file__).resolve().parent / "data"
# Not an essay: the sourced figures the essays use beyond shared/data/statistics.md (checked by the tests).
FIGURES_EXTRA = DATA_DIR / "figures-extra.yaml"


def essay_files():
    """The bundled essays, one YAML file each."""
    return [path for path in sorted(DATA_DIR.glob("*.yaml")) if path != FIGURES_EXTRA]


def load(report, stdout=None):
    for path in essay_files():
        load_essay(read_yaml(path), report)


def load_essay(data, report):
    essay, status = sync(
        Essay,
        {"slug": data["slug"]},
        {
            "status": data.get("status", "published"),
            "published_on": data["published_on"],
            "revised_on": data.get("revised_on"),
            **translated_fields(data, "title", "lead", "key_takeaway", "keywords"),
        },
        report,
    )
    if status == "created":
        numbers = [str(n) for n in data.get("related_articles", [])]
        essay.related_articles.set(Article.objects.filter(constitution__year=2026, number__in=numbers))
        essay.related_guides.set(Guide.objects.filter(slug__in=data.get("related_guides", [])))
    for order, item in enumerate(data.get("sections", []), start=1):
        sync(EssaySection, {"essay": essay, "order": order}, translated_fields(item, "heading", "body"), report)
    for order, item in enumerate(data.get("sources", []), start=1):
        values = {
            "url": item.get("url", ""),
            "date": str(item.get("date", "")),
            **translated_fields(item, "title", "publisher"),
        }
        sync(EssaySource, {"essay": essay, "order": order}, values, report)
    for item in data.get("changes", []):  # one bundled note per date
        sync(EssayChange, {"essay": essay, "date": item["date"]}, translated_fields(item, "note"), report)
    for order, item in enumerate(data.get("data_series", []), start=1):
        values = {
            "source_url": item.get("source_url", ""),
            "chart": item.get("chart", "bar"),
            **translated_fields(item, "title", "description", "note", "unit", "label_axis", "source"),
        }
        series, series_status = sync(DataSeries, {"essay": essay, "order": order}, values, report)
        if series_status in ("created", "updated"):  # a revised series brings its own points
            series.points.all().delete()
            DataPoint.objects.bulk_create(
                DataPoint(
                    series=series, order=n, value=Decimal(str(p["value"])), **translated_values("label", p["label"])
                )
                for n, p in enumerate(item["points"], start=1)
            )
    return essay
