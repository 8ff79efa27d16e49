"""sync_content: incremental, atomic, forgiving and bounded."""

import os
import threading
import time

import pytest
from django.db import connection

from articles import sync as sync_module
from articles.discovery import ContentDirError
from articles.models import Article, ArticleTopic, Redirect, SourceFile, Tag
from articles.sync import content_changed, needs_sync, sync_content
from core.models import SiteState
from search.models import SearchDocument
from tests.conftest import CORPUS, article_text

pytestmark = pytest.mark.django_db(transaction=True)
NHS_URL = "https://www.nhs.uk/tests-and-treatments/local-anaesthesia/"


def test_first_sync_creates_articles_with_all_metadata(content):
    content.write("nerve-blocks", title="Nerve blocks", tags="[procedures]", redirect_from="[old-blocks]",
                  sources=f"[{{title: Local anaesthesia, publisher: NHS, url: '{NHS_URL}', checked: 2026-11-30}}]")  # fmt: skip
    report = sync_content()
    assert report.created == ["nerve-blocks"]
    article = Article.objects.get(slug="nerve-blocks")
    assert article.title == "Nerve blocks"
    assert [tag.name for tag in article.tags.all()] == ["procedures"]
    assert article.sources == [
        {"title": "Local anaesthesia", "publisher": "NHS", "url": NHS_URL, "checked": "2026-11-30"}
    ]  # fmt: skip
    assert article.source_path == "articles/nerve-blocks.md"
    assert len(article.content_hash) == 64
    assert article.word_count > 0 and article.reading_grade > 0
    assert Redirect.objects.get(old_slug="old-blocks").article == article
    assert SiteState.current().synced_at is not None


def test_unchanged_files_are_skipped(content):
    content.write("one")
    content.write("two")
    sync_content()
    version = SiteState.current().content_version
    report = sync_content()
    assert report.unchanged == 2
    assert not report.changed
    assert SiteState.current().content_version == version


def test_touched_file_with_same_bytes_is_not_parsed_again(content):
    path = content.write("one")
    sync_content()
    os.utime(path, ns=(time.time_ns() + 10**9, time.time_ns() + 10**9))
    report = sync_content()
    assert report.unchanged == 1 and not report.updated


def test_changed_file_is_updated_and_version_bumped(content):
    path = content.write("one", title="Before")
    sync_content()
    version = SiteState.current().content_version
    path.write_text(article_text(title="After"))
    report = sync_content()
    assert report.updated == ["one"]
    assert Article.objects.get(slug="one").title == "After"
    assert SiteState.current().content_version == version + 1


def test_broken_file_keeps_last_good_version_live(content):
    path = content.write("one", title="Good title")
    sync_content()
    path.write_text("---\ntitle: [broken\n---\n")
    report = sync_content()
    assert [p.path for p in report.failed] == ["articles/one.md"]
    article = Article.objects.get(slug="one")
    assert article.title == "Good title"
    assert "articles/one.md:2: error:" in article.last_sync_error


def test_fixing_a_broken_file_clears_its_error(content):
    path = content.write("one")
    sync_content()
    path.write_text("---\ntitle: [broken\n---\n")
    sync_content()
    path.write_text(article_text(title="Fixed"))
    sync_content()
    article = Article.objects.get(slug="one")
    assert (article.title, article.last_sync_error) == ("Fixed", "")


def test_deleted_file_removes_its_article_and_nothing_else(content):
    content.write("one")
    content.write("two")
    sync_content()
    content.remove("one")
    report = sync_content()
    assert report.removed == ["one"]
    assert list(Article.objects.values_list("slug", flat=True)) == ["two"]
    assert not SourceFile.objects.filter(path="articles/one.md").exists()


def test_broken_new_file_does_not_stop_the_others(content):
    content.write("good")
    content.write_bytes("bad.md", b"\xff\xfe not utf-8")
    report = sync_content()
    assert report.created == ["good"]
    assert report.failed[0].path == "articles/bad.md"


def test_missing_content_dir_changes_nothing(content, settings, tmp_path):
    content.write("one")
    sync_content()
    settings.CONTENT_DIR = tmp_path / "does-not-exist"
    with pytest.raises(ContentDirError):
        sync_content()
    assert Article.objects.filter(slug="one").exists()


def test_sync_is_atomic_when_a_write_fails(content, monkeypatch):
    content.write("one", title="Before")
    sync_content()
    content.write("one", title="After")
    content.write("two")

    def explode(**kwargs):
        raise RuntimeError("receiver failed")

    content_changed.connect(explode, dispatch_uid="explode")
    try:
        with pytest.raises(RuntimeError):
            sync_content()
    finally:
        content_changed.disconnect(dispatch_uid="explode")
    assert Article.objects.get(slug="one").title == "Before"
    assert not Article.objects.filter(slug="two").exists()


def test_changed_signal_lists_changed_and_removed_slugs(content):
    content.write("one")
    content.write("two")
    sync_content()
    content.remove("two")
    content.write("one", title="New title")
    received = []
    content_changed.connect(lambda **kw: received.append((kw["changed"], kw["removed"])), weak=False, dispatch_uid="spy")
    try:
        sync_content()
    finally:
        content_changed.disconnect(dispatch_uid="spy")
    assert received == [(["one"], ["two"])]


def test_pathological_markdown_is_refused_within_the_time_limit(content, settings):
    settings.CONTENT_RENDER_TIMEOUT = 1
    content.write("slow", body="[" * 20000 + "x" + "]" * 20000)
    content.write("fine")
    started = time.monotonic()
    report = sync_content()
    assert time.monotonic() - started < 5
    assert report.created == ["fine"]
    assert "took longer than 1 seconds" in report.failed[0].message


def test_two_syncs_at_once_do_not_interleave(content):
    for index in range(30):
        content.write(f"article-{index}", title=f"Article {index}")
    reports, errors = [], []

    def run():
        try:
            reports.append(sync_content())
        except Exception as exc:  # collected for the assertion below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(len(report.created) for report in reports) == [0, 30]
    assert Article.objects.count() == 30
    assert SiteState.current().content_version == 1


def test_needs_sync_sees_added_changed_and_deleted_files(content):
    path = content.write("one")
    assert needs_sync()
    sync_content()
    assert not needs_sync()
    os.utime(path, ns=(time.time_ns() + 10**9, time.time_ns() + 10**9))
    assert needs_sync()
    sync_content()
    content.remove("one")
    assert needs_sync()


def test_corpus_duplicate_slug_is_refused_and_the_original_keeps_its_page(content):
    valid = (CORPUS / "yaml_frontmatter" / "00_valid_control.md").read_text()
    copy = (CORPUS / "yaml_frontmatter" / "21_duplicate_slug_other_file.md").read_text()
    content.write("aspirin", valid.replace("date:", 'summary: "s"\npublished:'))
    content.write("another-page", copy.replace("---\n# Body", 'summary: "s"\npublished: 2024-01-01\n---\n# Body'))
    report = sync_content()
    assert report.created == ["aspirin"]
    assert report.failed[0].path == "articles/another-page.md"
    assert "does not match the file name" in report.failed[0].message


def test_many_new_articles_each_get_their_own_tags_topics_and_redirects(content):
    # More articles than one batch of writes, so the batches must not mix up whose rows are whose.
    for index in range(130):
        content.write(
            f"article-{index}",
            title=f"Article {index}",
            tags=f"[every, group-{index % 3}]",
            treatments=f"[treatment-{index}]",
            conditions=f"[condition-{index % 2}]",
            redirect_from=f"[old-{index}]" if index % 10 == 0 else "[]",
        )
    report = sync_content()
    assert len(report.created) == 130 and not report.failed
    for index in (0, 1, 49, 50, 51, 99, 100, 129):
        article = Article.objects.get(slug=f"article-{index}")
        assert sorted(tag.name for tag in article.tags.all()) == ["every", f"group-{index % 3}"]
        assert sorted(article.topics.values_list("kind", "slug")) == [
            ("condition", f"condition-{index % 2}"),
            ("treatment", f"treatment-{index}"),
        ]
        assert list(article.redirects.values_list("old_slug", flat=True)) == ([f"old-{index}"] if index % 10 == 0 else [])
    assert Tag.objects.count() == 4
    assert ArticleTopic.objects.count() == 260


def test_changed_article_has_only_its_new_tags_and_topics(content):
    content.write("one", tags="[needles, back]", treatments="[nerve-block]")
    content.write("two", tags="[back]", conditions="[sciatica]")
    sync_content()
    content.write("one", tags="[back, sleep]", conditions="[arthritis]")
    report = sync_content()
    assert report.updated == ["one"]
    one, two = Article.objects.get(slug="one"), Article.objects.get(slug="two")
    assert sorted(tag.name for tag in one.tags.all()) == ["back", "sleep"]
    assert list(one.topics.values_list("kind", "slug")) == [("condition", "arthritis")]
    assert [tag.name for tag in two.tags.all()] == ["back"]
    assert list(two.topics.values_list("kind", "slug")) == [("condition", "sciatica")]


def test_a_large_sync_announces_each_article_once_in_batches_and_all_are_searchable(content, monkeypatch):
    monkeypatch.setattr(sync_module._ArticleWriter, "BATCH", 10)
    monkeypatch.setattr(sync_module, "ANNOUNCE_EVERY", 20)
    for index in range(45):
        content.write(f"article-{index}", title=f"Article {index}")
    received = []
    content_changed.connect(lambda **kw: received.append(list(kw["changed"])), weak=False, dispatch_uid="spy")
    try:
        sync_content()
    finally:
        content_changed.disconnect(dispatch_uid="spy")
    assert [len(changed) for changed in received] == [20, 20, 5]
    assert sorted(slug for changed in received for slug in changed) == sorted(f"article-{index}" for index in range(45))
    assert SearchDocument.objects.filter(kind=SearchDocument.ARTICLE).count() == 45
