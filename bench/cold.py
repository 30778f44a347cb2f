"""Cold renders: each page type rendered with the page cache empty, timed and its queries counted.

    DATABASE_URL=... AZAMAT_VAR_DIR=... python bench/cold.py [ROUNDS]

Runs in one process on the database ``DATABASE_URL`` names (filled by bench/run.py: migrated, the
bundled content loaded and grown). Each page type is asked ``ROUNDS`` times (default 15) through
Django's test client, the whole middleware stack included, with the page cache emptied before each
request, so every answer is a miss (the process's own memories — the content version, the search
vocabulary — stay warm, as in a server that has been up for a while; the first request of each page
type is a warm-up and not counted). Prints one JSON object: page type → p50 and p95 in ms, the
queries of a miss (the same in every round, or the bench says so), and the answer's size.
"""

import json
import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

# The page types of the benchmark: the same names and addresses as bench/run.py's table.
PAGES = {
    "home": "/kk/",
    "constitution": "/ru/constitution/",
    "section": "/ru/constitution/section/III/",
    "article": "/ru/constitution/article/53/",
    "whole text": "/kk/constitution/full/",
    "guide": "/kk/guides/eds/",
    "essay": "/ru/essays/constitution-2026/",
    "search": "/ru/search/?q=%D0%BA%D1%83%D1%80%D1%83%D0%BB%D1%82%D0%B0%D0%B9",
    "answers question": "/ru/answers/id-document/",
    "answers outcome": None,  # the longest path through id-document: found in the data (outcome_address)
    "api list": "/api/v1/guides?lang=en",
    "api detail": "/api/v1/guides/eds?lang=ru",
}


def outcome_address():
    """The address of id-document's outcome with the most answers (the heaviest outcome page)."""
    from answers.selectors import questionnaire_detail
    from answers.tree import Tree, paths

    questionnaire = questionnaire_detail("id-document")
    params, _outcome = max(paths(Tree.of(questionnaire)), key=lambda found: len(found[0]))
    return f"/ru/answers/id-document/?{urlencode(params)}"


def pages():
    return {name: address or outcome_address() for name, address in PAGES.items()}


def measure(rounds):
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    results = {}
    for name, address in pages().items():
        client.get(address)  # warm-up: the process's own memories, not the page cache
        times, queries, size = [], set(), 0
        for _ in range(rounds):
            cache.clear()
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                response = client.get(address)
                elapsed = time.perf_counter() - started
            assert response.status_code == 200, (address, response.status_code)
            times.append(elapsed * 1000)
            queries.add(len(captured.captured_queries))
            size = len(response.content)
        times.sort()
        results[name] = {
            "address": address,
            "p50": statistics.median(times),
            "p95": times[min(len(times) - 1, round(0.95 * (len(times) - 1)))],
            "queries": sorted(queries),
            "bytes": size,
        }
    return results


if __name__ == "__main__":
    import django

    django.setup()
    from django.conf import settings

    settings.AZAMAT_VERSION_TTL = 3600  # the content version as a running server remembers it
    settings.AZAMAT_PAGE_MEMORY_BYTES = 0  # every request a miss: no process memory of answers either
    print(json.dumps(measure(int(sys.argv[1]) if len(sys.argv) > 1 else 15)))
