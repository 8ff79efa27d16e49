"""Memory over a long run: `make serve` as shipped (no worker recycling) under steady load for many minutes.

wrk's 50 connections take turns over every page in the sitemap, in both languages, and every query in the
search relevance sets, so each cache the site keeps (pages, search language data, stems) fills as far as
real traffic would take it. Each worker's memory (RSS) is printed every minute. Goal: it stops rising, so
no recycling is needed: from the end of the first minute, when the caches have filled, to the end of the
run, no worker grows by 5% or more. Cached pages live 10 minutes (PAGE_CACHE_SECONDS), so a run of 15
minutes or more includes pages rendered again after they expire.

BENCH_SOAK_MINUTES sets the length (default 15).
"""

import os
import re
import shutil
import sys
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.load import wrk  # noqa: E402
from bench.local_server import PROJECT, rss_mb, serving_shipped_content, worker_pids  # noqa: E402

MINUTES = int(os.environ.get("BENCH_SOAK_MINUTES", "15"))
CONNECTIONS = 50
GROWTH_GOAL = 0.05  # of a worker's memory once the caches have filled
RELEVANCE_SETS = [PROJECT / "tests" / "search" / name for name in ("relevance.tsv", "relevance_es.tsv")]


def site_paths(site):
    """Every page the sitemap lists, and a search for every query in the relevance sets."""
    sitemap = urllib.request.urlopen(site + "/sitemap.xml").read().decode()  # noqa: S310
    pages = [re.sub(r"^https?://[^/]+", "", url) for url in re.findall(r"<loc>([^<]+)</loc>", sitemap)]
    searches = []
    for path in RELEVANCE_SETS:
        prefix = "/es/buscar/" if path.name.endswith("_es.tsv") else "/search/"
        for line in path.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                searches.append(prefix + "?q=" + urllib.parse.quote_plus(line.split("\t")[0]))
    return pages + searches


def rotation_script(paths, folder):
    """A wrk script that sends each connection's requests round the paths in turn."""
    script = folder / "rotate.lua"
    listed = ",\n".join(f'  "{path}"' for path in paths)
    script.write_text(
        f"paths = {{\n{listed}\n}}\n"
        "counter = 0\n"
        "request = function()\n"
        "  counter = counter + 1\n"
        "  return wrk.format(nil, paths[(counter % #paths) + 1])\n"
        "end\n",
        encoding="utf-8",
    )
    return script


def main():
    if not shutil.which("wrk"):
        print("== Memory soak: needs wrk (Debian package); skipped")
        return
    print(f"== Memory soak: make serve as shipped, {CONNECTIONS} connections for {MINUTES} minutes")
    with serving_shipped_content("bench-soak-") as (site, master, _, workdir):
        paths = site_paths(site)
        script = rotation_script(paths, workdir)
        print(f"  {len(paths)} addresses in turn: every page in the sitemap and every relevance-set search")
        history = {pid: [rss_mb(pid)] for pid in worker_pids(master.pid)}
        print("  minute   req/s   errors  non-2xx   RSS per worker (MB)")
        print(f"  {0:>6} {'':>7} {'':>8} {'':>8}   " + "  ".join(f"{rss[-1]:6.1f}" for rss in history.values()))
        for minute in range(1, MINUTES + 1):
            result = wrk(site + "/", CONNECTIONS, 60, script=script)
            for pid in history:
                history[pid].append(rss_mb(pid))
            print(
                f"  {minute:>6} {result['rate']:>7.0f} {result['errors']:>8} {result['non_2xx']:>8}   "
                + "  ".join(f"{rss[-1]:6.1f}" for rss in history.values())
            )
        if set(history) != set(worker_pids(master.pid)):
            print("  workers changed during the run (a worker was replaced)")
        growth = max((rss[-1] - rss[1]) / rss[1] for rss in history.values())
        verdict = "met" if growth < GROWTH_GOAL else "MISSED"
        print(
            f"  growth from minute 1 (caches filled) to the end: at most {growth:.1%} a worker"
            f" (goal < {GROWTH_GOAL:.0%}: {verdict})"
        )


if __name__ == "__main__":
    main()
