"""Search benchmark: 200 mixed queries against 10,000 generated articles plus the real content.

Runs on SQLite and on PostgreSQL (when it answers on 127.0.0.1:5432), and
also times a full rebuild of the index. Goal: p95 under 50 ms.
"""

import os
import subprocess
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
PROJECT = BENCH.parent
sys.path.insert(0, str(BENCH))

from generate import write_site_content  # noqa: E402

ARTICLES = int(os.environ.get("BENCH_SEARCH_ARTICLES", "10000"))
GOAL_MS = 50
POSTGRES_ADMIN = "postgres://postgres@127.0.0.1:5432/postgres"
POSTGRES_DB = "pain_search_bench"

CHILD = r"""
import random, statistics, time, django
django.setup()
from django.core.management import call_command
from articles.sync import sync_content
from search.indexer import rebuild
from search.service import search
from django.db import transaction
call_command("migrate", verbosity=0)
started = time.perf_counter()
report = sync_content()
sync_seconds = time.perf_counter() - started
started = time.perf_counter()
with transaction.atomic():
    documents = rebuild()
rebuild_seconds = time.perf_counter() - started
patient = [line.split("\t")[0] for line in open("tests/search/relevance.tsv") if line.strip() and not line.startswith("#")]
generated = ["nerve relief", "gentle stretch", "morning stiffness", "steroid shot", "sleep stress", "burning tingling"]
typos = ["siatica", "stimulater", "ablaton", "nerv blok", "arthritus", "injecton"]
rng = random.Random(5)
queries = [rng.choice(patient + generated + typos) for _ in range(200)]
for query in queries[:20]:
    search(query)
times = []
for query in queries:
    started = time.perf_counter()
    search(query)
    times.append((time.perf_counter() - started) * 1000)
times.sort()
p95 = times[int(len(times) * 0.95) - 1]
print(f"  {{label}}: {{documents}} documents; sync with indexing {{sync_seconds:.1f}} s; index rebuild {{rebuild_seconds:.1f}} s")
print(f"  {{label}}: 200 queries median {{statistics.median(times):.1f}} ms, p95 {{p95:.1f}} ms, max {{times[-1]:.1f}} ms"
      f" (goal p95 < {goal} ms: {{'met' if p95 < {goal} else 'MISSED'}}, ratio {{p95 / {goal}:.2f}})")
"""


def _env(database_url, content_dir):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "pain_site.settings",
        "DJANGO_SECRET_KEY": "bench-only-secret-key-0123456789-0123456789",
        "DJANGO_DEBUG": "",
        "DATABASE_URL": database_url,
        "CONTENT_DIR": str(content_dir),
        "LOG_LEVEL": "ERROR",
    }
    env.pop("CACHE_URL", None)
    return env


def _run(label, database_url, content_dir):
    code = CHILD.replace("{{label}}", label).format(goal=GOAL_MS).replace("{label}", label)
    subprocess.run([sys.executable, "-c", code], cwd=PROJECT, env=_env(database_url, content_dir), check=True)


def _postgres_database():
    try:
        import psycopg
    except ImportError:
        return None
    try:
        with psycopg.connect(POSTGRES_ADMIN, autocommit=True, connect_timeout=3) as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {POSTGRES_DB}")
            connection.execute(f"CREATE DATABASE {POSTGRES_DB}")
    except psycopg.Error:
        return None
    return POSTGRES_ADMIN.rsplit("/", 1)[0] + "/" + POSTGRES_DB


def _drop_postgres_database():
    import psycopg

    with psycopg.connect(POSTGRES_ADMIN, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {POSTGRES_DB}")


def main():
    print(f"== Search latency, {ARTICLES:,} generated articles plus the real content")
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
    main()
