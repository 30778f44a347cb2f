"""Search benchmark: 10 000 generated documents, median and p95 time per query.

Run through ``make bench-search`` (SQLite in var/bench/, then PostgreSQL when one answers on
127.0.0.1:5432). It uses its own database (``DATABASE_URL``), never the portal's.

The documents are made of words drawn from the bundled content in each language, so word
frequencies look like the portal's; queries are one or two such words, frequent and rare,
plus words that match nothing.
"""

import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from portal import search  # noqa: E402
from portal.models import SearchDocument  # noqa: E402

DOCUMENTS = int(os.environ.get("BENCH_DOCUMENTS", "10000"))
QUERIES = int(os.environ.get("BENCH_QUERIES", "300"))
LANGUAGES = ("kk", "ru", "en")


def vocabulary():
    words = {language: [] for language in LANGUAGES}
    for language, text in SearchDocument.objects.values_list("language", "text"):
        words[language].extend(w for w in search._TERM.findall(text) if len(w) > 2 and not w.isdigit())
    return words


def generate(words, rng):
    SearchDocument.objects.all().delete()
    documents = []
    for n in range(DOCUMENTS):
        language = LANGUAGES[n % 3]
        pool = words[language]
        title = " ".join(rng.choice(pool) for _ in range(5))
        text = " ".join(rng.choice(pool) for _ in range(rng.randint(150, 450)))
        documents.append(
            SearchDocument(
                kind=("article", "guide", "essay")[n % 7 % 3],
                key=f"bench-{n}",
                language=language,
                title=title,
                title_folded=search.fold(title),
                text=text,
                folded=search.fold(title + " \n " + text),
                url=f"/{language}/bench/{n}/",
            )
        )
    SearchDocument.objects.bulk_create(documents, batch_size=1000)


def queries(words, rng):
    chosen = []
    for n in range(QUERIES):
        language = LANGUAGES[n % 3]
        pool = words[language]
        kind = n % 4
        if kind == 0:
            chosen.append((language, rng.choice(pool)))
        elif kind == 1:
            chosen.append((language, f"{rng.choice(pool)} {rng.choice(pool)}"))
        elif kind == 2:
            chosen.append((language, rng.choice(pool).upper()))
        else:
            chosen.append((language, f"жоқсөз{n}"))
    return chosen


def timed(function, items):
    times = []
    for item in items:
        start = time.perf_counter()
        function(*item)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1]


def main():
    call_command("migrate", verbosity=0)
    call_command("load_content", stdout=open(os.devnull, "w"))  # noqa: SIM115
    rng = random.Random(2026)
    words = vocabulary()
    generate(words, rng)
    asked = queries(words, rng)
    client = Client()
    search_median, search_p95 = timed(lambda lang, q: search.search(q, lang), asked)
    page_median, page_p95 = timed(
        lambda lang, q: client.get(f"/{lang}/search/", {"q": q}, HTTP_HOST="127.0.0.1"), asked
    )
    lines = [
        f"search benchmark on {connection.vendor} ({connection.settings_dict['NAME']}), {os.cpu_count()} cores",
        f"{SearchDocument.objects.count()} documents, {len(asked)} queries",
        f"search():     median {search_median:6.1f} ms   p95 {search_p95:6.1f} ms",
        f"search page:  median {page_median:6.1f} ms   p95 {page_p95:6.1f} ms",
    ]
    report = "\n".join(lines)
    print(report)
    out = Path(__file__).resolve().parent.parent / "var" / "bench" / f"search-{connection.vendor}.txt"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(report + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
