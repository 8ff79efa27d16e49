"""A real production-mode server (gunicorn, debug off) and headless Chromium for the browser tests.

Without Chromium the tests skip with a message; in CI (CI=true) a missing
browser is an error, never a skip.
"""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import PROJECT

CHROMIUM_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE = PROJECT / "node_modules" / "axe-core" / "axe.min.js"
# The pages the issue names, one of each kind (each treatment, since each is a flagship page).
PAGES_FOR_CHECKS = {
    "home": "/",
    "article list": "/articles/",
    "article": "/articles/nerve-blocks/",
    "treatment list": "/treatments/",
    "nerve blocks": "/treatments/nerve-blocks/",
    "spinal cord stimulation": "/treatments/spinal-cord-stimulation/",
    "radiofrequency ablation": "/treatments/radiofrequency-ablation/",
    "condition": "/conditions/sciatica-and-radiculopathy/",
    "condition list": "/conditions/",
    "search results": "/search/?q=sciatica",
    "glossary": "/glossary/",
    "not found": "/no-such-page/",
}


def _missing(what):
    message = f"{what}; install it (see .ci/run) to run the browser tests"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def chromium_path():
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        _missing("Chromium is not installed")
    return path


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_up(url, process, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the test server exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=2) as response:  # noqa: S310 (our own loopback server)
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("the test server did not become healthy")


@pytest.fixture(scope="session")
def site_url(tmp_path_factory):
    """The shipped site, served by gunicorn exactly as `make serve` does, on a free loopback port."""
    chromium_path()
    workdir = tmp_path_factory.mktemp("browser-site")
    port = _free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "pain_site.settings",
        "DJANGO_DEBUG": "",
        "DJANGO_SECRET_KEY": "browser-test-secret-key-0123456789-0123456789",
        "DATABASE_URL": f"sqlite:///{workdir / 'db.sqlite3'}",
        "STATIC_ROOT": str(workdir / "static"),
        "CONTENT_DIR": str(PROJECT / "content"),
        "SITE_URL": f"http://127.0.0.1:{port}",
        "HOST": "127.0.0.1",
        "PORT": str(port),
        "WEB_CONCURRENCY": "2",
    }
    env.pop("CACHE_URL", None)
    manage = [sys.executable, str(PROJECT / "manage.py")]
    for command in (["migrate", "--noinput"], ["collectstatic", "--noinput"], ["sync_content"]):
        subprocess.run(manage + command, env=env, check=True, capture_output=True, cwd=PROJECT)
    gunicorn = Path(sys.executable).parent / "gunicorn"
    process = subprocess.Popen(
        [str(gunicorn), "--config", str(PROJECT / "deploy" / "gunicorn.conf.py"), "pain_site.wsgi"],
        env=env,
        cwd=PROJECT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(url, process)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.fixture(scope="session")
def browser():
    path = chromium_path()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("Playwright is not installed")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1024, "height": 800})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def axe_source():
    if not AXE.exists():
        _missing("axe-core is not installed (npm ci)")
    return AXE.read_text(encoding="utf-8")
