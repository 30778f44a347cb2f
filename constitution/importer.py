"""Importing official texts of the Constitution into an edition whose structure is known.

Two source formats are read into one shape, ``{"preamble": [lines], "sections":
[{"number", "title", "articles": [{"number", "text", "notes"?}]}]}``:

- Markdown (``## Раздел I. …``, ``### Статья 5``, preamble lines starting ``> ``);
- the JSON files of ``shared/data/constitution`` (already in that shape).

The import refuses a text whose sections or articles differ from the edition's
and then changes nothing; it runs in one transaction.
"""

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from constitution.models import Article, Constitution
from core.text import normalise_cyrillic

SECTION_HEADING = re.compile(r"^##\s+(?:Раздел|Бөлім|Section)\s+([IVXLC]+)\.?\s*(.*)$")
ARTICLE_HEADING = re.compile(r"^###\s+(?:Статья|Бап|Article)\s+(\d+(?:-\d+)?)\s*$")


class StructureMismatch(Exception):
    """The text's sections or articles are not the edition's."""


def parse_markdown(text):
    """Parse the Markdown format into the common shape."""
    preamble, sections = [], []
    section = article = None
    for raw in text.splitlines():
        line = raw.rstrip()
        if match := SECTION_HEADING.match(line):
            section = {"number": match.group(1), "title": match.group(2).strip(), "articles": []}
            sections.append(section)
            article = None
        elif match := ARTICLE_HEADING.match(line):
            if section is None:
                raise StructureMismatch(f"article {match.group(1)} comes before any section")
            article = {"number": match.group(1), "lines": []}
            section["articles"].append(article)
        elif line.startswith(">") and section is None:
            preamble.append(line.lstrip(">").strip())
        elif not line.strip():
            continue
        elif article is not None:
            article["lines"].append(line.strip())
        elif section is not None:
            # A section title broken over lines (ru-2026.md, section VIII).
            section["title"] = f"{section['title']} {line.strip()}".strip()
    for section in sections:
        for article in section["articles"]:
            article["text"] = "\n".join(article.pop("lines"))
    return {"preamble": preamble, "sections": sections}


def read_source(path):
    """Read a Markdown or JSON source file into the common shape."""
    path = Path(path)
    content = path.read_text(encoding="utf-8")
    if path.suffix.lower() == ".json":
        data = json.loads(content)
        if not isinstance(data, dict) or "sections" not in data:
            raise StructureMismatch(f"{path.name}: not a Constitution JSON file (no 'sections')")
        return data
    return parse_markdown(content)


@dataclass
class ImportReport:
    """What an import changed."""

    language: str
    articles_changed: list = field(default_factory=list)
    preamble_changed: bool = False
    section_titles_changed: list = field(default_factory=list)

    @property
    def changed(self):
        return bool(self.articles_changed or self.preamble_changed or self.section_titles_changed)

    def summary(self):
        if not self.changed:
            return f"{self.language}: nothing changed"
        parts = [f"{len(self.articles_changed)} article(s)"]
        if self.section_titles_changed:
            parts.append(f"{len(self.section_titles_changed)} section title(s)")
        if self.preamble_changed:
            parts.append("the preamble")
        return f"{self.language}: updated " + ", ".join(parts)


def check_structure(constitution, data):
    """Raise StructureMismatch with every difference between the text and the edition."""
    expected = {}
    for section in constitution.sections.all():
        expected[section.number] = [a.number for a in section.articles.order_by("sort_key")]
    found = {s["number"]: [a["number"] for a in s.get("articles", [])] for s in data.get("sections", [])}
    problems = []
    for number in found.keys() - expected.keys():
        problems.append(f"unknown section {number}")
    for number in expected.keys() - found.keys():
        problems.append(f"missing section {number}")
    for number in expected.keys() & found.keys():
        want, got = expected[number], found[number]
        if unknown := [n for n in got if n not in want]:
            problems.append(f"section {number}: unknown article(s) {', '.join(unknown)}")
        if missing := [n for n in want if n not in got]:
            problems.append(f"section {number}: missing article(s) {', '.join(missing)}")
        if len(got) != len(set(got)):
            problems.append(f"section {number}: an article appears twice")
    if problems:
        raise StructureMismatch(
            f"the text does not match the {constitution.year} edition: " + "; ".join(sorted(problems))
        )


def clean_text(text, language):
    """An official text as stored: trimmed, and Kazakh with Cyrillic letters for Latin look-alikes."""
    text = (text or "").strip()
    return normalise_cyrillic(text) if language == "kk" else text


@transaction.atomic
def import_text(constitution, language, data):
    """Write the official text in ``language`` into the edition; returns an ImportReport.

    Every save goes through the models' signals, so the content version (page and API caches,
    the export) and the search index follow in the same run.
    """
    check_structure(constitution, data)
    report = ImportReport(language)
    text_field, notes_field = f"text_{language}", f"notes_{language}"
    articles = {a.number: a for a in Article.objects.filter(constitution=constitution)}
    sections = {s.number: s for s in constitution.sections.all()}
    for section_data in data["sections"]:
        section = sections[section_data["number"]]
        title = clean_text(section_data.get("title"), language)
        current_title = getattr(section, f"title_{language}")
        if title and title != current_title:
            setattr(section, f"title_{language}", title)
            section.save(update_fields=[f"title_{language}", "updated_at"])
            report.section_titles_changed.append(section.number)
        for article_data in section_data["articles"]:
            article = articles[article_data["number"]]
            text = clean_text(article_data.get("text"), language)
            notes = clean_text("\n".join(article_data.get("notes") or []), language)
            old_text, old_notes = getattr(article, text_field), getattr(article, notes_field)
            if (text, notes) != (old_text, old_notes):
                setattr(article, text_field, text)
                setattr(article, notes_field, notes)
                article.save(update_fields=[text_field, notes_field, "updated_at"])
                report.articles_changed.append(article.number)
    preamble = clean_text("\n".join(data.get("preamble") or []), language)
    current_preamble = getattr(constitution, f"preamble_{language}")
    if preamble and preamble != current_preamble:
        setattr(constitution, f"preamble_{language}", preamble)
        constitution.save(update_fields=[f"preamble_{language}", "updated_at"])
        report.preamble_changed = True
    return report


def import_file(path, year, language):
    """Import one source file into the edition of ``year``."""
    constitution = Constitution.objects.get(year=year)
    return import_text(constitution, language, read_source(path))
