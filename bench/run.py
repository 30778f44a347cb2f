"""Benchmark: each page against the same bytes served as a static file by the same server.

For each data scale (×1, ×10, ×100 of the bundled content; ``BENCH_SCALES``) this builds a
separate SQLite database under var/bench/, starts gunicorn as in production (sync workers,
2 × cores + 1) on 127.0.0.1, fetches each measured address once and saves the response bytes as
a static file, restarts the server (WhiteNoise indexes static files at start), then runs
``wrk`` (32 connections) on each address and on its static twin and prints, per address,
requests/s, p50 and p99 latency of both and the page/static ratio. Requests say
``Accept-Encoding: br, gzip`` as browsers do, so pages come compressed from the cache; the static
twin has its .br and .gz beside it, which WhiteNoise serves the same way. The table, with each
address's size before and after compression, goes to var/bench/results.txt; the export's peak
memory at the largest scale is measured separately.
"""

import gzip
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import brotli

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "var" / "bench"
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).parent / "gunicorn")
CORES = os.cpu_count() or 1
WORKERS = int(os.environ.get("BENCH_WORKERS", 2 * CORES + 1))
SCALES = [int(s) for s in os.environ.get("BENCH_SCALES", "1,10,100").split(",")]
DURATION = os.environ.get("BENCH_DURATION", "8s")
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "32"))
PORT = int(os.environ.get("BENCH_PORT", "8123"))
ACCEPT_ENCODING = "br, gzip"

ADDRESSES = {
    "home": ("/kk/", "html"),
    "article": ("/ru/constitution/article/53/", "html"),
    "guide": ("/kk/guides/eds/", "html"),
    "search": ("/ru/search/?q=%D0%BA%D1%83%D1%80%D1%83%D0%BB%D1%82%D0%B0%D0%B9", "html"),
    "api list": ("/api/v1/guides?lang=en", "json"),
    "api detail": ("/api/v1/guides/eds?lang=ru", "json"),
    "export": ("/api/v1/export", "json"),
}
EXPORT_WRK_MAX_SCALE = 10  # at ×100 the export is ~100 MB per request: timed and measured, not hammered


def env_for(scale):
    return {
        **os.environ,
        "AZAMAT_LOCAL": "1",
        "AZAMAT_VAR_DIR": str(OUT / "site"),
        "DATABASE_URL": f"sqlite:///{OUT}/scale-{scale}.sqlite3",
        "CACHE_URL": os.environ.get("BENCH_CACHE_URL", "locmem://"),
        "LOG_LEVEL": "WARNING",
    }


def manage(scale, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env_for(scale), check=True, capture_output=True)


def prepare(scale):
    database = OUT / f"scale-{scale}.sqlite3"
    if database.exists() and os.environ.get("BENCH_REUSE"):
        return
    database.unlink(missing_ok=True)
    manage(scale, "migrate", "--noinput", "--verbosity", "0")
    manage(scale, "load_content")
    started = time.perf_counter()
    subprocess.run(
        [PYTHON, "bench/scale.py", str(scale)], cwd=ROOT, env=env_for(scale), check=True, capture_output=True
    )
    print(f"  ×{scale}: data ready in {time.perf_counter() - started:.1f} s", flush=True)


class Server:
    def __init__(self, scale):
        self.scale = scale

    def __enter__(self):
        self.process = subprocess.Popen(
            [
                GUNICORN,
                "portal.wsgi",
                "--bind",
                f"127.0.0.1:{PORT}",
                "--workers",
                str(WORKERS),
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env_for(self.scale),
        )
        for _ in range(200):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{PORT}/healthz", timeout=1)
                return self
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("gunicorn did not start")

    def __exit__(self, *exc):
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=30)


def fetch(path, encoding=None):
    """The body as sent (compressed when ``encoding`` is asked for and the server does) and the time."""
    started = time.perf_counter()
    headers = {"Accept-Encoding": encoding} if encoding else {}
    request = urllib.request.Request(f"http://127.0.0.1:{PORT}{path}", headers=headers)
    with urllib.request.urlopen(request, timeout=300) as response:
        body = response.read()
    return body, time.perf_counter() - started


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(path):
    result = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{CONNECTIONS}",
            f"-d{DURATION}",
            "--latency",
            "-H",
            f"Accept-Encoding: {ACCEPT_ENCODING}",
            f"http://127.0.0.1:{PORT}{path}",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    text = result.stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))

    def percentile(name):
        value, unit = re.search(rf"\s{name}%\s+([\d.]+)(us|ms|s)", text).groups()
        return float(value) * UNITS[unit]

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    return {
        "rps": rps,
        "p50": percentile("50"),
        "p99": percentile("99"),
        "errors": int(errors.group(1)) if errors else 0,
    }


def export_memory(scale):
    """Peak Python memory while streaming the export once (in a fresh process)."""
    code = (
        "import os, django, tracemalloc, resource, time; django.setup();"
        "from django.test import Client; c = Client();"
        "tracemalloc.start(); t = time.perf_counter(); r = c.get('/api/v1/export', HTTP_HOST='127.0.0.1');"
        "n = sum(len(x) for x in r.streaming_content); t = time.perf_counter() - t;"
        "print(n, tracemalloc.get_traced_memory()[1], t)"
    )
    env = {**env_for(scale), "DJANGO_SETTINGS_MODULE": "portal.settings"}
    out = subprocess.run([PYTHON, "-c", code], cwd=ROOT, env=env, check=True, capture_output=True, text=True)
    size, peak, seconds = out.stdout.split()
    return int(size), int(peak), float(seconds)


def main():
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed (apt-get install wrk; `make bench` does it)")
    OUT.mkdir(parents=True, exist_ok=True)
    static_dir = OUT / "site" / "static" / "bench"
    manage(SCALES[0], "collectstatic", "--noinput", "--verbosity", "0")
    rows, memory = [], []
    for scale in SCALES:
        print(f"scale ×{scale}", flush=True)
        prepare(scale)
        static_dir.mkdir(parents=True, exist_ok=True)
        sizes = {}
        with Server(scale):
            for name, (path, ext) in ADDRESSES.items():
                body, seconds = fetch(path)
                fetch(path)  # now from the cache
                sent, _seconds = fetch(path, ACCEPT_ENCODING)
                sizes[name] = (len(body), len(sent), seconds)
                twin = static_dir / f"{name.replace(' ', '-')}-{scale}.{ext}"
                twin.write_bytes(body)
                twin.with_name(twin.name + ".br").write_bytes(brotli.compress(body, quality=8))
                twin.with_name(twin.name + ".gz").write_bytes(gzip.compress(body, compresslevel=6))
        with Server(scale):
            for name, (path, ext) in ADDRESSES.items():
                if name == "export" and scale > EXPORT_WRK_MAX_SCALE:
                    continue
                static = f"/static/bench/{name.replace(' ', '-')}-{scale}.{ext}"
                wrk(path)  # warm up: the first hit of each page fills the cache
                page = wrk(path)
                twin = wrk(static)
                rows.append(
                    {
                        "scale": scale,
                        "name": name,
                        "bytes": sizes[name][0],
                        "sent": sizes[name][1],
                        "page": page,
                        "static": twin,
                    }
                )
                print(
                    f"  {name:11} {page['rps']:8.0f} req/s p99 {page['p99']:6.1f} ms | static {twin['rps']:8.0f} req/s"
                    f" | ratio {page['rps'] / twin['rps']:.2f}",
                    flush=True,
                )
        if scale == max(SCALES):
            memory.append((scale, *export_memory(scale)))
    report = render(rows, memory)
    print(report)
    (OUT / "results.txt").write_text(report, encoding="utf-8")
    (OUT / "results.json").write_text(json.dumps({"rows": rows, "memory": memory}, indent=1), encoding="utf-8")


def render(rows, memory):
    lines = [
        f"Azamat benchmark: {CORES} cores, gunicorn with {WORKERS} sync workers, wrk {CONNECTIONS} connections"
        f" for {DURATION}, SQLite, {os.environ.get('BENCH_CACHE_URL', 'locmem://')} cache",
        "",
        "| scale | address | bytes | sent (br) | page req/s | page p50 ms | page p99 ms | static req/s | static p99 ms"
        " | page/static |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        page, static = row["page"], row["static"]
        lines.append(
            f"| ×{row['scale']} | {row['name']} | {row['bytes']} | {row.get('sent', row['bytes'])} | {page['rps']:.0f}"
            f" | {page['p50']:.1f}"
            f" | {page['p99']:.1f} | {static['rps']:.0f} | {static['p99']:.1f} | {page['rps'] / static['rps']:.2f} |"
        )
    base = {row["name"]: row["page"]["rps"] for row in rows if row["scale"] == min(r["scale"] for r in rows)}
    top = max(row["scale"] for row in rows)
    lines.append("")
    for row in rows:
        if row["scale"] == top and row["name"] in base and top != min(r["scale"] for r in rows):
            change = row["page"]["rps"] / base[row["name"]] - 1
            lines.append(f"{row['name']}: ×{top} vs ×1 requests/s {change:+.0%}")
    for scale, size, peak, seconds in memory:
        lines.append(
            f"export at ×{scale}: {size / 1e6:.1f} MB in {seconds:.1f} s, peak Python memory {peak / 1e6:.1f} MB"
        )
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
