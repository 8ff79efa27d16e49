"""Load: wrk against `make serve` exactly as it ships, against nginx serving the same pages as static files
(the baseline), and through deploy/nginx.conf; then how soon a sync shows through nginx.

`make serve` as shipped: deploy/gunicorn.conf.py with its defaults (gthread, one worker per core, no
recycling) and request logging at INFO. Nothing is switched off for the run.

Goals: zero socket errors and zero non-2xx at 50 and 200 connections; p99 under 100 ms at 50 connections;
through the nginx example at least 0.8 of nginx's static rate; a sync shows through nginx within 2 s; each
worker's memory flat over the long run (printed at start and end).
"""

import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.local_server import PROJECT, free_port, rss_mb, serving_shipped_content, worker_pids  # noqa: E402
from bench.nginx_local import available, running_nginx  # noqa: E402

PAGES = {"article": "/articles/nerve-blocks/", "home": "/", "search": "/search/?q=sciatica"}
CONNECTIONS = (50, 200)
SECONDS = int(os.environ.get("BENCH_LOAD_SECONDS", "60"))
BASELINE_SECONDS = min(SECONDS, 10)
P99_GOAL_MS, NGINX_GOAL, FRESH_GOAL_S = 100, 0.8, 2.0


def wrk(url, connections, seconds, script=None):
    """wrk's rate, median and p99 latency, socket errors and non-2xx count; `script` is a wrk Lua script."""
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "5s", url]
    if script:
        command[1:1] = ["-s", str(script)]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    latency = {p: _ms(re.search(rf"\s{p}%\s+([\d.]+\w+)", output).group(1)) for p in ("50", "99")}
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    non_2xx = int(re.search(r"Non-2xx or 3xx responses: (\d+)", output).group(1)) if "Non-2xx" in output else 0
    return {"rate": rate, "p50": latency["50"], "p99": latency["99"], "errors": errors, "non_2xx": non_2xx}


def _ms(text):
    value, unit = re.match(r"([\d.]+)(\w+)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def row(label, result, baseline=None, baseline_name="static", p99_goal=None):
    ratio = f"   ratio to nginx {baseline_name} {result['rate'] / baseline:.3f}" if baseline else ""
    clean = "met" if result["errors"] == 0 and result["non_2xx"] == 0 else "MISSED"
    p99 = f" (goal < {p99_goal} ms: {'met' if result['p99'] < p99_goal else 'MISSED'})" if p99_goal else ""
    print(
        f"  {label:<36} {result['rate']:>8.0f} req/s   p50 {result['p50']:6.2f} ms   p99 {result['p99']:7.2f} ms{p99}   "
        f"errors {result['errors']}   non-2xx {result['non_2xx']} ({clean}){ratio}"
    )


def memory(master):
    return {pid: rss_mb(pid) for pid in worker_pids(master.pid)}


def seconds_until_sync_shows(env, url, article, new):
    """Add a sentence to an article, run sync_content, and time from the sync's end until nginx shows it."""
    article.write_text(article.read_text(encoding="utf-8") + f"\n\n{new}\n", encoding="utf-8")
    subprocess.run([sys.executable, "manage.py", "sync_content"], cwd=PROJECT, env=env, check=True, capture_output=True)
    finished = time.monotonic()
    while time.monotonic() - finished < 30:
        if new in subprocess.run(["curl", "-sk", url], capture_output=True, text=True).stdout:
            return time.monotonic() - finished
        time.sleep(0.05)
    return float("inf")


def main():
    if not shutil.which("wrk") or not available():
        print("== Load: needs wrk, nginx and openssl (Debian packages); skipped")
        return
    print(f"== Load: make serve as shipped (gthread, no recycling), wrk {SECONDS} s per app run, {os.cpu_count()} cores")
    with serving_shipped_content("bench-load-") as (site, master, env, workdir):
        static_dir = workdir / "plain"
        static_dir.mkdir()
        for name, path in PAGES.items():
            (static_dir / f"{name}.html").write_bytes(urllib.request.urlopen(site + path).read())  # noqa: S310
        ports = {name: free_port() for name in ("http", "https", "static", "static_tls")}
        app_port = int(site.rsplit(":", 1)[1])
        with running_nginx(workdir / "nginx", app_port, workdir / "app" / "static", workdir / "app" / "media",
                           static_dir, ports["http"], ports["https"], ports["static"], ports["static_tls"]):  # fmt: skip
            static = f"http://127.0.0.1:{ports['static']}"
            static_tls = f"https://localhost:{ports['static_tls']}"
            proxied = f"https://localhost:{ports['https']}"
            started = memory(master)
            for connections in CONNECTIONS:
                print(f" {connections} connections")
                for name, path in PAGES.items():
                    baseline = wrk(f"{static}/{name}.html", connections, BASELINE_SECONDS)
                    tls_baseline = wrk(f"{static_tls}/{name}.html", connections, BASELINE_SECONDS)
                    goal = P99_GOAL_MS if connections == 50 else None
                    row(f"nginx static {name}", baseline)
                    row(f"app {name} (make serve)", wrk(site + path, connections, SECONDS), baseline["rate"], p99_goal=goal)
                    through = wrk(proxied + path, connections, BASELINE_SECONDS)
                    row(f"nginx example (TLS) {name}", through, tls_baseline["rate"], "TLS static")
                    share = through["rate"] / tls_baseline["rate"]
                    verdict = "met" if share >= NGINX_GOAL else "MISSED"
                    print(f"    through nginx {share:.3f} of static: goal >= {NGINX_GOAL} ({verdict})")
            ended = memory(master)
            print(" Worker memory (RSS) at the start and end of the load runs:")
            for pid in sorted(set(started) | set(ended)):
                print(f"  worker {pid}: {started.get(pid, 0):.1f} MB -> {ended.get(pid, 0):.1f} MB")
            if set(started) != set(ended):
                print("  workers changed during the run (a worker was replaced)")
            article = workdir / "content" / "articles" / "nerve-blocks.md"
            waits = [
                seconds_until_sync_shows(env, proxied + PAGES["article"], article, f"Freshness check {attempt}.")
                for attempt in range(3)
            ]
            verdict = "met" if max(waits) < FRESH_GOAL_S else "MISSED"
            figures = ", ".join(f"{wait:.2f}" for wait in waits)
            print(f" A sync shows through nginx after {figures} s (goal < {FRESH_GOAL_S} s: {verdict})")


if __name__ == "__main__":
    main()
