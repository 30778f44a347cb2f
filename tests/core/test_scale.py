"""The pages the benchmark measures do the same number of queries with 3× the content, and the
export streams: its memory does not grow with the content. Each grows the whole content (to 3 and 4
times the bundled one: about 10 s), so they are exhaustive: ``make test-all`` and CI run them, ``make
test`` does not (the pinned query counts of each page are checked there on the bundled content)."""

import tracemalloc

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bench.scale import grow
from constitution.models import Article
from guides.models import Guide

pytestmark = [pytest.mark.django_db, pytest.mark.exhaustive]

PAGES = [
    "/kk/",
    "/ru/constitution/article/53/",
    "/ru/constitution/",
    "/kk/guides/",
    "/kk/guides/eds/",
    "/en/essays/",
    "/ru/search/?q=%D0%BA%D1%83%D1%80%D1%83%D0%BB%D1%82%D0%B0%D0%B9",
    "/api/v1/guides?lang=en",
    "/api/v1/guides/eds",
    "/api/v1/constitution/articles?page_size=100",
]


def queries(client, path):
    """Queries of a page once what a process keeps between requests (the search vocabulary, the glossary's
    terms) is read: the count of every request but the first after a change."""
    assert client.get(path).status_code == 200, path
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200, path
    return len(captured)


def test_query_counts_do_not_grow_with_the_content(client):
    before = {path: queries(client, path) for path in PAGES}
    guides = Guide.objects.count()
    grow(3)
    assert Guide.objects.count() == 3 * guides and Article.objects.count() > 3 * 96
    after = {path: queries(client, path) for path in PAGES}
    assert after == before


def _export_peak(client):
    tracemalloc.start()
    response = client.get("/api/v1/export")
    size = 0
    for chunk in response.streaming_content:
        size += len(chunk)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return size, peak


def test_the_export_streams_in_bounded_memory(client):
    b"".join(client.get("/api/v1/export").streaming_content)  # not traced: the first export also loads code
    size_1, peak_1 = _export_peak(client)
    grow(4)
    size_4, peak_4 = _export_peak(client)
    assert size_4 > 2 * size_1
    # Four times the data in about the same memory (3.07 → 3.11 MB when measured; it was 4 → 15 MB
    # while the parts read were kept until Python's cycle collector ran).
    assert peak_4 < peak_1 * 1.3, (peak_1, peak_4)


def test_the_export_file_and_its_compressed_copies_are_written_in_bounded_memory(settings, tmp_path):
    from core.export import export_file

    def peak(folder):
        settings.AZAMAT_EXPORT_DIR = str(folder)
        tracemalloc.start()
        path = export_file()
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        return path.stat().st_size, peak

    settings.AZAMAT_EXPORT_DIR = str(tmp_path / "warm")
    export_file()  # not traced: the first export of a process also loads code and catalogues
    size_1, peak_1 = peak(tmp_path / "one")
    grow(4)
    size_4, peak_4 = peak(tmp_path / "four")
    assert size_4 > 2 * size_1
    assert peak_4 < peak_1 * 1.3, (peak_1, peak_4)
