"""The server `make serve` runs: cached pages answered on the event loop, all else by Django in its own thread."""

import asyncio
import os
import runpy
import threading
import time
from types import SimpleNamespace

import pytest
from a2wsgi.wsgi import build_environ
from django.db.utils import OperationalError

from articles.models import SiteState
from articles.sync import sync_content
from core import asgi
from core.asgi import CachedPageServer, FileChunks, PreparedPages, lookup_environ, lookup_headers
from core.gunicorn_worker import Worker
from pain_site.asgi import django_application
from tests.conftest import PROJECT, FakeClock, run_async

# Django runs in the server's own threads, with their own database connections: they see committed rows only.
pytestmark = pytest.mark.django_db(transaction=True)


def scope_for(path, method="GET", query=b"", headers=()):
    return {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": query,
        "root_path": "",
        "headers": [(b"host", b"testserver"), *headers],
        "client": ("127.0.0.1", 50000),
        "server": ("testserver", 80),
    }


async def _exchange(server, scope, body=b""):
    messages, delivered = [], False

    async def receive():
        nonlocal delivered
        if not delivered:
            delivered = True
            return {"type": "http.request", "body": body, "more_body": False}
        await asyncio.Event().wait()  # the client stays connected

    async def send(message):
        messages.append(message)

    await server(scope, receive, send)
    return messages


def call(server, path, method="GET", query=b"", body=b"", **headers):
    raw = [(name.replace("_", "-").lower().encode(), value.encode()) for name, value in headers.items()]
    messages = run_async(_exchange(server, scope_for(path, method, query, raw), body))
    start = messages[0]
    assert start["type"] == "http.response.start"
    return (
        start["status"],
        {name.decode(): value.decode() for name, value in start["headers"]},
        b"".join(message.get("body", b"") for message in messages[1:]),
    )


class CountingApplication:
    """Django, counting the requests that reach it."""

    def __init__(self):
        self.calls = 0

    def __call__(self, environ, start_response):
        self.calls += 1
        return django_application(environ, start_response)


@pytest.fixture
def server(page_cache):
    django = CountingApplication()
    running = CachedPageServer(django, enabled=True)
    running.django_calls = lambda: django.calls
    yield running
    running.close()


@pytest.fixture
def page(content):
    content.write("one", title="Loop words")
    sync_content()
    return "/articles/one/"


def test_a_cached_page_is_answered_without_django_with_every_header(server, page, caplog):
    first_status, first_headers, first_body = call(server, page)
    with caplog.at_level("INFO", logger="pain_site.requests"):
        status, headers, body = call(server, page, x_request_id="from-nginx-456")
    assert (first_status, status) == (200, 200) and body == first_body and b"Loop words" in body
    assert server.django_calls() == 1
    for name in ("content-security-policy", "etag", "cache-control", "x-content-type-options", "permissions-policy"):
        assert headers[name] == first_headers[name]
    assert headers["x-request-id"] == "from-nginx-456" and headers["content-length"] == str(len(body))
    assert "from-nginx-456 GET /articles/one/ 200" in caplog.records[-1].getMessage()


def test_conditional_get_and_head_from_the_loop(server, page):
    _, headers, _ = call(server, page)
    status, not_modified, body = call(server, page, if_none_match=headers["etag"])
    assert status == 304 and body == b"" and not_modified["etag"] == headers["etag"]
    call(server, page, method="HEAD")
    status, head_headers, body = call(server, page, method="HEAD")
    assert status == 200 and body == b"" and int(head_headers["content-length"]) > 0
    assert server.django_calls() == 2  # the first GET and the first HEAD


def test_signed_in_visitors_and_the_admin_always_reach_django(server, page):
    call(server, page)
    status, headers, _ = call(server, page, cookie="sessionid=abc")
    assert headers["cache-control"] == "private, no-store"
    call(server, "/admin/login/")
    call(server, "/admin/login/")
    assert server.django_calls() == 4


def test_a_sync_makes_the_loop_serve_the_new_page(server, page, content):
    call(server, page)
    content.write("one", title="Newer loop words")
    sync_content()
    _, _, body = call(server, page)
    assert b"Newer loop words" in body


def test_a_post_reaches_django_with_its_body():
    received = {}

    def echo(environ, start_response):
        received["body"] = environ["wsgi.input"].read()
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"ok"]

    running = CachedPageServer(echo, enabled=True)
    try:
        status, _, body = call(running, "/search/", method="POST", body=b"q=back+pain")
    finally:
        running.close()
    assert (status, body, received["body"]) == (200, b"ok", b"q=back+pain")


def test_the_database_going_away_sends_pages_to_django_and_recovery_brings_the_loop_back(server, page, monkeypatch):
    call(server, page)
    real_version = SiteState.version.__func__

    def refuse(cls):
        raise OperationalError("could not connect to server")

    monkeypatch.setattr(SiteState, "version", classmethod(refuse))
    status, headers, _ = call(server, page)
    assert status == 503 and headers["retry-after"] == "30" and server.django_calls() == 2
    monkeypatch.setattr(SiteState, "version", classmethod(real_version))
    call(server, page)
    assert server.django_calls() == 2


def test_a_failing_lookup_is_logged_and_django_answers(server, page, monkeypatch, caplog):
    call(server, page)

    def broken(*args):
        raise RuntimeError("lookup bug")

    monkeypatch.setattr(asgi, "page_key", broken)
    with caplog.at_level("ERROR", logger="core.asgi"):
        status, _, body = call(server, page)
    assert status == 200 and b"Loop words" in body and server.django_calls() == 2
    assert "cached page lookup failed" in caplog.text


def test_live_reload_turns_the_loop_path_off(settings):
    settings.CONTENT_AUTO_SYNC = True
    running = CachedPageServer(lambda environ, start_response: [])
    try:
        assert running.enabled is False
    finally:
        running.close()


def test_static_files_cross_in_large_pieces(tmp_path):
    path = tmp_path / "big.bin"
    path.write_bytes(b"x" * (600 * 1024))
    with path.open("rb") as file:
        chunks = list(FileChunks(file, 4096))
    assert [len(chunk) for chunk in chunks] == [256 * 1024, 256 * 1024, 88 * 1024]


def test_stalled_seconds_tracks_a_request_django_is_still_busy_with():
    release = threading.Event()

    def slow(environ, start_response):
        release.wait(5)
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"done"]

    running = CachedPageServer(slow, enabled=True)

    async def scenario():
        request = asyncio.ensure_future(_exchange(running, scope_for("/", method="POST")))
        while running.stalled_seconds() == 0:
            await asyncio.sleep(0.01)
        await asyncio.sleep(0.05)
        busy = running.stalled_seconds()
        release.set()
        await request
        return busy

    try:
        busy = run_async(scenario())
        assert busy >= 0.05 and running.stalled_seconds() == 0
    finally:
        release.set()
        running.close()


def test_an_error_inside_django_still_clears_the_busy_mark():
    def crash(environ, start_response):
        raise ValueError("boom")

    running = CachedPageServer(crash, enabled=True)
    try:
        with pytest.raises(ValueError):
            call(running, "/", method="POST")
        assert running.stalled_seconds() == 0
    finally:
        running.close()


@pytest.mark.parametrize(("stalled", "expected"), [(0, 1), (29.9, 1), (30, 0), (400, 0)])
def test_the_worker_stops_its_heartbeat_while_django_is_stuck_past_the_timeout(stalled, expected):
    beats = []
    worker = SimpleNamespace(
        wsgi=SimpleNamespace(stalled_seconds=lambda: stalled), cfg=SimpleNamespace(timeout=30), notify=lambda: beats.append(1)
    )
    run_async(Worker.callback_notify(worker))
    assert len(beats) == expected


def test_lifespan_starts_and_shuts_down_cleanly():
    running = CachedPageServer(lambda environ, start_response: [], enabled=True)
    incoming = [{"type": "lifespan.startup"}, {"type": "lifespan.shutdown"}]
    sent = []

    async def receive():
        return incoming.pop(0)

    async def send(message):
        sent.append(message["type"])

    run_async(running({"type": "lifespan"}, receive, send))
    assert sent == ["lifespan.startup.complete", "lifespan.shutdown.complete"]
    started = time.monotonic()
    with pytest.raises(RuntimeError):  # its threads are stopped
        running.version_thread.submit(lambda: None)
    assert time.monotonic() - started < 1


GUNICORN_VARIABLES = ("GUNICORN_WORKER_CLASS", "WEB_CONCURRENCY", "GUNICORN_TIMEOUT", "GUNICORN_THREADS", "GUNICORN_MAX_REQUESTS")


def gunicorn_config(monkeypatch, **env):
    for name in GUNICORN_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(PROJECT / "deploy" / "gunicorn.conf.py"))


def test_gunicorn_runs_uvicorn_workers_one_per_core_by_default(monkeypatch):
    config = gunicorn_config(monkeypatch)
    assert config["worker_class"] == "core.gunicorn_worker.Worker" and config["wsgi_app"] == "pain_site.asgi:application"
    assert config["workers"] == os.cpu_count() and config["timeout"] == 30


def test_empty_gunicorn_settings_mean_the_defaults(monkeypatch):
    blank = dict.fromkeys((name for name in GUNICORN_VARIABLES if name.startswith("GUNICORN_")), " ")
    config = gunicorn_config(monkeypatch, **blank)
    assert config["worker_class"] == "core.gunicorn_worker.Worker" and config["timeout"] == 30


def test_sync_workers_serve_the_wsgi_application(monkeypatch):
    config = gunicorn_config(monkeypatch, GUNICORN_WORKER_CLASS="sync", WEB_CONCURRENCY="5", GUNICORN_TIMEOUT="12")
    assert (config["wsgi_app"], config["workers"], config["timeout"]) == ("pain_site.wsgi:application", 5, 12)


def test_the_lookup_environ_matches_the_one_django_gets(settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    headers = [
        (b"host", b"testserver"),
        (b"cookie", b"a=1"),
        (b"cookie", b"sessionid=xyz"),
        (b"if-none-match", b'"abc"'),
        (b"x-forwarded-proto", b"https"),
        (b"x-request-id", b"\xff\xfe-odd"),
    ]
    scope = {**scope_for("/articles/caf\u00e9/"), "query_string": b"q=back%20pain&page=2", "headers": headers}
    lean, full = lookup_environ(scope, lookup_headers()), build_environ(scope, None)
    assert lean == {key: full[key] for key in lean}
    assert lean["HTTP_COOKIE"] == "a=1,sessionid=xyz" and lean["HTTP_X_FORWARDED_PROTO"] == "https"


ENTRY = (
    [("Content-Type", "text/html; charset=utf-8"), ("ETag", '"e1"')],
    b"<p>page</p>",
    '"e1"',
    "Sun, 22 Nov 2026 02:00:00 GMT",
)


def test_a_prepared_page_answers_in_full_to_head_and_with_304():
    page = PreparedPages().keep("page:1:x", ENTRY)
    status, headers, body = page.answer({"REQUEST_METHOD": "GET"})
    assert (status, body) == (200, b"<p>page</p>") and (b"content-length", b"11") in headers
    assert page.answer({"REQUEST_METHOD": "HEAD"})[2] == b""
    status, headers, body = page.answer({"REQUEST_METHOD": "GET", "HTTP_IF_NONE_MATCH": '"e1"'})
    assert (status, body) == (304, b"") and headers == [(b"etag", b'"e1"')]


def test_a_prepared_page_is_kept_for_a_second_only():
    clock = FakeClock()
    prepared = PreparedPages(seconds=1.0, clock=clock)
    prepared.keep("page:1:x", ENTRY)
    clock.now = 0.99
    assert prepared.get("page:1:x") is not None and prepared.get("page:2:x") is None
    clock.now = 1.01
    assert prepared.get("page:1:x") is None


def test_prepared_pages_stay_within_their_size():
    prepared = PreparedPages(size=3)
    for number in range(10):
        prepared.keep(f"page:1:{number}", ENTRY)
        assert len(prepared.pages) <= 3
    assert prepared.get("page:1:9") is not None


def test_a_page_cleared_from_the_cache_stops_being_served_within_a_second(server, page, monkeypatch):
    from django.core.cache import caches

    call(server, page)
    call(server, page)
    caches["default"].clear()
    clock = FakeClock()
    clock.now = time.monotonic() + 1.01
    monkeypatch.setattr(server.prepared, "clock", clock)
    call(server, page)
    assert server.django_calls() == 2


def test_cached_pages_are_answered_while_django_is_busy_with_a_slow_page(page_cache, page):
    release = threading.Event()

    def application(environ, start_response):
        if environ["PATH_INFO"] == "/slow/":
            release.wait(10)
        return django_application(environ, start_response)

    running = CachedPageServer(application, enabled=True)

    async def scenario():
        await _exchange(running, scope_for(page))  # rendered once, now cached
        slow = asyncio.ensure_future(_exchange(running, scope_for("/slow/")))
        while running.stalled_seconds() == 0:
            await asyncio.sleep(0.01)
        cached = await asyncio.wait_for(_exchange(running, scope_for(page)), timeout=5)
        still_waiting = not slow.done()
        release.set()
        await slow
        return cached[0]["status"], still_waiting

    try:
        assert run_async(scenario()) == (200, True)
    finally:
        release.set()
        running.close()


def test_a_response_written_in_many_pieces_is_sent_in_one():
    from django.http import HttpResponse

    def application(environ, start_response):
        response = HttpResponse()
        for number in range(500):
            response.write(f"<p>{number}</p>")
        start_response("200 OK", [("Content-Type", "text/html")])
        return response

    running = CachedPageServer(application, enabled=True)
    try:
        messages = run_async(_exchange(running, scope_for("/", method="POST")))
    finally:
        running.close()
    bodies = [message["body"] for message in messages[1:] if message.get("body")]
    assert len(bodies) == 1 and bodies[0].startswith(b"<p>0</p>") and bodies[0].endswith(b"<p>499</p>")


def test_a_streaming_response_still_streams_piece_by_piece():
    from django.http import StreamingHttpResponse

    def application(environ, start_response):
        start_response("200 OK", [("Content-Type", "text/plain")])
        return StreamingHttpResponse(f"line {number}\n" for number in range(5))

    running = CachedPageServer(application, enabled=True)
    try:
        messages = run_async(_exchange(running, scope_for("/", method="POST")))
    finally:
        running.close()
    assert [message["body"] for message in messages[1:] if message.get("body")] == [f"line {n}\n".encode() for n in range(5)]
