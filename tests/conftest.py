import asyncio
import contextlib
import os
import socket
import textwrap
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
CORPUS = FIXTURES / "corpus"
PROJECT = Path(__file__).parent.parent


def article_text(title="A test article", summary="A short summary.", published="2024-01-15", body=None, **fields):
    """Front matter and body for one article; extra fields are written as YAML lines."""
    lines = ["---", f'title: "{title}"', f'summary: "{summary}"', f"published: {published}"]
    for key, value in fields.items():
        lines.append(f"{key}: {value}")
    lines.append("---")
    body = (
        body
        if body is not None
        else "## Hello\n\nThe doctor puts a thin needle near the nerve. Most people go home the same day."
    )
    return "\n".join(lines) + "\n" + textwrap.dedent(body).strip() + "\n"


def run_async(coroutine):
    """asyncio.run in a thread of its own: Playwright's sync API leaves a loop marked running in the main thread."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


class FakeClock:
    """A monotonic clock the test moves by hand."""

    def __init__(self, now=0.0):
        self.now = now

    def __call__(self):
        return self.now


class ContentFolder:
    """A throwaway CONTENT_DIR that tests write articles into."""

    def __init__(self, root):
        self.root = root
        self.articles = root / "articles"
        self.articles.mkdir(parents=True)
        (root / "images").mkdir()

    def write(self, slug, text=None, **fields):
        path = self.articles / f"{slug}.md"
        path.write_text(text if text is not None else article_text(**fields), encoding="utf-8")
        return path

    def write_bytes(self, name, raw):
        path = self.articles / name
        path.write_bytes(raw)
        return path

    def remove(self, slug):
        (self.articles / f"{slug}.md").unlink()


@pytest.fixture(scope="session", autouse=True)
def media_root(tmp_path_factory):
    """Uploads and renditions made by tests live in pytest's own temporary folder, removed after a passing run."""
    from django.test import override_settings

    with override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")):
        yield


@pytest.fixture(scope="session", autouse=True)
def spanish_catalog():
    """The compiled catalog, as `make test` leaves it (compiled only when the .po is newer)."""
    from django.core.management import call_command

    call_command("compile_translations", verbosity=0)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database as a deployed site has it: migrated, then the starter entries this release ships."""
    from django.core.management import call_command

    with django_db_blocker.unblock():
        call_command("load_starter", verbosity=0)


@pytest.fixture(autouse=True)
def fresh_cache():
    """Each test's database starts at the same content version, so cached pages must not leak between tests."""
    from django.core.cache import cache

    from search import service

    def clear():
        cache.clear()
        service._language.clear()

    clear()
    yield
    clear()


@pytest.fixture(autouse=True)
def site_language():
    """A Spanish page fetched by one test leaves Spanish active in the thread, as a server thread would
    between requests; each test starts in the site's default language instead."""
    from django.utils import translation

    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture
def content(tmp_path, settings):
    folder = ContentFolder(tmp_path / "content")
    settings.CONTENT_DIR = folder.root
    return folder


@pytest.fixture(scope="module")
def shipped_content(django_db_setup, django_db_blocker):
    """The real content synced once for a test module, in a transaction rolled back when the module ends.

    Each test then runs inside it and rolls back to it, as every test rolls back to the starter entries.
    """
    from django.db import transaction
    from django.test import override_settings

    from articles.sync import sync_content

    outer = transaction.atomic()
    with django_db_blocker.unblock(), override_settings(CONTENT_DIR=PROJECT / "content"):
        outer.__enter__()
        sync_content()
    yield
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)


@pytest.fixture
def shipped_site(shipped_content, db, settings):
    """The real content, synced and indexed, beside the starter treatments and conditions."""
    settings.CONTENT_DIR = PROJECT / "content"


@pytest.fixture
def staff_user(django_user_model):
    return django_user_model.objects.create_user("editor", password="a-long-test-password", is_staff=True)


REDIS = ("127.0.0.1", 6379)


def redis_available():
    try:
        with socket.create_connection(REDIS, timeout=0.3):
            return True
    except OSError:
        return False


@pytest.fixture(params=["locmem", "redis"])
def page_cache(request, settings):
    """Run a cache test on local memory and on Redis (Redis is required in CI)."""
    from django.core.cache import caches

    if request.param == "redis":
        if not redis_available():
            if os.environ.get("CI"):
                pytest.fail("Redis is not running on 127.0.0.1:6379")
            pytest.skip("Redis is not running on 127.0.0.1:6379")
        settings.CACHES = {
            "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:6379/15"}
        }
    caches["default"].clear()
    yield request.param
    caches["default"].clear()


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session, exitstatus):
    """After a passing run pytest has removed its temporary folders; drop their empty parent too."""
    factory = getattr(session.config, "_tmp_path_factory", None)
    basetemp = getattr(factory, "_basetemp", None)
    if exitstatus == 0 and basetemp is not None:
        for folder in (basetemp, basetemp.parent):
            with contextlib.suppress(OSError):
                folder.rmdir()
