"""The real servers, as `make serve` and `make run` start them: outages heal, hostile paths are 404s.

These start gunicorn with deploy/gunicorn.conf.py (and, for development mode,
`manage.py runserver`) against a database of their own: a SQLite file, or a
PostgreSQL database when the suite runs on PostgreSQL.
"""

import contextlib
import http.client
import re
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest
from django.conf import settings

from bench.local_server import PROJECT, SETUP_COMMANDS, free_port, production_env, running_site, wait_until_healthy

ON_POSTGRES = settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
SERVER_DATABASE = "pain_serving_test"


def fetch(url, path, method="GET"):
    """(status, body) for a raw request path: nothing between here and the server tidies `..` away."""
    host, port = url.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    try:
        connection.request(method, path)
        response = connection.getresponse()
        return response.status, response.read().decode("utf-8", "replace"), dict(response.getheaders())
    finally:
        connection.close()


def _postgres_admin_url():
    database = settings.DATABASES["default"]
    return f"postgresql://{database['USER']}@{database['HOST']}:{database['PORT'] or 5432}/postgres"


@contextlib.contextmanager
def server_database(workdir):
    """The DATABASE_URL the server uses: its own SQLite file, or its own PostgreSQL database."""
    if not ON_POSTGRES:
        yield f"sqlite:///{Path(workdir) / 'db.sqlite3'}"
        return
    with psycopg.connect(_postgres_admin_url(), autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {SERVER_DATABASE} WITH (FORCE)")
        admin.execute(f"CREATE DATABASE {SERVER_DATABASE}")
    database = settings.DATABASES["default"]
    try:
        yield f"postgres://{database['USER']}@{database['HOST']}:{database['PORT'] or 5432}/{SERVER_DATABASE}"
    finally:
        with psycopg.connect(_postgres_admin_url(), autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {SERVER_DATABASE} WITH (FORCE)")


@contextlib.contextmanager
def database_cut(database_url, workdir):
    """Take the database away from the running server, then give it back."""
    if ON_POSTGRES:
        with psycopg.connect(_postgres_admin_url(), autocommit=True) as admin:
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
                [SERVER_DATABASE],
            )
        yield
        return
    live, away = Path(workdir) / "db.sqlite3", Path(workdir) / "db.sqlite3.away"
    live.rename(away)
    try:
        yield
    finally:
        live.unlink(missing_ok=True)  # SQLite makes an empty file when asked for a missing one
        away.rename(live)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    return tmp_path_factory.mktemp("served")


@pytest.fixture(scope="module")
def served(workdir):
    with server_database(workdir) as database_url, running_site(workdir, DATABASE_URL=database_url) as url:
        yield url, database_url


def _statuses_until_ok(url, path, tries=5):
    statuses = []
    for _ in range(tries):
        statuses.append(fetch(url, path)[0])
        if statuses[-1] == 200:
            break
        time.sleep(0.2)
    return statuses


def test_after_the_database_is_cut_pages_come_back_from_cache_and_fresh_without_a_restart(served, workdir):
    url, database_url = served
    assert fetch(url, "/articles/nerve-blocks/")[0] == 200  # now in the page cache
    with database_cut(database_url, workdir):
        status, body, headers = fetch(url, "/articles/nerve-blocks/")
        if not ON_POSTGRES:  # the file is gone: a styled 503 while it is away, never a traceback
            assert status == 503 and headers["Retry-After"] == "30" and "Traceback" not in body
    cached = _statuses_until_ok(url, "/articles/nerve-blocks/")
    fresh = _statuses_until_ok(url, "/treatments/spinal-cord-stimulation/")
    assert cached[-1] == 200 and len(cached) <= 3, cached
    assert fresh[-1] == 200 and len(fresh) <= 3, fresh
    assert fetch(url, "/healthz")[0] == 200


@pytest.mark.parametrize("path", ["/static/../settings.py", "/static/..%2fsettings.py", "/static/%2e%2e/manage.py"])
def test_a_hostile_static_path_is_a_404_under_make_serve(served, path):
    status, body, _ = fetch(served[0], path)
    assert status == 404 and "We could not find that page" in body


@pytest.fixture(scope="module")
def development_server(workdir, served):
    """`manage.py runserver` with debug on, as `make run` starts it (the database is the one prepared above)."""
    port = free_port()
    env = production_env(workdir, port, DJANGO_DEBUG="1", DATABASE_URL=served[1], CONTENT_AUTO_SYNC="0")
    process = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=PROJECT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(url, process)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


@pytest.mark.parametrize("path", ["/static/../settings.py", "/static/..%2fsettings.py", "/static/%2e%2e/manage.py"])
def test_a_hostile_static_path_is_a_404_under_make_run(development_server, path):
    status, body, _ = fetch(development_server, path)
    assert status == 404 and "Traceback" not in body


def test_make_run_serves_static_files_like_make_serve(development_server):
    status, body, _ = fetch(development_server, "/static/css/site.css")
    assert status == 200 and "body" in body


def test_the_servers_tested_here_are_set_up_as_make_serve_sets_up():
    """The tests, browser checks and benches prepare a site with the very commands `make serve` runs, in order."""
    makefile = (PROJECT / "Makefile").read_text()
    serve = makefile[makefile.index("\nserve:") : makefile.index("\nbench:")]
    ran = re.findall(r"manage\.py (\w+)", serve)
    assert ran == [command[0] for command in SETUP_COMMANDS]
    assert "gunicorn --config deploy/gunicorn.conf.py" in serve
