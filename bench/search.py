"""Search benchmark: 10 000 documents in the index, median and p95 time per query.

Run through ``make bench-search`` (SQLite in var/bench/, then PostgreSQL when one answers on
127.0.0.1:5432). It uses its own database (``DATABASE_URL``), never the portal's.

The bundled content is loaded and indexed as usual; generated documents are then added through the
same indexing code until there are ``BENCH_DOCUMENTS``. They are made of words drawn from the bundled
content in each language, so word frequencies look like the portal's. The queries are the natural
queries of ``bench/search_queries.yaml`` (questions, word forms, typos), each asked once, plus
one- and two-word queries of frequent words and words that match nothing.
"""

import gc
import os
import random
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

import django  # noqa: E402

django.setup()

import yaml  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402

from bench.scale import settle  # noqa: E402
from search import index  # noqa: E402
from search.models import Document  # noqa: E402
from search.selectors import search  # noqa: E402

DOCUMENTS = int(os.environ.get("BENCH_DOCUMENTS", "10000"))
LANGUAGES = ("kk", "ru", "en")
WORD = re.compile(r"[^\W\d_]{3,}")


def vocabulary():
    words = {language: [] for language in LANGUAGES}
    for language, text in Document.objects.values_list("language", "text"):
        words[language].extend(WORD.findall(text))
    return words


def generate(words, rng):
    items, existing = [], Document.objects.count()
    for n in range(DOCUMENTS - existing):
        language = LANGUAGES[n % 3]
        pool = words[language]

        def text(count, pool=pool):
            return " ".join(rng.choice(pool) for _ in range(count))

        items.append(
            {
                "kind": ("article", "guide", "essay")[n % 7 % 3],
                "key": f"bench-{n}",
                "language": language,
                "title": text(5),
                "keywords": text(rng.randint(0, 8)),
                "summary": text(rng.randint(15, 40)),
                "body": text(rng.randint(150, 450)),
                "url": f"/{language}/bench/{n}/",
            }
        )
    with transaction.atomic():
        for start in range(0, len(items), 500):
            index._store(items[start : start + 500])
        index._recount(list(index.Term.objects.values_list("pk", flat=True)))
        index._bump()


def queries(words, rng):
    path = Path(__file__).resolve().parent / "search_queries.yaml"
    with open(path, encoding="utf-8") as handle:
        asked = [(item["lang"], item["q"]) for item in yaml.safe_load(handle)["queries"]]
    for n in range(150):
        language = LANGUAGES[n % 3]
        pool = words[language]
        kind = n % 3
        if kind == 0:
            asked.append((language, rng.choice(pool)))
        elif kind == 1:
            asked.append((language, f"{rng.choice(pool)} {rng.choice(pool)}"))
        else:
            asked.append((language, f"жоқсөз{n}"))
    return asked


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
    started = time.perf_counter()
    if Document.objects.count() < DOCUMENTS:  # a database left by an earlier run is reused
        generate(words, rng)
    indexing = time.perf_counter() - started
    settle()
    asked = queries(words, rng)
    # The word pools (every word of 10,000 documents, millions of list items) belong to the bench, not to a
    # server: kept, each full garbage collection walked them and added 120-140 ms to a few queries.
    del words
    gc.collect()
    client = Client()
    for language in LANGUAGES:  # each process reads its vocabulary once per index version
        search("конституция", language)
    search_median, search_p95 = timed(lambda lang, q: search(q, lang), asked)
    page_median, page_p95 = timed(
        lambda lang, q: client.get(f"/{lang}/search/", {"q": q}, HTTP_HOST="127.0.0.1"), asked
    )
    lines = [
        f"search benchmark on {connection.vendor} ({connection.settings_dict['NAME']}), {os.cpu_count()} cores",
        f"{Document.objects.count()} documents ({index.Term.objects.count()} terms, "
        f"{index.Posting.objects.count()} postings; generated ones indexed in {indexing:.1f} s), {len(asked)} queries",
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
