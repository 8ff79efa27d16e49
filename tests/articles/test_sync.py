"""sync_content: incremental, atomic, forgiving and bounded."""

import os
import threading
import time

import pytest
from django.db import connection

from articles import sync as sync_module
from articles.discovery import ContentDirError
from articles.models import Article, ArticleTopic, Redirect, SourceFile, Tag
from articles.review_text import text_fingerprint
from articles.sync import content_changed, needs_sync, sync_content
from core.models import SiteState
from glossary.models import GlossaryTerm
from search.models import SearchDocument
from search.service import search
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


def test_after_an_edit_the_next_sync_finds_nothing_changed_and_keeps_the_content_version(content):
    path = content.write("one", title="Before")
    sync_content()
    path.write_text(article_text(title="After, edited"))
    assert sync_content().updated == ["one"]
    version = SiteState.current().content_version
    report = sync_content()
    assert (report.updated, report.unchanged, report.changed) == ([], 1, False)
    assert SiteState.current().content_version == version
    assert not needs_sync()


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


GLOSSARY = 'steroid:\n  definition: "A strong medicine that calms swelling."\n'


def test_a_changed_glossary_is_applied_searchable_and_then_left_alone_until_it_changes_again(content):
    glossary = content.root / "glossary.yml"
    glossary.write_text(GLOSSARY, encoding="utf-8")
    content.write("one")
    report = sync_content()
    assert report.data_files == ["glossary.yml"] and report.changed
    assert report.content_version == SiteState.current().content_version
    assert "/glossary/#term-steroid" in [result.url for result in search("steroid").results]
    os.utime(glossary, ns=(time.time_ns() + 10**9, time.time_ns() + 10**9))
    version = SiteState.current().content_version
    report = sync_content()
    assert (report.data_files, report.unchanged, report.changed) == ([], 2, False)
    assert SiteState.current().content_version == version
    assert not needs_sync()
    os.utime(glossary, ns=(time.time_ns() + 2 * 10**9, time.time_ns() + 2 * 10**9))
    assert needs_sync()
    assert sync_content(force=True).data_files == ["glossary.yml"]


def test_a_broken_glossary_names_its_line_keeps_the_last_good_one_and_is_applied_once_fixed(content):
    glossary = content.root / "glossary.yml"
    glossary.write_text(GLOSSARY, encoding="utf-8")
    sync_content()
    glossary.write_text("steroid: [broken\n", encoding="utf-8")
    report = sync_content()
    assert [problem.format() for problem in report.failed][0].startswith("glossary.yml:1: error: ")
    assert (report.warnings, report.data_files, report.changed) == ([], [], False)
    assert list(GlossaryTerm.objects.values_list("term", flat=True)) == ["steroid"]
    glossary.write_text(GLOSSARY.replace("steroid", "opioid"), encoding="utf-8")
    assert sync_content().data_files == ["glossary.yml"]
    assert list(GlossaryTerm.objects.values_list("term", flat=True)) == ["opioid"]


def test_a_glossary_warning_is_reported_as_a_warning_and_the_glossary_applied(content):
    (content.root / "glossary.yml").write_text(GLOSSARY + "  colour: blue\n", encoding="utf-8")
    report = sync_content()
    assert report.failed == [] and [problem.level for problem in report.warnings] == ["warning"]
    assert report.data_files == ["glossary.yml"]


def test_a_forced_sync_parses_every_file_again(content):
    content.write("one")
    sync_content()
    assert sync_content(force=True).updated == ["one"]


def test_a_file_the_server_cannot_read_is_reported_and_the_others_are_synced(content, monkeypatch):
    content.write("a-locked")
    content.write("b-open")
    read = sync_module._read

    def refuse_the_locked_file(candidate, max_bytes):
        if candidate.path == "articles/a-locked.md":
            raise PermissionError(13, "Permission denied")
        return read(candidate, max_bytes)

    monkeypatch.setattr(sync_module, "_read", refuse_the_locked_file)
    report = sync_content()
    assert [problem.format() for problem in report.failed] == [
        "articles/a-locked.md:1: error: the file cannot be read: Permission denied"
    ]
    assert report.created == ["b-open"]


def test_touched_files_are_counted_once_each_and_an_edited_one_after_them_is_still_updated(content):
    paths = [content.write("a-one"), content.write("b-two"), content.write("c-three")]
    sync_content()
    for path in paths[:2]:
        os.utime(path, ns=(time.time_ns() + 10**9, time.time_ns() + 10**9))
    paths[2].write_text(article_text(title="Edited"))
    report = sync_content()
    assert (report.unchanged, report.updated) == (2, ["c-three"])
    assert not needs_sync()


def test_a_file_at_the_size_limit_is_synced_whole_and_one_byte_more_is_refused(content, settings):
    text = article_text(body="The okapi rests. " * 10 + "Last words here.")
    settings.CONTENT_MAX_FILE_BYTES = len(text.encode())
    content.write("at-limit", text)
    content.write("over-limit", text + "x")
    content.write("far-over-limit", text * 10)
    report = sync_content()
    assert report.created == ["at-limit"]
    assert "Last words here." in Article.objects.get(slug="at-limit").body_text
    limit = f"error: the file is over the limit of {len(text.encode()):,} bytes. Split it into shorter articles"
    assert sorted(problem.format() for problem in report.failed) == [
        f"articles/far-over-limit.md:1: {limit}",
        f"articles/over-limit.md:1: {limit}",
    ]


@pytest.mark.parametrize(("headings", "has_contents"), [(2, False), (3, True)])
def test_an_article_with_three_headings_or_more_gets_a_table_of_contents(content, headings, has_contents):
    content.write("one", body="\n\n".join(f"## Part {n}\n\nSome words here." for n in range(headings)))
    sync_content()
    toc = Article.objects.get(slug="one").toc_html
    assert ("Part 0" in toc) is has_contents and (toc == "") is not has_contents


def test_an_old_address_that_is_a_live_page_or_taken_by_another_article_is_not_redirected(content):
    content.write("first", redirect_from="[old-address]")
    content.write("second")
    sync_content()
    content.write("third", redirect_from="[old-address, second, new-one]")
    sync_content()
    assert Redirect.objects.get(old_slug="old-address").article.slug == "first"
    assert list(Redirect.objects.filter(article__slug="third").values_list("old_slug", flat=True)) == ["new-one"]


def test_an_old_address_removed_from_an_article_no_longer_leads_to_it(content):
    content.write("one", redirect_from="[old-one]")
    sync_content()
    content.write("one", title="Edited")
    sync_content()
    assert not Redirect.objects.filter(old_slug="old-one").exists()


def test_warnings_are_reported_as_warnings_and_errors_as_failures(content):
    content.write("warned", colour="blue")
    content.write("Bad Name")
    report = sync_content()
    assert [problem.level for problem in report.warnings] == ["warning"]
    assert report.failed and all(problem.is_error for problem in report.failed)


def test_a_missing_picture_is_a_warning_naming_each_article_that_uses_it(content):
    content.write("both", image="spine.jpg", image_alt='""', body="Words.\n\n![An x-ray](images/knee.jpg)")
    content.write("cover", image="hip.jpg", image_alt='""')
    content.write("inline", body="Words.\n\n![An x-ray](images/knee.jpg)")
    report = sync_content()
    assert sorted(problem.format() for problem in report.warnings) == [
        "articles/both.md:1: warning: the picture 'images/knee.jpg' is not in the images folder",
        "articles/both.md:1: warning: the picture 'images/spine.jpg' is not in the images folder",
        "articles/cover.md:1: warning: the picture 'images/hip.jpg' is not in the images folder",
        "articles/inline.md:1: warning: the picture 'images/knee.jpg' is not in the images folder",
    ]


def test_a_tag_with_no_letters_is_filed_under_tag(content):
    content.write("one", tags="['???']")
    sync_content()
    assert [tag.slug for tag in Article.objects.get(slug="one").tags.all()] == ["tag"]


def write_spanish(content, slug, title, translation_of):
    path = content.root / "es" / "articles" / f"{slug}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        f'---\ntitle: "{title}"\nsummary: "Un resumen corto."\npublished: 2024-01-15\ntranslation_of: {translation_of}\n---\n'
        "El médico pone una aguja fina cerca del nervio.\n",
        encoding="utf-8",
    )


def test_a_spanish_article_remembers_the_english_it_was_written_from_until_the_english_changes(content):
    content.write("okapi", title="Okapi facts")
    write_spanish(content, "okapi", "Sobre el okapi", translation_of="okapi")
    write_spanish(content, "sin-ingles", "Sin inglés", translation_of="not-written-yet")
    sync_content()
    english, spanish = (Article.objects.get(slug="okapi", language=language) for language in ("en", "es"))
    assert spanish.made_from == text_fingerprint(english.review_text) and not spanish.translation_behind
    assert not Article.objects.get(slug="sin-ingles").translation_behind
    content.write("okapi", title="Okapi facts", body="New advice about the okapi.")
    sync_content()
    assert Article.objects.get(slug="okapi", language="es").translation_behind


def test_a_spanish_glossary_is_applied_in_spanish_after_an_unchanged_or_missing_english_one(content):
    spanish = content.root / "es" / "glossary.yml"
    spanish.parent.mkdir()
    spanish.write_text('esteroide:\n  definition: "Un medicamento fuerte."\n', encoding="utf-8")
    assert sync_content().data_files == ["es/glossary.yml"]
    (content.root / "glossary.yml").write_text(GLOSSARY, encoding="utf-8")
    sync_content()
    os.utime(content.root / "glossary.yml", ns=(time.time_ns() + 10**9, time.time_ns() + 10**9))
    spanish.write_text('opioide:\n  definition: "Un calmante fuerte."\n', encoding="utf-8")
    assert sync_content().data_files == ["es/glossary.yml"]
    assert sorted(GlossaryTerm.objects.values_list("language", "term")) == [("en", "steroid"), ("es", "opioide")]


def test_a_changed_definition_is_found_by_search_after_the_sync(content):
    glossary = content.root / "glossary.yml"
    glossary.write_text(GLOSSARY, encoding="utf-8")
    sync_content()
    glossary.write_text(GLOSSARY.replace("calms swelling", "calms an okapi"), encoding="utf-8")
    sync_content()
    assert [result.url for result in search("okapi").results] == ["/glossary/#term-steroid"]


def test_a_bidi_control_in_an_edited_body_is_refused_naming_the_line_and_the_last_good_version_stays(content):
    path = content.write("dose", body="Take it every 12 hours.")
    sync_content()
    path.write_text(article_text(body="Take it\nevery \u202e21\u202c hours."), encoding="utf-8")
    report = sync_content()
    assert [problem.format() for problem in report.failed] == [
        "articles/dose.md:7: error: the text contains an invisible control character (RIGHT-TO-LEFT OVERRIDE); delete it"
    ]
    assert "every 12 hours" in Article.objects.get(slug="dose").body_text
