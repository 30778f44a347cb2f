"""Search quality: natural queries with their right answers, against the bundled content.

Two sets: ``bench/search_queries.yaml`` (440 queries, the one search was tuned on) and
``bench/search_queries_holdout.yaml`` (180 queries written separately by someone who saw neither the
first set nor the keywords editors give items; never used for tuning). Prints hit@1, hit@5 and MRR
per language (and per kind of query) for each, on the database of ``DATABASE_URL``;
``make search-quality`` runs it on a SQLite and a PostgreSQL database of its own. ``--misses`` lists
the queries whose answer is not in the first five.
"""

import os
import re
import sys
from collections import defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ROOT / "bench" / "search_queries.yaml"
HOLDOUT = ROOT / "bench" / "search_queries_holdout.yaml"


def target_of(url):
    """``article:2026:17``, ``guide:eds``, ``essay:constitution-2026``, ``letter:complaint`` from a result's address."""
    if match := re.match(r"^/\w\w/constitution/(?:(\d{4})/)?article/([\w-]+)/", url):
        return f"article:{match.group(1) or 2026}:{match.group(2)}"
    if match := re.match(r"^/\w\w/(guide|essay)s/([\w-]+)/", url):
        return f"{match.group(1)}:{match.group(2)}"
    if match := re.match(r"^/\w\w/forms/([\w-]+)/", url):
        return f"letter:{match.group(1)}"
    return url


def load_queries(path=QUERIES):
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle)["queries"]


def evaluate(search, queries=None):
    """``{"kk": {"n", "hit1", "hit5", "mrr"}, …, "kinds": {...}, "misses": [...]}`` for ``search(q, lang)``,
    which returns result addresses best first."""
    queries = queries or load_queries()
    totals = defaultdict(lambda: {"n": 0, "hit1": 0, "hit5": 0, "mrr": 0.0})
    misses = []
    for item in queries:
        urls = search(item["q"], item["lang"])
        found = [target_of(url) for url in urls]
        rank = next((n for n, target in enumerate(found) if target in item["expect"]), None)
        for key in (item["lang"], f"{item['lang']}/{item.get('kind', '-')}"):
            bucket = totals[key]
            bucket["n"] += 1
            if rank is not None:
                bucket["hit1"] += rank == 0
                bucket["hit5"] += rank < 5
                bucket["mrr"] += 1 / (rank + 1)
        if rank is None or rank >= 5:
            misses.append((item, found[:5]))
    scores = {}
    for key, bucket in totals.items():
        n = bucket["n"]
        scores[key] = {"n": n, "hit1": bucket["hit1"] / n, "hit5": bucket["hit5"] / n, "mrr": bucket["mrr"] / n}
    return scores, misses


def report(scores):
    lines = [f"{'':12} {'queries':>7} {'hit@1':>6} {'hit@5':>6} {'MRR':>6}"]
    for key in sorted(scores, key=lambda k: (len(k.split("/")), k)):
        s = scores[key]
        lines.append(f"{key:12} {s['n']:7d} {s['hit1']:6.2f} {s['hit5']:6.2f} {s['mrr']:6.2f}")
    return "\n".join(lines)


def main():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from search.selectors import search

    call_command("migrate", verbosity=0)
    call_command("load_content", stdout=open(os.devnull, "w"))  # noqa: SIM115
    out = ROOT / "var" / "bench" / f"search-quality-{connection.vendor}.txt"
    out.parent.mkdir(parents=True, exist_ok=True)
    lines = []
    for name, path in (("tuning set", QUERIES), ("held-out set", HOLDOUT)):
        queries = load_queries(path)
        scores, misses = evaluate(lambda q, lang: [hit.url for hit in search(q, lang).hits], queries)
        lines += [f"search quality on {connection.vendor}, {name}: {len(queries)} queries", report(scores), ""]
        if "--misses" in sys.argv and (name == "tuning set" or "--holdout" in sys.argv):
            for item, found in misses:
                lines.append(f"MISS [{item['lang']}] {item['q']!r} expect {item['expect']} got {found}")
    print("\n".join(lines))
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
