"""Bundled content of the constitution app: structure, explanations, mapping, official texts.

Our own explanations live in ``constitution/data/*.yaml``; the official texts in
``constitution/data/official/`` (see its README). A folder named by ``AZAMAT_DATA_DIR`` may hold a
newer text (``constitution/<language>-<year>.json``), which is then loaded in its place.

An article's official text has its own fingerprint (``official_text_hash``), apart from our
explanation's: a newer bundled text replaces the one loaded before, an empty one is filled, and a
text someone imported or corrected since is kept (``core.loading.sync``).
"""

from functools import cache
from pathlib import Path

from django.conf import settings

from constitution.importer import StructureMismatch, clean_text, read_source
from constitution.models import Article, ArticleChange, Constitution, Correspondence, Section, Topic
from core import loading as core_loading
from core.loading import sync, translated_values

DATA_DIR = Path(__file__).resolve().parent / "data"
OFFICIAL_DIR = DATA_DIR / "official"
OFFICIAL_TEXTS = [(2026, "kk"), (2026, "ru"), (1995, "kk"), (1995, "ru"), (1995, "en")]


def read_yaml(name):
    return core_loading.read_yaml(DATA_DIR / name)


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
    """The file of an official text: a newer one under ``AZAMAT_DATA_DIR`` if present, else the bundled one."""
    if settings.AZAMAT_DATA_DIR:
        newer = Path(settings.AZAMAT_DATA_DIR) / "constitution" / f"{language}-{year}.json"
        if newer.exists():
            return newer
    bundled = OFFICIAL_DIR / f"{language}-{year}.json"
    return bundled if bundled.exists() else None


@cache
def _read_official(path, mtime):
    return read_source(path)


def official_texts(edition):
    """``{language: {"path", "preamble", "articles": {number: (text, notes)}}}`` for one edition of
    ``structure.yaml``, each text checked against the edition's sections and articles."""
    texts = {}
    for year, language in OFFICIAL_TEXTS:
        if year != edition["year"] or (path := official_text_path(year, language)) is None:
            continue
        data = _read_official(path, path.stat().st_mtime)
        expected = {item["number"]: expand_numbers(item["articles"]) for item in edition["sections"]}
        found = {s["number"]: [a["number"] for a in s.get("articles", [])] for s in data.get("sections", [])}
        if found != expected:
            raise StructureMismatch(f"{path}: its sections or articles are not those of the {year} edition")
        articles = {}
        for section in data["sections"]:
            for item in section["articles"]:
                notes = "\n".join(item.get("notes") or [])
                articles[item["number"]] = (clean_text(item.get("text"), language), clean_text(notes, language))
        preamble = clean_text("\n".join(data.get("preamble") or []), language)
        texts[language] = {"path": path, "preamble": preamble, "articles": articles}
    return texts


def load(report, stdout=None):
    """Load everything bundled for the constitution app."""
    topics = _load_topics(report)
    for edition in read_yaml("structure.yaml")["editions"]:
        texts = official_texts(edition)
        if stdout:
            for language, text in texts.items():
                stdout.write(f"official text {edition['year']} {language}: {text['path']}")
        explanations = read_yaml(f"explanations-{edition['year']}.yaml")
        keywords = DATA_DIR / f"keywords-{edition['year']}.yaml"
        explanations["keywords"] = read_yaml(keywords.name)["articles"] if keywords.exists() else {}
        _load_edition(edition, explanations, topics, texts, report)
    _load_mapping(report)


def _official_values(texts, field, value_of):
    """``{"<field>_kk": …, "<field>_ru": …}`` for the languages that have an official text."""
    return {f"{field}_{language}": value_of(text) for language, text in sorted(texts.items())}


def _load_topics(report):
    topics = {}
    for order, item in enumerate(read_yaml("topics.yaml")["topics"]):
        topic, _ = sync(
            Topic, {"slug": item["slug"]}, {"order": order, **translated_values("name", item["name"])}, report
        )
        topics[topic.slug] = topic
    return topics


def _load_edition(edition, explanations, topics, texts, report):
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
    if texts:
        sync(
            Constitution,
            {"pk": constitution.pk},
            _official_values(texts, "preamble", lambda text: text["preamble"]),
            report,
            hash_field="official_text_hash",
            fill_empty=True,
        )
    section_notes = {item["number"]: item for item in explanations.get("sections", [])}
    article_notes = {str(number): item for number, item in (explanations.get("articles") or {}).items()}
    article_keywords = {str(number): item for number, item in explanations["keywords"].items()}
    article_changes = {}
    for item in explanations.get("changes", []):
        article_changes.setdefault(str(item["article"]), []).append(item)
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
                    "checked_on": note.get("checked_on", explanations.get("checked_on")),
                    **translated_values("summary", note),
                    **translated_values("translation_note", note.get("translation_note")),
                    **translated_values("keywords", article_keywords.get(number)),
                },
                report,
            )
            if status in ("created", "updated"):
                article.topics.set([topics[slug] for slug in note.get("topics", [])])
            if texts:
                sync(
                    Article,
                    {"pk": article.pk},
                    {
                        **_official_values(texts, "text", lambda text, n=number: text["articles"][n][0]),
                        **_official_values(texts, "notes", lambda text, n=number: text["articles"][n][1]),
                    },
                    report,
                    hash_field="official_text_hash",
                    fill_empty=True,
                )
            for change in article_changes.get(number, []):  # one bundled note per date
                sync(
                    ArticleChange,
                    {"article": article, "date": change["date"]},
                    translated_values("note", change["note"]),
                    report,
                )


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
