"""Load: wrk against `make serve` (gunicorn) on loopback, and against nginx serving the same article as a
static file (the baseline), and through the nginx cache example. Prints requests per second, p50 and
p99 latency, errors, and the ratios.

Goals: no errors and no 5xx at 200 connections; cached pages at least 0.15 of nginx's static rate direct
from the app and at least 0.8 through the nginx cache; p99 under 50 ms at 50 connections.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.local_server import free_port, running_site  # noqa: E402
from bench.nginx_local import available, running_nginx  # noqa: E402

PAGES = {
    "article": "/articles/nerve-blocks/",
    "treatment": "/treatments/nerve-blocks/",
    "home": "/",
    "search": "/search/?q=sciatica",
}
CONNECTIONS = (50, 200)
SECONDS = int(os.environ.get("BENCH_LOAD_SECONDS", "10"))


def wrk(url, connections):
    command = ["wrk", "-t2", f"-c{connections}", f"-d{SECONDS}s", "--latency", "--timeout", "5s", url]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    latency = {p: _ms(re.search(rf"\s{p}%\s+([\d.]+\w+)", output).group(1)) for p in ("50", "99")}
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    non_2xx = int(re.search(r"Non-2xx or 3xx responses: (\d+)", output).group(1)) if "Non-2xx" in output else 0
    return {"rate": rate, "p50": latency["50"], "p99": latency["99"], "errors": errors, "non_2xx": non_2xx}


def _ms(text):
    value, unit = re.match(r"([\d.]+)(\w+)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def row(label, result, baseline=None, baseline_name="static"):
    ratio = f"   ratio to nginx {baseline_name} {result['rate'] / baseline:.3f}" if baseline else ""
    print(
        f"  {label:<38} {result['rate']:>9.0f} req/s   p50 {result['p50']:6.2f} ms   p99 {result['p99']:7.2f} ms   "
        f"errors {result['errors']}   non-2xx {result['non_2xx']}{ratio}"
    )


def main():
    if not shutil.which("wrk") or not available():
        print("== Load: needs wrk, nginx and openssl (Debian packages); skipped")
        return
    workers = os.environ.get("WEB_CONCURRENCY") or str(os.cpu_count())
    print(f"== Load, wrk {SECONDS} s per run, make serve ({workers} uvicorn workers), {os.cpu_count()} cores shared with wrk")
    with tempfile.TemporaryDirectory(prefix="bench-load-") as tmp:
        workdir = Path(tmp)
        # No worker recycling during the run: a fresh worker starts with an empty local-memory cache.
        with running_site(workdir / "app", WEB_CONCURRENCY=workers, GUNICORN_MAX_REQUESTS="0", LOG_LEVEL="INFO") as site:
            static_dir = workdir / "plain"
            static_dir.mkdir()
            (static_dir / "article.html").write_bytes(urllib.request.urlopen(site + PAGES["article"]).read())  # noqa: S310
            for path in PAGES.values():
                urllib.request.urlopen(site + path).read()  # noqa: S310 (warm the page cache)
            http_port, https_port, static_port, static_tls_port = free_port(), free_port(), free_port(), free_port()
            app_port = int(site.rsplit(":", 1)[1])
            with running_nginx(workdir / "nginx", app_port, workdir / "app" / "static", workdir / "app" / "media",
                               static_dir, http_port, https_port, static_port, static_tls_port):  # fmt: skip
                baseline = {c: wrk(f"http://127.0.0.1:{static_port}/article.html", c) for c in CONNECTIONS}
                tls_baseline = {c: wrk(f"https://localhost:{static_tls_port}/article.html", c) for c in CONNECTIONS}
                for connections in CONNECTIONS:
                    row(f"nginx static article, {connections} conns", baseline[connections])
                    row(f"nginx static article (TLS), {connections} conns", tls_baseline[connections])
                for connections in CONNECTIONS:
                    for name, path in PAGES.items():
                        row(f"app {name}, {connections} conns", wrk(site + path, connections), baseline[connections]["rate"])
                # For comparison: the plain WSGI application under gunicorn's sync workers (its own fast path).
                with running_site(
                    workdir / "sync",
                    WEB_CONCURRENCY="4",
                    GUNICORN_WORKER_CLASS="sync",
                    GUNICORN_MAX_REQUESTS="0",
                    LOG_LEVEL="INFO",
                ) as sync_site:
                    urllib.request.urlopen(sync_site + PAGES["article"]).read()  # noqa: S310
                    for connections in CONNECTIONS:
                        result = wrk(sync_site + PAGES["article"], connections)
                        row(f"sync workers article, {connections} conns", result, baseline[connections]["rate"])
                cached_url = f"https://localhost:{https_port}{PAGES['article']}"
                subprocess.run(["curl", "-sk", "-o", "/dev/null", cached_url], check=False)  # fill nginx's cache first
                for connections in CONNECTIONS:
                    result = wrk(cached_url, connections)
                    row(
                        f"nginx cache (TLS) article, {connections} conns", result, tls_baseline[connections]["rate"], "TLS static"
                    )


if __name__ == "__main__":
    main()
