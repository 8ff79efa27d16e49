"""The front-matter reader: the fences, the body and its first line, and the characters no page may carry."""

import datetime

import pytest

from articles import frontmatter
from core.problems import ContentError
from tests.conftest import CORPUS


def test_the_forbidden_characters_are_exactly_the_controls_and_direction_marks():
    import sys
    import unicodedata

    from core.safe_yaml import BIDI_CONTROLS, _forbidden_character

    def forbidden(char):
        return char not in "\n\t" and (unicodedata.category(char) == "Cc" or char in BIDI_CONTROLS)

    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if 0xD800 <= code <= 0xDFFF:
            continue  # surrogates cannot stand in decoded text
        assert (_forbidden_character("ab" + char) is not None) is forbidden(char), f"U+{code:04X}"
    assert _forbidden_character("line one\nline two\u202eowt") == (17, "\u202e")


@pytest.mark.parametrize(
    "name,line,code,message",
    [
        (
            "06_missing_closing_fence.md",
            6,
            "fence",
            "the front matter is never closed: add a line of three hyphens (---) after it",
        ),
        ("07_no_front_matter.md", 1, "fence", "the file must start with a line of three hyphens (---) and the front matter"),
        (
            "42_toml_fence.md",
            1,
            "fence",
            "the file must start with a line of three hyphens (---) and the front matter "
            "(TOML +++ front matter is not supported; use YAML)",
        ),
        ("48_empty_file.md", 1, "empty", "the file is empty; an article starts with front matter between --- lines"),
        ("49_only_fences.md", 2, "empty", "the front matter is empty; it needs at least title, summary and published"),
    ],
)
def test_a_file_without_front_matter_between_fences_tells_staff_how_to_start_it(name, line, code, message):
    with pytest.raises(ContentError) as caught:
        frontmatter.read((CORPUS / "yaml_frontmatter" / name).read_bytes())
    assert (caught.value.line, caught.value.code, caught.value.message) == (line, code, message)


@pytest.mark.parametrize("raw", [b"", b"   \n\n", b"\xef\xbb\xbf\n"])
def test_an_empty_or_blank_file_is_called_empty(raw):
    with pytest.raises(ContentError, match="the file is empty"):
        frontmatter.read(raw)


def test_the_front_matter_the_body_and_the_line_the_body_starts_on_are_read():
    data, lines, body, body_line = frontmatter.read(b"---\ntitle: Dose\nsummary: How much\n---\n## First\n\nText.\n")
    assert data == {"title": "Dose", "summary": "How much"} and lines == {"title": 2, "summary": 3}
    assert body == "## First\n\nText.\n" and body_line == 5


@pytest.mark.parametrize("fence", ["---  ", "---\t", "--- \t "])
def test_fences_with_trailing_spaces_or_tabs_still_count(fence):
    data, _, body, body_line = frontmatter.read(f"{fence}\ntitle: Dose\n{fence}\nBody.".encode())
    assert data == {"title": "Dose"} and body == "Body." and body_line == 4


@pytest.mark.parametrize("fence", [" ---", "----", "--- x", "-- -"])
def test_a_line_that_only_looks_like_a_fence_does_not_open_the_front_matter(fence):
    with pytest.raises(ContentError) as caught:
        frontmatter.read(f"{fence}\ntitle: Dose\n---\nBody.".encode())
    assert caught.value.code == "fence" and caught.value.line == 1


def test_a_line_that_only_looks_like_a_fence_does_not_close_it():
    with pytest.raises(ContentError) as caught:
        frontmatter.read(b"---\ntitle: Dose\n----\n--- x\nBody.")
    assert caught.value.code == "fence" and caught.value.line == 5


def test_a_body_may_use_three_hyphens_as_a_rule():
    _, _, body, body_line = frontmatter.read(b"---\ntitle: Dose\n---\nOne.\n---\nTwo.\n")
    assert body == "One.\n---\nTwo.\n" and body_line == 4


def test_only_a_calendar_day_is_a_date():
    assert frontmatter.is_date(datetime.date(2024, 1, 15))
    assert not frontmatter.is_date(datetime.datetime(2024, 1, 15, 9, 30))
    assert not frontmatter.is_date("2024-01-15") and not frontmatter.is_date(None)
