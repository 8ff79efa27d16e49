"""Article pages as patients and staff see them."""

import datetime

import pytest
from django.utils import timezone

from articles.sync import sync_content
from tests.conftest import CORPUS

pytestmark = pytest.mark.django_db

URL_PATHS = [line for line in (CORPUS / "paths" / "url_paths.txt").read_text(encoding="utf-8").splitlines() if line]


def tomorrow():
    return (timezone.localdate() + datetime.timedelta(days=1)).isoformat()


def test_article_page_shows_its_parts(client, content):
    content.write(
        "nerve-blocks",
        title="Nerve blocks",
        summary="What a nerve block is.",
        updated="2024-02-01",
        tags="[procedures]",
        sources='["NHS: Local anaesthesia (nhs.uk)"]',
        body="## One\n\nText.\n\n## Two\n\nMore.\n\n## Three\n\nEven more.",
    )
    sync_content()
    page = client.get("/articles/nerve-blocks/").content.decode()
    assert "<h1>Nerve blocks</h1>" in page
    assert "What a nerve block is." in page
    assert 'datetime="2024-01-15"' in page and 'datetime="2024-02-01"' in page
    assert "min read" in page
    assert "not yet been reviewed by a clinician" in page
    assert "On this page" in page and 'href="#three"' in page
    assert "NHS: Local anaesthesia (nhs.uk)" in page
    assert 'href="/articles/?tag=procedures"' in page


def test_short_article_has_no_table_of_contents(client, content):
    content.write("short")
    sync_content()
    assert "On this page" not in client.get("/articles/short/").content.decode()


def test_front_matter_cannot_claim_a_review(client, content):
    content.write("claims", reviewed="2024-03-01", reviewed_by='"Dr. Ada Example, MD"')
    report = sync_content()
    assert [p.code for p in report.failed] == ["review-claim"]
    assert "a clinical review is made in the admin by a signed-in clinical reviewer" in report.failed[0].message
    assert client.get("/articles/claims/").status_code == 404


def test_front_matter_html_is_shown_escaped(client, content):
    content.write("escaped", title="<img src=x onerror=alert(1)>", summary="</title><script>alert(2)</script>")
    sync_content()
    page = client.get("/articles/escaped/").content.decode()
    assert "<img src=x" not in page and "<script>alert(2)" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


def test_list_is_newest_first_and_paginated_by_twenty(client, content):
    for day in range(1, 23):
        content.write(f"day-{day}", title=f"Day {day}", published=f"2024-01-{day:02d}")
    sync_content()
    first = client.get("/articles/")
    titles = [article.title for article in first.context["articles"]]
    assert titles[:2] == ["Day 22", "Day 21"] and len(titles) == 20
    second = client.get("/articles/?page=2")
    assert [a.title for a in second.context["articles"]] == ["Day 2", "Day 1"]
    assert client.get("/articles/?page=99").status_code == 404
    assert client.get("/articles/?page=abc").status_code == 404


def test_list_filters_by_tag(client, content):
    content.write("tagged", title="Tagged", tags="[back pain]")
    content.write("other", title="Other")
    sync_content()
    response = client.get("/articles/?tag=back-pain")
    assert [a.title for a in response.context["articles"]] == ["Tagged"]
    assert client.get("/articles/?tag=unknown").status_code == 404


@pytest.mark.parametrize("fields", [{"draft": "true"}, {"published": "FUTURE"}])
def test_drafts_and_scheduled_articles_are_hidden_from_the_public(client, content, fields):
    fields = {key: tomorrow() if value == "FUTURE" else value for key, value in fields.items()}
    content.write("hidden", title="Hidden", **fields)
    sync_content()
    assert client.get("/articles/hidden/").status_code == 404
    assert "Hidden" not in client.get("/articles/").content.decode()
    assert "Hidden" not in client.get("/").content.decode()


@pytest.mark.parametrize("fields", [{"draft": "true"}, {"published": "FUTURE"}])
def test_staff_preview_drafts_with_a_banner(client, content, staff_user, fields):
    fields = {key: tomorrow() if value == "FUTURE" else value for key, value in fields.items()}
    content.write("hidden", title="Hidden", **fields)
    sync_content()
    client.force_login(staff_user)
    response = client.get("/articles/hidden/")
    assert response.status_code == 200
    assert "Preview." in response.content.decode()


def test_scheduled_article_appears_on_its_day(client, content, monkeypatch):
    content.write("later", published=tomorrow())
    sync_content()
    assert client.get("/articles/later/").status_code == 404
    day_after = timezone.localdate() + datetime.timedelta(days=2)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: day_after)
    assert client.get("/articles/later/").status_code == 200


def test_redirect_from_answers_301(client, content):
    content.write("new-name", redirect_from="[old-name, older-name]")
    sync_content()
    for old in ("old-name", "older-name"):
        response = client.get(f"/articles/{old}/")
        assert response.status_code == 301
        assert response["Location"] == "/articles/new-name/"


def test_redirect_to_a_draft_is_not_revealed(client, content):
    content.write("secret", draft="true", redirect_from="[old-secret]")
    sync_content()
    assert client.get("/articles/old-secret/").status_code == 404


def test_capitalised_slug_redirects_to_the_canonical_page(client, content):
    content.write("aspirin")
    sync_content()
    response = client.get("/articles/ASPIRIN/")
    assert response.status_code == 301 and response["Location"] == "/articles/aspirin/"


def test_unknown_path_is_a_styled_404(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "We could not find that page" in page and 'class="site-header"' in page


@pytest.mark.parametrize("path", URL_PATHS, ids=range(len(URL_PATHS)))
def test_hostile_url_paths_never_500_or_leak(client, content, path):
    content.write("aspirin")
    sync_content()
    response = client.get(path)
    assert response.status_code in {200, 301, 302, 400, 404}, path
    body = response.content.decode(errors="replace")
    assert "SECRET_KEY" not in body and "root:x:0:0" not in body and "Traceback" not in body
    assert "<script>alert(1)" not in body
    assert "\n" not in response.get("Location", "") and "Set-Cookie" not in str(response.headers.get("Location", ""))
    assert not response.cookies.get("x")
