"""The WSGI fast path answers exactly what the page cache would, without entering Django."""

import io

import pytest
from django.core.signals import request_finished, request_started
from django.db import close_old_connections

from articles.sync import sync_content
from pain_site.wsgi import application

pytestmark = pytest.mark.django_db


def call(path, query="", method="GET", **headers):
    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_NAME": "localhost",
        "SERVER_PORT": "80",
        "HTTP_HOST": "localhost",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": io.StringIO(),
        **{f"HTTP_{name.upper()}": value for name, value in headers.items()},
    }
    captured = {}

    def start_response(status, response_headers, exc_info=None):
        captured["status"], captured["headers"] = status, dict(response_headers)

    # As Django's test client does: keep the test's database connection open across the request.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        body = b"".join(application(environ, start_response))
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    return captured["status"], captured["headers"], body


@pytest.fixture
def page(content):
    content.write("one", title="Fast words")
    sync_content()
    return "/articles/one/"


def test_second_request_is_answered_from_the_cache_with_every_header(page, caplog):
    first_status, first_headers, first_body = call(page)
    with caplog.at_level("INFO", logger="pain_site.requests"):
        status, headers, body = call(page, x_request_id="from-nginx-123")
    assert (first_status, status) == ("200 OK", "200 OK") and body == first_body and b"Fast words" in body
    for name in ("Content-Security-Policy", "ETag", "Cache-Control", "X-Content-Type-Options", "Permissions-Policy"):
        assert headers[name] == first_headers[name]
    assert headers["X-Request-ID"] == "from-nginx-123" and headers["Content-Length"] == str(len(body))
    assert (
        caplog.records[-1].getMessage().endswith("cache-hit")
        and "from-nginx-123 GET /articles/one/ 200" in caplog.records[-1].getMessage()
    )


def test_conditional_get_and_head(page):
    _, headers, _ = call(page)
    status, not_modified_headers, body = call(page, if_none_match=headers["ETag"])
    assert status == "304 Not Modified" and body == b"" and not_modified_headers["ETag"] == headers["ETag"]
    call(page, method="HEAD")
    status, head_headers, body = call(page, method="HEAD")
    assert status == "200 OK" and body == b"" and int(head_headers["Content-Length"]) > 0


def test_signed_in_staff_and_admin_never_take_the_fast_path(page):
    call(page)
    status, headers, _ = call(page, cookie="sessionid=abc")
    assert headers["Cache-Control"] == "private, no-store"
    status, headers, _ = call("/admin/login/")
    assert headers["Cache-Control"] == "private, no-store"


def test_a_sync_makes_the_fast_path_fresh_at_once(page, content):
    call(page)
    content.write("one", title="Newer words")
    sync_content()
    _, _, body = call(page)
    assert b"Newer words" in body
