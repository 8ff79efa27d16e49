"""Search benchmark: 200 mixed queries against 10,000 generated articles plus the real content.

Runs on SQLite and on PostgreSQL (when it answers on 127.0.0.1:5432), and
also times a full rebuild of the index. Goal: p95 under 30 ms on each.

Each database is measured in a child process with the production settings
(`pain_site.settings`), so the figures are for what ships. PostgreSQL uses a
database of its own, created and dropped here; BENCH_SEARCH_POSTGRES_URL
names an existing database to use instead (its public schema is emptied).
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

BENCH = Path(__file__).resolve().parent
PROJECT = BENCH.parent
sys.path.insert(0, str(BENCH))

from generate import write_site_content  # noqa: E402

ARTICLES = int(os.environ.get("BENCH_SEARCH_ARTICLES", "10000"))
GOAL_MS = 30
QUERIES = 200
SLOWEST_SHOWN = 5
POSTGRES_ADMIN = "postgres://postgres@127.0.0.1:5432/postgres"
POSTGRES_DB = "pain_search_bench"
GENERATED = ["nerve relief", "gentle stretch", "morning stiffness", "steroid shot", "sleep stress", "burning tingling"]
TYPOS = ["siatica", "stimulater", "ablaton", "nerv blok", "arthritus", "injecton"]


def _mixed_queries():
    """The patient queries of the relevance set, words of the generated articles and typos, in a fixed random order."""
    import random

    lines = (PROJECT / "tests/search/relevance.tsv").read_text(encoding="utf-8").splitlines()
    patient = [line.split("\t")[0] for line in lines if line.strip() and not line.startswith("#")]
    rng = random.Random(5)
    return [rng.choice(patient + GENERATED + TYPOS) for _ in range(QUERIES)]


def p95(times):
    ordered = sorted(times)
    return ordered[max(0, int(len(ordered) * 0.95) - 1)]


def report(label, times_by_query):
    """Print median, p95 and the ratio to the goal, then the queries whose slowest run was slowest."""
    times = [ms for runs in times_by_query.values() for ms in runs]
    worst = p95(times)
    verdict = "met" if worst < GOAL_MS else "MISSED"
    print(
        f"  {label}: {len(times)} queries median {statistics.median(times):.1f} ms, p95 {worst:.1f} ms, "
        f"max {max(times):.1f} ms (goal p95 < {GOAL_MS} ms: {verdict}, ratio {worst / GOAL_MS:.2f})"
    )
    slowest = sorted(times_by_query.items(), key=lambda item: max(item[1]), reverse=True)[:SLOWEST_SHOWN]
    for query, runs in slowest:
        print(f"    {query!r}: max {max(runs):.1f} ms, median {statistics.median(runs):.1f} ms over {len(runs)} runs")


def child(label):
    """Sync and index the content, then time the queries; runs inside the child process."""
    sys.path.insert(0, str(PROJECT))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import transaction

    from articles.sync import sync_content
    from search.indexer import rebuild
    from search.service import search

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    sync_content()
    sync_seconds = time.perf_counter() - started
    started = time.perf_counter()
    with transaction.atomic():
        documents = rebuild()
    rebuild_seconds = time.perf_counter() - started
    print(f"  {label}: {documents} documents; sync with indexing {sync_seconds:.1f} s; index rebuild {rebuild_seconds:.1f} s")
    queries = _mixed_queries()
    for query in queries[:20]:
        search(query)
    times_by_query = defaultdict(list)
    for query in queries:
        started = time.perf_counter()
        search(query)
        times_by_query[query].append((time.perf_counter() - started) * 1000)
    report(label, times_by_query)


def _env(database_url, content_dir):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "pain_site.settings",
        "DJANGO_SECRET_KEY": "bench-only-secret-key-0123456789-0123456789",
        "DJANGO_DEBUG": "",
        "DATABASE_URL": database_url,
        "CONTENT_DIR": str(content_dir),
    }
    env.pop("CACHE_URL", None)
    return env


def _run(label, database_url, content_dir):
    command = [sys.executable, str(Path(__file__).resolve()), "--child", label]
    subprocess.run(command, cwd=PROJECT, env=_env(database_url, content_dir), check=True)


def _postgres_database():
    """The URL of an empty PostgreSQL database for the run, or None when PostgreSQL does not answer."""
    try:
        import psycopg
    except ImportError:
        return None
    given = os.environ.get("BENCH_SEARCH_POSTGRES_URL")
    try:
        if given:
            with psycopg.connect(given, autocommit=True, connect_timeout=3) as connection:
                connection.execute("DROP SCHEMA public CASCADE")
                connection.execute("CREATE SCHEMA public")
            return given
        with psycopg.connect(POSTGRES_ADMIN, autocommit=True, connect_timeout=3) as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {POSTGRES_DB}")
            connection.execute(f"CREATE DATABASE {POSTGRES_DB}")
    except psycopg.Error:
        return None
    return POSTGRES_ADMIN.rsplit("/", 1)[0] + "/" + POSTGRES_DB


def _drop_postgres_database():
    if os.environ.get("BENCH_SEARCH_POSTGRES_URL"):
        return
    import psycopg

    with psycopg.connect(POSTGRES_ADMIN, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {POSTGRES_DB}")


def main():
    print(f"== Search latency, {ARTICLES:,} generated articles plus the real content, goal p95 < {GOAL_MS} ms")
    with tempfile.TemporaryDirectory(prefix="bench-search-") as tmp:
        content = Path(tmp) / "content"
        write_site_content(content, ARTICLES, data_files=True)
        _run("SQLite", f"sqlite:///{Path(tmp) / 'search.sqlite3'}", content)
        postgres = _postgres_database()
        if postgres is None:
            print("  PostgreSQL: not reachable on 127.0.0.1:5432, skipped")
            return
        try:
            _run("PostgreSQL", postgres, content)
        finally:
            _drop_postgres_database()


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        child(sys.argv[2])
    else:
        main()
