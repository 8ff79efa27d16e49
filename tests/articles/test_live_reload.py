"""make run: a saved, added or deleted file shows on the next page load."""

import os
import time

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def live_client(client, settings):
    settings.CONTENT_AUTO_SYNC = True
    with override_settings(MIDDLEWARE=settings.MIDDLEWARE):
        yield client


def _bump(path):
    later = time.time_ns() + 2 * 10**9
    os.utime(path, ns=(later, later))


def test_saved_added_and_deleted_files_show_on_next_load(live_client, content):
    path = content.write("one", title="First words")
    assert "First words" in live_client.get("/articles/one/").content.decode()
    path.write_text(path.read_text().replace("First words", "Second words"))
    _bump(path)
    assert "Second words" in live_client.get("/articles/one/").content.decode()
    content.write("two", title="Brand new")
    assert live_client.get("/articles/two/").status_code == 200
    content.remove("one")
    assert live_client.get("/articles/one/").status_code == 404


def test_a_cached_page_never_hides_a_saved_change(live_client, content):
    path = content.write("one", title="Cached words")
    for _ in range(3):  # rendered, then served from the page cache
        assert "Cached words" in live_client.get("/articles/one/").content.decode()
    path.write_text(path.read_text().replace("Cached words", "Saved words"))
    _bump(path)
    assert "Saved words" in live_client.get("/articles/one/").content.decode()


def test_broken_save_keeps_the_page_up(live_client, content):
    path = content.write("one", title="Good")
    live_client.get("/")
    path.write_text("---\ntitle: [\n---\n")
    _bump(path)
    response = live_client.get("/articles/one/")
    assert response.status_code == 200 and "Good" in response.content.decode()


def test_auto_sync_is_off_in_production(client, content, settings):
    settings.CONTENT_AUTO_SYNC = False
    content.write("one")
    with override_settings(MIDDLEWARE=settings.MIDDLEWARE):
        assert client.get("/articles/one/").status_code == 404
