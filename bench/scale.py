"""Grow the bundled content N times, for the benchmarks and the scale tests.

``grow(n)`` adds n-1 copies of each bundled guide (with all its parts) and essay, and n-1 extra
historical editions of the Constitution (sections and articles with their texts), then records
one content change and rebuilds the search index. The pages the benchmark measures stay the same
pages; everything around them, and every list, the search index and the export grow n times.

Run as a script: ``python bench/scale.py N`` (uses DATABASE_URL, like manage.py).
"""

import os
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")


def _copy(obj, **changes):
    obj.pk = None
    obj.id = None
    for name, value in changes.items():
        setattr(obj, name, value)
    return obj


def grow(n):
    from django.db import transaction

    from constitution.models import Article, Constitution, Section
    from core import content
    from essays.models import DataPoint, DataSeries, Essay, EssaySection, EssaySource
    from guides.models import (
        ComparisonRow,
        ComparisonTable,
        Document,
        Faq,
        Fee,
        Guide,
        Source,
        Step,
        Tip,
    )
    from search import index as search

    if n <= 1:
        return
    with transaction.atomic(), search.paused():
        base_edition = Constitution.objects.get(year=2026)
        sections = list(Section.objects.filter(constitution=base_edition))
        articles = list(Article.objects.filter(constitution=base_edition))
        for copy in range(1, n):
            year = 1000 + copy
            edition = _copy(
                Constitution.objects.get(pk=base_edition.pk),
                year=year,
                in_force_from=date(year, 1, 1),
                in_force_until=date(year + 1, 1, 1),
            )
            edition.save()
            new_sections = {}
            for section in sections:
                old_pk = section.pk
                new_sections[old_pk] = _copy(Section.objects.get(pk=old_pk), constitution=edition)
            Section.objects.bulk_create(new_sections.values())
            Article.objects.bulk_create(
                _copy(Article.objects.get(pk=a.pk), constitution=edition, section=new_sections[a.section_id])
                for a in articles
            )
        bundled_guides = list(Guide.objects.all())
        for copy in range(1, n):
            for guide in bundled_guides:
                original = Guide.objects.get(pk=guide.pk)
                clone = _copy(Guide.objects.get(pk=guide.pk), slug=f"{guide.slug}-{copy}", order=copy)
                clone.save()
                for route in original.routes.all():
                    steps = list(route.steps.all())
                    new_route = _copy(route, guide=clone)
                    new_route.save()
                    Step.objects.bulk_create(_copy(step, route=new_route) for step in steps)
                for model in (Document, Fee, Faq, Tip, Source):
                    model.objects.bulk_create(_copy(item, guide=clone) for item in model.objects.filter(guide=original))
                for table in ComparisonTable.objects.filter(guide=original):
                    rows = list(table.rows.all())
                    new_table = _copy(table, guide=clone)
                    new_table.save()
                    ComparisonRow.objects.bulk_create(_copy(row, table=new_table) for row in rows)
        bundled_essays = list(Essay.objects.all())
        for copy in range(1, n):
            for essay in bundled_essays:
                original = Essay.objects.get(pk=essay.pk)
                clone = _copy(
                    Essay.objects.get(pk=essay.pk), slug=f"{essay.slug}-{copy}", published_on=date(2020, 1, 1)
                )
                clone.save()
                EssaySection.objects.bulk_create(_copy(s, essay=clone) for s in original.sections.all())
                EssaySource.objects.bulk_create(_copy(s, essay=clone) for s in original.sources.all())
                for series in DataSeries.objects.filter(essay=original):
                    points = list(series.points.all())
                    new_series = _copy(series, essay=clone)
                    new_series.save()
                    DataPoint.objects.bulk_create(_copy(p, series=new_series) for p in points)
        content.touch()
    search.rebuild()


def settle():
    """On PostgreSQL, what autovacuum does on a production server after a large load: the planner's
    statistics, and the visibility map that lets a query read the postings from their covering index alone.
    (The benches' server may run with autovacuum off; then nothing else would ever do it.)"""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")


if __name__ == "__main__":
    import django

    django.setup()
    grow(int(sys.argv[1]))
    settle()
    print(f"content grown {sys.argv[1]}×")
