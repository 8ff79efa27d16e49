"""A real production-mode server (gunicorn, debug off) and headless Chromium for the browser tests.

Without Chromium the tests skip with a message; in CI (CI=true) a missing
browser is an error, never a skip.
"""

import os
import shutil

import pytest

from bench.local_server import running_site
from bench.pages import CHECKED_PAGES
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
PAGES_FOR_CHECKS = CHECKED_PAGES


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


@pytest.fixture(scope="session")
def site_url(tmp_path_factory):
    """The shipped site, served by gunicorn exactly as `make serve` does, on a free loopback port."""
    chromium_path()
    with running_site(tmp_path_factory.mktemp("browser-site")) as url:
        yield url


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
