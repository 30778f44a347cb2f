"""Bundled content of the guides app: the MCI table, categories and one YAML file per guide.

Parts of a guide (routes, steps, documents …) are matched by their position, so an editor's
reordering or rewording is kept (see ``core.loading``); related articles are set when a
guide is first loaded and then left to editors.
"""

from decimal import Decimal
from pathlib import Path

from constitution.models import Article
from core.loading import read_yaml, sync, translated_fields, translated_values
from guides.models import (
    Category,
    ComparisonRow,
    ComparisonTable,
    Document,
    Faq,
    Fee,
    Guide,
    GuideChange,
    MciRate,
    Route,
    Source,
    Step,
    Tip,
)

DATA_DIR = Path(__file__).resolve().parent / "data"


def load(report, stdout=None):
    for item in read_yaml(DATA_DIR / "mci.yaml")["rates"]:
        sync(MciRate, {"year": item["year"]}, {k: item.get(k, "") for k in ("value", "source", "source_url")}, report)
    categories = {}
    for order, item in enumerate(read_yaml(DATA_DIR / "categories.yaml")["categories"]):
        category, _ = sync(
            Category, {"slug": item["slug"]}, {"order": order, **translated_values("name", item["name"])}, report
        )
        categories[category.slug] = category
    for path in sorted((DATA_DIR / "guides").glob("*.yaml")):
        load_guide(read_yaml(path), categories, report)


def _decimal(value, places):
    """Amounts as the database gives them back (``0.2`` → ``Decimal("0.200")``), so reloading is a no-op."""
    return None if value is None else Decimal(str(value)).quantize(Decimal(places))


def _joined(value):
    """Table cells and headings are bundled as lists per language and stored one per line."""
    return {code: "\n".join(cells) for code, cells in (value or {}).items()}


def load_guide(data, categories, report):
    guide, status = sync(
        Guide,
        {"slug": data["slug"]},
        {
            "category_id": categories[data["category"]].id,
            "order": data.get("order", 0),
            "status": data.get("status", "published"),
            "last_reviewed": data["last_reviewed"],
            **translated_fields(
                data, "title", "summary", "audience", "time_needed", "cost", "result", "intro", "fees_note", "keywords"
            ),
        },
        report,
    )
    if status == "created" and data.get("related_articles"):
        numbers = [str(n) for n in data["related_articles"]]
        guide.related_articles.set(
            Article.objects.filter(constitution__year=data.get("related_edition", 2026), number__in=numbers)
        )
    for order, item in enumerate(data.get("routes", []), start=1):
        route, _ = sync(
            Route,
            {"guide": guide, "order": order},
            translated_fields(item, "title", "suits", "advantages", "needs"),
            report,
        )
        for step_order, step in enumerate(item.get("steps", []), start=1):
            sync(Step, {"route": route, "order": step_order}, translated_fields(step, "title", "body"), report)
    for order, item in enumerate(data.get("documents", []), start=1):
        values = {"is_required": item.get("required", True), **translated_fields(item, "name", "note")}
        sync(Document, {"guide": guide, "order": order}, values, report)
    for order, item in enumerate(data.get("fees", []), start=1):
        values = {
            "amount_mci": _decimal(item.get("mci"), "0.001"),
            "amount_tenge": _decimal(item.get("tenge"), "0.01"),
            "source_url": item.get("source_url", ""),
            **translated_fields(item, "condition"),
        }
        sync(Fee, {"guide": guide, "order": order}, values, report)
    for order, item in enumerate(data.get("faqs", []), start=1):
        sync(Faq, {"guide": guide, "order": order}, translated_fields(item, "question", "answer"), report)
    for order, item in enumerate(data.get("tips", []), start=1):
        sync(
            Tip,
            {"guide": guide, "order": order},
            {"kind": item.get("kind", "tip"), **translated_fields(item, "text")},
            report,
        )
    for order, item in enumerate(data.get("sources", []), start=1):
        sync(
            Source,
            {"guide": guide, "order": order},
            {"url": item["url"], "checked_on": item.get("checked_on"), **translated_fields(item, "title", "publisher")},
            report,
        )
    for item in data.get("changes", []):  # one bundled note per date
        sync(GuideChange, {"guide": guide, "date": item["date"]}, translated_fields(item, "note"), report)
    for order, item in enumerate(data.get("tables", []), start=1):
        values = {**translated_fields(item, "title", "note"), **translated_values("columns", _joined(item["columns"]))}
        table, _ = sync(ComparisonTable, {"guide": guide, "order": order}, values, report)
        for row_order, row in enumerate(item.get("rows", []), start=1):
            sync(ComparisonRow, {"table": table, "order": row_order}, translated_values("cells", _joined(row)), report)
    return guide
