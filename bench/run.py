"""Benchmark (``make bench``): every page type's cache hit against a static file, its cold render, its
queries and its weight, at ×1 and ×100 the bundled content, on SQLite and PostgreSQL; then the
production shape, two gunicorn instances on one PostgreSQL and one Redis.

For each database (SQLite with the in-process cache, as ``make run`` serves; PostgreSQL with Redis, as
production does — when both answer on 127.0.0.1) and each scale (``BENCH_SCALES``, default 1,100):

1. a database of its own is built: migrated, the bundled content loaded, grown by bench/scale.py;
2. cold renders (bench/cold.py): each page type asked with the page cache empty, p50/p95 ms and the
   queries of a miss;
3. hits: gunicorn as the README starts it (sync workers, 2 × cores + 1). Each page is fetched once and
   its bytes saved as a static file with its .br and .gz beside it; the server is restarted (WhiteNoise
   indexes static files at start); then, per page, wrk (``BENCH_CONNECTIONS``, default 32) runs on the
   static twin and right after it on the page, once with ``Accept-Encoding: br, gzip`` as browsers
   send and once without it. The hit ratio is the page's requests/s over its twin's.

Then, on PostgreSQL with Redis at ×1: one instance against two (each with its own workers, wrk on
both at once), throughput and p99, and how long a content save takes until both instances serve it.

Prints one table (page type × database × scale) and checks the budgets: a hit ≥ 0.92 of the static
file, a cold p95 under the page type's budget at every scale, every page under 20 KB compressed (the
whole text and the export aside). The table and the raw numbers go to var/bench/results.txt and
results.json; the exit status is 1 when a budget is broken. The figures depend on the machine and on
what else runs on it: compare runs made on the same idle machine.
"""

import contextlib
import gzip
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import brotli

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.cold import PAGES  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "var" / "bench"
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).parent / "gunicorn")
CORES = os.cpu_count() or 1
WORKERS = int(os.environ.get("BENCH_WORKERS", 2 * CORES + 1))
SCALES = [int(s) for s in os.environ.get("BENCH_SCALES", "1,100").split(",")]
DURATION = os.environ.get("BENCH_DURATION", "4s")  # a run of its own (one instance against two)
PAIRS = int(os.environ.get("BENCH_PAIRS", "4"))  # a hit against its static twin: this many runs of each,
PAIR_SECONDS = os.environ.get("BENCH_PAIR_SECONDS", "1s")  # taken in turn
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "32"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "15"))
PORT = int(os.environ.get("BENCH_PORT", "8123"))
PG = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
REDIS = os.environ.get("BENCH_REDIS", "redis://127.0.0.1:6379/11")
BROWSER_ENCODING = "br, gzip"
EXPORT = ("export", "/api/v1/export")
EXPORT_WRK_MAX_SCALE = 10  # at ×100 the export is ~100 MB per request: timed and weighed, not hammered

# Budgets. A hit: the page's rate over its static twin's. A miss: the cold render's p95 (ms) at any
# scale, in one process on this kind of machine (2 cores). Weight: what a browser downloads (br).
HIT_RATIO = 0.92
COLD_P95_MS = {
    "home": 60,
    "constitution": 60,
    "section": 80,
    "article": 60,
    "whole text": 600,
    "guide": 120,
    "essay": 120,
    "search": 80,
    "answers question": 60,
    "answers outcome": 80,
    "api list": 80,
    "api detail": 60,
}
MAX_COMPRESSED = 20_000
HEAVY = ("whole text", "export")  # reported, not held to MAX_COMPRESSED
HEAVY_PAIRS = int(os.environ.get("BENCH_HEAVY_PAIRS", "3"))  # the heavy ones get this many times the pairs


def available(command, *args):
    return shutil.which(command) and subprocess.run([command, *args], capture_output=True).returncode == 0


def configurations():
    """(name, database, cache) of each database to measure on."""
    found = [("SQLite", "sqlite", "locmem://")]
    if os.environ.get("BENCH_SQLITE_ONLY"):
        return found
    if available("pg_isready", "-h", "127.0.0.1", "-p", "5432", "-q"):
        redis = available("redis-cli", "-h", "127.0.0.1", "ping")
        found.append(("PostgreSQL", "postgresql", REDIS if redis else "locmem://"))
    else:
        print("no PostgreSQL on 127.0.0.1:5432: SQLite only", flush=True)
    return found


def database_url(database, scale):
    if database == "sqlite":
        return f"sqlite:///{OUT}/scale-{scale}.sqlite3"
    return f"{PG}/azamat_bench_{scale}"


def env_for(database, scale, cache, var="site"):
    return {
        **os.environ,
        "AZAMAT_LOCAL": "1",
        "AZAMAT_VAR_DIR": str(OUT / var),
        "DATABASE_URL": database_url(database, scale),
        "CACHE_URL": cache,
        "LOG_LEVEL": "WARNING",
    }


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True)


def prepare(database, scale, env):
    """A database of the bundled content grown ``scale`` times (kept with BENCH_REUSE)."""
    marker = OUT / f"ready-{database}-{scale}"
    if marker.exists() and os.environ.get("BENCH_REUSE"):
        return
    marker.unlink(missing_ok=True)
    started = time.perf_counter()
    if database == "sqlite":
        (OUT / f"scale-{scale}.sqlite3").unlink(missing_ok=True)
    else:
        name = f"azamat_bench_{scale}"
        for sql in (f"DROP DATABASE IF EXISTS {name} WITH (FORCE)", f"CREATE DATABASE {name}"):
            subprocess.run(["psql", f"{PG}/postgres", "-q", "-c", sql], check=True, capture_output=True)
    manage(env, "migrate", "--noinput", "--verbosity", "0")
    manage(env, "load_content")
    subprocess.run([PYTHON, "bench/scale.py", str(scale)], cwd=ROOT, env=env, check=True, capture_output=True)
    marker.touch()
    print(f"  data ready in {time.perf_counter() - started:.0f} s", flush=True)


def flush(cache):
    if cache.startswith("redis://"):
        number = cache.rsplit("/", 1)[-1]
        subprocess.run(["redis-cli", "-h", "127.0.0.1", "-n", number, "flushdb"], check=True, capture_output=True)


class Server:
    """gunicorn as the README starts it, on ``port``."""

    def __init__(self, env, port=PORT, workers=WORKERS):
        self.env, self.port, self.workers = env, port, workers

    def __enter__(self):
        self.process = subprocess.Popen(
            [GUNICORN, "portal.wsgi", "--bind", f"127.0.0.1:{self.port}", "--workers", str(self.workers)]
            + ["--log-level", "warning"],
            cwd=ROOT,
            env=self.env,
        )
        for _ in range(300):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{self.port}/healthz", timeout=1)
                return self
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("gunicorn did not start")

    def __exit__(self, *exc):
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=60)


def fetch(path, encoding=None, port=PORT):
    headers = {"Accept-Encoding": encoding} if encoding else {}
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers=headers)
    with urllib.request.urlopen(request, timeout=600) as response:
        return response.read()


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(path, encoding, duration=DURATION, connections=CONNECTIONS, port=PORT):
    headers = ["-H", f"Accept-Encoding: {encoding}"] if encoding else []
    command = ["wrk", "-t2", f"-c{connections}", f"-d{duration}", "--latency", *headers]
    text = subprocess.run(
        [*command, f"http://127.0.0.1:{port}{path}"], capture_output=True, text=True, check=True
    ).stdout

    def percentile(name):
        value, unit = re.search(rf"\s{name}%\s+([\d.]+)(us|ms|s)", text).groups()
        return float(value) * UNITS[unit]

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)),
        "p50": percentile("50"),
        "p99": percentile("99"),
        "errors": int(errors.group(1)) if errors else 0,
    }


def paired(static, page, encoding, pairs=PAIRS):
    """The page against its static twin on the same server: ``pairs`` one-second runs of each, taken in turn
    (static, page, static, page, …), so that a slow moment of a shared machine weighs on both alike. The
    ratio is the page's requests over the static file's; p50 and p99 are the worst of the runs."""
    runs = {"static": [], "page": []}
    for _ in range(pairs):
        runs["static"].append(wrk(static, encoding, duration=PAIR_SECONDS))
        runs["page"].append(wrk(page, encoding, duration=PAIR_SECONDS))
    total = {
        side: {
            "rps": sum(run["rps"] for run in found) / len(found),
            "p50": max(run["p50"] for run in found),
            "p99": max(run["p99"] for run in found),
            "errors": sum(run["errors"] for run in found),
        }
        for side, found in runs.items()
    }
    return {**total, "ratio": total["page"]["rps"] / total["static"]["rps"]}


def cold(env):
    out = subprocess.run(
        [PYTHON, "bench/cold.py", str(ROUNDS)], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    )
    return json.loads(out.stdout)


def export_cold(env):
    """The export at this scale in a fresh process: bytes, seconds and peak Python memory (streamed)."""
    code = (
        "import django, tracemalloc, time; django.setup();"
        "from django.test import Client; c = Client();"
        "tracemalloc.start(); t = time.perf_counter(); r = c.get('/api/v1/export', HTTP_HOST='127.0.0.1');"
        "n = sum(len(x) for x in r.streaming_content); t = time.perf_counter() - t;"
        "print(n, tracemalloc.get_traced_memory()[1], t)"
    )
    env = {**env, "DJANGO_SETTINGS_MODULE": "portal.settings", "AZAMAT_EXPORT_DIR": ""}
    out = subprocess.run([PYTHON, "-c", code], cwd=ROOT, env=env, check=True, capture_output=True, text=True)
    size, peak, seconds = out.stdout.split()
    return {"bytes": int(size), "peak": int(peak), "seconds": float(seconds)}


def hits(env, cache, addresses, scale, label):
    """Each address's hit against its static twin, with and without compression; sizes as sent."""
    twins = OUT / "site" / "static" / "bench"
    shutil.rmtree(twins, ignore_errors=True)
    twins.mkdir(parents=True)
    flush(cache)
    sizes, statics = {}, {}
    with Server(env):
        for name, path in addresses.items():
            body = fetch(path)
            sizes[name] = {"raw": len(body), "br": len(fetch(path, "br")), "gzip": len(fetch(path, "gzip"))}
            if name == "export" and scale > EXPORT_WRK_MAX_SCALE:
                continue
            twin = twins / f"{name.replace(' ', '-')}.{'json' if path.startswith('/api/') else 'html'}"
            statics[name] = f"/static/bench/{twin.name}"
            twin.write_bytes(body)
            twin.with_name(twin.name + ".br").write_bytes(brotli.compress(body, quality=8))
            twin.with_name(twin.name + ".gz").write_bytes(gzip.compress(body, compresslevel=6))
    results = {}
    with Server(env):
        for name, path in addresses.items():
            if name not in statics:
                continue
            static = statics[name]
            wrk(path, BROWSER_ENCODING, duration="1s")  # fills each worker's cache (and the shared one)
            wrk(static, BROWSER_ENCODING, duration="1s")
            row = {}
            # A heavy answer (the export: 2.5 MB a request) makes a few hundred requests in a second's run, and
            # one run of it against the next varies by up to a third on this machine: it gets more pairs.
            pairs = PAIRS * HEAVY_PAIRS if name in HEAVY else PAIRS
            for encoding, column in ((BROWSER_ENCODING, "br"), (None, "plain")):
                row[column] = paired(static, path, encoding, pairs)
            results[name] = row
            print(
                f"  {label} ×{scale} {name:16} hit/static br {row['br']['ratio']:.2f}"
                f" ({row['br']['page']['rps']:.0f}/{row['br']['static']['rps']:.0f} req/s)"
                f" plain {row['plain']['ratio']:.2f}",
                flush=True,
            )
    return sizes, results


def instances(env):
    """One instance against two on the same PostgreSQL and Redis; then a save's propagation."""
    page = PAGES["guide"]
    (OUT / "site2").mkdir(exist_ok=True)
    static2 = OUT / "site2" / "static"
    if not static2.exists():
        static2.symlink_to(OUT / "site" / "static")  # the same release, as on two hosts
    second = {**env, "AZAMAT_VAR_DIR": str(OUT / "site2")}
    found = {}
    with Server(env) as one:
        wrk(page, BROWSER_ENCODING, duration="1s")
        found["one"] = wrk(page, BROWSER_ENCODING)
        with Server(second, port=PORT + 1):
            wrk(page, BROWSER_ENCODING, duration="1s", port=PORT + 1)
            both = [None, None]

            def run(index, port):
                both[index] = wrk(page, BROWSER_ENCODING, connections=CONNECTIONS // 2, port=port)

            threads = [threading.Thread(target=run, args=(i, PORT + i)) for i in (0, 1)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            found["two"] = {
                "rps": sum(result["rps"] for result in both),
                "p99": max(result["p99"] for result in both),
                "p50": max(result["p50"] for result in both),
            }
            found["propagation"] = [propagation(env, page, one.port, PORT + 1, attempt) for attempt in range(5)]
    return found


SAVE = """
import time, django; django.setup()
from guides.models import Guide
guide = Guide.objects.get(slug="eds")
guide.title_kk = "{title}"
started = time.time()
guide.save()
print(started, time.time())
"""


def propagation(env, page, first, second, attempt):
    """Seconds from the start of a content save (an editor's click) until both instances serve the new
    version of the page, and how long the save itself took (it re-indexes the guide for search)."""
    title = f"ЭЦҚ (өлшем {attempt} {time.time():.0f})"
    seen = {}
    stop = threading.Event()

    def watch(port):
        while not stop.is_set():
            with contextlib.suppress(OSError):
                if title in fetch(page, port=port).decode():
                    seen[port] = time.time()
                    return
            time.sleep(0.005)

    threads = [threading.Thread(target=watch, args=(port,)) for port in (first, second)]
    for thread in threads:
        thread.start()
    out = subprocess.run(
        [PYTHON, "-c", SAVE.format(title=title)],
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": "portal.settings"},
        check=True,
        capture_output=True,
        text=True,
    )
    started, saved = (float(value) for value in out.stdout.split()[-2:])
    for thread in threads:
        thread.join(timeout=30)
    stop.set()
    if len(seen) < 2:
        return None
    return {"served": max(seen.values()) - started, "save": saved - started}


def main():
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed (apt-get install wrk; `make bench` does it)")
    OUT.mkdir(parents=True, exist_ok=True)
    runs, shape = [], None
    for label, database, cache in configurations():
        for scale in SCALES:
            print(f"{label} ×{scale} ({cache.split(':')[0]} cache)", flush=True)
            env = env_for(database, scale, cache)
            prepare(database, scale, env)
            manage(env, "collectstatic", "--noinput", "--verbosity", "0")
            manage(env, "write_export")  # as a deploy does: no request waits for a large export to be written
            flush(cache)
            misses = cold(env)
            addresses = {name: found["address"] for name, found in misses.items()}
            addresses[EXPORT[0]] = EXPORT[1]
            sizes, hit = hits(env, cache, addresses, scale, label)
            runs.append(
                {
                    "database": label,
                    "scale": scale,
                    "cache": cache.split(":")[0],
                    "cold": misses,
                    "sizes": sizes,
                    "hits": hit,
                    "export": export_cold(env),
                }
            )
            if database == "postgresql" and scale == SCALES[0] and cache.startswith("redis"):
                print("  two instances", flush=True)
                shape = instances(env)
    report, broken = render(runs, shape)
    print(report)
    (OUT / "results.txt").write_text(report, encoding="utf-8")
    (OUT / "results.json").write_text(json.dumps({"runs": runs, "instances": shape}, indent=1), encoding="utf-8")
    sys.exit(1 if broken else 0)


def render(runs, shape):
    lines = [
        f"Azamat benchmark: {CORES} cores, gunicorn {WORKERS} sync workers, wrk {CONNECTIONS} connections;"
        f" a hit against its static twin in {PAIRS} alternating runs of {PAIR_SECONDS} each ({PAIRS * HEAVY_PAIRS} for"
        f" the whole text and the export); cold renders"
        f" {ROUNDS} rounds each.",
        "hit br / plain: the cached page's requests/s over its static twin's, with `Accept-Encoding: br, gzip`"
        " and without it; cold: a miss rendered in one process (ms); q: its queries; KB: sent (br) / raw.",
        "",
        "| page type | db | scale | hit br | hit plain | cold p50 | cold p95 | budget | q | KB br / raw |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    broken = []
    names = [*PAGES, EXPORT[0]]
    for name in names:
        for run in runs:
            hit, size = run["hits"].get(name), run["sizes"][name]
            miss = run["cold"].get(name)
            where = f"{name} on {run['database']} ×{run['scale']}"
            br = f"{hit['br']['ratio']:.2f}" if hit else "–"
            plain = f"{hit['plain']['ratio']:.2f}" if hit else "–"
            if hit and min(hit["br"]["ratio"], hit["plain"]["ratio"]) < HIT_RATIO:
                broken.append(f"{where}: hit {min(hit['br']['ratio'], hit['plain']['ratio']):.2f} < {HIT_RATIO}")
            if miss:
                budget = COLD_P95_MS[name]
                p50, p95 = f"{miss['p50']:.1f}", f"{miss['p95']:.1f}"
                queries = "/".join(str(q) for q in miss["queries"])
                if miss["p95"] > budget:
                    broken.append(f"{where}: cold p95 {miss['p95']:.0f} ms > {budget} ms")
            else:  # the export: one streamed request in a fresh process
                budget, p50, p95, queries = "–", f"{run['export']['seconds'] * 1000:.0f}", "–", "–"
            if name not in HEAVY and size["br"] > MAX_COMPRESSED:
                broken.append(f"{where}: {size['br']} bytes compressed > {MAX_COMPRESSED}")
            lines.append(
                f"| {name} | {run['database']} | ×{run['scale']} | {br} | {plain} | {p50} | {p95} | {budget}"
                f" | {queries} | {size['br'] / 1000:.1f} / {size['raw'] / 1000:.1f} |"
            )
    lines.append("")
    for run in runs:
        export = run["export"]
        lines.append(
            f"export on {run['database']} ×{run['scale']}: {export['bytes'] / 1e6:.1f} MB streamed in"
            f" {export['seconds']:.1f} s, peak Python memory {export['peak'] / 1e6:.1f} MB"
        )
    if shape:
        one, two = shape["one"], shape["two"]
        waits = [f"{w['served'] * 1000:.0f}" if w else "never" for w in shape["propagation"]]
        known = [w["served"] for w in shape["propagation"] if w]
        saves = [w["save"] for w in shape["propagation"] if w]
        lines += [
            "",
            "PostgreSQL + Redis, ×1, the guide page (br): one instance"
            f" {one['rps']:.0f} req/s p99 {one['p99']:.1f} ms; two instances {two['rps']:.0f} req/s"
            f" p99 {two['p99']:.1f} ms (both on this machine's {CORES} cores, with wrk).",
            f"from an editor's save until both instances serve the change: {', '.join(waits)} ms"
            + (f" (median {statistics.median(known) * 1000:.0f} ms" if known else "")
            + (f"; the save itself, with its re-indexing, {statistics.median(saves) * 1000:.0f} ms)" if saves else ""),
        ]
        if len(known) < len(waits):
            broken.append("a save did not reach both instances within 30 s")
    lines += ["", "budgets: " + ("all held" if not broken else "BROKEN")]
    lines += [f"  - {problem}" for problem in broken]
    return "\n".join(lines) + "\n", broken


if __name__ == "__main__":
    main()
