"""Bundled content of the constitution app: structure, explanations, mapping, official texts.

Our own explanations live in ``constitution/data/*.yaml``. The official texts are
read from ``settings.AZAMAT_DATA_DIR / "constitution"`` when that folder exists;
they fill only empty texts, so ``import_constitution`` stays the way to replace one.
"""

from pathlib import Path

from django.conf import settings

from constitution.importer import import_file
from constitution.models import Article, Constitution, Correspondence, Section, Topic
from portal import loading as portal_loading
from portal.loading import sync, translated_values

DATA_DIR = Path(__file__).resolve().parent / "data"
OFFICIAL_TEXTS = [(2026, "kk"), (2026, "ru"), (1995, "kk"), (1995, "ru"), (1995, "en")]


def read_yaml(name):
    return portal_loading.read_yaml(DATA_DIR / name)


def expand_numbers(spec):
    """``"1-9"`` → 1..9; ``"75-83, 83-1, 84"`` → 75..83, 83-1, 84."""
    numbers = []
    for part in str(spec).split(","):
        part = part.strip()
        first, _, last = part.partition("-")
        if last and first.isdigit() and int(last) > int(first):
            numbers.extend(str(n) for n in range(int(first), int(last) + 1))
        else:
            numbers.append(part)
    return numbers


def official_text_path(year, language):
    return Path(settings.AZAMAT_DATA_DIR) / "constitution" / f"{language}-{year}.json"


def load(report, stdout=None):
    """Load everything bundled for the constitution app."""
    topics = _load_topics(report)
    for edition in read_yaml("structure.yaml")["editions"]:
        _load_edition(edition, read_yaml(f"explanations-{edition['year']}.yaml"), topics, report)
    _load_mapping(report)
    for year, language in OFFICIAL_TEXTS:
        path = official_text_path(year, language)
        if path.exists():
            result = import_file(path, year, language, only_empty=True)
            if stdout and result.changed:
                stdout.write(f"official text {year} {result.summary()}")
        elif stdout:
            stdout.write(f"official text {year} {language}: {path} not found, skipped")


def _load_topics(report):
    topics = {}
    for order, item in enumerate(read_yaml("topics.yaml")["topics"]):
        topic, _ = sync(
            Topic, {"slug": item["slug"]}, {"order": order, **translated_values("name", item["name"])}, report
        )
        topics[topic.slug] = topic
    return topics


def _load_edition(edition, explanations, topics, report):
    """One edition: its structure (structure.yaml) with our explanations merged in, one sync per object."""
    constitution, _ = sync(
        Constitution,
        {"year": edition["year"]},
        {
            "adopted_on": edition["adopted_on"],
            "in_force_from": edition["in_force_from"],
            "in_force_until": edition["in_force_until"],
            "source_url": edition["source_url"],
            **translated_values("title", edition["title"]),
            **translated_values("adoption", edition["adoption"]),
            **translated_values("amended_note", edition["amended_note"]),
            **translated_values("source", edition["source"]),
        },
        report,
    )
    section_notes = {item["number"]: item for item in explanations.get("sections", [])}
    article_notes = {str(number): item for number, item in (explanations.get("articles") or {}).items()}
    key_numbers = {str(n) for n in explanations.get("key_articles", [])}
    for order, item in enumerate(edition["sections"], start=1):
        notes = section_notes.get(item["number"], {})
        section, _ = sync(
            Section,
            {"constitution": constitution, "number": item["number"]},
            {
                "order": order,
                **translated_values("title", item["title"]),
                **translated_values("summary", notes.get("summary")),
                **translated_values("significance", notes.get("significance")),
                **translated_values("changes", notes.get("changes")),
            },
            report,
        )
        excluded = set(item.get("excluded", []))
        for number in expand_numbers(item["articles"]):
            note = article_notes.get(number, {})
            article, status = sync(
                Article,
                {"constitution": constitution, "number": number},
                {
                    "section_id": section.id,
                    "is_excluded": number in excluded,
                    "is_key": number in key_numbers,
                    **translated_values("summary", note),
                },
                report,
            )
            if status in ("created", "updated"):
                article.topics.set([topics[slug] for slug in note.get("topics", [])])


def _load_mapping(report):
    articles = {(a.constitution.year, a.number): a for a in Article.objects.select_related("constitution")}
    for new_number, item in read_yaml("mapping.yaml")["mapping"].items():
        new_article = articles[(2026, str(new_number))]
        for old_number in expand_numbers(item.get("from", "")) if item.get("from") else []:
            sync(
                Correspondence,
                {"old_article": articles[(1995, old_number)], "new_article": new_article},
                translated_values("note", item.get("note")),
                report,
            )
