"""check_sources against a local web server (this machine has no internet): fine, broken, moved and too slow."""

import contextlib
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import call_command

from core.link_check import check_link
from tests.treatments.conftest import make_treatment
from treatments.models import TreatmentSource

pytestmark = pytest.mark.django_db


class Handler(BaseHTTPRequestHandler):
    def _answer(self, with_body):
        if self.path == "/slow":
            time.sleep(1.5)
        if self.path == "/no-head" and self.command == "HEAD":
            self.send_response(405)
        elif self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/ok")
        elif self.path in ("/ok", "/slow", "/no-head"):
            self.send_response(200)
        else:
            self.send_response(404)
        self.end_headers()
        if with_body:
            self.wfile.write(b"hello")

    def do_HEAD(self):  # noqa: N802 (the standard library's name)
        self._answer(False)

    def do_GET(self):  # noqa: N802
        self._answer(True)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    with contextlib.suppress(Exception):
        httpd.server_close()


@pytest.mark.parametrize(
    "path,status,broken,moved",
    [("/ok", 200, False, False), ("/gone", 404, True, False), ("/moved", 301, False, True), ("/no-head", 200, False, False)],
)
def test_each_answer_is_read_right(server, path, status, broken, moved):
    result = check_link(server + path, timeout=5)
    assert (result.status, result.broken, result.moved) == (status, broken, moved)
    assert result.location == ("/ok" if moved else "")


def test_a_server_that_never_answers_in_time_is_broken(server):
    result = check_link(server + "/slow", timeout=0.5)
    assert result.status is None and result.broken and "did not answer within 0.5 seconds" in result.error


def test_an_address_nobody_listens_on_is_broken():
    result = check_link("http://127.0.0.1:9/nothing", timeout=2)
    assert result.status is None and "could not be reached" in result.error


def test_the_command_reports_each_source_with_its_file_and_line(server, content, capsys):
    sources = (
        f"\n  - {{title: Fine, publisher: Test, url: '{server}/ok', checked: 2026-11-30}}"
        f"\n  - {{title: Gone, publisher: Test, url: '{server}/gone', checked: 2026-11-30}}"
        f"\n  - {{title: Moved, publisher: Test, url: '{server}/moved', checked: 2026-11-30}}"
        f"\n  - {{title: Slow, publisher: Test, url: '{server}/slow', checked: 2026-11-30}}"
    )
    content.write("cited", sources=sources)
    treatment = make_treatment()
    TreatmentSource.objects.create(treatment=treatment, title="Gone too", publisher="Test", url=f"{server}/gone")
    with pytest.raises(SystemExit) as exit_code:
        call_command("check_sources", "--timeout", "1", "--slow", "0.5")
    assert exit_code.value.code == 1
    lines = capsys.readouterr().out.splitlines()
    assert f"articles/cited.md:7: error: {server}/gone is broken (it answered 404)" in "\n".join(lines)
    assert f"articles/cited.md:8: warning: {server}/moved has moved to /ok (301)" in "\n".join(lines)
    assert any(line.startswith("articles/cited.md:9: error: ") and "did not answer within 1 seconds" in line for line in lines)
    assert f"admin/treatment/test-heat:1: error: {server}/gone is broken" in "\n".join(lines)
    assert not any("/ok " in line or line.endswith("/ok") for line in lines if "moved" not in line)
