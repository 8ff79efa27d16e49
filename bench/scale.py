"""Scale: 10,000 generated articles plus the real content behind `make serve`, then memory per worker and
the p95 of the article list, a deep list page, the sitemap and the feed, each rendered (a cache miss)
and served from the page cache."""

import os
import statistics
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import write_site_content  # noqa: E402

from bench.local_server import running_site  # noqa: E402

ARTICLES = int(os.environ.get("BENCH_SCALE_ARTICLES", "10000"))
REQUESTS = 40


def timed(url):
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=60) as response:  # noqa: S310 (our own loopback server)
        response.read()
    return (time.perf_counter() - started) * 1000


def p95(values):
    values = sorted(values)
    return values[max(0, int(len(values) * 0.95) - 1)]


def worker_memory():
    """RSS in MB of the gunicorn processes this benchmark started: the master first, then each worker."""
    processes = {}
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":", 1) for line in status.read_text().splitlines() if ":" in line)
            command = (status.parent / "cmdline").read_bytes()
        except OSError:
            continue
        if b"gunicorn" in command:
            rss = int(fields.get("VmRSS", "0 kB").split()[0]) / 1024
            processes[int(status.parent.name)] = (int(fields["PPid"]), rss)
    masters = [pid for pid, (parent, _) in processes.items() if parent == os.getpid()]
    workers = sorted(rss for pid, (parent, rss) in processes.items() if parent in masters)
    return [processes[pid][1] for pid in masters] + workers


def main():
    print(f"== Scale: {ARTICLES:,} generated articles plus the real content, make serve (gunicorn, SQLite)")
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp:
        content = Path(tmp) / "content"
        write_site_content(content, ARTICLES)
        started = time.perf_counter()
        with running_site(Path(tmp) / "app", CONTENT_DIR=str(content)) as site:
            print(f"  migrate, collectstatic and sync of {ARTICLES:,} articles: {time.perf_counter() - started:.0f} s")
            deep = ARTICLES // 20 // 2
            pages = {"article list": "/articles/", f"deep list page ({deep})": f"/articles/?page={deep}",
                     "sitemap": "/sitemap.xml", "feed": "/feed/"}  # fmt: skip
            for name, path in pages.items():
                separator = "&" if "?" in path else "?"
                rendered = [timed(f"{site}{path}{separator}miss={n}") for n in range(REQUESTS)]
                cached = [timed(site + path) for _ in range(REQUESTS)]
                print(
                    f"  {name:<24} rendered p95 {p95(rendered):7.1f} ms (median {statistics.median(rendered):6.1f})   "
                    f"cached p95 {p95(cached):5.1f} ms"
                )
            memory = worker_memory()
            print(f"  memory per process (master and workers, MB): {', '.join(f'{m:.0f}' for m in memory)}")


if __name__ == "__main__":
    main()
