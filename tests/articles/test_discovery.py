"""Which names in content/articles/ become articles: the filename and slug corpora."""

import json
import os
import re

import pytest

from articles.discovery import scan
from core.slugs import slug_problem
from tests.conftest import CORPUS, article_text

FILENAMES = [json.loads(line) for line in (CORPUS / "paths" / "content_filenames.jsonl").read_text().splitlines() if line]
SLUGS = [json.loads(line) for line in (CORPUS / "paths" / "slugs.jsonl").read_text().splitlines() if line]


def _can_create(folder, name):
    try:
        target = folder / name
        if folder.resolve() not in target.resolve().parents:
            return False
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(article_text())
        return True
    except (OSError, ValueError):
        return False


@pytest.mark.parametrize("name", FILENAMES, ids=range(len(FILENAMES)))
def test_hostile_file_names_never_become_pages_they_should_not(tmp_path, name):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "aspirin.md").write_text(article_text())
    created = _can_create(folder, name)
    result = scan(tmp_path)
    slugs = [candidate.slug for candidate in result.candidates]
    assert len(slugs) == len(set(slugs))
    for candidate in result.candidates:
        assert slug_problem(candidate.slug) is None
        assert candidate.absolute.parent == folder
    assert slugs == ["aspirin"], f"{name!r} (created: {created}) became a page"


@pytest.mark.parametrize("name", ["Aspirin.md", "aspirin.MD"])
def test_case_collisions_give_one_page_and_a_reported_conflict(tmp_path, name):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "aspirin.md").write_text(article_text())
    (folder / name).write_text(article_text())
    result = scan(tmp_path)
    assert [c.slug for c in result.candidates] == ["aspirin"]
    clash = next(p for p in result.problems if p.path == f"articles/{name}")
    assert clash.is_error and "clashes with articles/aspirin.md" in clash.message


@pytest.mark.parametrize("name", ["admin.md", "static.md", "media.md", "search.md", "new.md", "index.md"])
def test_reserved_slugs_are_refused(tmp_path, name):
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / name).write_text(article_text())
    result = scan(tmp_path)
    assert result.candidates == []
    assert "reserved" in result.problems[0].message


@pytest.mark.parametrize("name", [".hidden.md", "draft.md~", "#autosave#.md", ".aspirin.md.swp", "aspirin.md.tmp", "~backup.md"])
def test_editor_leftovers_are_skipped_quietly(tmp_path, name):
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / name).write_text(article_text())
    result = scan(tmp_path)
    assert result.candidates == [] and result.problems == []


def test_symlinks_are_not_followed(tmp_path):
    (tmp_path / "articles").mkdir()
    secret = tmp_path / "secret.md"
    secret.write_text(article_text())
    os.symlink(secret, tmp_path / "articles" / "linked.md")
    result = scan(tmp_path)
    assert result.candidates == []
    assert result.problems[0].code == "symlink"


def test_subfolders_are_reported_not_read(tmp_path):
    (tmp_path / "articles" / "deep").mkdir(parents=True)
    (tmp_path / "articles" / "deep" / "x.md").write_text(article_text())
    result = scan(tmp_path)
    assert result.candidates == [] and result.problems[0].code == "folder"


def test_other_extensions_are_ignored_with_a_warning(tmp_path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "aspirin.txt").write_text("x")
    result = scan(tmp_path)
    assert result.candidates == [] and result.problems[0].level == "warning"


@pytest.mark.parametrize("slug", SLUGS, ids=range(len(SLUGS)))
def test_only_plain_slugs_are_accepted(slug):
    plain = bool(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug)) and len(slug) <= 80
    reserved = slug in {"admin", "static", "media", "api", "search", "new", "index"}
    assert (slug_problem(slug) is None) == (plain and not reserved)


@pytest.mark.parametrize(
    ("name", "unsafe"),
    [
        ("nerve-blocks.md", False),
        ("back pain.md", False),
        ("caf\u00e9.md", False),
        ("bell\x07.md", True),
        ("tab\there.md", True),
        ("delete\x7f.md", True),
        ("evil\u202egnp.md", True),
        ("line\u2028break.md", True),
    ],
)
def test_control_and_direction_characters_mark_a_name_unsafe(name, unsafe):
    from articles.discovery import _has_unsafe_characters

    assert _has_unsafe_characters(name) is unsafe
