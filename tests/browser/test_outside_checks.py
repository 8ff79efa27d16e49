"""Checks by outside tools on the running site: the Nu Html Checker, and the page weight budget."""

import gzip
import http.client
import json
import re
import shutil
import subprocess
import urllib.error
import urllib.request

import pytest

from tests.browser.conftest import PAGES_FOR_CHECKS, _missing
from tests.conftest import PROJECT

# They run against the production server the browser tests start, so they are counted with them.
pytestmark = pytest.mark.browser

VNU = PROJECT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
BUDGET_BYTES = 30 * 1024


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (our own loopback server)
            return response.read()
    except urllib.error.HTTPError as error:
        return error.read()


def test_every_page_is_valid_html(site_url, tmp_path):
    if not VNU.exists() or not shutil.which("java"):
        _missing("the Nu Html Checker (npm vnu-jar) or Java is not installed")
    files = []
    for name, path in PAGES_FOR_CHECKS.items():
        target = tmp_path / (re.sub(r"\W+", "-", name) + ".html")
        target.write_bytes(fetch(site_url + path))
        files.append(str(target))
    css = tmp_path / "site.css"
    css.write_bytes((PROJECT / "static" / "css" / "site.css").read_bytes())
    messages = _vnu(*files)
    assert [(m.get("url", "").rsplit("/", 1)[-1], m.get("message")) for m in messages] == []
    assert _vnu("--css", str(css)) == []


def _vnu(*arguments):
    command = ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *arguments]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    return json.loads(result.stderr or '{"messages": []}')["messages"]


@pytest.mark.parametrize("name", list(PAGES_FOR_CHECKS))
def test_html_and_css_together_stay_under_30_kb_compressed(site_url, name):
    html = fetch(site_url + PAGES_FOR_CHECKS[name])
    stylesheets = re.findall(rb'<link rel="stylesheet" href="([^"]+)"', html)
    total = len(gzip.compress(html, 9)) + sum(len(gzip.compress(fetch(site_url + href.decode()), 9)) for href in stylesheets)
    assert total < BUDGET_BYTES, f"{name}: {total} bytes compressed"


@pytest.mark.parametrize("name", list(PAGES_FOR_CHECKS))
def test_every_resource_comes_from_the_site_itself(site_url, name):
    html = fetch(site_url + PAGES_FOR_CHECKS[name]).decode()
    resources = re.findall(r'<(?:script|img|source|iframe)[^>]+src="([^"]+)"', html)
    resources += re.findall(r'<link rel="(?:stylesheet|icon|preload)"[^>]+href="([^"]+)"', html)
    assert resources and all(url.startswith("/") and not url.startswith("//") for url in resources), resources


def test_hashed_static_files_are_compressed_and_cached_forever(site_url):
    html = fetch(site_url + "/").decode()
    stylesheet = re.search(r'<link rel="stylesheet" href="(/static/css/site\.[0-9a-f]{12}\.css)"', html).group(1)
    request = urllib.request.Request(site_url + stylesheet, headers={"Accept-Encoding": "gzip"})  # noqa: S310 (loopback)
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 (our own loopback server)
        assert "immutable" in response.headers["Cache-Control"] and "max-age=315360000" in response.headers["Cache-Control"]
        assert response.headers["Content-Encoding"] == "gzip"


def test_the_server_keeps_connections_alive_and_answers_repeat_visits_from_its_cache(site_url):
    host, port = site_url.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    answers = []
    for _ in range(3):
        connection.request("GET", "/articles/nerve-blocks/", headers={"X-Request-ID": "browser-check-1"})
        response = connection.getresponse()
        answers.append((response.status, response.read(), response.headers, connection.sock))
    connection.request("GET", "/articles/nerve-blocks/", headers={"If-None-Match": answers[-1][2]["ETag"]})
    revalidated = connection.getresponse()
    revalidated.read()
    connection.close()
    assert [status for status, *_ in answers] == [200, 200, 200] and answers[1][1] == answers[2][1]
    assert answers[0][3] is answers[2][3]  # one TCP connection for every request
    assert all(
        headers["X-Request-ID"] == "browser-check-1" and "s-maxage" in headers["Cache-Control"] for _, _, headers, _ in answers
    )
    assert revalidated.status == 304
