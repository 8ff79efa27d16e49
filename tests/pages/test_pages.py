"""Home page and health check."""

import pytest
from django.db import DatabaseError

from articles.sync import sync_content

pytestmark = pytest.mark.django_db


def test_home_lists_latest_articles(client, content):
    content.write("one", title="Newest article", published="2024-05-01")
    content.write("two", title="Hidden draft", draft="true")
    sync_content()
    page = client.get("/").content.decode()
    assert "Newest article" in page and "Hidden draft" not in page
    assert 'href="/articles/one/"' in page


def test_healthz_is_503_until_content_is_synced(client, content):
    response = client.get("/healthz")
    assert response.status_code == 503 and response.json() == {"status": "content not synced"}
    sync_content()
    assert client.get("/healthz").status_code == 200


def test_healthz_is_503_when_the_database_fails(client, content, monkeypatch):
    sync_content()

    def broken(*args, **kwargs):
        raise DatabaseError("connection refused")

    monkeypatch.setattr("django.db.backends.utils.CursorWrapper.execute", broken)
    response = client.get("/healthz")
    assert response.status_code == 503 and response.json() == {"status": "database unavailable"}
