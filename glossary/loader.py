"""Bundled terms: ``glossary/data/terms.yaml`` (format in ``glossary/data/README.md``). A spelling two
terms share in one language stops the load (the admin refuses it too: ``Term.clean``)."""

from pathlib import Path

from django.core.exceptions import ValidationError

from constitution.models import Article
from core.loading import read_yaml, sync, translated_fields
from glossary.models import Term
from guides.models import Guide

DATA_FILE = Path(__file__).resolve().parent / "data" / "terms.yaml"


def _related(model, lookup, what):
    if not lookup:
        return None
    found = model.objects.filter(**lookup).first()
    if found is None:
        raise ValueError(f"{DATA_FILE.name}: the {what} {lookup} does not exist")
    return found.pk


def load(report, stdout=None):
    terms = []
    for item in read_yaml(DATA_FILE):
        article = item.get("article")
        term, _status = sync(
            Term,
            {"slug": item["slug"]},
            {
                "source_url": item.get("source_url", ""),
                "related_guide_id": _related(Guide, item.get("guide") and {"slug": item["guide"]}, "guide"),
                "related_article_id": _related(
                    Article, article and {"constitution__year": 2026, "number": str(article)}, "article"
                ),
                **translated_fields(item, "term", "spellings", "definition", "source_title"),
            },
            report,
        )
        terms.append(term)
    for term in terms:
        try:
            term.clean()
        except ValidationError as error:
            raise ValueError(f"{DATA_FILE.name}: {term.slug}: {error.messages}") from error
